/**
 * The figures of «Статистика», the monthly note, the summary email and the sidebar, computed from
 * plain rows. What a period's figures mean is defined in eventCalendar.ts (DOMAIN.md «What a
 * period's figures mean»); this file only counts by those rules:
 * - A participant is a row of «Участники» (one child in one event and competency), counted once
 *   per `id`. Participants of month P are those of events that start in P (Moscow calendar); a
 *   participant of an event without a start date counts by its registration date. Year to date
 *   (YTD) for P = the months from September of P's school year through P.
 * - Registrations received in P (by `registeredAt`) are the pipeline, a separate figure with the
 *   months of the events they are for.
 * - An ОУ takes part in a period when it has at least one participant of the period.
 *   Охват = ОУ taking part / all ОУ of the registry («ОУ» tab), in percent.
 * - A participant's result is the best of its rows in «Результаты» (matched by participantId,
 *   whenever entered), falling back to Participant.result; so results belong to the event's
 *   period, and results entered later update that period and the year to date. Each participant
 *   is in at most one group: winner (1st place), prize-winner (2nd or 3rd), medallion. Medals
 *   count whether or not staff ticked «Подтверждено»; `medalsConfirmed` says how many they did.
 * - An event's results are in once any of its participants has a result. Результативность =
 *   (winners + prize-winners) / participants of events whose results are in × 100; with no such
 *   event it is null (printed «—»), never 0 %.
 * - Percentages are stored rounded to one decimal, so the sheet and the note print the same
 *   numbers; a share of nothing is null (printed «—»).
 * - Month-on-month dynamics compare P with P−1; YTD dynamics compare YTD of P with the same span
 *   of the previous school year (September to P−12). Changes of percentages are in percentage
 *   points and have no relative change.
 * - Executive discipline: an ОУ of the registry without a «Отчёты ОУ» row for P has a missing
 *   report; a row with onTime = false is late. Orders are owed (eventCalendar.orderOwed) at the
 *   end of P for the school year's participants whose event has started or starts within 14 days.
 * Ordering is deterministic: counts descending, then names by compareRu (no Intl).
 */
import type {
  ChampionshipEvent,
  EventLevel,
  MonthlyReport,
  Participant,
  ParticipantResult,
  ResultKind,
  School,
  SchoolOrder,
  SchoolType,
} from './model';
import { EventCalendar } from './eventCalendar';
import { computePreparation, reportsOfPeriod, type PreparationFigures } from './preparation';
import { analyseResults, type ResultGroup, type ResultsAnalysis } from './resultsAnalysis';
import { matchKey } from './text/clean';
import { EVENT_LEVELS, RESULT_RANK } from './reference';
import { compareRu } from './text/collation';
import { percentOf, roundTo } from './text/numbers';
import {
  addMonths,
  isWithin,
  periodEnd,
  periodLastDay,
  periodOf,
  periodStart,
  previousPeriod,
  requirePeriod,
  schoolYearOfPeriod,
  schoolYearPeriodsThrough,
  schoolYearStart,
} from './text/periods';

/** The rows statistics are computed from. */
export interface StatisticsInput {
  schools: School[];
  participants: Participant[];
  results: ParticipantResult[];
  reports: MonthlyReport[];
  orders: SchoolOrder[];
  events: ChampionshipEvent[];
  /**
   * The archive of the previous school year, once it was closed (annual.ts): its rows left the
   * derived tabs, so «к аналогичному периоду прошлого учебного года» and the month before
   * September come from it.
   */
  previousYear?: ArchivedYear | null;
}

/** The headline figures of one span of time. */
export interface PeriodFigures {
  participants: number;
  schoolsParticipating: number;
  coveragePercent: number | null;
  winners: number;
  prizeWinners: number;
  medallions: number;
  /** Winners and prize-winners whose result staff ticked «Подтверждено». */
  medalsConfirmed: number;
  /** Participants of events whose results are in: the denominator of результативность. */
  participantsWithResults: number;
  effectivenessPercent: number | null;
}

/** What the next year reads from a closed year's archive (domain/annual.ts reads it): the year's and every month's figures. */
export interface ArchivedYear {
  schoolYear: number;
  schoolsTotal: number;
  year: PeriodFigures;
  months: Array<{ period: string; month: PeriodFigures; yearToDate: PeriodFigures }>;
}

/** An ОУ as documents name it. */
export interface SchoolRef {
  key: string;
  name: string;
  type: SchoolType | null;
}

