/** The dropdown choices of the forms, from the reference tabs (formRanger without a trigger). */
import { FORMS, type ChoiceSource, type QuestionDefinition } from '../domain/forms';
import { sha256, toHex } from '../domain/hash';
import type { ReferenceData } from '../domain/intake';
import { openForm, syncChoices } from '../workspace/forms';
import { PROPERTY_KEYS, readProperty, writeProperty } from '../workspace/properties';
import { RESULT_KINDS } from '../domain/reference';
import { schoolLabel } from '../domain/matching';
import { compareRu } from '../domain/text/collation';
import { formatMonthYear } from '../domain/text/periods';
import { reportMonthsOffered } from '../domain/schedule';
import { closedYears } from '../workspace/archive';

/**
 * Choices per source: ОУ by label, active competencies, events, categories, the months the report
 * form offers (domain/schedule.ts: the school year's, August until its deadline has passed).
 */
export function choiceLists(
  reference: ReferenceData,
  now: Date,
  reportDeadlineDay: number,
): (q: QuestionDefinition) => string[] | null {
  const lists: Record<ChoiceSource, string[]> = {
    schools: reference.schools.map(schoolLabel).sort(compareRu),
    events: reference.events.map((e) => e.name),
    competencies: reference.competencies
      .filter((c) => c.active)
      .map((c) => c.name)
      .sort(compareRu),
    ageCategories: reference.ageCategories.map((a) => a.name),
    months: reportMonthsOffered(now, reportDeadlineDay, closedYears()).map(formatMonthYear),
    resultKinds: RESULT_KINDS.map((k) => k.kind),
  };
  return (question) => (question.choicesFrom ? unique(lists[question.choicesFrom]) : null);
}

function unique(values: string[]): string[] {
  return values.filter((v, i) => v !== '' && values.indexOf(v) === i);
}

/** A fingerprint of every form's wanted choices: unchanged means the forms need no visit. */
export function choicesFingerprint(choices: (q: QuestionDefinition) => string[] | null): string {
  const lists = FORMS.map((form) =>
    form.questions.map((q) => (q.kind === 'list' ? (choices(q) ?? []).join('\u0001') : '')),
  );
  return toHex(sha256(JSON.stringify(lists))).slice(0, 16);
}

/**
 * Sets every form's dropdowns from the reference; returns how many questions changed. With
 * `onlyIfChanged`, forms are not visited when the lists equal the last sync (the daily run). The
 * caller holds the lock.
 */
export function syncAllChoices(
  reference: ReferenceData,
  reportDeadlineDay: number,
  onlyIfChanged = false,
): number {
  const choices = choiceLists(reference, new Date(), reportDeadlineDay);
  const fingerprint = choicesFingerprint(choices);
  if (onlyIfChanged && readProperty(PROPERTY_KEYS.choicesFingerprint) === fingerprint) return 0;
  let changed = 0;
  for (const definition of FORMS) {
    const form = openForm(definition.kind);
    if (form) changed += syncChoices(form, definition, choices);
  }
  writeProperty(PROPERTY_KEYS.choicesFingerprint, fingerprint);
  return changed;
}

/** Records that every form's dropdowns hold `choices` (set-up synced them itself). */
export function recordChoicesSynced(choices: (q: QuestionDefinition) => string[] | null): void {
  const fingerprint = choicesFingerprint(choices);
  if (readProperty(PROPERTY_KEYS.choicesFingerprint) !== fingerprint) {
    writeProperty(PROPERTY_KEYS.choicesFingerprint, fingerprint);
  }
}
