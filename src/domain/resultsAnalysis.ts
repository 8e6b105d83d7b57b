/**
 * «Анализ результатов» (seed 000 item 5.4; DOMAIN.md «Results analysis»): for every event of the
 * period whose results are in — medals by competency and age category, the ОУ with medals,
 * achievements, and probable causes of weak results as hypotheses drawn from the data. Never a
 * verdict on a school or a child: a signal only says what the data show for participants without
 * a place (no preparation sessions in the ОУ's reports, no mentor named, a late registration, a
 * competency new to the ОУ); the note words them as «возможно».
 */
import type {
  ChampionshipEvent,
  EventLevel,
  MonthlyReport,
  Participant,
  ResultKind,
  SchoolType,
} from './model';
import type { EventCalendar } from './eventCalendar';
import { matchKey } from './text/clean';
import { compareRu } from './text/collation';
import { percentOf } from './text/numbers';
import { periodOf, previousPeriod } from './text/periods';
import { DAY_MS } from './text/dates';

/** An ОУ as documents name it. */
export interface AnalysisSchool {
  key: string;
  name: string;
  type: SchoolType | null;
}

/** What a result counts as. */
export type ResultGroup = 'winner' | 'prize' | 'medallion' | 'none';

/** Medals of one competency and age category at an event. */
export interface MedalRow {
  competency: string;
  ageCategory: string;
  participants: number;
  winners: number;
  prizeWinners: number;
  medallions: number;
}

export interface SchoolMedals extends AnalysisSchool {
  winners: number;
  prizeWinners: number;
  medallions: number;
}

export type Achievement =
  | { kind: 'firstMedal'; schools: AnalysisSchool[] }
  | { kind: 'newCompetency'; competencies: string[] }
  | { kind: 'growth'; previousEvent: string; previousMedals: number; medals: number };

/** Signals of weak results, in the order the note words them. */
export const HYPOTHESIS_KINDS = [
  'noSessions',
  'noReports',
  'noMentor',
  'lateRegistration',
  'newCompetency',
] as const;
export type HypothesisKind = (typeof HYPOTHESIS_KINDS)[number];

/** How many participants without a place share a signal, and their ОУ. */
export interface Hypothesis {
  kind: HypothesisKind;
  participants: number;
  schools: AnalysisSchool[];
}

export interface EventAnalysis {
  event: string;
  level: EventLevel | '';
  start: Date | null;
  participants: number;
  schools: number;
  winners: number;
  prizeWinners: number;
  medallions: number;
  effectivenessPercent: number | null;
  medals: MedalRow[];
  schoolsWithMedals: SchoolMedals[];
  achievements: Achievement[];
  /** Participants with no place and no medallion. */
  withoutPlace: number;
  hypotheses: Hypothesis[];
}

/** An event of the period whose results are not in yet. */
export interface AwaitedEvent {
  event: string;
  start: Date | null;
  participants: number;
}

export interface ResultsAnalysis {
  events: EventAnalysis[];
  awaiting: AwaitedEvent[];
}

/** What the analysis reads: participants once per id, their best results, reports, the ОУ. */
export interface AnalysisInput {
  participants: readonly Participant[];
  best: (participantId: string) => ResultKind | undefined;
  group: (result: ResultKind | undefined) => ResultGroup;
  calendar: EventCalendar;
  reports: readonly MonthlyReport[];
  ref: (schoolKey: string) => AnalysisSchool;
}

/** A year earlier, give or take a month and a half: «the same event last year». */
const YEAR_MIN_DAYS = 300;
const YEAR_MAX_DAYS = 430;

