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
import { FORM_REGISTRY, mapForms, RESPONSE_ORDER, type RawForms } from './formRegistry';
import { Q } from './forms';
import {
  registrationParticipants,
  toMonthlyReport,
  toQualityIssues,
  validateMonthlyReport,
  validateOrder,
  validateRegistration,
  validateResult,
  type FieldIssue,
  type IntakeContext,
} from './validation';
import {
  buildSchoolIndex,
  matchNamedParticipants,
  matchSchool,
  mergeRegistrations,
  type SchoolIndex,
} from './matching';
import { RESULT_RANK } from './reference';
import { compareRu } from './text/collation';
import { memoText } from './normalize/memo';
import { DOMAIN_RU } from '../i18n/ru/domain';
import { EventCalendar, undatedEvents } from './eventCalendar';
import { EVENTS_SCHEMA, EVENTS_TAB } from './schema';
import { sha256, toHex } from './hash';
import { matchKey } from './normalize/text';
import { fullNameText } from './normalize/person';
import { withoutClosedYears } from './yearClose';

export interface ReferenceData {
  schools: School[];
  competencies: Competency[];
  events: ChampionshipEvent[];
  ageCategories: AgeCategory[];
}

export type { RawForms } from './formRegistry';

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
  qualityStatus: Map<string, string>;
}

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

export interface Projection {
  participants: Participant[];
  orders: SchoolOrder[];
  reports: MonthlyReport[];
  results: ParticipantResult[];
  quality: QualityIssue[];
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

/** A short fingerprint of a «Файл приказа» cell, to remember a refused one without its text. */
export function uploadPrint(cell: string): string {
  return toHex(sha256(cell)).slice(0, 16);
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

  const registered: Participant[] = [];
  for (const response of byRow(raw.registration)) {
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
  const participants = mergeRegistrations(registered).participants;
  // Orders and results name children of one edition: last year's of the same name are not them.
  const calendar = new EventCalendar(reference.events);

  const orders = latestBy(
    projectOrders(raw.order, participants, contextAt, flag, options.refusedUploads, calendar),
    (o) => `${o.schoolKey}|${o.number}|${o.date ? o.date.getTime() : ''}`,
  );
  const reports = projectReports(raw.report, options, contextAt, flag);
  const results = projectResults(
    raw.results,
    participants,
    contextAt,
    flag,
    staff,
    calendar,
    (r, was, now) =>
      quality.push(
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
    const status = issue.key ? staff.qualityStatus.get(issue.key) : undefined;
    if (status) issue.status = status;
  }
  return {
    participants: inGroupedOrder(participants),
    orders: inGroupedOrder(orders.map(stripIds)),
    reports: inGroupedOrder(reports),
    results: inGroupedOrder(results),
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

type Flag = (
  response: RawResponse,
  form: FormKind,
  issues: readonly FieldIssue[],
  school?: School | null,
) => void;

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
type ContextAt = (response: RawResponse) => IntakeContext;
type OrderWithIds = SchoolOrder & { matchedIds?: string[] };

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

function projectReports(
  responses: RawResponse[],
  options: IntakeOptions,
  contextAt: ContextAt,
  flag: Flag,
): MonthlyReport[] {
  const byKey = new Map<string, MonthlyReport>();
  for (const response of byRow(responses)) {
    const checked = validateMonthlyReport(response.answers, contextAt(response));
    flag(response, 'report', checked.issues, checked.draft.school);
    if (!checked.ok || !checked.draft.school) continue;
    const report = toMonthlyReport(
      checked.draft,
      { responseId: response.id, submittedAt: submittedAt(response) },
      options.reportDeadlineDay,
    );
    const key = `${report.schoolKey}|${report.period}`;
    const earlier = byKey.get(key);
    // A corrected report replaces the content; it stays on time if the first one was.
    if (earlier) report.onTime = report.onTime || earlier.onTime;
    byKey.set(key, report);
  }
  return [...byKey.values()];
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

function submittedAt(response: RawResponse): Date {
  return response.timestamp ?? new Date(0);
}

function byRow(responses: RawResponse[]): RawResponse[] {
  return [...responses].sort((a, b) => a.row - b.row);
}

/** One record per key, the later one winning, in order of the key's first appearance. */
function latestBy<T>(items: T[], key: (item: T) => string): T[] {
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

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function unique(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}

function stripIds(order: OrderWithIds): SchoolOrder {
  const { matchedIds: _ids, ...rest } = order;
  return rest;
}
