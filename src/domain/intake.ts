/**
 * The intake as a projection: raw form responses + the staff-owned reference tabs → the derived
 * tabs («Участники», «Приказы», «Отчёты ОУ», «Результаты», «Требует проверки»). A pure function,
 * so a form submit, a catch-up run and `rebuildAll()` produce the same rows by construction, a
 * duplicate delivery changes nothing, and an edited response (same sheet row) updates in place.
 */
import type {
  AgeCategory,
  ChampionshipEvent,
  Competency,
  MonthlyReport,
  Participant,
  ParticipantResult,
  QualityIssue,
  ResultKind,
  School,
  SchoolOrder,
} from './model';
import type { FormKind } from './forms';
import type { RawResponse } from './responses';
import {
  FORM_REGISTRY,
  mapForms,
  RESPONSE_ORDER,
  type Grouped,
  type RawForms,
} from './formRegistry';
import { submittedAt, type OrderWithIds, type ProjectionRun } from './projection';
import { Q } from './forms';
import { toQualityIssues, type FieldIssue, type IntakeContext } from './validation';
import { buildSchoolIndex, matchSchool, type SchoolIndex } from './matching';
import { RESULT_RANK } from './reference';
import { compareRu } from './text/collation';
import { memoText } from './text/memo';
import { DOMAIN_RU } from '../i18n/ru/domain';
import { EventCalendar, undatedEvents } from './eventCalendar';
import { EVENTS_SCHEMA, EVENTS_TAB } from './schema';
import { sha256, toHex } from './hash';
import { matchKey } from './text/clean';
import { withoutClosedYears } from './yearClose';

export interface ReferenceData {
  schools: School[];
  competencies: Competency[];
  events: ChampionshipEvent[];
  ageCategories: AgeCategory[];
}

export type { RawForms } from './formRegistry';
export { confirmationText, resultKey, uploadPrint } from './projection';

export interface IntakeOptions {
  reportDeadlineDay: number;
  /** Secret salt of participant ids (document properties); never changes once set. */
  salt: string;
  /** Lines about the reference tabs (domain/registry.ts), listed after the forms' own. */
  registryIssues?: readonly QualityIssue[];
  /** «Проверять отправителя»: an answer from an address not listed for its ОУ is flagged. */
  checkSender?: boolean;
  /** School years closed by closeSchoolYear: their responses live in the archive, not here. */
  closedYears?: readonly number[];
  /**
   * Order responses (id → uploadPrint of the «Файл приказа» cell refused) whose file the order form
   * never received — typed into the response sheet: flagged, the file is never moved.
   */
  refusedUploads?: ReadonlyMap<string, string>;
  /**
   * The school year the system was set up in (start year). Registrations for editions of later
   * school years carry that year in their pseudonymous id, so a child registered for the same
   * event and competency in two years is two participants; ids of the first year never change.
   */
  idYearFrom?: number;
}

/** A staff confirmation as read from a row of «Результаты». */
export interface Confirmation {
  /** «Подтверждено» is ticked. */
  confirmed: boolean;
  /** «Подтверждено как»: what was confirmed, '' if nothing yet. */
  as: string;
  /** What the row showed when read (its result and score), as `confirmationText` writes it. */
  shown: string;
}

/** Staff-edited columns of derived tabs, carried over by row key. */
export interface StaffColumns {
  /** By `resultKey`: the child, event and competency — never by row or response id. */
  resultConfirmed: Map<string, Confirmation>;
  /** By `qualityStatusKey`. */
  qualityStatus: Map<string, string>;
}

/**
 * What a status staff set in «Требует проверки» belongs to. A problem of an answer: the answer by
 * its timestamp (to the millisecond, as Forms writes it), form, field and value — never by its id,
 * the row of the response sheet, which passes to the next answer when staff delete a row above,
 * nor by the issue key that hashes that id. An edit gives the answer a new timestamp: its problems
 * are to be checked again, as a result changed after its confirmation. A problem of no answer (a
 * reference tab): its key.
 */
export function qualityStatusKey(issue: {
  key?: string;
  detectedAt?: Date | null;
  form: string;
  field: string;
  value: string;
}): string {
  const at = issue.detectedAt;
  if (!at || Number.isNaN(at.getTime())) return issue.key ?? '';
  return [at.getTime(), matchKey(issue.form), matchKey(issue.field), matchKey(issue.value)].join(
    '\u0001',
  );
}

