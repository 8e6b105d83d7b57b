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
  fromRow,
  toRow,
  type TabLayout,
  type TabSchema,
} from '../domain/schema';
import { FORMS } from '../domain/forms';
import { toResponses } from '../domain/responses';
import type { Projection, RawForms, ReferenceData, StaffColumns } from '../domain/intake';
import { DEFAULT_AGE_CATEGORIES, DEFAULT_COMPETENCIES, SAMPLE_EVENTS } from '../domain/reference';
import {
  parseSettings,
  SETTING_KEYS,
  settingToCell,
  DEFAULT_SETTINGS,
  type Settings,
} from '../domain/settings';
import { SETTINGS_RU } from '../i18n/ru/settings';
import { readTable, syncTableBody, type Row } from './table';

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

/** Settings rows in the tab's layout. */
export function settingsRows(settings: Settings): Row[] {
  return SETTING_KEYS.map((key) => [SETTINGS_RU.labels[key], settingToCell(key, settings), key]);
}

/** Every linked response sheet, read once each. */
export function readRawForms(spreadsheet: Spreadsheet): RawForms {
  const read = (kind: string) => {
    const definition = FORMS.find((f) => f.kind === kind)!;
    const sheet = spreadsheet.getSheetByName(definition.responseSheet);
    return sheet ? toResponses(definition, sheet.getDataRange().getValues()) : [];
  };
  return {
    registration: read('registration'),
    report: read('report'),
    order: read('order'),
    results: read('results'),
  };
}

/** The derived tabs as they are now: raw rows (for diff writes) and the staff-edited columns. */
export interface DerivedTabs {
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
  for (const schema of DERIVED)
    rows.set(schema.name, readTable(spreadsheet.getSheetByName(schema.name)).rows);
  const resultConfirmed = new Map<string, boolean>();
  for (const row of rows.get(RESULTS_SCHEMA.name) ?? []) {
    const r = fromRow(RESULTS_SCHEMA, row);
    if (r.sourceResponseId) resultConfirmed.set(r.sourceResponseId, r.confirmed);
  }
  const qualityStatus = new Map<string, string>();
  for (const row of rows.get(QUALITY_SCHEMA.name) ?? []) {
    const q = fromRow(QUALITY_SCHEMA, row);
    if (q.key) qualityStatus.set(q.key, q.status);
  }
  return { rows, staff: { resultConfirmed, qualityStatus } };
}

/** Writes a projection, touching only rows that differ; returns rows written per tab. */
export function writeProjection(
  spreadsheet: Spreadsheet,
  current: DerivedTabs,
  projection: Projection,
): Record<string, number> {
  const written: Record<string, number> = {};
  const put = <R>(schema: TabSchema<R>, records: R[]): void => {
    const sheet = spreadsheet.getSheetByName(schema.name);
    if (!sheet) throw new Error(`Нет вкладки «${schema.name}»: запустите «Настроить систему».`);
    const rows = records.map((r) => toRow(schema, r) as Row);
    written[schema.name] = syncTableBody(
      sheet,
      current.rows.get(schema.name) ?? [],
      rows,
      schema.columns.length,
    );
  };
  put(PARTICIPANTS_SCHEMA, projection.participants);
  put(ORDERS_SCHEMA, projection.orders);
  put(REPORTS_SCHEMA, projection.reports);
  put(RESULTS_SCHEMA, projection.results);
  put(QUALITY_SCHEMA, projection.quality);
  return written;
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
