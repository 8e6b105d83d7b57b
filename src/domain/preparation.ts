/**
 * The preparation snapshot of a month (seed 000 items 5.2 and 6.3; DOMAIN.md «The preparation
 * snapshot») from «Отчёты ОУ»: how many ОУ reported, the sums of sessions, pupils in preparation
 * and mentors by ОУ type with the change to the previous month, a digest of the events held and
 * contests entered, the difficulties sorted by theme with the ОУ that raised them, and the
 * month's post-releases. A figure the intake could not accept (text, a negative or absurd number)
 * is stored empty and is left out of every sum; the snapshot counts such reports so the note can
 * say how many were left out.
 */
import type { MonthlyReport, School, SchoolType } from './model';
import {
  DIFFICULTY_THEMES,
  classifyDifficulty,
  shortenAnswer,
  type DifficultyTheme,
} from './difficulties';
import { compareRu } from './text/collation';
import { previousPeriod } from './text/periods';
import { matchKey } from './text/clean';
import { isWebLink } from './document';

/** An ОУ as documents name it (the same shape as statistics' SchoolRef). */
export interface PreparationSchool {
  key: string;
  name: string;
  type: SchoolType | null;
}

/** The three counted figures of a monthly report. */
export const REPORT_FIGURES = ['sessions', 'pupilsInTraining', 'mentors'] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];

/** Sums of one group of reports; a figure left empty by the intake is not in its sum. */
export interface PreparationSums {
  reports: number;
  sessions: number;
  pupilsInTraining: number;
  mentors: number;
}

/** One row of the table by ОУ type: this month and the previous one. */
export interface PreparationRow {
  type: SchoolType | 'total';
  current: PreparationSums;
  previous: PreparationSums;
}

/** Entries of the digest: one text and the ОУ that wrote it (same texts merged). */
export interface DigestEntry {
  text: string;
  schools: PreparationSchool[];
}

/** A difficulty raised by an ОУ, in its own words shortened. */
export interface DifficultyEntry {
  school: PreparationSchool;
  text: string;
}

export interface DifficultyGroup {
  theme: DifficultyTheme;
  entries: DifficultyEntry[];
}

export interface PostRelease {
  school: PreparationSchool;
  urls: string[];
}

export interface PreparationFigures {
  period: string;
  previousPeriod: string;
  reportsReceived: number;
  schoolsTotal: number;
  /** By ОУ type in registry order of types, then the total row. */
  rows: PreparationRow[];
  /** Reports of the month with at least one figure left out of the sums. */
  reportsWithExcludedFigures: number;
  eventsHeld: DigestEntry[];
  contests: DigestEntry[];
  difficulties: DifficultyGroup[];
  /** ОУ that answered the difficulties question with «нет» or left it empty. */
  schoolsWithoutDifficulties: number;
  postReleases: PostRelease[];
}

const SCHOOL_TYPES: readonly SchoolType[] = ['ДОУ', 'школа', 'ДО'];

/**
 * One report per ОУ of the registry for `period`: an on-time one wins, else the earliest. The
 * intake already merges corrections of one ОУ and month, so this only guards hand-made rows.
 */
export function reportsOfPeriod(
  reports: readonly MonthlyReport[],
  period: string,
  isKnownSchool: (key: string) => boolean,
): Map<string, MonthlyReport> {
  const chosen = new Map<string, MonthlyReport>();
  for (const r of reports) {
    if (r.period !== period || !isKnownSchool(r.schoolKey)) continue;
    const cur = chosen.get(r.schoolKey);
    if (
      !cur ||
      (r.onTime && !cur.onTime) ||
      (r.onTime === cur.onTime && r.submittedAt < cur.submittedAt)
    ) {
      chosen.set(r.schoolKey, r);
    }
  }
  return chosen;
}

function emptySums(): PreparationSums {
  return { reports: 0, sessions: 0, pupilsInTraining: 0, mentors: 0 };
}

function add(sums: PreparationSums, r: MonthlyReport): void {
  sums.reports++;
  for (const f of REPORT_FIGURES) {
    const value = r[f];
    if (typeof value === 'number' && isFinite(value)) sums[f] += value;
  }
}

function sumsByType(
  chosen: Map<string, MonthlyReport>,
  typeOf: (key: string) => SchoolType | null,
): Map<SchoolType | 'total', PreparationSums> {
  const out = new Map<SchoolType | 'total', PreparationSums>();
  out.set('total', emptySums());
  for (const t of SCHOOL_TYPES) out.set(t, emptySums());
  for (const [key, r] of chosen) {
    const type = typeOf(key);
    if (type) add(out.get(type)!, r);
    add(out.get('total')!, r);
  }
  return out;
}

