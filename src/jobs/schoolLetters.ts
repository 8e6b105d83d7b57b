/**
 * The monthly letters to ОУ as a job of the daily run (on the note day, after the summary): one
 * letter per ОУ of the registry with an address, made from the note's own Statistics object, put
 * into the one mail queue (which sends them as the quota allows, each once, never two letters to an
 * ОУ the same day). What a letter says is missing counts as the period's reminder of it, so the
 * reminders after the deadline do not repeat it. Reads are batched: the registry, the derived rows
 * and the ledger come from the run; the forms' prefilled links from a template learnt once.
 */
import { buildSchoolLetters, renderSchoolLetter, type LetterForms } from '../domain/schoolLetter';
import { findDebtors, markCarried, parseSentMarks, serializeSentMarks } from '../domain/reminders';
import { splitLetter, type Letter } from '../domain/mail';
import { isReportMonthOffered } from '../domain/schedule';
import type { Statistics, StatisticsInput } from '../domain/statistics';
import type { ReferenceData } from '../domain/intake';
import type { Settings } from '../domain/settings';
import {
  ORDER_FORM,
  Q,
  REGISTRATION_FORM,
  REPORT_FORM,
  type FormDefinition,
} from '../domain/forms';
import type { PrefillField } from '../domain/prefill';
import { formatDateNumeric } from '../domain/text/dates';
import { formatNumber } from '../domain/text/numbers';
import { formatForMonth } from '../domain/text/periods';
import { fillPhrase } from '../i18n/ru/note';
import { LETTERS_JOB_RU, LETTERS_RU } from '../i18n/ru/letters';
import { prefillTemplates, type PrefillQuestion } from '../workspace/forms';
import { enqueueLetters, type Ledger } from '../workspace/mailQueue';
import { PROPERTY_FAMILIES, readProperty, writeProperty } from '../workspace/properties';
import { choiceLists } from './choices';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The id of a month's letter to an ОУ (one letter, split per address by the queue). */
export function schoolLetterId(period: string, schoolKey: string): string {
  return `school:${period}:${schoolKey}`;
}

/** The id of the centre's copy of that letter. */
function copyId(period: string, schoolKey: string): string {
  return `${schoolLetterId(period, schoolKey)}:copy`;
}

/** What the job did, for the daily run's journal. */
export interface SchoolLettersRun {
  outcome: 'ok' | 'skipped';
  details: string;
  queued: number;
}

/**
 * Puts the month's letters into the mail queue (each at most once, whatever happens) and marks
 * what they carry as reminded. `stats` are the note's figures of `period`, `input` the rows they
 * were computed from; the caller holds the lock and passes the ledger it read.
 */
export function queueSchoolLetters(
  spreadsheet: Spreadsheet,
  period: string,
  data: { stats: Statistics; input: StatisticsInput; reference: ReferenceData },
  settings: Settings,
  ledger: Ledger,
): SchoolLettersRun {
  const monthText = formatForMonth(period);
  if (!settings.schoolLetters)
    return { outcome: 'skipped', details: LETTERS_JOB_RU.off(monthText), queued: 0 };
  const now = new Date();
  const { input, stats, reference } = data;
  const debtors = findDebtors(
    period,
    input.schools,
    input.reports,
    input.participants,
    input.events,
    now,
    // Never ask for a month the report form no longer offers (the reminders' rule).
    isReportMonthOffered(period, now, settings.reportDeadlineDay),
  );
  const { letters, withoutEmail } = buildSchoolLetters({
    period,
    today: now,
    stats,
    schools: input.schools,
    reports: input.reports,
    events: input.events,
    debtors,
    reportDeadlineDay: settings.reportDeadlineDay,
    forms: letterForms(reference, now, settings.reportDeadlineDay),
    centre: {
      name: settings.centreName,
      contact: settings.centreContact,
      signaturePosition: settings.signaturePosition,
      signatureName: settings.signatureName,
    },
  });
  const known = new Set(ledger.entries.map((e) => e.id));
  const queue: Letter[] = [];
  const fresh: typeof letters = [];
  for (const model of letters) {
    const id = schoolLetterId(period, model.schoolKey);
    const rendered = renderSchoolLetter(model);
    const base = {
      id,
      kind: 'school' as const,
      subject: rendered.subject,
      body: rendered.body,
      htmlBody: rendered.htmlBody,
      senderName: settings.centreName,
    };
    const split = splitLetter({ ...base, schoolKey: model.schoolKey }, model.to);
    if (split.some((l) => !known.has(l.id))) fresh.push(model);
    queue.push(...split);
    if (settings.schoolLettersCopy.length > 0) {
      queue.push(
        ...splitLetter(
          {
            ...base,
            id: copyId(period, model.schoolKey),
            subject: fillPhrase(LETTERS_RU.copySubject, { subject: rendered.subject }),
          },
          settings.schoolLettersCopy,
        ),
      );
    }
  }
  const queued = enqueueLetters(spreadsheet, queue, ledger);
  // A letter that says what is missing is that day's reminder of it: never repeated.
  const key = PROPERTY_FAMILIES.remindersSent(period);
  const before = readProperty(key);
  let marks = parseSentMarks(before);
  for (const model of fresh) marks = markCarried(marks, model.schoolKey, model.carries);
  const after = serializeSentMarks(marks);
  if (after !== (before ?? serializeSentMarks(new Map()))) writeProperty(key, after);
  const without =
    withoutEmail.length > 0 ? LETTERS_JOB_RU.withoutEmail(formatNumber(withoutEmail.length)) : '';
  return {
    outcome: 'ok',
    details: LETTERS_JOB_RU.queued(monthText, queued, without),
    queued,
  };
}

