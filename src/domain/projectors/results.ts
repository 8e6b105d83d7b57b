/**
 * The results form's projector: each result matched to a registered child of the same edition
 * and competency, the latest answer per child, event and competency winning; staff confirmations
 * carried over by what they confirm, and a result changed after its confirmation flagged.
 */
import type { Participant, ParticipantResult } from '../model';
import type { RawResponse } from '../responses';
import type { StaffColumns } from '../intake';
import { Q } from '../forms';
import { toQualityIssues, validateResult, type FieldIssue } from '../validation';
import { matchNamedParticipants } from '../matching';
import { fullNameText } from '../text/names';
import { DOMAIN_RU } from '../../i18n/ru/domain';
import type { EventCalendar } from '../eventCalendar';
import {
  byRow,
  confirmationText,
  latestBy,
  resultKey,
  submittedAt,
  type ContextAt,
  type Flag,
  type ProjectionRun,
} from '../projection';

export function projectResultForm(responses: RawResponse[], run: ProjectionRun): void {
  run.results = projectResults(
    responses,
    run.participants,
    run.contextAt,
    run.flag,
    run.staff,
    run.calendar,
    (r, was, now) =>
      run.quality.push(
        ...toQualityIssues(
          [
            {
              field: Q.result,
              value: now,
              severity: 'warning',
              rule: 'result-changed-after-confirmation',
              message: DOMAIN_RU.quality.changedAfterConfirmation(was, now),
              suggestion: DOMAIN_RU.quality.changedAfterConfirmationSuggestion,
            },
          ],
          { responseId: r.sourceResponseId, form: 'results', detectedAt: r.submittedAt },
        ),
      ),
  );
}

function projectResults(
  responses: RawResponse[],
  participants: Participant[],
  contextAt: ContextAt,
  flag: Flag,
  staff: StaffColumns,
  calendar: EventCalendar,
  changed: (result: ParticipantResult, confirmedAs: string, now: string) => void,
): ParticipantResult[] {
  const results: ParticipantResult[] = [];
  for (const response of byRow(responses)) {
    const checked = validateResult(response.answers, contextAt(response));
    const issues: FieldIssue[] = [...checked.issues];
    const { school, event, competency, participant, result } = checked.draft;
    if (!checked.ok || !school || !participant || !result) {
      flag(response, 'results', issues, school);
      continue;
    }
    const eventName = event ? event.name : checked.draft.eventTyped;
    const competencyName = competency ? competency.name : checked.draft.competencyTyped;
    const pool = calendar.sameEdition(
      participants.filter((p) => p.competency === competencyName),
      eventName,
      submittedAt(response),
      'result',
    );
    const named = matchNamedParticipants([participant], pool, school.key, eventName);
    const typed = fullNameText(participant);
    const match = named.matched[0];
    if (!match) {
      const candidates = named.unmatched[0]?.candidates ?? [];
      issues.push({
        field: Q.resultParticipant,
        value: typed,
        severity: 'warning',
        rule: 'result-person-unmatched',
        message: DOMAIN_RU.quality.personUnmatched(typed),
        suggestion: DOMAIN_RU.quality.personSuggestion(candidates.map(fullNameText)),
      });
    }
    flag(response, 'results', issues, school);
    const record: ParticipantResult = {
      participantId: match ? match.person.id : '',
      schoolKey: school.key,
      event: eventName,
      competency: competencyName,
      participantName: typed,
      result,
      score: checked.draft.score,
      confirmed: false,
      confirmedAs: '',
      submittedAt: submittedAt(response),
      sourceResponseId: response.id,
    };
    results.push(record);
  }
  const latest = latestBy(
    results,
    (r) => `${r.participantId || r.participantName}|${r.event}|${r.competency}|${r.schoolKey}`,
  );
  for (const r of latest) {
    const staffMark = staff.resultConfirmed.get(resultKey(r));
    if (!staffMark) continue;
    // Ticked: staff confirm what the row showed. Unticked while it still shows what was
    // confirmed: staff took the confirmation back. Otherwise the confirmation stands as it was.
    let as = staffMark.confirmed ? staffMark.shown : staffMark.as;
    if (!staffMark.confirmed && staffMark.as === staffMark.shown) as = '';
    if (as === '') continue;
    r.confirmedAs = as;
    const now = confirmationText(r.result, r.score);
    r.confirmed = as === now;
    if (!r.confirmed) changed(r, as, now);
  }
  return latest;
}