export interface Projection {
  participants: Participant[];
  orders: SchoolOrder[];
  reports: MonthlyReport[];
  results: ParticipantResult[];
  quality: QualityIssue[];
  /** Records of the grouped tabs other forms bring (formRegistry.ts `ownTab`), by tab name. */
  grouped: ReadonlyMap<string, Grouped[]>;
  /** Ids of the responses projected (all of them, or those of the scope's schools). */
  responseIds: Set<string>;
}

/**
 * Every derived record depends only on the responses of its own ОУ (a participant id includes the
 * ОУ key; orders and results match within the ОУ). So a submit re-projects one ОУ's partition and
 * splices it into the tabs; '' is the partition of answers whose ОУ cannot be placed.
 */
export function partitionResolver(schools: SchoolIndex): (schoolAnswer: string) => string {
  // Schools answer from a dropdown, so the same few labels repeat: match each label once.
  const known = new Map<string, string>();
  return (answer) => {
    let partition = known.get(answer);
    if (partition === undefined) {
      const found = answer ? matchSchool(answer, schools, 0) : null;
      partition = found && found.status === 'matched' ? found.school.key : '';
      known.set(answer, partition);
    }
    return partition;
  };
}

/** Forms first (formRegistry.ts), then the reference tabs' lines (domain/registry.ts). */
const FORM_ORDER = [...RESPONSE_ORDER, 'ОУ', 'КОМП'];

/**
 * The canonical position of a derived row: the response that produced it (form, then sheet row).
 * Rows are kept in this order whether they came from one submit or a rebuild, so both agree.
 */
export function canonicalPosition(sourceResponseId: string): number {
  const dash = sourceResponseId.indexOf('-');
  const form = FORM_ORDER.indexOf(dash < 0 ? sourceResponseId : sourceResponseId.slice(0, dash));
  const row = dash < 0 ? 0 : Number(sourceResponseId.slice(dash + 1)) || 0;
  return (form < 0 ? FORM_ORDER.length : form) * 1e9 + row;
}

