/**
 * What the projectors of the forms share (domain/projectors/*.ts): the state of one projection
 * run, which each form's projector reads and adds to, and the small helpers they use. The
 * projection itself — the order of the forms, the participants' order status and best result,
 * «Требует проверки» — is domain/intake.ts.
 */
import type {
  MonthlyReport,
  Participant,
  ParticipantResult,
  QualityIssue,
  School,
  SchoolOrder,
} from './model';
import type { FormKind } from './forms';
import type { RawResponse } from './responses';
import type { FieldIssue, IntakeContext } from './validation';
import type { IntakeOptions, StaffColumns } from './intake';
import type { EventCalendar } from './eventCalendar';
import type { Grouped } from './formRegistry';
import { sha256, toHex } from './hash';
import { matchKey } from './text/clean';

export type Flag = (
  response: RawResponse,
  form: FormKind,
  issues: readonly FieldIssue[],
  school?: School | null,
) => void;

export type ContextAt = (response: RawResponse) => IntakeContext;
export type OrderWithIds = SchoolOrder & { matchedIds?: string[] };

/**
 * One projection run: the context and the records so far. The registry's forms project in its
 * order, so a form that reads the participants comes after the registration.
 */
export interface ProjectionRun {
  options: IntakeOptions;
  staff: StaffColumns;
  /** Orders and results name children of one edition: last year's of the same name are not them. */
  calendar: EventCalendar;
  contextAt: ContextAt;
  flag: Flag;
  participants: Participant[];
  orders: OrderWithIds[];
  reports: MonthlyReport[];
  results: ParticipantResult[];
  quality: QualityIssue[];
  /**
   * Records of grouped tabs other than the four above, by tab name: a form that brings its own
   * tab adds its records here (formRegistry.ts `ownTab`).
   */
  grouped: Map<string, Grouped[]>;
}

/** A form's projector: its responses (of the run's scope) into the run's records. */
export type Projector = (responses: RawResponse[], run: ProjectionRun) => void;

/**
 * What a confirmation is tied to: the participant (by pseudonymous id, or by ОУ and typed name when
 * unmatched), the event and the competency. Response ids are sheet rows and shift when a raw row is
 * deleted, so they never key a confirmation.
 */
export function resultKey(
  r: Pick<
    ParticipantResult,
    'participantId' | 'schoolKey' | 'participantName' | 'event' | 'competency'
  >,
): string {
  const who = r.participantId || `${r.schoolKey}|${matchKey(r.participantName)}`;
  return [who, matchKey(r.event), matchKey(r.competency)].join('\u0001');
}

/** The fingerprint of a confirmed result: its place and score, as the tab shows it. */
export function confirmationText(result: string, score: number | null | ''): string {
  return score === null || score === '' ? result : `${result}; ${score}`;
}

/** A short fingerprint of a «Файл приказа» cell, to remember a refused one without its text. */
export function uploadPrint(cell: string): string {
  return toHex(sha256(cell)).slice(0, 16);
}

export function submittedAt(response: RawResponse): Date {
  return response.timestamp ?? new Date(0);
}

export function byRow(responses: RawResponse[]): RawResponse[] {
  return [...responses].sort((a, b) => a.row - b.row);
}

/** One record per key, the later one winning, in order of the key's first appearance. */
export function latestBy<T>(items: T[], key: (item: T) => string): T[] {
  const position = new Map<string, number>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    const at = position.get(k);
    if (at === undefined) {
      position.set(k, out.length);
      out.push(item);
    } else out[at] = item;
  }
  return out;
}

export function unique(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}