/** Row of «Тип ОУ | Всего | Участвуют | Доля, %». */
export interface SchoolTypeRow {
  type: SchoolType;
  total: number;
  participating: number;
  sharePercent: number | null;
  participants: number;
}

/** Row of «ОУ | Участников | Победителей | Призёров | Результативность, %». */
export interface SchoolRatingRow extends SchoolRef {
  participants: number;
  winners: number;
  prizeWinners: number;
  medallions: number;
  effectivenessPercent: number | null;
}

/** A labelled count with its share of all participants of the period. */
export interface CountRow {
  label: string;
  count: number;
  sharePercent: number | null;
}

/** A two-way count table (competency × age category). */
export interface CrossTable {
  columns: string[];
  rows: Array<{ label: string; counts: number[]; total: number }>;
  columnTotals: number[];
  total: number;
}

/** Indicators of the dynamics tables. */
export type IndicatorKey =
  | 'participants'
  | 'schoolsParticipating'
  | 'coveragePercent'
  | 'winners'
  | 'prizeWinners'
  | 'effectivenessPercent';

/** Row of «Показатель | Прошлый период | Отчётный | Изменение». */
export interface DynamicsRow {
  indicator: IndicatorKey;
  unit: 'count' | 'percent';
  previous: number | null;
  current: number | null;
  /** current − previous (percentage points for percent indicators); null if either is null. */
  change: number | null;
  /** Relative change of a count in percent; null for percents and when previous is 0. */
  changePercent: number | null;
}

/** One month of the school-year series (the dynamics chart). */
export interface SeriesPoint {
  period: string;
  participants: number;
  schoolsParticipating: number;
  winners: number;
  prizeWinners: number;
  /** Registrations received in the month (the pipeline), whatever month their event is in. */
  registrations: number;
}

/** A late report. */
export interface LateReport extends SchoolRef {
  submittedAt: Date;
}

/** An ОУ with participants that have no order. */
export interface SchoolWithoutOrders extends SchoolRef {
  participants: number;
}

/** Reports and orders for the period. */
export interface DisciplineFigures {
  reportsExpected: number;
  reportsReceived: number;
  reportsReceivedPercent: number | null;
  reportsOnTime: number;
  missingReports: SchoolRef[];
  lateReports: LateReport[];
  ordersReceived: number;
  /** Participants owed an order at the end of the period (event held or within 14 days). */
  participantsWithoutOrder: number;
  schoolsWithoutOrders: SchoolWithoutOrders[];
}

/** An event of the period with its participants and whether its results are in. */
export interface EventOfPeriod {
  name: string;
  level: EventLevel | '';
  start: Date | null;
  participants: number;
  schools: number;
  resultsIn: boolean;
}

/** Registrations received in the period: the pipeline, by the month of the event they are for. */
export interface RegistrationFigures {
  participants: number;
  schools: number;
  /** Months of the events ('YYYY-MM', oldest first); null for events without a start date. */
  byEventPeriod: Array<{ period: string | null; participants: number }>;
}

/** Results received in the period for an event of an earlier period. */
export interface LateEventResults {
  event: string;
  period: string;
  participants: number;
  winners: number;
  prizeWinners: number;
  medallions: number;
}

/** An event without a start date whose participants were counted by registration in the period. */
export interface UndatedEvent {
  name: string;
  participants: number;
}

/** Everything «Статистика» and the monthly note show for a month. */
export interface Statistics {
  period: string;
  previousPeriod: string;
  schoolYear: number;
  periodStart: Date;
  periodLastDay: Date;
  yearToDateStart: Date;
  schoolsTotal: number;
  month: PeriodFigures;
  previousMonth: PeriodFigures;
  yearToDate: PeriodFigures;
  previousYearToDate: PeriodFigures;
  registrations: RegistrationFigures;
  eventsOfPeriod: EventOfPeriod[];
  undatedEvents: UndatedEvent[];
  lateResults: LateEventResults[];
  bySchoolType: SchoolTypeRow[];
  byCompetency: CountRow[];
  byAgeCategory: CountRow[];
  competencyByAge: CrossTable;
  byEventLevel: CountRow[];
  ratingMonth: SchoolRatingRow[];
  ratingYearToDate: SchoolRatingRow[];
  schoolsWithoutParticipation: SchoolRef[];
  monthOnMonth: DynamicsRow[];
  yearOnYear: DynamicsRow[];
  series: SeriesPoint[];
  discipline: DisciplineFigures;
  preparation: PreparationFigures;
  resultsAnalysis: ResultsAnalysis;
  dataQuality: { participantsOutsideRegistry: number; resultsWithoutParticipant: number };
}

