/**
 * The registration form's projector: validation.ts checks the answer and parses it into a draft;
 * here each valid draft's children become participants with pseudonymous ids, repeated
 * registrations merged.
 */
import type { Participant } from '../model';
import { validateRegistration, type RegistrationDraft } from '../validation';
import { mergeRegistrations, participantKey, teamKey } from '../matching';
import { schoolYearOf } from '../text/periods';
import { byRow, submittedAt, type ProjectionRun } from '../projection';
import type { RawResponse } from '../responses';

export function projectRegistrations(responses: RawResponse[], run: ProjectionRun): void {
  const { contextAt, flag, options } = run;
  const registered: Participant[] = [];
  for (const response of byRow(responses)) {
    const checked = validateRegistration(response.answers, contextAt(response));
    flag(response, 'registration', checked.issues, checked.draft.school);
    if (!checked.ok) continue;
    registered.push(
      ...registrationParticipants(
        checked.draft,
        { responseId: response.id, submittedAt: submittedAt(response) },
        options.salt,
        options.idYearFrom,
      ),
    );
  }
  run.participants = mergeRegistrations(registered).participants;
}

/** The participants a valid registration creates, with pseudonymous ids and one team id. */
export function registrationParticipants(
  draft: RegistrationDraft,
  source: { responseId: string; submittedAt: Date },
  salt = '',
  idYearFrom?: number,
): Participant[] {
  const schoolKeyValue = draft.school ? draft.school.key : '';
  const event = draft.event ? draft.event.name : draft.eventTyped;
  const competency = draft.competency ? draft.competency.name : draft.competencyTyped;
  // Names repeat from year to year: after the first school year the edition's year is part of the
  // id (the first year's ids stay as they were).
  const start = draft.event?.start;
  const year = schoolYearOf(
    start instanceof Date && !isNaN(start.getTime()) ? start : source.submittedAt,
  );
  const idEvent =
    idYearFrom !== undefined && year > idYearFrom ? `${event} ${year}/${year + 1}` : event;
  const ids = draft.children.map(
    (child) =>
      // A closed year's P-id standing in a name cell is read back as that participant.
      child.id ??
      participantKey(
        {
          schoolKey: schoolKeyValue || draft.schoolTyped,
          surname: child.surname,
          name: child.name,
          event: idEvent,
          competency,
        },
        salt,
      ),
  );
  const team = ids.length > 1 ? teamKey(ids) : '';
  return draft.children.map((child, i) => ({
    id: ids[i] ?? '',
    surname: child.surname,
    name: child.name,
    schoolKey: schoolKeyValue,
    classOrGroup: child.classOrGroup,
    ageCategory: draft.ageCategory ? draft.ageCategory.name : draft.ageCategoryTyped,
    competency,
    event,
    team,
    mentor: draft.mentor,
    consent: draft.consent,
    registeredAt: source.submittedAt,
    orderStatus: 'нет',
    result: '',
    sourceResponseId: source.responseId,
  }));
}