/** The name of an event without its years: «Чемпионат KidSkills 2021» ~ «Чемпионат KidSkills 2022». */
function yearlessKey(name: string): string {
  return matchKey(name)
    .replace(/(^|\s)(19|20)\d\d(\s*[/–—-]\s*(19|20)?\d\d)?(\s*(г\.?|года?))?(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** When a participant's event happened (its start, else the registration). */
function momentOf(p: Participant, calendar: EventCalendar): number {
  return (calendar.startOf(p) ?? p.registeredAt).getTime();
}

function sortSchools<T extends AnalysisSchool>(list: T[]): T[] {
  return list.sort((a, b) => compareRu(a.name, b.name) || compareRu(a.key, b.key));
}

/**
 * The analysis of `cohort` — the participants of the period — against everything before it in
 * `input.participants`. Events are in start order; the awaited ones are those without results.
 */
export function analyseResults(
  input: AnalysisInput,
  cohort: readonly Participant[],
): ResultsAnalysis {
  const { calendar } = input;
  // By edition: a row of «Мероприятия» of the same name in another year is another event.
  const byEvent = new Map<ChampionshipEvent | string, Participant[]>();
  for (const p of cohort) {
    const edition = calendar.eventOf(p) ?? p.event;
    const list = byEvent.get(edition) ?? [];
    list.push(p);
    byEvent.set(edition, list);
  }
  const nameOf = (edition: ChampionshipEvent | string): string =>
    typeof edition === 'string' ? edition : edition.name;
  const order = [...byEvent.keys()].sort(
    (a, b) =>
      momentOf(byEvent.get(a)![0]!, calendar) - momentOf(byEvent.get(b)![0]!, calendar) ||
      compareRu(nameOf(a), nameOf(b)),
  );
  const events: EventAnalysis[] = [];
  const awaiting: AwaitedEvent[] = [];
  for (const edition of order) {
    const group = byEvent.get(edition)!;
    const start = calendar.startOf(group[0]!);
    if (!group.some((p) => input.best(p.id) !== undefined)) {
      awaiting.push({ event: nameOf(edition), start, participants: group.length });
      continue;
    }
    events.push(analyseEvent(input, edition, group));
  }
  return { events, awaiting };
}

function analyseEvent(
  input: AnalysisInput,
  edition: ChampionshipEvent | string,
  group: Participant[],
): EventAnalysis {
  const { calendar } = input;
  const name = typeof edition === 'string' ? edition : edition.name;
  const start = calendar.startOf(group[0]!);
  const at = start ? start.getTime() : Math.min(...group.map((p) => p.registeredAt.getTime()));
  const groupOf = (p: Participant): ResultGroup => input.group(input.best(p.id));
  // What came before: participants of dated events that started earlier. Undated events are
  // left out — their time is unknown, and a registration date says nothing of when they were held.
  const earlier = input.participants.filter((p) => {
    const started = calendar.startOf(p);
    return started !== null && started.getTime() < at;
  });

  const medalRows = new Map<string, MedalRow>();
  const bySchool = new Map<string, SchoolMedals>();
  let winners = 0;
  let prizeWinners = 0;
  let medallions = 0;
  for (const p of group) {
    const g = groupOf(p);
    const rowKey = `${p.competency}\u0001${p.ageCategory}`;
    const row = medalRows.get(rowKey) ?? {
      competency: p.competency,
      ageCategory: p.ageCategory,
      participants: 0,
      winners: 0,
      prizeWinners: 0,
      medallions: 0,
    };
    row.participants++;
    const school = bySchool.get(p.schoolKey) ?? {
      ...input.ref(p.schoolKey),
      winners: 0,
      prizeWinners: 0,
      medallions: 0,
    };
    if (g === 'winner') {
      row.winners++;
      school.winners++;
      winners++;
    } else if (g === 'prize') {
      row.prizeWinners++;
      school.prizeWinners++;
      prizeWinners++;
    } else if (g === 'medallion') {
      row.medallions++;
      school.medallions++;
      medallions++;
    }
    medalRows.set(rowKey, row);
    bySchool.set(p.schoolKey, school);
  }
  const medals = [...medalRows.values()].sort(
    (a, b) => compareRu(a.competency, b.competency) || compareRu(a.ageCategory, b.ageCategory),
  );
  const schoolsWithMedals = [...bySchool.values()]
    .filter((s) => s.winners + s.prizeWinners + s.medallions > 0)
    .sort(
      (a, b) =>
        b.winners + b.prizeWinners - (a.winners + a.prizeWinners) ||
        b.winners - a.winners ||
        b.medallions - a.medallions ||
        compareRu(a.name, b.name),
    );
  const withResults = group.length;
  const withoutPlace = group.filter((p) => groupOf(p) === 'none');

  return {
    event: name,
    level: typeof edition === 'string' ? '' : edition.level,
    start,
    participants: group.length,
    schools: new Set(group.map((p) => p.schoolKey)).size,
    winners,
    prizeWinners,
    medallions,
    effectivenessPercent: percentOf(winners + prizeWinners, withResults),
    medals,
    schoolsWithMedals,
    achievements: achievements(input, name, group, earlier, winners + prizeWinners, at),
    withoutPlace: withoutPlace.length,
    hypotheses: hypotheses(input, withoutPlace, earlier, start),
  };
}

function achievements(
  input: AnalysisInput,
  name: string,
  group: Participant[],
  earlier: Participant[],
  medalCount: number,
  at: number,
): Achievement[] {
  const out: Achievement[] = [];
  const isMedal = (p: Participant): boolean => {
    const g = input.group(input.best(p.id));
    return g === 'winner' || g === 'prize';
  };
  // «First» only means something when the monitoring saw results before this event.
  const earlierResults = earlier.some((p) => input.best(p.id) !== undefined);
  if (earlierResults) {
    const medalledBefore = new Set(earlier.filter(isMedal).map((p) => p.schoolKey));
    const first = new Set(
      group.filter((p) => isMedal(p) && !medalledBefore.has(p.schoolKey)).map((p) => p.schoolKey),
    );
    if (first.size > 0) {
      out.push({ kind: 'firstMedal', schools: sortSchools([...first].map((k) => input.ref(k))) });
    }
  }
  if (earlier.length > 0) {
    const known = new Set(earlier.map((p) => matchKey(p.competency)));
    const fresh = [...new Set(group.map((p) => p.competency))]
      .filter((c) => c.trim() !== '' && !known.has(matchKey(c)))
      .sort(compareRu);
    if (fresh.length > 0) out.push({ kind: 'newCompetency', competencies: fresh });
  }
  // The same event a year before: the same name without its years, started 10–14 months earlier.
  const key = yearlessKey(name);
  const lastYear = new Map<string, Participant[]>();
  for (const p of earlier) {
    const start = input.calendar.startOf(p);
    if (!start || yearlessKey(p.event) !== key) continue;
    const days = (at - start.getTime()) / DAY_MS;
    if (days < YEAR_MIN_DAYS || days > YEAR_MAX_DAYS) continue;
    const list = lastYear.get(p.event);
    if (list) list.push(p);
    else lastYear.set(p.event, [p]);
  }
  for (const [previousEvent, list] of lastYear) {
    const previousMedals = list.filter(isMedal).length;
    if (medalCount > previousMedals) {
      out.push({ kind: 'growth', previousEvent, previousMedals, medals: medalCount });
    }
  }
  return out;
}

function hypotheses(
  input: AnalysisInput,
  withoutPlace: Participant[],
  earlier: Participant[],
  start: Date | null,
): Hypothesis[] {
  if (withoutPlace.length === 0) return [];
  const found = new Map<HypothesisKind, { participants: number; schools: Set<string> }>();
  const note = (kind: HypothesisKind, p: Participant): void => {
    const entry = found.get(kind) ?? { participants: 0, schools: new Set<string>() };
    entry.participants++;
    entry.schools.add(p.schoolKey);
    found.set(kind, entry);
  };
  // Preparation is read from the reports of the event's month and the month before.
  const months = start ? [periodOf(start), previousPeriod(periodOf(start))] : [];
  const sessionsBySchool = new Map<string, { reports: number; sessions: number }>();
  for (const r of input.reports) {
    if (months.indexOf(r.period) < 0) continue;
    const s = sessionsBySchool.get(r.schoolKey) ?? { reports: 0, sessions: 0 };
    s.reports++;
    s.sessions += typeof r.sessions === 'number' ? r.sessions : 0;
    sessionsBySchool.set(r.schoolKey, s);
  }
  const seenBefore = earlier.length > 0;
  const schoolCompetencies = new Set(
    earlier.map((p) => `${p.schoolKey}\u0001${matchKey(p.competency)}`),
  );
  for (const p of withoutPlace) {
    if (months.length > 0) {
      const prep = sessionsBySchool.get(p.schoolKey);
      if (!prep) note('noReports', p);
      else if (prep.sessions === 0) note('noSessions', p);
    }
    if (p.mentor.trim() === '') note('noMentor', p);
    if (input.calendar.registeredLate(p)) note('lateRegistration', p);
    if (seenBefore && !schoolCompetencies.has(`${p.schoolKey}\u0001${matchKey(p.competency)}`))
      note('newCompetency', p);
  }
  return HYPOTHESIS_KINDS.filter((k) => found.has(k))
    .map((kind) => ({
      kind,
      participants: found.get(kind)!.participants,
      schools: sortSchools([...found.get(kind)!.schools].map((k) => input.ref(k))),
    }))
    .sort(
      (a, b) =>
        b.participants - a.participants ||
        HYPOTHESIS_KINDS.indexOf(a.kind) - HYPOTHESIS_KINDS.indexOf(b.kind),
    );
}