/** A named winner or prize-winner, for documents only when naming is allowed. */
export interface WinnerEntry {
  participantId: string;
  surname: string;
  name: string;
  schoolKey: string;
  schoolName: string;
  competency: string;
  ageCategory: string;
  event: string;
  result: ResultKind;
}

const SCHOOL_TYPES: readonly SchoolType[] = ['ДОУ', 'школа', 'ДО'];
/** Label for rows whose category is blank or unknown. */
export const UNKNOWN_LABEL = 'не указано';

/** What a result counts as: winner (1st), prize-winner (2nd–3rd), medallion, or none. */
export function resultGroup(result: ResultKind | undefined): ResultGroup {
  if (result === undefined) return 'none';
  const rank = RESULT_RANK[result];
  if (rank === 1) return 'winner';
  if (rank === 2 || rank === 3) return 'prize';
  if (rank === 4) return 'medallion';
  return 'none';
}

/** Display name of an ОУ: short name, else official name, else its key. */
export function schoolDisplayName(school: School): string {
  return school.shortName.trim() || school.officialName.trim() || school.key;
}

/** Compute the Statistics of month `period` ('YYYY-MM') from the rows. */
export function computeStatistics(input: StatisticsInput, period: string): Statistics {
  requirePeriod(period);
  const ctx = new Context(input);
  const prev = previousPeriod(period);
  const schoolYear = schoolYearOfPeriod(period);
  const yearStart = periodOf(schoolYearStart(schoolYear));
  const lastYearPeriod = addMonths(period, -12);
  const monthCohort = ctx.cohort(period, period);
  const ytdCohort = ctx.cohort(yearStart, period);
  const month = ctx.figures(monthCohort);
  const archived = input.previousYear?.schoolYear === schoolYear - 1 ? input.previousYear : null;
  const fromArchive = (p: string, key: 'month' | 'yearToDate'): PeriodFigures | null => {
    if (!archived || schoolYearOfPeriod(p) !== archived.schoolYear) return null;
    const months = archived.months.filter((m) => m.period <= p);
    const found = months[months.length - 1];
    return found && (key === 'yearToDate' || found.period === p) ? found[key] : emptyFigures();
  };
  const previousMonth = fromArchive(prev, 'month') ?? ctx.figures(ctx.cohort(prev, prev));
  const yearToDate = ctx.figures(ytdCohort);
  const previousYearToDate =
    fromArchive(lastYearPeriod, 'yearToDate') ??
    ctx.figures(ctx.cohort(addMonths(yearStart, -12), lastYearPeriod));

  return {
    period,
    previousPeriod: prev,
    schoolYear,
    periodStart: periodStart(period),
    periodLastDay: periodLastDay(period),
    yearToDateStart: schoolYearStart(schoolYear),
    schoolsTotal: input.schools.length,
    month,
    previousMonth,
    yearToDate,
    previousYearToDate,
    registrations: ctx.registrations(period),
    eventsOfPeriod: ctx.eventsOf(monthCohort),
    undatedEvents: ctx.undated(monthCohort),
    lateResults: ctx.lateResults(period),
    bySchoolType: ctx.bySchoolType(monthCohort),
    byCompetency: countBy(monthCohort, (p) => p.competency),
    byAgeCategory: countBy(monthCohort, (p) => p.ageCategory),
    competencyByAge: crossTable(monthCohort),
    byEventLevel: ctx.byEventLevel(monthCohort),
    ratingMonth: ctx.rating(monthCohort),
    ratingYearToDate: ctx.rating(ytdCohort),
    schoolsWithoutParticipation: ctx.schoolsWithout(monthCohort),
    monthOnMonth: dynamics(previousMonth, month),
    yearOnYear: dynamics(previousYearToDate, yearToDate),
    series: schoolYearPeriodsThrough(period).map((p) => {
      const f = ctx.figures(ctx.cohort(p, p));
      return {
        period: p,
        participants: f.participants,
        schoolsParticipating: f.schoolsParticipating,
        winners: f.winners,
        prizeWinners: f.prizeWinners,
        registrations: ctx.registrations(p).participants,
      };
    }),
    discipline: ctx.discipline(period, yearStart),
    preparation: computePreparation(input.reports, input.schools, period, (k) => ctx.ref(k)),
    resultsAnalysis: analyseResults(
      {
        participants: ctx.unique,
        best: (id) => ctx.best.get(id),
        group: resultGroup,
        calendar: ctx.calendar,
        reports: input.reports,
        ref: (k) => ctx.ref(k),
      },
      monthCohort,
    ),
    dataQuality: {
      participantsOutsideRegistry: ytdCohort.filter((p) => !ctx.schoolByKey.has(p.schoolKey))
        .length,
      resultsWithoutParticipant: input.results.filter((r) => !ctx.byId.has(r.participantId)).length,
    },
  };
}