/** The forms a letter links to, with the ОУ (and the event, the month) to fill in. */
function letterForms(reference: ReferenceData, now: Date, reportDeadlineDay: number): LetterForms {
  const choices = choiceLists(reference, now, reportDeadlineDay);
  const sample = (form: FormDefinition, title: string): PrefillQuestion | undefined => {
    const question = form.questions.find((q) => q.title === title);
    const first = question ? (choices(question) ?? [])[0] : undefined;
    return first ? { title, sample: first } : undefined;
  };
  const fields = (
    form: FormDefinition,
    wanted: Partial<Record<PrefillField, string>>,
  ): Partial<Record<PrefillField, PrefillQuestion>> => {
    const out: Partial<Record<PrefillField, PrefillQuestion>> = {};
    for (const field of Object.keys(wanted) as PrefillField[]) {
      const question = sample(form, wanted[field]!);
      if (question) out[field] = question;
    }
    return out;
  };
  return prefillTemplates({
    registration: fields(REGISTRATION_FORM, { school: Q.school, event: Q.event }),
    report: fields(REPORT_FORM, { school: Q.school, month: Q.month }),
    order: fields(ORDER_FORM, { school: Q.school }),
  });
}

/**
 * The line of the sidebar's health: when the letters of the latest month went out and how many
 * wait in the queue (copies to the centre are not counted).
 */
export function schoolLettersStatus(ledger: Ledger): string {
  const letters = ledger.entries.filter((e) => e.kind === 'school' && e.schoolKey);
  const periods = letters
    .map((e) => /^school:(\d{4}-\d{2}):/.exec(e.id)?.[1] ?? '')
    .filter((p) => p !== '')
    .sort();
  const period = periods[periods.length - 1];
  if (!period) return LETTERS_JOB_RU.statusNone;
  const ofMonth = letters.filter((e) => e.id.startsWith(`school:${period}:`));
  const sentAt = ofMonth
    .filter((e) => e.status === 'sent' && e.updatedAt)
    .map((e) => e.updatedAt!.getTime())
    .sort((a, b) => a - b);
  const waiting = ofMonth.filter((e) => e.status === 'queued').length;
  const when =
    sentAt.length > 0
      ? LETTERS_JOB_RU.statusWhen(
          formatDateNumeric(new Date(sentAt[0]!)),
          formatDateNumeric(new Date(sentAt[sentAt.length - 1]!)),
        )
      : '';
  return LETTERS_JOB_RU.status(
    formatForMonth(period),
    formatNumber(sentAt.length),
    formatNumber(ofMonth.length),
    when,
    waiting > 0 ? LETTERS_JOB_RU.statusQueued(formatNumber(waiting)) : '',
  );
}
