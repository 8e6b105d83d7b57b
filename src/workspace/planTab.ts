/**
 * «План работы» as the jobs see it: one getValues for the whole tab, columns found by header (staff
 * may reorder or add columns), marks and deadlines re-read from what staff typed.
 */
import { checkHeaders, PLAN_SCHEMA, PLAN_TAB } from '../domain/schema';
import type { PlanRow } from '../domain/model';
import {
  calendarYearPlanPeriod,
  parseDeadline,
  parsePlanMark,
  schoolYearPlanPeriod,
  type PlanPeriod,
} from '../domain/plan';
import { readTable, type Row } from './table';
import { tabSheet } from './sources';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The tab read once: raw rows (for writing back) and the records in sheet order. */
export interface PlanTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  header: string[];
  /** Column of each PLAN_SCHEMA column in the sheet, 0-based; -1 for one not appended yet. */
  positions: number[];
  rows: Row[];
  records: PlanRow[];
}

/** The period a «План» cell names: «2021/2022 учебный год» or «2017 год»; null if neither. */
export function planPeriodFromLabel(label: string): PlanPeriod | null {
  const school = /(\d{4})\s*[/-]\s*(\d{4})/.exec(label);
  if (school && Number(school[2]) === Number(school[1]) + 1) {
    return schoolYearPlanPeriod(Number(school[1]));
  }
  const year = /^\s*(\d{4})(?:\s*год)?\s*$/.exec(label);
  return year ? calendarYearPlanPeriod(Number(year[1])) : null;
}

/**
 * Reads the tab; null when it is missing or empty. Throws the Russian message of missing columns.
 * `fallback` places month-only deadlines of rows whose «План» cell is empty or unknown.
 */
export function readPlanTab(spreadsheet: Spreadsheet, fallback: PlanPeriod): PlanTab | null {
  const sheet = tabSheet(spreadsheet, PLAN_TAB);
  if (!sheet) return null;
  const { header, rows } = readTable(sheet);
  if (header.length === 0) return null;
  const check = checkHeaders(PLAN_SCHEMA, header);
  if (!check.ok) throw new Error(check.message);
  const records = rows.map((row) => effective(check.fromRow(row), fallback));
  return { sheet, header, positions: check.positions, rows, records };
}

/** «Срок» as typed wins over the dates the import wrote; a typed mark is read in any case. */
function effective(record: PlanRow, fallback: PlanPeriod): PlanRow {
  const period = planPeriodFromLabel(record.plan) ?? fallback;
  const deadline = parseDeadline(record.deadlineText, period);
  const parsed = deadline.kind !== 'unparsed';
  return {
    ...record,
    mark: parsePlanMark(record.mark),
    deadlineFrom: parsed ? deadline.from : record.deadlineFrom,
    deadlineTo: parsed ? deadline.to : record.deadlineTo,
  };
}

/** Whether a row has anything in it (blank rows between items are skipped). */
export function isBlankPlanRow(record: PlanRow): boolean {
  return record.title === '' && record.number === '' && record.deadlineText === '';
}