/** Winners and prize-winners of the month (or the school year to date), best place first. */
export function listWinners(
  input: StatisticsInput,
  period: string,
  scope: 'month' | 'yearToDate' = 'month',
): WinnerEntry[] {
  const ctx = new Context(input);
  const from = scope === 'month' ? period : periodOf(schoolYearStart(schoolYearOfPeriod(period)));
  const out: WinnerEntry[] = [];
  for (const p of ctx.cohort(from, period)) {
    const best = ctx.best.get(p.id);
    const group = resultGroup(best);
    if (best === undefined || (group !== 'winner' && group !== 'prize')) continue;
    out.push({
      participantId: p.id,
      surname: p.surname,
      name: p.name,
      schoolKey: p.schoolKey,
      schoolName: ctx.ref(p.schoolKey).name,
      competency: p.competency,
      ageCategory: p.ageCategory,
      event: p.event,
      result: best,
    });
  }
  return out.sort(
    (a, b) =>
      RESULT_RANK[a.result] - RESULT_RANK[b.result] ||
      compareRu(a.competency, b.competency) ||
      compareRu(a.surname + ' ' + a.name, b.surname + ' ' + b.name) ||
      compareRu(a.participantId, b.participantId),
  );
}

/** Lookups shared by all figures of one computation. */
class Context {
  /** Every lookup keyed by a name or key is a Map: a competency named «constructor» is a name. */
  readonly schoolByKey = new Map<string, School>();
  /** Participants by id (the first row of an id). */
  readonly byId = new Map<string, Participant>();
  readonly best = new Map<string, ResultKind>();
  /** Whether the best result of a participant was confirmed by staff. */
  readonly bestConfirmed = new Map<string, boolean>();
  readonly calendar: EventCalendar;
  /** Participants once per id (the first row of an id wins), in input order. */
  readonly unique: Participant[] = [];
  /** Editions (rows of «Мероприятия»; a name when not there) whose results are in. */
  private readonly eventsWithResults = new Set<ChampionshipEvent | string>();
  /** Participants by their period (event date) and by the month of their registration. */
  private readonly byPeriod = new Map<string, Participant[]>();
  private readonly byRegistration = new Map<string, Participant[]>();

  constructor(private readonly input: StatisticsInput) {
    this.calendar = new EventCalendar(input.events);
    for (const s of input.schools) this.schoolByKey.set(s.key, s);
    for (const p of input.participants) {
      if (this.byId.has(p.id)) continue;
      this.byId.set(p.id, p);
      this.unique.push(p);
      if (p.result) this.keepBest(p.id, p.result);
    }
    // Rows of «Результаты» override the participant's own column: they are the source.
    const fromResults = new Map<string, ResultKind>();
    const confirmed = new Map<string, boolean>();
    for (const r of input.results) {
      const cur = fromResults.get(r.participantId);
      if (cur === undefined || RESULT_RANK[r.result] < RESULT_RANK[cur]) {
        fromResults.set(r.participantId, r.result);
        confirmed.set(r.participantId, r.confirmed);
      } else if (RESULT_RANK[r.result] === RESULT_RANK[cur] && r.confirmed) {
        confirmed.set(r.participantId, true);
      }
    }
    for (const [id, result] of fromResults) {
      this.best.set(id, result);
      this.bestConfirmed.set(id, confirmed.get(id) === true);
    }
    for (const p of this.unique) {
      if (this.best.has(p.id)) this.eventsWithResults.add(this.editionKey(p));
    }
    // Grouped once: every figure of every month reads these groups, not all participants.
    const add = (map: Map<string, Participant[]>, key: string, p: Participant): void => {
      const list = map.get(key);
      if (list) list.push(p);
      else map.set(key, [p]);
    };
    for (const p of this.unique) {
      add(this.byPeriod, this.calendar.placement(p).period, p);
      add(this.byRegistration, periodOf(p.registeredAt), p);
    }
  }

