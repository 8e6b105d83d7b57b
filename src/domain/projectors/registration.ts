/**
 * The registration form's projector: each valid registration's children become participants
 * (validation.ts builds them from the draft), repeated registrations merged.
 */
import type { Participant } from '../model';
import { registrationParticipants, validateRegistration } from '../validation';
import { mergeRegistrations } from '../matching';
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
