/**
 * A school year in figures, for the archive «Архив 2021/2022» and the annual note: every month's
 * figures and the year's (by the same rules as «Статистика», computeStatistics), the ОУ rating,
 * events with their results by competency and age category, the preparation figures of the
 * monthly reports, executive discipline by month — aggregates and pseudonymous ids, never a name.
 * The archive's tables are plain rows here; `readArchivedYear` reads them back, so the next year's
 * dynamics («к аналогичному периоду прошлого учебного года») and comparison come from the archive.
 */
import type { ResultKind, SchoolType } from './model';
import {
  computeStatistics,
  resultGroup,
  type ArchivedYear,
  type PeriodFigures,
  type SchoolRatingRow,
  type Statistics,
  type StatisticsInput,
} from './statistics';
import { EventCalendar } from './eventCalendar';
import { DIFFICULTY_THEMES, type DifficultyTheme } from './difficulties';
import { ARCHIVE_RU } from '../i18n/ru/yearClose';

/** One month of the year: its own figures and the year to date through it. */
export interface ArchivedMonth {
  period: string;
  month: PeriodFigures;
  yearToDate: PeriodFigures;
  registrations: number;
  reportsReceived: number;
  reportsOnTime: number;
  sessions: number;
  pupilsInTraining: number;
  mentors: number;
  ordersReceived: number;
  participantsWithoutOrder: number;
}

/** Medals of one competency and age category at one event. */
export interface EventResultRow {
  event: string;
  start: Date | null;
  level: string;
  competency: string;
  ageCategory: string;
  participants: number;
  winners: number;
  prizeWinners: number;
  medallions: number;
}

/** Reports of one ОУ type in one month. */
export interface PreparationRowOfMonth {
  period: string;
  type: SchoolType | 'total';
  reports: number;
  sessions: number;
  pupilsInTraining: number;
  mentors: number;
}

/** A participant as the archive keeps it: the pseudonymous id, never the name. */
export interface ArchivedParticipant {
  id: string;
  schoolKey: string;
  event: string;
  period: string;
  competency: string;
  ageCategory: string;
  result: ResultKind | '';
}

/** An ОУ and the months of the year it sent no report for. */
export interface MissingReports {
  key: string;
  name: string;
  months: number;
}

export interface YearFigures {
  schoolYear: number;
  schoolsTotal: number;
  periods: string[];
  months: ArchivedMonth[];
  year: PeriodFigures;
  rating: SchoolRatingRow[];
  events: EventResultRow[];
  preparation: PreparationRowOfMonth[];
  participants: ArchivedParticipant[];
  missingReports: MissingReports[];
  /** ОУ that named each theme of difficulties over the year (an ОУ once per theme). */
  difficulties: Array<{ theme: DifficultyTheme; schools: number }>;
  /** The statistics of the year's last month: its series, by type, competency, etc. */
  last: Statistics;
}

/** Every month of `periods` (the school year through its last month covered) computed once. */
export function computeYearFigures(
  input: StatisticsInput,
  schoolYear: number,
  periods: readonly string[],
): YearFigures {
  const all = periods.map((p) => computeStatistics(input, p));
  const last = all[all.length - 1]!;
  const months = all.map((s): ArchivedMonth => ({
    period: s.period,
    month: s.month,
    yearToDate: s.yearToDate,
    registrations: s.registrations.participants,
    reportsReceived: s.discipline.reportsReceived,
    reportsOnTime: s.discipline.reportsOnTime,
    sessions: totalOf(s).sessions,
    pupilsInTraining: totalOf(s).pupilsInTraining,
    mentors: totalOf(s).mentors,
    ordersReceived: s.discipline.ordersReceived,
    participantsWithoutOrder: s.discipline.participantsWithoutOrder,
  }));
  const events: EventResultRow[] = [];
  for (const s of all) {
    for (const e of s.resultsAnalysis.events) {
      for (const m of e.medals) {
        events.push({
          event: e.event,
          start: e.start,
          level: e.level,
          competency: m.competency,
          ageCategory: m.ageCategory,
          participants: m.participants,
          winners: m.winners,
          prizeWinners: m.prizeWinners,
          medallions: m.medallions,
        });
      }
    }
  }
  const preparation: PreparationRowOfMonth[] = [];
  for (const s of all) {
    for (const row of s.preparation.rows) {
      preparation.push({
        period: s.period,
        type: row.type,
        reports: row.current.reports,
        sessions: row.current.sessions,
        pupilsInTraining: row.current.pupilsInTraining,
        mentors: row.current.mentors,
      });
    }
  }
  const missing = new Map<string, MissingReports>();
  for (const s of all) {
    for (const ref of s.discipline.missingReports) {
      const known = missing.get(ref.key) ?? { key: ref.key, name: ref.name, months: 0 };
      known.months++;
      missing.set(ref.key, known);
    }
  }
  const themes = new Map<DifficultyTheme, Set<string>>();
  for (const s of all) {
    for (const group of s.preparation.difficulties) {
      const set = themes.get(group.theme) ?? new Set<string>();
      for (const entry of group.entries) set.add(entry.school.key);
      themes.set(group.theme, set);
    }
  }
  return {
    schoolYear,
    schoolsTotal: input.schools.length,
    periods: [...periods],
    months,
    year: last.yearToDate,
    rating: last.ratingYearToDate,
    events,
    preparation,
    participants: archivedParticipants(input, periods),
    missingReports: [...missing.values()].sort(
      (a, b) => b.months - a.months || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    ),
    difficulties: DIFFICULTY_THEMES.filter((t) => themes.has(t)).map((theme) => ({
      theme,
      schools: themes.get(theme)!.size,
    })),
    last,
  };
}