  private keepBest(id: string, result: ResultKind): void {
    const cur = this.best.get(id);
    if (cur === undefined || RESULT_RANK[result] < RESULT_RANK[cur]) this.best.set(id, result);
  }

  /** Participants of the months `from` through `to` ('YYYY-MM', inclusive), by event date. */
  cohort(from: string, to: string): Participant[] {
    const periods = [...this.byPeriod.keys()].filter((k) => k >= from && k <= to).sort();
    if (periods.length === 1) return this.byPeriod.get(periods[0]!)!.slice();
    const out: Participant[] = [];
    for (const k of periods) out.push(...this.byPeriod.get(k)!);
    return out;
  }

  /** The participant's edition, or its event's name when «Мероприятия» cannot tell. */
  private editionKey(p: Participant): ChampionshipEvent | string {
    return this.calendar.eventOf(p) ?? matchKey(p.event);
  }

  /** Whether the results of the participant's edition are in (last year's do not count). */
  resultsIn(p: Participant): boolean {
    return this.eventsWithResults.has(this.editionKey(p));
  }

  ref(key: string): SchoolRef {
    const s = this.schoolByKey.get(key);
    return s ? { key, name: schoolDisplayName(s), type: s.type } : { key, name: key, type: null };
  }

  figures(cohort: Participant[]): PeriodFigures {
    let winners = 0;
    let prizeWinners = 0;
    let medallions = 0;
    let medalsConfirmed = 0;
    let withResults = 0;
    const schools = new Set<string>();
    for (const p of cohort) {
      if (this.schoolByKey.has(p.schoolKey)) schools.add(p.schoolKey);
      if (this.resultsIn(p)) withResults++;
      const g = resultGroup(this.best.get(p.id));
      if (g === 'winner') winners++;
      else if (g === 'prize') prizeWinners++;
      else if (g === 'medallion') medallions++;
      if ((g === 'winner' || g === 'prize') && this.bestConfirmed.get(p.id)) medalsConfirmed++;
    }
    const schoolsParticipating = schools.size;
    return {
      participants: cohort.length,
      schoolsParticipating,
      coveragePercent: percentOf(schoolsParticipating, this.input.schools.length),
      winners,
      prizeWinners,
      medallions,
      medalsConfirmed,
      participantsWithResults: withResults,
      effectivenessPercent: percentOf(winners + prizeWinners, withResults),
    };
  }

  /** Registrations received in `period`, by the month of their event. */
  registrations(period: string): RegistrationFigures {
    const byPeriod = new Map<string, number>();
    const schools = new Set<string>();
    let total = 0;
    for (const p of this.byRegistration.get(period) ?? []) {
      total++;
      schools.add(p.schoolKey);
      const placed = this.calendar.placement(p);
      const eventPeriod = placed.byRegistration ? '' : placed.period;
      byPeriod.set(eventPeriod, (byPeriod.get(eventPeriod) ?? 0) + 1);
    }
    const periods = [...byPeriod.keys()].sort((a, b) =>
      a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0,
    );
    return {
      participants: total,
      schools: schools.size,
      byEventPeriod: periods.map((k) => ({
        period: k === '' ? null : k,
        participants: byPeriod.get(k)!,
      })),
    };
  }

  /** The events of the cohort, in start order. */
  eventsOf(cohort: Participant[]): EventOfPeriod[] {
    // By edition: last year's row of the same name is another event.
    const byEdition = new Map<ChampionshipEvent | string, Participant[]>();
    for (const p of cohort) {
      const edition = this.calendar.eventOf(p) ?? p.event;
      const list = byEdition.get(edition);
      if (list) list.push(p);
      else byEdition.set(edition, [p]);
    }
    return [...byEdition.entries()]
      .map(([edition, list]) => ({
        name: typeof edition === 'string' ? edition : edition.name,
        level: typeof edition === 'string' ? ('' as const) : edition.level,
        start: this.calendar.startOf(list[0]!),
        participants: list.length,
        schools: new Set(list.map((p) => p.schoolKey)).size,
        resultsIn: this.resultsIn(list[0]!),
      }))
      .sort(
        (a, b) =>
          (a.start ? a.start.getTime() : Infinity) - (b.start ? b.start.getTime() : Infinity) ||
          compareRu(a.name, b.name),
      );
  }