/** Records in canonical order; a stable sort keeps the order within one response. */
export function inCanonicalOrder<T>(records: T[], source: (record: T) => string): T[] {
  return records
    .map((record, i) => ({ record, i, at: canonicalPosition(source(record)) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((x) => x.record);
}

/** Comparisons already made in this execution: the same hundred-odd ОУ keys meet again and again. */
const comparePair = memoText((pair) => {
  const [a = '', b = ''] = pair.split('\u0001');
  return compareRu(a, b);
});

/**
 * The order of the ОУ blocks in the grouped tabs: by ОУ key the Russian way, numbers as numbers
 * («ДОУ-21» before «ДОУ-104»).
 */
export function comparePartitions(a: string, b: string): number {
  return a === b ? 0 : comparePair(`${a}\u0001${b}`);
}

/**
 * Records of a grouped tab («Участники», «Приказы», «Отчёты ОУ», «Результаты»): one block per ОУ,
 * blocks ordered by `comparePartitions`, canonical order inside a block. A submit then rewrites
 * one contiguous block instead of rows scattered over the whole tab.
 */
export function inGroupedOrder<T extends { schoolKey: string; sourceResponseId: string }>(
  records: T[],
): T[] {
  return records
    .map((record, i) => ({ record, i, at: canonicalPosition(record.sourceResponseId) }))
    .sort(
      (a, b) =>
        comparePartitions(a.record.schoolKey, b.record.schoolKey) || a.at - b.at || a.i - b.i,
    )
    .map((x) => x.record);
}

/** Builds every derived record from the raw responses; nothing the schools typed is lost. */
export function projectIntake(
  raw: RawForms,
  reference: ReferenceData,
  options: IntakeOptions,
  staff: StaffColumns = { resultConfirmed: new Map(), qualityStatus: new Map() },
  scope?: ReadonlySet<string>,
  schools: SchoolIndex = buildSchoolIndex(reference.schools),
): Projection {
  if (options.closedYears?.length) {
    raw = withoutClosedYears(raw, reference.events, options.closedYears);
  }
  if (scope) raw = inScope(raw, schools, scope);
  const responseIds = new Set<string>();
  for (const { definition } of FORM_REGISTRY) {
    for (const response of raw[definition.kind]) responseIds.add(response.id);
  }
  const quality: QualityIssue[] = [];
  const contextAt = (response: RawResponse): IntakeContext => ({
    schools,
    events: reference.events,
    competencies: reference.competencies,
    ageCategories: reference.ageCategories,
    // Rules are judged at the moment of the answer, so a rebuild next year says the same.
    now: submittedAt(response),
  });
  const flag = (
    response: RawResponse,
    form: FormKind,
    issues: readonly FieldIssue[],
    school?: School | null,
  ): void => {
    if (options.checkSender && school && response.respondent) {
      const listed = school.emails.some((e) => e.trim().toLowerCase() === response.respondent);
      if (!listed) issues = [...issues, senderIssue(response.respondent)];
    }
    if (issues.length === 0) return;
    quality.push(
      ...toQualityIssues(issues, {
        responseId: response.id,
        form,
        detectedAt: submittedAt(response),
      }),
    );
  };

  const run: ProjectionRun = {
    options,
    staff,
    calendar: new EventCalendar(reference.events),
    contextAt,
    flag,
    participants: [],
    orders: [],
    reports: [],
    results: [],
    quality,
    grouped: new Map(),
  };
  // Each form's projector (formRegistry.ts), in the registry's order: registration first.
  for (const entry of FORM_REGISTRY) entry.project(raw[entry.definition.kind], run);
  const { participants, orders, reports, results } = run;

  const ordered = new Set<string>();
  for (const order of orders) for (const id of order.matchedIds ?? []) ordered.add(id);
  const best = bestResults(results);
  for (const p of participants) {
    p.orderStatus = ordered.has(p.id) ? 'есть' : 'нет';
    p.result = best.get(p.id) ?? '';
  }
  quality.push(...(options.registryIssues ?? []));
  // The reference tabs are judged whole, so only a full projection lists their problems; a
  // submit keeps those rows as they are (they belong to no response of its scope).
  if (!scope) quality.push(...undatedEventIssues(reference.events));
  for (const issue of quality) {
    const status = staff.qualityStatus.get(qualityStatusKey(issue));
    if (status) issue.status = status;
  }
  return {
    participants: inGroupedOrder(participants),
    orders: inGroupedOrder(orders.map(stripIds)),
    reports: inGroupedOrder(reports),
    results: inGroupedOrder(results),
    grouped: new Map([...run.grouped].map(([tab, records]) => [tab, inGroupedOrder(records)])),
    quality: inCanonicalOrder(
      uniqueBy(quality, (q) => q.key ?? ''),
      (q) => q.responseId,
    ),
    responseIds,
  };
}

/**
 * «Требует проверки» rows for events of «Мероприятия» without a start date: they cannot be placed
 * in time (eventCalendar.ts), so staff are told what to fill in.
 */
export function undatedEventIssues(events: readonly ChampionshipEvent[]): QualityIssue[] {
  const t = DOMAIN_RU.quality;
  return undatedEvents(events).map((e) => ({
    key: `E-${toHex(sha256(['event-undated', matchKey(e.name)].join('\u0001'))).slice(0, 12)}`,
    detectedAt: null,
    responseId: EVENTS_TAB,
    form: EVENTS_TAB,
    field: EVENTS_SCHEMA.columns.find((c) => c.field === 'start')?.header ?? '',
    value: e.name,
    problem: t.eventUndated(e.name),
    suggestion: t.eventUndatedSuggestion,
    status: t.statusNew,
  }));
}

/** Only the responses whose ОУ is in the scope. */
function inScope(raw: RawForms, schools: SchoolIndex, scope: ReadonlySet<string>): RawForms {
  const partitionOf = partitionResolver(schools);
  const keep = (list: RawResponse[]): RawResponse[] =>
    list.filter((r) => scope.has(partitionOf(r.answers[Q.school] ?? '')));
  return mapForms((kind) => keep(raw[kind]));
}

/** The warning of an answer sent from an address the registry does not list for its ОУ. */
function senderIssue(respondent: string): FieldIssue {
  return {
    field: DOMAIN_RU.quality.senderField,
    value: respondent,
    severity: 'warning',
    rule: 'sender-not-listed',
    message: DOMAIN_RU.quality.senderNotListed,
    suggestion: DOMAIN_RU.quality.senderSuggestion(respondent),
  };
}

/** Best result per participant, by the order of RESULT_KINDS (winner first). */
function bestResults(results: ParticipantResult[]): Map<string, ResultKind> {
  const rank = (kind: ResultKind): number => RESULT_RANK[kind];
  const best = new Map<string, ResultKind>();
  for (const r of results) {
    if (!r.participantId) continue;
    const current = best.get(r.participantId);
    if (current === undefined || rank(r.result) < rank(current))
      best.set(r.participantId, r.result);
  }
  return best;
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function stripIds(order: OrderWithIds): SchoolOrder {
  const { matchedIds: _ids, ...rest } = order;
  return rest;
}