function totalOf(s: Statistics): { sessions: number; pupilsInTraining: number; mentors: number } {
  const total = s.preparation.rows.find((r) => r.type === 'total');
  return total ? total.current : { sessions: 0, pupilsInTraining: 0, mentors: 0 };
}

/** The year's participants by id with their best result (as «Статистика» counts them). */
function archivedParticipants(
  input: StatisticsInput,
  periods: readonly string[],
): ArchivedParticipant[] {
  const calendar = new EventCalendar(input.events);
  const rank = (r: ResultKind | ''): number =>
    r === '' ? 9 : ['winner', 'prize', 'medallion', 'none'].indexOf(resultGroup(r));
  const best = new Map<string, ResultKind>();
  for (const r of input.results) {
    const cur = best.get(r.participantId);
    if (!cur || rank(r.result) < rank(cur) || (rank(r.result) === rank(cur) && r.result < cur)) {
      best.set(r.participantId, r.result);
    }
  }
  const seen = new Set<string>();
  const out: ArchivedParticipant[] = [];
  for (const p of input.participants) {
    const period = calendar.placement(p).period;
    if (seen.has(p.id) || !periods.includes(period)) continue;
    seen.add(p.id);
    out.push({
      id: p.id,
      schoolKey: p.schoolKey,
      event: p.event,
      period,
      competency: p.competency,
      ageCategory: p.ageCategory,
      result: best.get(p.id) ?? p.result ?? '',
    });
  }
  return out;
}

/** A table of the archive: its tab name, header and rows of cells. */
export interface ArchiveTable {
  name: string;
  header: string[];
  rows: Array<Array<string | number | Date>>;
}

const FIGURES: ReadonlyArray<keyof PeriodFigures> = [
  'participants',
  'schoolsParticipating',
  'coveragePercent',
  'winners',
  'prizeWinners',
  'medallions',
  'medalsConfirmed',
  'participantsWithResults',
  'effectivenessPercent',
];

const cell = (v: number | null): number | string => (v === null ? '' : v);