  /** Events without a start date whose participants the cohort counted by registration. */
  undated(cohort: Participant[]): UndatedEvent[] {
    const counts = new Map<string, number>();
    for (const p of cohort) {
      if (!this.calendar.placement(p).byRegistration) continue;
      const name = p.event.trim() || UNKNOWN_LABEL;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return [...counts.entries()]
      .map(([name, participants]) => ({ name, participants }))
      .sort((a, b) => compareRu(a.name, b.name));
  }

  /** Results entered in `period` for events of earlier periods, by event. */
  lateResults(period: string): LateEventResults[] {
    const from = periodStart(period);
    const to = periodEnd(period);
    const late = new Map<string, Set<string>>();
    for (const r of this.input.results) {
      if (!isWithin(r.submittedAt, from, to)) continue;
      const p = this.byId.get(r.participantId);
      if (!p) continue;
      if (this.calendar.placement(p).period >= period) continue;
      const name = this.calendar.eventOf(p)?.name ?? p.event;
      late.set(name, (late.get(name) ?? new Set<string>()).add(p.id));
    }
    return [...late.entries()]
      .map(([event, ids]) => {
        const list = [...ids].map((id) => this.byId.get(id)!);
        const f = this.figures(list);
        return {
          event,
          period: this.calendar.placement(list[0]!).period,
          participants: list.length,
          winners: f.winners,
          prizeWinners: f.prizeWinners,
          medallions: f.medallions,
        };
      })
      .sort(
        (a, b) =>
          (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) || compareRu(a.event, b.event),
      );
  }

  bySchoolType(cohort: Participant[]): SchoolTypeRow[] {
    const rows: SchoolTypeRow[] = [];
    for (const type of SCHOOL_TYPES) {
      const ofType = this.input.schools.filter((s) => s.type === type);
      const keys = new Set(ofType.map((s) => s.key));
      const inCohort = cohort.filter((p) => keys.has(p.schoolKey));
      const count = new Set(inCohort.map((p) => p.schoolKey)).size;
      if (ofType.length === 0) continue;
      rows.push({
        type,
        total: ofType.length,
        participating: count,
        sharePercent: percentOf(count, ofType.length),
        participants: inCohort.length,
      });
    }
    return rows;
  }

  byEventLevel(cohort: Participant[]): CountRow[] {
    const counts = new Map<string, number>();
    for (const p of cohort) {
      const level = this.calendar.eventOf(p)?.level || UNKNOWN_LABEL;
      counts.set(level, (counts.get(level) ?? 0) + 1);
    }
    // Levels keep their natural order (school → national), unknown last.
    const order = [...EVENT_LEVELS, UNKNOWN_LABEL];
    return order
      .filter((level) => counts.has(level))
      .map((level) => ({
        label: level,
        count: counts.get(level)!,
        sharePercent: percentOf(counts.get(level)!, cohort.length),
      }));
  }

  rating(cohort: Participant[]): SchoolRatingRow[] {
    const bySchool = new Map<string, Participant[]>();
    for (const p of cohort) {
      const list = bySchool.get(p.schoolKey);
      if (list) list.push(p);
      else bySchool.set(p.schoolKey, [p]);
    }
    const rows = [...bySchool.entries()].map(([key, list]) => {
      const f = this.figures(list);
      return {
        ...this.ref(key),
        participants: f.participants,
        winners: f.winners,
        prizeWinners: f.prizeWinners,
        medallions: f.medallions,
        effectivenessPercent: f.effectivenessPercent,
      };
    });
    return rows.sort(
      (a, b) =>
        b.participants - a.participants ||
        b.winners + b.prizeWinners - (a.winners + a.prizeWinners) ||
        b.winners - a.winners ||
        compareRu(a.name, b.name) ||
        compareRu(a.key, b.key),
    );
  }

  schoolsWithout(cohort: Participant[]): SchoolRef[] {
    const taking = new Set(cohort.map((p) => p.schoolKey));
    return this.sortedRefs(this.input.schools.filter((s) => !taking.has(s.key)));
  }

  private sortedRefs(schools: School[]): SchoolRef[] {
    return schools
      .map((s) => this.ref(s.key))
      .sort((a, b) => compareRu(a.name, b.name) || compareRu(a.key, b.key));
  }

  discipline(period: string, yearStart: string): DisciplineFigures {
    const reported = reportsOfPeriod(this.input.reports, period, (k) => this.schoolByKey.has(k));
    const late: LateReport[] = [...reported.keys()]
      .filter((k) => !reported.get(k)!.onTime)
      .map((k) => ({ ...this.ref(k), submittedAt: reported.get(k)!.submittedAt }))
      .sort((a, b) => compareRu(a.name, b.name) || compareRu(a.key, b.key));
    // Orders owed at the end of the period by the school year's participants so far.
    const asOf = periodEnd(period);
    const withoutOrder = this.unique.filter(
      (p) =>
        p.orderStatus === 'нет' &&
        this.calendar.placement(p).period >= yearStart &&
        this.calendar.orderOwed(p, asOf),
    );
    const noOrderBySchool = new Map<string, number>();
    for (const p of withoutOrder) {
      noOrderBySchool.set(p.schoolKey, (noOrderBySchool.get(p.schoolKey) ?? 0) + 1);
    }
    const from = periodStart(period);
    return {
      reportsExpected: this.input.schools.length,
      reportsReceived: reported.size,
      reportsReceivedPercent: percentOf(reported.size, this.input.schools.length),
      reportsOnTime: reported.size - late.length,
      missingReports: this.sortedRefs(this.input.schools.filter((s) => !reported.has(s.key))),
      lateReports: late,
      ordersReceived: this.input.orders.filter((o) => isWithin(o.submittedAt, from, asOf)).length,
      participantsWithoutOrder: withoutOrder.length,
      schoolsWithoutOrders: [...noOrderBySchool.entries()]
        .map(([k, participants]) => ({ ...this.ref(k), participants }))
        .sort(
          (a, b) =>
            b.participants - a.participants || compareRu(a.name, b.name) || compareRu(a.key, b.key),
        ),
    };
  }
}

function labelOf(value: string): string {
  return value.trim() || UNKNOWN_LABEL;
}

function countBy(cohort: Participant[], key: (p: Participant) => string): CountRow[] {
  const counts = new Map<string, number>();
  for (const p of cohort) {
    const label = labelOf(key(p));
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([label, count]) => ({
      label,
      count,
      sharePercent: percentOf(count, cohort.length),
    }))
    .sort((a, b) => b.count - a.count || compareRu(a.label, b.label));
}

function crossTable(cohort: Participant[]): CrossTable {
  const columns = countBy(cohort, (p) => p.ageCategory)
    .map((r) => r.label)
    .sort(compareRu);
  const rowLabels = countBy(cohort, (p) => p.competency).map((r) => r.label);
  const rows = rowLabels.map((label) => {
    const counts = columns.map(
      (col) =>
        cohort.filter((p) => labelOf(p.competency) === label && labelOf(p.ageCategory) === col)
          .length,
    );
    return { label, counts, total: counts.reduce((s, n) => s + n, 0) };
  });
  const columnTotals = columns.map((_, i) => rows.reduce((s, r) => s + r.counts[i]!, 0));
  return { columns, rows, columnTotals, total: cohort.length };
}

const INDICATORS: ReadonlyArray<[IndicatorKey, 'count' | 'percent']> = [
  ['participants', 'count'],
  ['schoolsParticipating', 'count'],
  ['coveragePercent', 'percent'],
  ['winners', 'count'],
  ['prizeWinners', 'count'],
  ['effectivenessPercent', 'percent'],
];

function dynamics(previous: PeriodFigures, current: PeriodFigures): DynamicsRow[] {
  return INDICATORS.map(([indicator, unit]) => {
    const prev = previous[indicator];
    const cur = current[indicator];
    const change = prev === null || cur === null ? null : roundTo(cur - prev, 1);
    const changePercent =
      unit === 'count' && prev !== null && cur !== null ? percentOf(cur - prev, prev) : null;
    return { indicator, unit, previous: prev, current: cur, change, changePercent };
  });
}

/** The figures of a span with nobody in it. */
function emptyFigures(): PeriodFigures {
  return {
    participants: 0,
    schoolsParticipating: 0,
    coveragePercent: 0,
    winners: 0,
    prizeWinners: 0,
    medallions: 0,
    medalsConfirmed: 0,
    participantsWithResults: 0,
    effectivenessPercent: null,
  };
}
