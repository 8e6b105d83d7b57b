/**
 * «Статистика» as a job: read the derived tabs and the registry once each, compute one Statistics
 * object, write the tab. The monthly note and the summary reuse the same object, which is why
 * their figures equal the tab's.
 */
import { argumentText } from '../domain/text/clean';
import {
  ORDERS_SCHEMA,
  PARTICIPANTS_SCHEMA,
  REPORTS_SCHEMA,
  RESULTS_SCHEMA,
} from '../domain/schema';
import { computeStatistics, type Statistics, type StatisticsInput } from '../domain/statistics';
import {
  parsePeriod,
  periodOf,
  formatMonthYear,
  schoolYearOfPeriod,
  schoolYearStart,
} from '../domain/text/periods';
import { closedYears, lastArchivedYear } from '../workspace/archive';
import { OUTPUTS_RU } from '../i18n/ru/outputs';
import { readDerivedRecords, readReference } from '../workspace/master';
import { requireStaff } from '../workspace/access';
import { withLock } from '../workspace/lock';
import type { Projection, ReferenceData } from '../domain/intake';
import { writeStatisticsTab, type TabChart } from '../workspace/statisticsTab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The rows statistics are computed from: derived tabs plus the registry and events. */
export function loadStatisticsInput(
  spreadsheet: Spreadsheet,
  reference: ReferenceData = readReference(spreadsheet),
): StatisticsInput {
  return {
    schools: reference.schools,
    events: reference.events,
    participants: readDerivedRecords(spreadsheet, PARTICIPANTS_SCHEMA),
    orders: readDerivedRecords(spreadsheet, ORDERS_SCHEMA),
    reports: readDerivedRecords(spreadsheet, REPORTS_SCHEMA),
    results: readDerivedRecords(spreadsheet, RESULTS_SCHEMA),
    previousYear: lastArchivedYear(),
  };
}

/** The same rows from an intake run that just projected them: no second read of the tabs. */
export function statisticsInputOf(
  projection: Projection,
  reference: ReferenceData,
): StatisticsInput {
  return {
    schools: reference.schools,
    events: reference.events,
    participants: projection.participants,
    orders: projection.orders,
    reports: projection.reports,
    results: projection.results,
    previousYear: lastArchivedYear(),
  };
}

/**
 * The month «Статистика» shows: the current one, or — once its school year is closed — the first
 * month of the next school year, which starts empty.
 */
export function displayPeriod(now: Date): string {
  const current = periodOf(now);
  const year = schoolYearOfPeriod(current);
  return closedYears().includes(year) ? periodOf(schoolYearStart(year + 1)) : current;
}

/** 'YYYY-MM' checked, with a message a methodologist understands; throws otherwise. */
export function checkedPeriod(period: unknown): string {
  const text = argumentText(period).trim();
  if (!parsePeriod(text)) throw new Error(OUTPUTS_RU.note.badPeriod(text));
  return text;
}

/** What one computation produced: the input, the figures and the tab's charts. */
export interface StatisticsRun {
  input: StatisticsInput;
  stats: Statistics;
  charts: TabChart[];
}

/** Computes the month's figures and rewrites «Статистика»; the caller holds the lock if needed. */
export function computeAndWriteStatistics(
  spreadsheet: Spreadsheet,
  period: string,
  input: StatisticsInput = loadStatisticsInput(spreadsheet),
): StatisticsRun {
  const stats = computeStatistics(input, period);
  const charts = writeStatisticsTab(spreadsheet, stats, new Date());
  return { input, stats, charts };
}

/** Rewrites «Статистика» for `period` ('YYYY-MM', the current month by default) (sidebar, menu). */
export function refreshStatistics(period?: string): string {
  const key =
    period === undefined || period === '' ? displayPeriod(new Date()) : checkedPeriod(period);
  const { spreadsheet } = requireStaff();
  const { stats } = withLock(() => computeAndWriteStatistics(spreadsheet, key));
  return OUTPUTS_RU.stats.refreshed(
    formatMonthYear(stats.period),
    stats.month.participants,
    stats.yearToDate.participants,
  );
}
