/**
 * The master spreadsheet as the app's data layer: reads the raw response sheets and the staff
 * tabs, writes the derived tabs. Each tab is one `getValues`; each write is one block. This is the
 * narrow seam a BigQuery adapter would replace at city scale.
 */
import {
  AGE_CATEGORIES_SCHEMA,
  COMPETENCIES_SCHEMA,
  EVENTS_SCHEMA,
  ORDERS_SCHEMA,
  PARTICIPANTS_SCHEMA,
  QUALITY_SCHEMA,
  REPORTS_SCHEMA,
  RESULTS_SCHEMA,
  SCHOOLS_SCHEMA,
  SETTINGS_TAB,
  TABS,
  checkHeaders,
  columnIndex,
  toRow,
  type TabLayout,
  type TabSchema,
} from '../domain/schema';
import { FORMS, type FormKind } from '../domain/forms';
import { toResponses, type RawResponse } from '../domain/responses';
import { canonicalPosition } from '../domain/intake';
import type { Projection, RawForms, ReferenceData, StaffColumns } from '../domain/intake';
import type { QualityIssue } from '../domain/model';
import { DEFAULT_AGE_CATEGORIES, DEFAULT_COMPETENCIES, SAMPLE_EVENTS } from '../domain/reference';
import {
  parseSettings,
  SETTING_KEYS,
  settingToCell,
  DEFAULT_SETTINGS,
  type SettingKey,
  type Settings,
} from '../domain/settings';
import { SETTINGS_RU } from '../i18n/ru/settings';
import { DOMAIN_RU } from '../i18n/ru/domain';
import { appendRows, readTable, safeRows, syncTableBody, type Row } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const MASTER_TABS: readonly TabLayout[] = TABS;

/** Reads a staff tab by its headers (staff may reorder columns); a missing column is an error. */
function readStaffTab<R>(spreadsheet: Spreadsheet, schema: TabSchema<R>): R[] {
  const table = readTable(spreadsheet.getSheetByName(schema.name));
  if (table.header.length === 0) return [];
  const check = checkHeaders(schema, table.header);
  if (!check.ok) throw new Error(check.message);
  return table.rows.filter((row) => row.some((c) => c !== '')).map((row) => check.fromRow(row));
}

/** The reference data: registry of ОУ, competencies, events, age categories. */
export function readReference(spreadsheet: Spreadsheet): ReferenceData {
  return {
    schools: readStaffTab(spreadsheet, SCHOOLS_SCHEMA).filter((s) => s.key !== ''),
    competencies: readStaffTab(spreadsheet, COMPETENCIES_SCHEMA).filter((c) => c.name !== ''),
    events: readStaffTab(spreadsheet, EVENTS_SCHEMA).filter((e) => e.name !== ''),
    ageCategories: readStaffTab(spreadsheet, AGE_CATEGORIES_SCHEMA).filter((a) => a.name !== ''),
  };
}

/** The settings from «Настройки» (rows: caption, value, key); invalid values keep defaults. */
export function readSettings(spreadsheet: Spreadsheet): Settings {
  const table = readTable(spreadsheet.getSheetByName(SETTINGS_TAB));
  const raw: Record<string, unknown> = {};
  for (const row of table.rows) {
    const key = String(row[2] ?? '').trim();
    if (key) raw[key] = row[1] instanceof Date ? '' : row[1];
  }
  return parseSettings(raw).settings;
}

/**
 * Brings «Настройки» up to the current list of settings without touching what staff typed: rows of
 * settings added since the tab was filled are appended (with `fill` or the default), and an empty
 * value of a key in `fill` is filled. One read, at most two writes; returns cells written.
 */
