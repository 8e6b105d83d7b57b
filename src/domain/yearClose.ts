/**
 * Closing a school year (closeSchoolYear) as plain data: which year a response belongs to, when a
 * close is allowed, and which cells of the response sheets get a pseudonymous id instead of a
 * child's name. The ids are the intake's own (pseudonym.ts reads them back), so a projection of
 * the pseudonymised sheets gives the same participants.
 *
 * A response belongs to the school year of its event's start in «Мероприятия» (as the statistics
 * place participants); a response whose event has no date, or a monthly report, by its month or
 * its timestamp. Registrations already made for the next year's events keep their names.
 */
import type { ChampionshipEvent, Participant } from './model';
import type { RawForms, ReferenceData } from './intake';
import type { RawResponse } from './responses';
import { FORMS, Q, type FormKind } from './forms';
import { FORM_REGISTRY, mapForms } from './formRegistry';
import { registrationParticipants } from './projectors/registration';
import {
  validateOrder,
  validateRegistration,
  validateResult,
  type IntakeContext,
} from './validation';
import {
  buildSchoolIndex,
  matchEvent,
  matchNamedParticipants,
  mergeRegistrations,
  type SchoolIndex,
} from './matching';
import { parsePeriodAnswer } from './text/dateAnswers';
import { argumentText } from './text/clean';
import { editionAt, editionBegunBy, editionsNamed, EventCalendar } from './eventCalendar';
import {
  fullNameText,
  isPlausibleNamePart,
  normalizePersonName,
  personMatchKey,
  splitFullName,
  splitNameLines,
  type PersonName,
} from './text/names';
import { placeholderId, pseudonymIn, pseudonymsIn } from './pseudonym';
import {
  addMonths,
  periodOf,
  schoolYearOf,
  schoolYearOfPeriod,
  schoolYearPeriods,
  schoolYearStart,
} from './text/periods';

/** The school year a response belongs to, or null when nothing dates it. */
export type ResponseYear = (kind: FormKind, response: RawResponse) => number | null;

/**
 * Resolves responses to school years by their event's start (or month, or timestamp). Names repeat
 * from year to year: of several rows of one name, the edition is the one the intake places the
 * answer in (eventCalendar.ts: editionAt for registrations and orders, editionBegunBy for results).
 */
export function responseYearResolver(events: readonly ChampionshipEvent[]): ResponseYear {
  const rowsByName = new Map<string, ChampionshipEvent[]>();
  const rowsOf = (typed: string): ChampionshipEvent[] => {
    let rows = rowsByName.get(typed);
    if (rows === undefined) {
      const found = matchEvent(typed, events);
      rows = found ? editionsNamed(found.name, events) : [];
      if (found && rows.length === 0) rows = [found];
      rowsByName.set(typed, rows);
    }
    return rows;
  };
  const startYear = (event: ChampionshipEvent | null | undefined): number | null => {
    const start = event?.start;
    return start instanceof Date && !isNaN(start.getTime()) ? schoolYearOf(start) : null;
  };
  return (kind, response) => {
    if (kind === 'report') {
      const parsed = parsePeriodAnswer(response.answers[Q.month] ?? '');
      if (parsed.ok) return schoolYearOfPeriod(parsed.period);
    } else {
      const rows = rowsOf(response.answers[Q.event] ?? '');
      const at = response.timestamp;
      const edition =
        rows.length > 1 && at
          ? kind === 'results'
            ? editionBegunBy(rows, at)
            : editionAt(rows, at).event
          : rows[0];
      const year = startYear(edition);
      if (year !== null) return year;
    }
    return response.timestamp ? schoolYearOf(response.timestamp) : null;
  };
}

/** The responses of years not closed: a closed year lives in its archive, not in derived tabs. */
export function withoutClosedYears(
  raw: RawForms,
  events: readonly ChampionshipEvent[],
  closedYears: readonly number[],
): RawForms {
  if (closedYears.length === 0) return raw;
  const yearOf = responseYearResolver(events);
  const open = (kind: FormKind) => (r: RawResponse) => {
    const year = yearOf(kind, r);
    return year === null || !closedYears.includes(year);
  };
  return mapForms((kind) => raw[kind].filter(open(kind)));
}