function digest(
  chosen: Map<string, MonthlyReport>,
  field: 'eventsHeld' | 'contests',
  ref: (key: string) => PreparationSchool,
): DigestEntry[] {
  const byText = new Map<string, DigestEntry>();
  for (const [key, r] of chosen) {
    const text = r[field].trim();
    // A dash, «нет» or a line without a single letter is not an event.
    if (!/[А-Яа-яЁё]{3}/.test(text) || /^(нет|не проводились|не было)\.?$/i.test(text)) continue;
    const short = shortenAnswer(text);
    const k = matchKey(short);
    const entry = byText.get(k) ?? { text: short, schools: [] };
    entry.schools.push(ref(key));
    byText.set(k, entry);
  }
  return [...byText.values()]
    .map((e) => ({ ...e, schools: sortSchools(e.schools) }))
    .sort((a, b) => b.schools.length - a.schools.length || compareRu(a.text, b.text));
}

function sortSchools(list: PreparationSchool[]): PreparationSchool[] {
  return [...list].sort((a, b) => compareRu(a.name, b.name) || compareRu(a.key, b.key));
}

/** The preparation snapshot of `period` ('YYYY-MM'). */
export function computePreparation(
  reports: readonly MonthlyReport[],
  schools: readonly School[],
  period: string,
  ref: (key: string) => PreparationSchool,
): PreparationFigures {
  const types = new Map(schools.map((s) => [s.key, s.type]));
  const typeOf = (key: string): SchoolType | null => types.get(key) ?? null;
  const isKnown = (key: string): boolean => types.has(key);
  const prev = previousPeriod(period);
  const chosen = reportsOfPeriod(reports, period, isKnown);
  const before = reportsOfPeriod(reports, prev, isKnown);
  const current = sumsByType(chosen, typeOf);
  const previous = sumsByType(before, typeOf);
  const present = SCHOOL_TYPES.filter((t) => schools.some((s) => s.type === t));
  const rows: PreparationRow[] = [...present, 'total' as const].map((type) => ({
    type,
    current: current.get(type)!,
    previous: previous.get(type)!,
  }));

  const byTheme = new Map<DifficultyTheme, DifficultyEntry[]>();
  let withoutDifficulties = 0;
  for (const [key, r] of chosen) {
    const reading = classifyDifficulty(r.difficulties);
    if (reading.none) {
      withoutDifficulties++;
      continue;
    }
    for (const theme of reading.themes) {
      const list = byTheme.get(theme) ?? [];
      list.push({ school: ref(key), text: shortenAnswer(r.difficulties) });
      byTheme.set(theme, list);
    }
  }
  const difficulties = DIFFICULTY_THEMES.filter((t) => byTheme.has(t)).map((theme) => ({
    theme,
    entries: byTheme
      .get(theme)!
      .sort((a, b) => compareRu(a.school.name, b.school.name) || compareRu(a.text, b.text)),
  }));

  const postReleases: PostRelease[] = [];
  for (const [key, r] of chosen) {
    const urls = r.postReleaseUrl.split(/\s+/).filter(isWebLink);
    if (urls.length > 0) postReleases.push({ school: ref(key), urls });
  }
  postReleases.sort((a, b) => compareRu(a.school.name, b.school.name));

  return {
    period,
    previousPeriod: prev,
    reportsReceived: chosen.size,
    schoolsTotal: schools.length,
    rows,
    reportsWithExcludedFigures: [...chosen.values()].filter((r) =>
      REPORT_FIGURES.some((f) => r[f] === null),
    ).length,
    eventsHeld: digest(chosen, 'eventsHeld', ref),
    contests: digest(chosen, 'contests', ref),
    difficulties,
    schoolsWithoutDifficulties: withoutDifficulties,
    postReleases,
  };
}

/** The median of each counted figure over the reports of one ОУ type (a letter compares with it). */
export interface PreparationMedians {
  /** Reports of the type for the period (one per ОУ, chosen as the note chooses it). */
  reports: number;
  /** Median of the figures the intake accepted; null when no report of the type has one. */
  medians: Record<ReportFigure, number | null>;
}

/** The median of numbers (the mean of the two middle ones for an even count), or null. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Per ОУ type, the medians of sessions, pupils in preparation and mentors over the period's reports
 * of the registry's ОУ of that type — the same report per ОУ the note sums (reportsOfPeriod).
 */
export function preparationMedians(
  reports: readonly MonthlyReport[],
  schools: readonly School[],
  period: string,
): Map<SchoolType, PreparationMedians> {
  const types = new Map(schools.map((s) => [s.key, s.type]));
  const chosen = reportsOfPeriod(reports, period, (key) => types.has(key));
  const out = new Map<SchoolType, PreparationMedians>();
  for (const type of SCHOOL_TYPES) {
    const ofType = [...chosen.entries()].filter(([key]) => types.get(key) === type);
    const medians = {} as Record<ReportFigure, number | null>;
    for (const figure of REPORT_FIGURES) {
      const values = ofType
        .map(([, r]) => r[figure])
        .filter((v): v is number => typeof v === 'number' && isFinite(v));
      medians[figure] = median(values);
    }
    out.set(type, { reports: ofType.length, medians });
  }
  return out;
}