export function completeSettings(
  spreadsheet: Spreadsheet,
  fill: Partial<Record<SettingKey, string>>,
): number {
  const sheet = spreadsheet.getSheetByName(SETTINGS_TAB);
  if (!sheet) return 0;
  const table = readTable(sheet);
  const values = table.rows.map((row) => row[1] ?? '');
  const keys = table.rows.map((row) => String(row[2] ?? '').trim());
  let first = -1;
  let last = -1;
  keys.forEach((key, i) => {
    const value = fill[key as SettingKey];
    if (value !== undefined && String(values[i] ?? '').trim() === '') {
      values[i] = value;
      if (first < 0) first = i;
      last = i;
    }
  });
  let written = 0;
  if (first >= 0) {
    const block = values.slice(first, last + 1).map((v) => [v]);
    sheet.getRange(first + 2, 2, block.length, 1).setValues(safeRows(block, 1));
    written += last - first + 1;
  }
  const missing = SETTING_KEYS.filter((key) => !keys.includes(key));
  if (missing.length > 0) {
    appendRows(
      sheet,
      missing.map((key) => [
        SETTINGS_RU.labels[key],
        fill[key] ?? settingToCell(key, DEFAULT_SETTINGS),
        key,
      ]),
      3,
    );
    written += missing.length;
  }
  return written;
}

/** Settings rows in the tab's layout. */
export function settingsRows(settings: Settings): Row[] {
  return SETTING_KEYS.map((key) => [SETTINGS_RU.labels[key], settingToCell(key, settings), key]);
}

/** Every linked response sheet, read once each. */
export function readRawForms(
  spreadsheet: Spreadsheet,
  keepSchool?: (schoolAnswer: string) => boolean,
): RawForms {
  return rawForms(readRawValues(spreadsheet), keepSchool);
}

/**
 * The linked response sheets' values by form kind, one read each: those of `kinds` (every form
 * by default) not already in `values`.
 */
export function readRawValues(
  spreadsheet: Spreadsheet,
  kinds: readonly FormKind[] = FORMS.map((f) => f.kind),
  values = new Map<FormKind, unknown[][]>(),
): Map<FormKind, unknown[][]> {
  for (const definition of FORMS) {
    if (!kinds.includes(definition.kind) || values.has(definition.kind)) continue;
    const sheet = spreadsheet.getSheetByName(definition.responseSheet);
    values.set(definition.kind, sheet ? sheet.getDataRange().getValues() : []);
  }
  return values;
}

/** Responses from the response sheets' values, optionally only those of some ОУ answers. */
export function rawForms(
  values: Map<FormKind, unknown[][]>,
  keepSchool?: (schoolAnswer: string) => boolean,
): RawForms {
  const read = (kind: FormKind): RawResponse[] =>
    toResponses(
      FORMS.find((f) => f.kind === kind)!,
      values.get(kind) ?? [],
      keepSchool,
    );
  return {
    registration: read('registration'),
    report: read('report'),
    order: read('order'),
    results: read('results'),
  };
}

/** The derived tabs as they are now: raw rows (for diff writes) and the staff-edited columns. */
export interface DerivedTabs {
  sheets: Map<string, GoogleAppsScript.Spreadsheet.Sheet | null>;
  rows: Map<string, Row[]>;
  staff: StaffColumns;
}

const DERIVED: TabSchema<never>[] = [
  PARTICIPANTS_SCHEMA,
  ORDERS_SCHEMA,
  REPORTS_SCHEMA,
  RESULTS_SCHEMA,
  QUALITY_SCHEMA,
] as unknown as TabSchema<never>[];

/** Reads the derived tabs in one call each. */
export function readDerived(spreadsheet: Spreadsheet): DerivedTabs {
  const rows = new Map<string, Row[]>();
  const sheets = new Map<string, GoogleAppsScript.Spreadsheet.Sheet | null>();
  for (const schema of DERIVED) {
    const sheet = spreadsheet.getSheetByName(schema.name);
    sheets.set(schema.name, sheet);
    rows.set(schema.name, readTable(sheet).rows);
  }
  // Only what staff changed needs carrying over (a confirmed result, a status other than «Новая»);
  // cells are read as written, without the full reader, because these tabs are long.
  const resultConfirmed = resultConfirmations(rows.get(RESULTS_SCHEMA.name) ?? []);
  const qualityStatus = qualityStatuses(rows.get(QUALITY_SCHEMA.name) ?? []);
  return { sheets, rows, staff: { resultConfirmed, qualityStatus } };
}

