/**
 * The figures of «Статистика» and of the monthly note, computed from plain rows.
 *
 * Definitions (the note and the sheet rely on them; change them here only):
 * - A participant is a row of «Участники» (one child in one event and competency), counted once
 *   per `id`. Participants of month M are those with `registeredAt` in M on the Moscow calendar,
 *   i.e. in [1st of M 00:00 MSK, 1st of M+1). Year to date (YTD) for M is
 *   [1 September of M's school year, 1st of M+1).
 * - An ОУ takes part in a period when it has at least one participant of the period.
 *   Охват = ОУ taking part / all ОУ of the registry («ОУ» tab), in percent.
 * - A participant's result is the best of its rows in «Результаты» (matched by participantId,
 *   whenever reported), falling back to Participant.result. Results belong to the participant's
 *   registration period (a cohort), so winners never exceed participants. Each participant is in
 *   at most one group: winner (1st place), prize-winner (2nd or 3rd), medallion.
 * - Результативность = (winners + prize-winners) / participants × 100.
 * - Percentages are stored rounded to one decimal, so the sheet and the note print the same
 *   numbers; a share of nothing is null (printed «—»).
 * - Month-on-month dynamics compare M with M−1; YTD dynamics compare YTD of M with the same span
 *   of the previous school year (1 September to the end of M−12). Changes of percentages are in
 *   percentage points and have no relative change.
 * - Executive discipline: an ОУ of the registry without a «Отчёты ОУ» row for M has a missing
 *   report; a row with onTime = false is late. Participants of M with orderStatus 'нет' have no
 *   order.
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
import { compareRu } from './text/collation';
import { percentOf, roundTo } from './text/numbers';
import {
  addMonths,
  isWithin,
  periodEnd,
  periodLastDay,
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
}

/** The headline figures of one span of time. */
export interface PeriodFigures {
  participants: number;
  schoolsParticipating: number;
  coveragePercent: number | null;
  winners: number;
  prizeWinners: number;
  medallions: number;
  effectivenessPercent: number | null;
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
  participantsWithoutOrder: number;
  schoolsWithoutOrders: SchoolWithoutOrders[];
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
const EVENT_LEVELS: readonly EventLevel[] = [
  'ОУ',
  'районный',
  'городской/региональный',
  'национальный',
];
/** Label for rows whose category is blank or unknown. */
export const UNKNOWN_LABEL = 'не указано';

const RESULT_RANK: Record<ResultKind, number> = {
  'Победитель (1 место)': 1,
  'Призёр (2 место)': 2,
  'Призёр (3 место)': 3,
  'Медальон за профессионализм': 4,
  Участник: 5,
};

type Group = 'winner' | 'prize' | 'medallion' | 'none';

function groupOf(result: ResultKind | undefined): Group {
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
  const ytdFrom = schoolYearStart(schoolYear);
  const end = periodEnd(period);
  const monthCohort = ctx.cohort(periodStart(period), end);
  const ytdCohort = ctx.cohort(ytdFrom, end);
  const lastYearPeriod = addMonths(period, -12);
  const month = ctx.figures(monthCohort);
  const previousMonth = ctx.figures(ctx.cohort(periodStart(prev), periodEnd(prev)));
  const yearToDate = ctx.figures(ytdCohort);
  const previousYearToDate = ctx.figures(
    ctx.cohort(schoolYearStart(schoolYear - 1), periodEnd(lastYearPeriod)),
  );

  return {
    period,
    previousPeriod: prev,
    schoolYear,
    periodStart: periodStart(period),
    periodLastDay: periodLastDay(period),
    yearToDateStart: ytdFrom,
    schoolsTotal: input.schools.length,
    month,
    previousMonth,
    yearToDate,
    previousYearToDate,
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
      const f = ctx.figures(ctx.cohort(periodStart(p), periodEnd(p)));
      return {
        period: p,
        participants: f.participants,
        schoolsParticipating: f.schoolsParticipating,
        winners: f.winners,
        prizeWinners: f.prizeWinners,
      };
    }),
    discipline: ctx.discipline(period, monthCohort),
    dataQuality: {
      participantsOutsideRegistry: ytdCohort.filter((p) => !ctx.schoolByKey[p.schoolKey]).length,
      resultsWithoutParticipant: input.results.filter((r) => !ctx.participantIds[r.participantId])
        .length,
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
  const from =
    scope === 'month' ? periodStart(period) : schoolYearStart(schoolYearOfPeriod(period));
  const out: WinnerEntry[] = [];
  for (const p of ctx.cohort(from, periodEnd(period))) {
    const best = ctx.best[p.id];
    const group = groupOf(best);
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
  readonly schoolByKey: Record<string, School> = {};
  readonly participantIds: Record<string, true> = {};
  readonly best: Record<string, ResultKind> = {};
  private readonly levelByEvent: Record<string, EventLevel> = {};

  constructor(private readonly input: StatisticsInput) {
    for (const s of input.schools) this.schoolByKey[s.key] = s;
    for (const e of input.events) this.levelByEvent[e.name] = e.level;
    for (const p of input.participants) {
      this.participantIds[p.id] = true;
      if (p.result) this.keepBest(p.id, p.result);
    }
    // Rows of «Результаты» override the participant's own column: they are the confirmed source.
    const fromResults: Record<string, ResultKind> = {};
    for (const r of input.results) {
      const cur = fromResults[r.participantId];
      if (cur === undefined || RESULT_RANK[r.result] < RESULT_RANK[cur]) {
        fromResults[r.participantId] = r.result;
      }
    }
    for (const id of Object.keys(fromResults)) this.best[id] = fromResults[id]!;
  }

  private keepBest(id: string, result: ResultKind): void {
    const cur = this.best[id];
    if (cur === undefined || RESULT_RANK[result] < RESULT_RANK[cur]) this.best[id] = result;
  }

  /** Participants registered in [from, to), one per id. */
  cohort(from: Date, to: Date): Participant[] {
    const seen: Record<string, true> = {};
    const out: Participant[] = [];
    for (const p of this.input.participants) {
      if (seen[p.id] || !isWithin(p.registeredAt, from, to)) continue;
      seen[p.id] = true;
      out.push(p);
    }
    return out;
  }

  ref(key: string): SchoolRef {
    const s = this.schoolByKey[key];
    return s ? { key, name: schoolDisplayName(s), type: s.type } : { key, name: key, type: null };
  }

  figures(cohort: Participant[]): PeriodFigures {
    let winners = 0;
    let prizeWinners = 0;
    let medallions = 0;
    const schools: Record<string, true> = {};
    for (const p of cohort) {
      if (this.schoolByKey[p.schoolKey]) schools[p.schoolKey] = true;
      const g = groupOf(this.best[p.id]);
      if (g === 'winner') winners++;
      else if (g === 'prize') prizeWinners++;
      else if (g === 'medallion') medallions++;
    }
    const schoolsParticipating = Object.keys(schools).length;
    return {
      participants: cohort.length,
      schoolsParticipating,
      coveragePercent: percentOf(schoolsParticipating, this.input.schools.length),
      winners,
      prizeWinners,
      medallions,
      effectivenessPercent: percentOf(winners + prizeWinners, cohort.length),
    };
  }

  bySchoolType(cohort: Participant[]): SchoolTypeRow[] {
    const rows: SchoolTypeRow[] = [];
    for (const type of SCHOOL_TYPES) {
      const ofType = this.input.schools.filter((s) => s.type === type);
      const keys: Record<string, true> = {};
      for (const s of ofType) keys[s.key] = true;
      const inCohort = cohort.filter((p) => keys[p.schoolKey]);
      const participating: Record<string, true> = {};
      for (const p of inCohort) participating[p.schoolKey] = true;
      const count = Object.keys(participating).length;
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
    const counts: Record<string, number> = {};
    for (const p of cohort) {
      const level = this.levelByEvent[p.event] ?? UNKNOWN_LABEL;
      counts[level] = (counts[level] ?? 0) + 1;
    }
    // Levels keep their natural order (school → national), unknown last.
    const order = [...EVENT_LEVELS, UNKNOWN_LABEL];
    return order
      .filter((level) => counts[level] !== undefined)
      .map((level) => ({
        label: level,
        count: counts[level]!,
        sharePercent: percentOf(counts[level]!, cohort.length),
      }));
  }

  rating(cohort: Participant[]): SchoolRatingRow[] {
    const bySchool: Record<string, Participant[]> = {};
    for (const p of cohort) (bySchool[p.schoolKey] = bySchool[p.schoolKey] ?? []).push(p);
    const rows = Object.keys(bySchool).map((key) => {
      const f = this.figures(bySchool[key]!);
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
    const taking: Record<string, true> = {};
    for (const p of cohort) taking[p.schoolKey] = true;
    return this.sortedRefs(this.input.schools.filter((s) => !taking[s.key]));
  }

  private sortedRefs(schools: School[]): SchoolRef[] {
    return schools
      .map((s) => this.ref(s.key))
      .sort((a, b) => compareRu(a.name, b.name) || compareRu(a.key, b.key));
  }

  discipline(period: string, cohort: Participant[]): DisciplineFigures {
    const reports = this.input.reports.filter((r) => r.period === period);
    const reported: Record<string, MonthlyReport> = {};
    for (const r of reports) {
      // Several rows for one ОУ: an on-time one wins, else the earliest.
      const cur = reported[r.schoolKey];
      if (
        !cur ||
        (r.onTime && !cur.onTime) ||
        (r.onTime === cur.onTime && r.submittedAt < cur.submittedAt)
      ) {
        reported[r.schoolKey] = r;
      }
    }
    const registryReports = Object.keys(reported).filter((k) => this.schoolByKey[k]);
    const late: LateReport[] = registryReports
      .filter((k) => !reported[k]!.onTime)
      .map((k) => ({ ...this.ref(k), submittedAt: reported[k]!.submittedAt }))
      .sort((a, b) => compareRu(a.name, b.name) || compareRu(a.key, b.key));
    const withoutOrder = cohort.filter((p) => p.orderStatus === 'нет');
    const noOrderBySchool: Record<string, number> = {};
    for (const p of withoutOrder) {
      noOrderBySchool[p.schoolKey] = (noOrderBySchool[p.schoolKey] ?? 0) + 1;
    }
    const from = periodStart(period);
    const to = periodEnd(period);
    return {
      reportsExpected: this.input.schools.length,
      reportsReceived: registryReports.length,
      reportsReceivedPercent: percentOf(registryReports.length, this.input.schools.length),
      reportsOnTime: registryReports.length - late.length,
      missingReports: this.sortedRefs(this.input.schools.filter((s) => !reported[s.key])),
      lateReports: late,
      ordersReceived: this.input.orders.filter((o) => isWithin(o.submittedAt, from, to)).length,
      participantsWithoutOrder: withoutOrder.length,
      schoolsWithoutOrders: Object.keys(noOrderBySchool)
        .map((k) => ({ ...this.ref(k), participants: noOrderBySchool[k]! }))
        .sort((a, b) => b.participants - a.participants || compareRu(a.name, b.name)),
    };
  }
}

function labelOf(value: string): string {
  return value.trim() || UNKNOWN_LABEL;
}

function countBy(cohort: Participant[], key: (p: Participant) => string): CountRow[] {
  const counts: Record<string, number> = {};
  for (const p of cohort) {
    const label = labelOf(key(p));
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return Object.keys(counts)
    .map((label) => ({
      label,
      count: counts[label]!,
      sharePercent: percentOf(counts[label]!, cohort.length),
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