/** «2021/2022», «2021-2022», «2021/22» or «2021» → 2021; null when it is none of these. */
export function parseSchoolYear(value: unknown): number | null {
  const text = argumentText(value).trim();
  const m = /^(\d{4})(?:\s*[/–—-]\s*(\d{2}|\d{4}))?(?:\s*(?:учебный\s+год|уч\.?\s*г\.?))?$/i.exec(
    text,
  );
  if (!m) return null;
  const start = Number(m[1]);
  if (m[2] !== undefined) {
    const end = Number(m[2].length === 2 ? String(start + 1).slice(0, 2) + m[2] : m[2]);
    if (end !== start + 1) return null;
  }
  return start >= 2000 && start < 2100 ? start : null;
}

/** The first day a year may be closed: 1 June of its second calendar year (Moscow). */
export function closeAllowedFrom(schoolYear: number): Date {
  return new Date(Date.UTC(schoolYear + 1, 5, 1) - 3 * 3600 * 1000);
}

/**
 * The months whose notes must exist before the close: every month of the school year that has
 * ended by `now` (in June, September through May; the May note is due in June).
 */
export function periodsDueNotes(schoolYear: number, now: Date): string[] {
  const current = periodOf(now);
  return schoolYearPeriods(schoolYear).filter((p) => p < current);
}

/**
 * The months the archive and the annual note cover: through the last month that has ended, or
 * later when participants of the year already fall there (an event in June of a June close).
 */
export function closingPeriods(
  schoolYear: number,
  now: Date,
  participantPeriods: readonly string[],
): string[] {
  const all = schoolYearPeriods(schoolYear);
  let last = addMonths(periodOf(now), -1);
  for (const p of participantPeriods) if (all.includes(p) && p > last) last = p;
  const through = all.filter((p) => p <= last);
  return through.length > 0 ? through : [periodOf(schoolYearStart(schoolYear))];
}

/** A cell of a response sheet to rewrite: sheet row (header is row 1), question title, text. */
export interface CellChange {
  row: number;
  title: string;
  value: string;
}

/** Names of the closed year's children (comparison form «фамилия|имя») → the id replacing them. */
export type NameIndex = Map<string, string>;

/** What removing the names of a year changes in the response sheets. */
export interface PseudonymisationPlan {
  schoolYear: number;
  changes: Record<FormKind, CellChange[]>;
  /** The closed year's responses of each form (names or not). */
  responses: Record<FormKind, number>;
  /** Rows of each form whose response belongs to the closed year. */
  rows: Record<FormKind, number[]>;
  /** Children's names of the year found in the sheets, for the free text of other cells. */
  names: NameIndex;
}

const CHILD_SLOTS = [
  { surname: Q.p1Surname, name: Q.p1Name, cls: Q.p1Class },
  { surname: Q.p2Surname, name: Q.p2Name, cls: Q.p2Class },
] as const;

/** Cells of a monthly report where adults or the centre's own words stand: never swept. */
const REPORT_KEPT: readonly string[] = [Q.school, Q.month, Q.contact];

/**
 * The cells that get ids instead of the names of `schoolYear`'s children: surname and name of
 * each registered child (its participant id, class kept), each line of an order and each results
 * answer (the matched participant's id, or a stable placeholder for a name that never matched),
 * and children's names in the free text of the year's monthly reports. Matching repeats the
 * intake's exactly (the same functions over the same responses), and a cell already holding an id
 * is left as it is, so a plan made again after a partial run only lists what is left.
 */