/** Results staff ticked «Подтверждено» in «Результаты» rows, by source response. */
export function resultConfirmations(rows: readonly Row[]): Map<string, boolean> {
  const confirmed = new Map<string, boolean>();
  const [source, flag] = [
    columnIndex(RESULTS_SCHEMA, 'sourceResponseId'),
    columnIndex(RESULTS_SCHEMA, 'confirmed'),
  ];
  for (const row of rows) if (row[flag] === true) confirmed.set(String(row[source]), true);
  return confirmed;
}

/** Statuses staff set in «Требует проверки» (other than «Новая»), by issue key. */
function qualityStatuses(rows: readonly Row[]): Map<string, string> {
  const statuses = new Map<string, string>();
  const [key, status] = [columnIndex(QUALITY_SCHEMA, 'key'), columnIndex(QUALITY_SCHEMA, 'status')];
  for (const row of rows) {
    const value = String(row[status] ?? '').trim();
    if (value !== '' && value !== DOMAIN_RU.quality.statusNew) {
      statuses.set(String(row[key]), value);
    }
  }
  return statuses;
}

/** Writes a whole projection, touching only rows that differ; returns rows written per tab. */
export function writeProjection(
  spreadsheet: Spreadsheet,
  current: DerivedTabs,
  projection: Projection,
): Record<string, number> {
  const written: Record<string, number> = {};
  const put = <R>(schema: TabSchema<R>, records: R[]): void => {
    const sheet = current.sheets.get(schema.name) ?? spreadsheet.getSheetByName(schema.name);
    if (!sheet) throw new Error(`Нет вкладки «${schema.name}»: запустите «Настроить систему».`);
    const before = current.rows.get(schema.name) ?? [];
    const rows = records.map((r) => toRow(schema, r) as Row);
    written[schema.name] = syncTableBody(sheet, before, rows, schema.columns.length);
  };
  put(PARTICIPANTS_SCHEMA, projection.participants);
  put(ORDERS_SCHEMA, projection.orders);
  put(REPORTS_SCHEMA, projection.reports);
  put(RESULTS_SCHEMA, projection.results);
  const qualitySheet =
    current.sheets.get(QUALITY_SCHEMA.name) ?? spreadsheet.getSheetByName(QUALITY_SCHEMA.name);
  if (!qualitySheet)
    throw new Error(`Нет вкладки «${QUALITY_SCHEMA.name}»: запустите «Настроить систему».`);
  const qualityBefore = current.rows.get(QUALITY_SCHEMA.name) ?? [];
  written[QUALITY_SCHEMA.name] = syncTableBody(
    qualitySheet,
    qualityBefore,
    [
      ...projection.quality.map((q) => toRow(QUALITY_SCHEMA, q) as Row),
      ...qualityBefore.filter(isOutsideIssue),
    ],
    QUALITY_SCHEMA.columns.length,
  );
  return written;
}

/**
 * A row of «Требует проверки» raised by a job other than the intake (a name whose gender the
 * certificates could not tell): it has no source response, so no projection recreates it and a
 * rebuild keeps it, after the intake's rows.
 */
function isOutsideIssue(row: Row): boolean {
  return (
    String(row[columnIndex(QUALITY_SCHEMA, 'responseId')] ?? '') === '' &&
    String(row[columnIndex(QUALITY_SCHEMA, 'key')] ?? '') !== ''
  );
}

/**
 * Appends issues raised outside the intake (no source response) whose key is not in
 * «Требует проверки» yet, in one write; returns how many were added. The caller holds the lock.
 */
