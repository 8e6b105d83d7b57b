/**
 * What every projection of the answers shares — the full one (jobs/intake.ts) and a submit's own
 * ОУ (jobs/submit.ts): its options and the uploads it places, so both place an answer the same way.
 */
import { ORDER_FORM } from '../domain/forms';
import type { IntakeOptions, Projection } from '../domain/intake';
import type { RawResponse } from '../domain/responses';
import type { OrderUpload } from '../workspace/orderFiles';
import type { Settings } from '../domain/settings';
import { closedYears } from '../workspace/archive';
import {
  participantSalt,
  PROPERTY_KEYS,
  readJsonProperty,
  readProperty,
} from '../workspace/properties';

export function intakeOptions(settings: Settings): IntakeOptions {
  return {
    reportDeadlineDay: settings.reportDeadlineDay,
    salt: participantSalt(),
    checkSender: settings.checkSender,
    closedYears: closedYears(),
    refusedUploads: refusedUploads(),
    idYearFrom: installedSchoolYear(),
  };
}

/** The school year the system was set up in (from its first period), or undefined. */
export function installedSchoolYear(): number | undefined {
  const first = /^(\d{4})-\d{2}$/.exec(readProperty(PROPERTY_KEYS.firstPeriod) ?? '');
  return first ? Number(first[1]) : undefined;
}

/** Order responses whose «Файл приказа» the form never filled (response id → the cell). */
export function refusedUploads(): Map<string, string> {
  const stored = readJsonProperty<Record<string, unknown>>(PROPERTY_KEYS.refusedUploads) ?? {};
  const map = new Map<string, string>();
  for (const [id, cell] of Object.entries(stored)) if (typeof cell === 'string') map.set(id, cell);
  return map;
}

/** The order files of placed orders, with the ОУ each was placed under (for «Банк приказов»). */
export function placedUploads(
  orders: readonly RawResponse[],
  projection: Projection,
): OrderUpload[] {
  const placed = new Map(projection.orders.map((o) => [o.sourceResponseId, o.schoolKey]));
  const question = ORDER_FORM.upload?.question ?? '';
  return orders
    .filter((r) => placed.has(r.id) && (r.answers[question] ?? '') !== '')
    .map((r) => ({
      responseId: r.id,
      row: r.row,
      submittedAt: r.timestamp,
      schoolKey: placed.get(r.id) ?? '',
      uploadAnswer: r.answers[question] ?? '',
    }));
}