export function planPseudonymisation(
  raw: RawForms,
  reference: ReferenceData,
  salt: string,
  schoolYear: number,
  schools: SchoolIndex = buildSchoolIndex(reference.schools),
  idYearFrom?: number,
): PseudonymisationPlan {
  const yearOf = responseYearResolver(reference.events);
  const calendar = new EventCalendar(reference.events);
  const inYear = (kind: FormKind, list: RawResponse[]): RawResponse[] =>
    list.filter((r) => yearOf(kind, r) === schoolYear);
  const contextAt = (response: RawResponse): IntakeContext => ({
    schools,
    events: reference.events,
    competencies: reference.competencies,
    ageCategories: reference.ageCategories,
    now: response.timestamp ?? new Date(0),
  });
  const changes = {} as Record<FormKind, CellChange[]>;
  for (const { definition } of FORM_REGISTRY) changes[definition.kind] = [];
  const names: NameIndex = new Map();
  const kept = new Set<string>();
  const remember = (surname: string, name: string, id: string): void => {
    if (!surname || !name || pseudonymIn(surname)) return;
    names.set(personMatchKey(normalizePersonName(surname), normalizePersonName(name)), id);
  };

  // Every registration, as the intake projects them: orders and results match against these.
  const registered: Participant[] = [];
  const idsByResponse = new Map<string, string[] | null>();
  for (const response of byRow(raw.registration)) {
    const checked = validateRegistration(response.answers, contextAt(response));
    if (!checked.ok) {
      idsByResponse.set(response.id, null);
      continue;
    }
    const children = registrationParticipants(
      checked.draft,
      { responseId: response.id, submittedAt: response.timestamp ?? new Date(0) },
      salt,
      idYearFrom,
    );
    registered.push(...children);
    idsByResponse.set(
      response.id,
      children.map((c) => c.id),
    );
    if (yearOf('registration', response) !== schoolYear) {
      for (const c of checked.draft.children) kept.add(personMatchKey(c.surname, c.name));
    }
  }
  const participants = mergeRegistrations(registered).participants;

  const yearRegistrations = inYear('registration', raw.registration);
  for (const response of yearRegistrations) {
    const ids = idsByResponse.get(response.id) ?? null;
    const school = response.answers[Q.school] ?? '';
    let k = 0;
    for (const slot of CHILD_SLOTS) {
      const surname = response.answers[slot.surname] ?? '';
      const name = response.answers[slot.name] ?? '';
      const cls = response.answers[slot.cls] ?? '';
      if (!surname.trim() && !name.trim() && !cls.trim()) continue;
      // Each filled slot of an accepted registration is one child, in order (a repeated child
      // was dropped: it shares the first one's id).
      const at = k++;
      if ((!surname.trim() && !name.trim()) || pseudonymIn(surname)) continue;
      const id = ids
        ? (ids[at] ?? ids[0]!)
        : placeholderId(salt, school, fullNameText({ surname, name }));
      remember(surname, name, id);
      changes.registration.push(
        { row: response.row, title: slot.surname, value: id },
        { row: response.row, title: slot.name, value: id },
      );
    }
  }

  const yearOrders = inYear('order', raw.order);
  for (const response of yearOrders) {
    const typed = response.answers[Q.orderParticipants] ?? '';
    const lines = splitNameLines(typed);
    if (lines.every((line) => pseudonymsIn(line))) continue;
    const checked = validateOrder(response.answers, contextAt(response));
    const school = checked.draft.school;
    const matchedIds = new Map<PersonName, string[]>();
    if (checked.ok && school) {
      const event = checked.draft.event ? checked.draft.event.name : checked.draft.eventTyped;
      // As the intake matches: among the registrations of the edition the order speaks of.
      const pool = calendar.sameEdition(
        participants,
        event,
        response.timestamp ?? new Date(0),
        'registration',
      );
      const named = matchNamedParticipants(checked.draft.participants, pool, school.key, event);
      for (const m of named.matched) {
        matchedIds.set(m.named, [...(matchedIds.get(m.named) ?? []), m.person.id]);
      }
    }
    const schoolAnswer = response.answers[Q.school] ?? '';
    let j = 0;
    const out = lines.map((line) => {
      const ids = pseudonymsIn(line);
      if (ids) {
        j += ids.length;
        return ids.join(' ');
      }
      const person = splitFullName(line);
      const plausible =
        person !== null && isPlausibleNamePart(person.surname) && isPlausibleNamePart(person.name);
      const drafted = plausible ? checked.draft.participants[j++] : undefined;
      const found = drafted ? matchedIds.get(drafted) : undefined;
      const id = found
        ? found.join(' ')
        : placeholderId(salt, schoolAnswer, person ? fullNameText(person) : line);
      if (person) remember(person.surname, person.name, found ? found[0]! : id);
      return id;
    });
    changes.order.push({ row: response.row, title: Q.orderParticipants, value: out.join('\n') });
  }

  const yearResults = inYear('results', raw.results);
  for (const response of yearResults) {
    const typed = response.answers[Q.resultParticipant] ?? '';
    if (!typed.trim() || pseudonymIn(typed)) continue;
    const checked = validateResult(response.answers, contextAt(response));
    const { school, participant, result, competency } = checked.draft;
    let id = '';
    if (checked.ok && school && participant && result) {
      const event = checked.draft.event ? checked.draft.event.name : checked.draft.eventTyped;
      const competencyName = competency ? competency.name : checked.draft.competencyTyped;
      const pool = calendar.sameEdition(
        participants.filter((p) => p.competency === competencyName),
        event,
        response.timestamp ?? new Date(0),
        'result',
      );
      id =
        matchNamedParticipants([participant], pool, school.key, event).matched[0]?.person.id ?? '';
    }
    const person = participant ?? splitFullName(typed);
    if (!id) {
      id = placeholderId(
        salt,
        response.answers[Q.school] ?? '',
        person ? fullNameText(person) : typed,
      );
    }
    if (person) remember(person.surname, person.name, id);
    changes.results.push({ row: response.row, title: Q.resultParticipant, value: id });
  }

  // A child who also registered for an open year's event keeps that name: it is not the closed
  // year's alone, and free text cannot tell which registration it speaks of.
  for (const key of kept) names.delete(key);

  const yearReports = inYear('report', raw.report);
  for (const response of yearReports) {
    for (const [title, text] of Object.entries(response.answers)) {
      if (REPORT_KEPT.includes(title) || !text) continue;
      const swept = sweepNames(text, names);
      if (swept !== text) changes.report.push({ row: response.row, title, value: swept });
    }
  }

  // Every form's answers of the year, names or not (the archive takes them all).
  const responses = {} as Record<FormKind, number>;
  const rows = {} as Record<FormKind, number[]>;
  for (const { definition } of FORM_REGISTRY) {
    const year = inYear(definition.kind, raw[definition.kind]);
    responses[definition.kind] = year.length;
    rows[definition.kind] = year.map((r) => r.row);
  }
  return { schoolYear, changes, responses, rows, names };
}