export function addOutsideIssues(spreadsheet: Spreadsheet, issues: QualityIssue[]): number {
  if (issues.length === 0) return 0;
  const sheet = spreadsheet.getSheetByName(QUALITY_SCHEMA.name);
  if (!sheet)
    throw new Error(`Нет вкладки «${QUALITY_SCHEMA.name}»: запустите «Настроить систему».`);
  const keyAt = columnIndex(QUALITY_SCHEMA, 'key');
  const known = new Set(readTable(sheet).rows.map((row) => String(row[keyAt] ?? '')));
  const fresh = issues.filter((issue) => {
    const key = issue.key ?? '';
    if (key === '' || known.has(key)) return false;
    known.add(key);
    return true;
  });
  appendRows(
    sheet,
    fresh.map((issue) => toRow(QUALITY_SCHEMA, { ...issue, responseId: '' }) as Row),
    QUALITY_SCHEMA.columns.length,
  );
  return fresh.length;
}

/** «Требует проверки» as a submit needs it: its rows and the statuses staff set. */
export interface QualityTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  rows: Row[];
  statuses: Map<string, string>;
}

/**
 * Reads «Требует проверки» whole (it stays short: only what needs a person); null when its rows
 * are not in answer order (staff sorted the queue), so the caller projects everything again.
 */
export function readQualityTab(spreadsheet: Spreadsheet): QualityTab | null {
  const sheet = spreadsheet.getSheetByName(QUALITY_SCHEMA.name);
  if (!sheet)
    throw new Error(`Нет вкладки «${QUALITY_SCHEMA.name}»: запустите «Настроить систему».`);
  const rows = readTable(sheet).rows;
  const response = columnIndex(QUALITY_SCHEMA, 'responseId');
  for (let i = 1; i < rows.length; i++) {
    const [before, after] = [rows[i - 1]![response], rows[i]![response]];
    if (canonicalPosition(String(before)) > canonicalPosition(String(after))) return null;
  }
  return { sheet, rows, statuses: qualityStatuses(rows) };
}

/**
 * Replaces the issues of `responseIds` in «Требует проверки» by the freshly projected ones, in
 * canonical order — the rows a full projection gives. Returns the number of rows written.
 */
export function writeQualityScope(
  tab: QualityTab,
  fresh: readonly QualityIssue[],
  responseIds: ReadonlySet<string>,
): number {
  const response = columnIndex(QUALITY_SCHEMA, 'responseId');
  const kept = tab.rows.filter((row) => !responseIds.has(String(row[response] ?? '')));
  // Both lists are already in canonical order (the tab was written so): each fresh row goes in
  // after the kept rows at or before its position, found by binary search.
  const at = (row: Row): number => canonicalPosition(String(row[response] ?? ''));
  const merged: Row[] = [];
  let k = 0;
  for (const issue of fresh) {
    const row = toRow(QUALITY_SCHEMA, issue) as Row;
    const position = at(row);
    let [low, high] = [k, kept.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (at(kept[middle]!) <= position) low = middle + 1;
      else high = middle;
    }
    for (; k < low; k++) merged.push(kept[k]!);
    merged.push(row);
  }
  for (; k < kept.length; k++) merged.push(kept[k]!);
  return syncTableBody(tab.sheet, tab.rows, merged, QUALITY_SCHEMA.columns.length);
}

/** Pre-fills empty reference tabs and the settings tab; returns how many tabs were filled. */
export function seedReferenceTabs(spreadsheet: Spreadsheet): number {
  let filled = 0;
  const seed = <R>(schema: TabSchema<R>, records: readonly R[]): void => {
    const sheet = spreadsheet.getSheetByName(schema.name);
    if (!sheet || sheet.getLastRow() > 1 || records.length === 0) return;
    const rows = records.map((r) => toRow(schema, r));
    sheet.getRange(2, 1, rows.length, schema.columns.length).setValues(rows);
    filled++;
  };
  seed(COMPETENCIES_SCHEMA, DEFAULT_COMPETENCIES);
  seed(AGE_CATEGORIES_SCHEMA, DEFAULT_AGE_CATEGORIES);
  seed(EVENTS_SCHEMA, SAMPLE_EVENTS);
  const settings = spreadsheet.getSheetByName(SETTINGS_TAB);
  if (settings && settings.getLastRow() <= 1) {
    const rows = settingsRows(DEFAULT_SETTINGS);
    settings.getRange(2, 1, rows.length, 3).setValues(rows);
    filled++;
  }
  return filled;
}