/** The archive spreadsheet's tables: aggregates and pseudonymous ids only. */
export function archiveTables(y: YearFigures): ArchiveTable[] {
  const A = ARCHIVE_RU;
  const figureHeaders = FIGURES.map((f) => A.figures[f]);
  return [
    {
      name: A.tabs.year,
      header: [A.headers.indicator, A.headers.value, A.headers.key],
      rows: [
        [A.headers.schoolYear, `${y.schoolYear}/${y.schoolYear + 1}`, 'schoolYear'],
        [A.headers.schoolsTotal, y.schoolsTotal, 'schoolsTotal'],
        ...FIGURES.map((f) => [A.figures[f], cell(y.year[f]), f]),
      ],
    },
    {
      name: A.tabs.months,
      header: [
        A.headers.period,
        ...figureHeaders,
        ...figureHeaders.map((h) => `${A.headers.yearToDate}: ${h}`),
        A.headers.registrations,
        A.headers.reportsReceived,
        A.headers.reportsOnTime,
        A.headers.sessions,
        A.headers.pupils,
        A.headers.mentors,
        A.headers.ordersReceived,
        A.headers.withoutOrder,
      ],
      rows: y.months.map((m) => [
        m.period,
        ...FIGURES.map((f) => cell(m.month[f])),
        ...FIGURES.map((f) => cell(m.yearToDate[f])),
        m.registrations,
        m.reportsReceived,
        m.reportsOnTime,
        m.sessions,
        m.pupilsInTraining,
        m.mentors,
        m.ordersReceived,
        m.participantsWithoutOrder,
      ]),
    },
    {
      name: A.tabs.rating,
      header: [
        A.headers.schoolKey,
        A.headers.school,
        A.headers.schoolType,
        A.figures.participants,
        A.figures.winners,
        A.figures.prizeWinners,
        A.figures.medallions,
        A.figures.effectivenessPercent,
      ],
      rows: y.rating.map((r) => [
        r.key,
        r.name,
        r.type ?? '',
        r.participants,
        r.winners,
        r.prizeWinners,
        r.medallions,
        cell(r.effectivenessPercent),
      ]),
    },
    {
      name: A.tabs.events,
      header: [
        A.headers.event,
        A.headers.start,
        A.headers.level,
        A.headers.competency,
        A.headers.ageCategory,
        A.figures.participants,
        A.figures.winners,
        A.figures.prizeWinners,
        A.figures.medallions,
      ],
      rows: y.events.map((e) => [
        e.event,
        e.start ?? '',
        e.level,
        e.competency,
        e.ageCategory,
        e.participants,
        e.winners,
        e.prizeWinners,
        e.medallions,
      ]),
    },
    {
      name: A.tabs.preparation,
      header: [
        A.headers.period,
        A.headers.schoolType,
        A.headers.reportsReceived,
        A.headers.sessions,
        A.headers.pupils,
        A.headers.mentors,
      ],
      rows: y.preparation.map((r) => [
        r.period,
        r.type === 'total' ? A.headers.total : r.type,
        r.reports,
        r.sessions,
        r.pupilsInTraining,
        r.mentors,
      ]),
    },
    {
      name: A.tabs.participants,
      header: [
        A.headers.participantId,
        A.headers.schoolKey,
        A.headers.event,
        A.headers.period,
        A.headers.competency,
        A.headers.ageCategory,
        A.headers.result,
      ],
      rows: y.participants.map((p) => [
        p.id,
        p.schoolKey,
        p.event,
        p.period,
        p.competency,
        p.ageCategory,
        p.result,
      ]),
    },
  ];
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);
const numOrNull = (v: unknown): number | null =>
  v === '' || v === null || v === undefined ? null : num(v);

function figuresFrom(cells: readonly unknown[]): PeriodFigures {
  const out = {} as Record<keyof PeriodFigures, number | null>;
  FIGURES.forEach((f, i) => {
    const percent = f === 'coveragePercent' || f === 'effectivenessPercent';
    out[f] = percent ? numOrNull(cells[i]) : num(cells[i]);
  });
  return out as unknown as PeriodFigures;
}

/**
 * The archive read back from its «Год» and «Месяцы» tabs (values as getValues gives them), or null
 * when they are not the archive's.
 */
export function readArchivedYear(
  yearValues: readonly unknown[][],
  monthValues: readonly unknown[][],
): ArchivedYear | null {
  const byKey = new Map<string, unknown>();
  for (const row of yearValues.slice(1)) byKey.set(String(row[2] ?? ''), row[1]);
  const label = String(byKey.get('schoolYear') ?? '');
  const schoolYear = Number(label.slice(0, 4));
  if (!schoolYear) return null;
  const year = figuresFrom(FIGURES.map((f) => byKey.get(f)));
  const months = monthValues
    .slice(1)
    .filter((row) => /^\d{4}-\d{2}$/.test(String(row[0] ?? '')))
    .map((row) => ({
      period: String(row[0]),
      month: figuresFrom(row.slice(1, 1 + FIGURES.length)),
      yearToDate: figuresFrom(row.slice(1 + FIGURES.length, 1 + 2 * FIGURES.length)),
    }));
  return { schoolYear, schoolsTotal: num(byKey.get('schoolsTotal')), year, months };
}