/** Names removed by a plan: registered children's names count once per cell pair. */
export function namesInPlan(plan: PseudonymisationPlan): Record<FormKind, number> {
  const count = (kind: FormKind): number => {
    const list = plan.changes[kind];
    if (kind === 'registration') return list.length / 2;
    if (kind === 'order') return list.reduce((n, c) => n + c.value.split('\n').length, 0);
    return list.length;
  };
  const out = {} as Record<FormKind, number>;
  for (const f of FORMS) out[f.kind] = count(f.kind);
  return out;
}

const WORD = /[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё'-]*/g;
const PATRONYMIC = /(вич|вна|ична|инична|оглы|кызы)$/i;

/**
 * Free text with every «Фамилия Имя» (or «Имя Фамилия») of the index replaced by its id. A pair
 * followed by a patronymic is an adult's full name («Иванова Мария Петровна», a mentor) and stays.
 */
export function sweepNames(text: string, names: NameIndex): string {
  if (names.size === 0 || text === '') return text;
  const words: Array<{ word: string; start: number; end: number }> = [];
  const pattern = new RegExp(WORD.source, 'g');
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    words.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  let out = '';
  let at = 0;
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if (!/^\s+$/.test(text.slice(a.end, b.start))) continue;
    const id =
      names.get(personMatchKey(a.word, b.word)) ?? names.get(personMatchKey(b.word, a.word));
    if (!id) continue;
    const c = words[i + 2];
    if (c && /^\s+$/.test(text.slice(b.end, c.start)) && PATRONYMIC.test(c.word)) continue;
    out += text.slice(at, a.start) + id;
    at = b.end;
    i++;
  }
  return out + text.slice(at);
}

function byRow(responses: RawResponse[]): RawResponse[] {
  return [...responses].sort((a, b) => a.row - b.row);
}
