/**
 * The order form's projector: each order matched to the registered children it names (of the
 * same edition); a «Файл приказа» typed into the response sheet is flagged. The latest answer of
 * an order (ОУ, number, date) wins.
 */
import type { Participant } from '../model';
import type { RawResponse } from '../responses';
import { Q } from '../forms';
import { validateOrder, type FieldIssue } from '../validation';
import { matchNamedParticipants } from '../matching';
import { fullNameText } from '../text/names';
import { DOMAIN_RU } from '../../i18n/ru/domain';
import type { EventCalendar } from '../eventCalendar';
import {
  byRow,
  latestBy,
  submittedAt,
  unique,
  uploadPrint,
  type ContextAt,
  type Flag,
  type OrderWithIds,
  type ProjectionRun,
} from '../projection';

export function projectOrderForm(responses: RawResponse[], run: ProjectionRun): void {
  run.orders = latestBy(
    projectOrders(
      responses,
      run.participants,
      run.contextAt,
      run.flag,
      run.options.refusedUploads,
      run.calendar,
    ),
    (o) => `${o.schoolKey}|${o.number}|${o.date ? o.date.getTime() : ''}`,
  );
}

function projectOrders(
  responses: RawResponse[],
  participants: Participant[],
  contextAt: ContextAt,
  flag: Flag,
  refusedUploads?: ReadonlyMap<string, string>,
  calendar?: EventCalendar,
): OrderWithIds[] {
  const orders: OrderWithIds[] = [];
  for (const response of byRow(responses)) {
    const checked = validateOrder(response.answers, contextAt(response));
    const issues: FieldIssue[] = [...checked.issues];
    // A «Файл приказа» cell the form never filled (typed into the response sheet): flagged, and
    // its links are not the order's file.
    const uploadCell = String(response.answers[Q.orderFile] ?? '');
    const refused = refusedUploads?.get(response.id);
    if (refused !== undefined && refused === uploadPrint(uploadCell)) {
      issues.push({
        field: Q.orderFile,
        value: uploadCell,
        severity: 'warning',
        rule: 'order-file-not-uploaded',
        message: DOMAIN_RU.quality.fileNotUploaded,
        suggestion: DOMAIN_RU.quality.fileNotUploadedSuggestion,
      });
      checked.draft.fileLinks = checked.draft.fileLinks.filter((l) => !uploadCell.includes(l));
    }
    const { school, event } = checked.draft;
    if (!checked.ok || !school) {
      flag(response, 'order', issues, school);
      continue;
    }
    const eventName = event ? event.name : checked.draft.eventTyped;
    const named = matchNamedParticipants(
      checked.draft.participants,
      calendar
        ? calendar.sameEdition(participants, eventName, submittedAt(response), 'registration')
        : participants,
      school.key,
      eventName,
    );
    for (const miss of named.unmatched) {
      const typed = fullNameText(miss.named);
      issues.push({
        field: Q.orderParticipants,
        value: typed,
        severity: 'warning',
        rule: 'order-person-unmatched',
        message: DOMAIN_RU.quality.personUnmatched(typed),
        suggestion: DOMAIN_RU.quality.personSuggestion(miss.candidates.map(fullNameText)),
      });
    }
    flag(response, 'order', issues, school);
    const matchedIds = unique(named.matched.map((m) => m.person.id));
    orders.push({
      schoolKey: school.key,
      number: checked.draft.number,
      date: checked.draft.date,
      event: eventName,
      fileLink: checked.draft.fileLinks.join(' '),
      participantsNamed: checked.draft.participants.map(fullNameText),
      matched: matchedIds.length,
      unmatched: named.unmatched.map((m) => fullNameText(m.named)),
      submittedAt: submittedAt(response),
      sourceResponseId: response.id,
      matchedIds,
    });
  }
  return orders;
}
