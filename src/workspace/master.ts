/**
 * The master spreadsheet as the app's data layer: reads the raw response sheets and the staff
 * tabs, writes the derived tabs. Each tab is one `getValues`; each write is one block. This is the
 * narrow seam a BigQuery adapter would replace at city scale.
 */
import { formatDateNumeric } from '../domain/text/dates';
import {
  AGE_CATEGORIES_SCHEMA,
  COMPETENCIES_SCHEMA,
  EVENTS_SCHEMA,
  QUALITY_SCHEMA,
  RESULTS_SCHEMA,
  SCHOOLS_SCHEMA,
  SETTINGS_TAB,
  checkHeaders,
  columnIndex,
  fromRow,
  toRow,
  type TabSchema,
} from '../domain/schema';
import { FORMS, type FormDefinition, type FormKind } from '../domain/forms';
import { toResponses } from '../domain/responses';
import { GROUPED_SCHEMAS, GROUPED_TABS, mapForms } from '../domain/formRegistry';
import { canonicalPosition } from '../domain/intake';
import type {
  Confirmation,
  Projection,
  RawForms,
  ReferenceData,
  StaffColumns,
} from '../domain/intake';
import { confirmationText, qualityStatusKey, resultKey } from '../domain/intake';
import type { ParticipantResult } from '../domain/model';
import type { QualityIssue } from '../domain/model';
import { DEFAULT_AGE_CATEGORIES, DEFAULT_COMPETENCIES, SAMPLE_EVENTS } from '../domain/reference';
import {
  parseSettings,
  SETTING_KEYS,
  settingToCell,
  DEFAULT_SETTINGS,
  type SettingKey,
  type Settings,
  type SettingsResult,
} from '../domain/settings';
import { SETTINGS_RU } from '../i18n/ru/settings';
import { DOMAIN_RU } from '../i18n/ru/domain';
import { appendRows, readTable, safeRows, syncTableBody, type Row } from './table';
import {
  checkRegistry,
  type RegistryCheck,
  type RegistryFill,
  type SheetRow,
} from '../domain/registry';
import { badAddresses } from './mailQueue';
import { formIdOf, renamedQuestions, responseSheet, tabSheet } from './sources';
import { fromSerial } from './sheetsApi';
import { refreshQuestionTitles } from './forms';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Records of a staff tab from its values (header first), by its headers (staff may reorder
 * columns); a missing column is an error. `serialDates`: the values came from the Sheets API, so a
 * number in a date column is a serial number (sheetsApi.ts).
 */
export function staffRowsFromValues<R>(
  schema: TabSchema<R>,
  values: readonly unknown[][],
  serialDates = false,
): SheetRow<R>[] {
  const [header = [], ...body] = values;
  if (header.length === 0 || (body.length === 0 && header.every((c) => c === ''))) return [];
  const check = checkHeaders(schema, header);
  if (!check.ok) throw new Error(check.message);
  const dates = serialDates
    ? schema.columns.flatMap((c, i) =>
        c.kind === 'date' || c.kind === 'datetime' ? [check.positions[i]!] : [],
      )
    : [];
  const rows: SheetRow<R>[] = [];
  body.forEach((row, i) => {
    if (!row.some((c) => c !== '' && c !== null && c !== undefined)) return;
    let cells = row as Row;
    if (dates.length > 0) {
      cells = row.slice() as Row;
      for (const c of dates) if (typeof cells[c] === 'number') cells[c] = fromSerial(cells[c]);
    }
    rows.push({ row: i + 2, record: check.fromRow(cells) });
  });
  return rows;
}

/** The four reference tabs' values (header first), as read together. */
export interface ReferenceValues {
  schools: unknown[][];
  competencies: unknown[][];
  events: unknown[][];
  ageCategories: unknown[][];
}

/** The reference tabs, in the order a batch read lists them. */
export const REFERENCE_SCHEMAS = {
  schools: SCHOOLS_SCHEMA,
  competencies: COMPETENCIES_SCHEMA,
  events: EVENTS_SCHEMA,
  ageCategories: AGE_CATEGORIES_SCHEMA,
} as const;

/**
 * The reference data and what the registry check found: rows of «ОУ» completed from their names
 * (in memory), duplicates left out, and the lines for «Требует проверки».
 */
export function referenceFromValues(
  values: ReferenceValues,
  serialDates = false,
): { reference: ReferenceData; check: RegistryCheck } {
  const competencies = staffRowsFromValues(COMPETENCIES_SCHEMA, values.competencies, serialDates);
  const check = checkRegistry(
    staffRowsFromValues(SCHOOLS_SCHEMA, values.schools, serialDates),
    competencies,
    badAddresses(),
  );
  const records = <R>(schema: TabSchema<R>, v: unknown[][]): R[] =>
    staffRowsFromValues(schema, v, serialDates).map((r) => r.record);
  return {
    reference: {
      schools: check.schools,
      competencies: competencies.map((c) => c.record).filter((c) => c.name !== ''),
      events: records(EVENTS_SCHEMA, values.events).filter((e) => e.name !== ''),
      ageCategories: records(AGE_CATEGORIES_SCHEMA, values.ageCategories).filter(
        (a) => a.name !== '',
      ),
    },
    check,
  };
}

/** The reference data and the registry check, each tab read once. */
export function readReferenceChecked(spreadsheet: Spreadsheet): {
  reference: ReferenceData;
  check: RegistryCheck;
} {
  const read = (name: string): unknown[][] => {
    const table = readTable(tabSheet(spreadsheet, name));
    return table.header.length === 0 ? [] : [table.header, ...table.rows];
  };
  return referenceFromValues({
    schools: read(SCHOOLS_SCHEMA.name),
    competencies: read(COMPETENCIES_SCHEMA.name),
    events: read(EVENTS_SCHEMA.name),
    ageCategories: read(AGE_CATEGORIES_SCHEMA.name),
  });
}

/** The reference data: registry of ОУ, competencies, events, age categories. */
export function readReference(spreadsheet: Spreadsheet): ReferenceData {
  return readReferenceChecked(spreadsheet).reference;
}

/**
 * Writes what the registry check derived into the empty cells of «ОУ» (one read, one write of
 * the rows concerned); a cell staff filled meanwhile is left alone. Returns the rows filled.
 */
export function writeRegistryFills(
  spreadsheet: Spreadsheet,
  fills: readonly RegistryFill[],
): number[] {
  const sheet = tabSheet(spreadsheet, SCHOOLS_SCHEMA.name);
  if (!sheet || fills.length === 0) return [];
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  const check = checkHeaders(SCHOOLS_SCHEMA, header);
  if (!check.ok) return [];
  const column = (field: RegistryFill['field']): number =>
    check.positions[SCHOOLS_SCHEMA.columns.findIndex((c) => c.field === field)]!;
  // Only the span of the key, type and number columns is rewritten: other cells (a staff formula)
  // are never touched.
  const first = Math.min(...fills.map((f) => f.row));
  const last = Math.max(...fills.map((f) => f.row));
  const columns = fills.map((f) => column(f.field));
  const [left, right] = [Math.min(...columns), Math.max(...columns)];
  const span = right - left + 1;
  const block = sheet.getRange(first, left + 1, last - first + 1, span).getValues() as Row[];
  const filled = new Set<number>();
  for (const fill of fills) {
    const cells = block[fill.row - first]!;
    const c = column(fill.field) - left;
    if (cells[c] !== '') continue;
    cells[c] = fill.value;
    filled.add(fill.row);
  }
  if (filled.size > 0) {
    sheet.getRange(first, left + 1, block.length, span).setValues(safeRows(block, span));
  }
  return [...filled].sort((a, b) => a - b);
}

/** The settings from «Настройки» (rows: caption, value, key); invalid values keep defaults. */
export function readSettings(spreadsheet: Spreadsheet): Settings {
  return readSettingsChecked(spreadsheet).settings;
}

/** The settings with a message for each value of the tab that was not accepted. */
export function readSettingsChecked(spreadsheet: Spreadsheet): SettingsResult {
  return settingsCheckedFromRows(readTable(tabSheet(spreadsheet, SETTINGS_TAB)).rows);
}

/** The settings from the body rows of «Настройки». */
export function settingsFromRows(rows: readonly unknown[][]): Settings {
  return settingsCheckedFromRows(rows).settings;
}

/** The settings from the body rows of «Настройки», with what was not accepted. */
function settingsCheckedFromRows(rows: readonly unknown[][]): SettingsResult {
  const raw = new Map<string, unknown>();
  for (const row of rows) {
    const key = String(row[2] ?? '').trim();
    // A date is meaningful only for the approval order; elsewhere a cell Sheets turned into a
    // date is not what staff meant, and the setting keeps its default.
    if (key)
      raw.set(
        key,
        row[1] instanceof Date
          ? key === 'approvalOrderDate'
            ? formatDateNumeric(row[1])
            : ''
          : row[1],
      );
  }
  return parseSettings(Object.fromEntries(raw));
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
  const sheet = tabSheet(spreadsheet, SETTINGS_TAB);
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

/**
 * The linked response sheets' values by form kind, one read each: those of `kinds` (every form
 * by default) not already in `values`. Sheets are found by their form link (recorded id), and
 * columns of questions staff renamed get their canonical titles back (by recorded item id). A
 * form whose sheet or one of whose required questions cannot be found is left out of the map:
 * the caller stops its projection rather than read it as empty.
 */
export function readRawValues(
  spreadsheet: Spreadsheet,
  kinds: readonly FormKind[] = FORMS.map((f) => f.kind),
  values = new Map<FormKind, unknown[][]>(),
): Map<FormKind, unknown[][]> {
  for (const definition of FORMS) {
    if (!kinds.includes(definition.kind) || values.has(definition.kind)) continue;
    const sheet = responseSheet(spreadsheet, definition, formIdOf(definition.kind));
    if (!sheet) continue;
    const read = sheet.getDataRange().getValues();
    const header = canonicalHeader(definition, read[0] ?? []);
    if (!header) continue;
    read[0] = header;
    values.set(definition.kind, read);
  }
  return values;
}

/**
 * The header with canonical question titles, or null when a required question has no column
 * even after asking the form for the current titles of the recorded items.
 */
export function canonicalHeader(definition: FormDefinition, header: unknown[]): unknown[] | null {
  const translate = (renamed: Map<string, string>): unknown[] =>
    header.map((h) => {
      const title = String(h).trim();
      return renamed.get(title) ?? h;
    });
  const complete = (titles: unknown[]): boolean => {
    const present = new Set(titles.map((t) => String(t).trim()));
    return definition.questions.every((q) => !q.required || present.has(q.title));
  };
  if (header.length === 0) return header; // a sheet not written yet
  let translated = translate(renamedQuestions(definition.kind));
  if (complete(translated)) return translated;
  translated = translate(renamedQuestions(definition.kind, refreshQuestionTitles(definition)));
  return complete(translated) ? translated : null;
}

/** Responses from the response sheets' values, optionally only those of some ОУ answers. */
export function rawForms(
  values: Map<FormKind, unknown[][]>,
  keepSchool?: (schoolAnswer: string) => boolean,
): RawForms {
  return mapForms((kind, definition) =>
    toResponses(definition, values.get(kind) ?? [], keepSchool),
  );
}

/** The derived tabs as they are now: raw rows (for diff writes) and the staff-edited columns. */
export interface DerivedTabs {
  sheets: Map<string, GoogleAppsScript.Spreadsheet.Sheet | null>;
  rows: Map<string, Row[]>;
  staff: StaffColumns;
}

const DERIVED: readonly TabSchema<unknown>[] = [
  ...GROUPED_SCHEMAS,
  QUALITY_SCHEMA,
] as unknown as TabSchema<unknown>[];

/** Reads the derived tabs in one call each. */
export function readDerived(spreadsheet: Spreadsheet): DerivedTabs {
  const rows = new Map<string, Row[]>();
  const sheets = new Map<string, GoogleAppsScript.Spreadsheet.Sheet | null>();
  for (const schema of DERIVED) {
    const sheet = tabSheet(spreadsheet, schema.name);
    sheets.set(schema.name, sheet);
    rows.set(schema.name, readTable(sheet).rows);
  }
  // Only what staff changed needs carrying over (a confirmed result, a status other than «Новая»);
  // cells are read as written, without the full reader, because these tabs are long.
  const resultConfirmed = resultConfirmations(rows.get(RESULTS_SCHEMA.name) ?? []);
  const qualityStatus = qualityStatuses(rows.get(QUALITY_SCHEMA.name) ?? []);
  return { sheets, rows, staff: { resultConfirmed, qualityStatus } };
}

/**
 * Records of a derived tab's rows (the app wrote them in the schema's column order), blank rows
 * skipped: the one way the jobs and the sidebar turn derived rows into records.
 */
export function derivedRecords<R>(rows: readonly Row[], schema: TabSchema<R>): R[] {
  return rows.filter((row) => row.some((c) => c !== '')).map((row) => fromRow(schema, row));
}

/** Records of one derived tab, read in one call. */
export function readDerivedRecords<R>(spreadsheet: Spreadsheet, schema: TabSchema<R>): R[] {
  return derivedRecords(readTable(tabSheet(spreadsheet, schema.name)).rows, schema);
}

/** Staff confirmations in «Результаты» rows, by what they confirm (`resultKey`). */
export function resultConfirmations(rows: readonly Row[]): Map<string, Confirmation> {
  const confirmations = new Map<string, Confirmation>();
  const at = (field: keyof ParticipantResult & string): number =>
    columnIndex(RESULTS_SCHEMA, field);
  const [id, school, name, event, competency, result, score, flag, as] = [
    at('participantId'),
    at('schoolKey'),
    at('participantName'),
    at('event'),
    at('competency'),
    at('result'),
    at('score'),
    at('confirmed'),
    at('confirmedAs'),
  ];
  for (const row of rows) {
    const confirmed = row[flag] === true;
    const text = (c: number): string => String(row[c] ?? '').trim();
    if (!confirmed && text(as) === '') continue;
    const key = resultKey({
      participantId: text(id),
      schoolKey: text(school),
      participantName: text(name),
      event: text(event),
      competency: text(competency),
    });
    const points = row[score];
    confirmations.set(key, {
      confirmed,
      as: text(as),
      shown: confirmationText(text(result), typeof points === 'number' ? points : ''),
    });
  }
  return confirmations;
}

/**
 * Statuses staff set in «Требует проверки» (other than «Новая»), by `qualityStatusKey`: the answer's
 * timestamp, form, field and value. «Обнаружено» is a Date, or a serial number when read through
 * the Sheets API.
 */
export function qualityStatuses(rows: readonly Row[]): Map<string, string> {
  const statuses = new Map<string, string>();
  const [status, detected] = [
    columnIndex(QUALITY_SCHEMA, 'status'),
    columnIndex(QUALITY_SCHEMA, 'detectedAt'),
  ];
  for (const row of rows) {
    const value = String(row[status] ?? '').trim();
    if (value === '' || value === DOMAIN_RU.quality.statusNew) continue;
    const issue = fromRow(QUALITY_SCHEMA, row);
    const serial = row[detected];
    if (typeof serial === 'number') issue.detectedAt = fromSerial(serial);
    statuses.set(qualityStatusKey(issue), value);
  }
  return statuses;
}

/**
 * Writes a whole projection, touching only rows that differ; returns rows written per tab. Tabs in
 * `keepTabs` and the «Требует проверки» rows of responses whose id starts with one of
 * `keepPrefixes` are left as they are (their form's projection is stopped).
 */
export function writeProjection(
  spreadsheet: Spreadsheet,
  current: DerivedTabs,
  projection: Projection,
  keepTabs: readonly string[] = [],
  keepPrefixes: readonly string[] = [],
  lengths: Record<string, number> = {},
): Record<string, number> {
  const written: Record<string, number> = {};
  const put = <R>(schema: TabSchema<R>, rows: Row[]): void => {
    if (keepTabs.includes(schema.name)) return;
    lengths[schema.name] = rows.length;
    const sheet = current.sheets.get(schema.name) ?? tabSheet(spreadsheet, schema.name);
    if (!sheet) throw new Error(DOMAIN_RU.schema.missingTab(schema.name));
    const before = current.rows.get(schema.name) ?? [];
    written[schema.name] = syncTableBody(sheet, before, rows, schema.columns.length);
  };
  const rowsOf = <R>(schema: TabSchema<R>, records: R[]): Row[] =>
    records.map((r) => toRow(schema, r) as Row);
  for (const tab of GROUPED_TABS) put(tab.schema, rowsOf(tab.schema, tab.records(projection)));
  let quality = rowsOf(QUALITY_SCHEMA, projection.quality);
  if (keepPrefixes.length > 0) {
    const response = columnIndex(QUALITY_SCHEMA, 'responseId');
    const kept = (row: Row): boolean =>
      keepPrefixes.some((p) => String(row[response] ?? '').startsWith(`${p}-`));
    const at = (row: Row): number => canonicalPosition(String(row[response] ?? ''));
    quality = [
      ...quality.filter((row) => !kept(row)),
      ...(current.rows.get(QUALITY_SCHEMA.name) ?? []).filter(kept),
    ]
      .map((row, i) => ({ row, i }))
      .sort((a, b) => at(a.row) - at(b.row) || a.i - b.i)
      .map((x) => x.row);
  }
  // Lines raised outside the intake (certificates) have no source response: kept, after the rest.
  const outside = (current.rows.get(QUALITY_SCHEMA.name) ?? []).filter(isOutsideIssue);
  put(QUALITY_SCHEMA, [...quality, ...outside]);
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
  const sheet = tabSheet(spreadsheet, QUALITY_SCHEMA.name);
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
  /** Body rows after `writeQualityScope`. */
  length?: number;
}

/**
 * Reads «Требует проверки» whole (it stays short: only what needs a person); null when its rows
 * are not in answer order (staff sorted the queue), so the caller projects everything again.
 */
export function readQualityTab(spreadsheet: Spreadsheet): QualityTab | null {
  const sheet = tabSheet(spreadsheet, QUALITY_SCHEMA.name);
  if (!sheet) throw new Error(DOMAIN_RU.schema.missingTab(QUALITY_SCHEMA.name));
  const rows = readTable(sheet).rows;
  if (!qualityInOrder(rows)) return null;
  return { sheet, rows, statuses: qualityStatuses(rows) };
}

/** Whether the rows of «Требует проверки» are in answer order (as the app writes them). */
export function qualityInOrder(rows: readonly Row[]): boolean {
  const response = columnIndex(QUALITY_SCHEMA, 'responseId');
  for (let i = 1; i < rows.length; i++) {
    const [before, after] = [rows[i - 1]![response], rows[i]![response]];
    if (canonicalPosition(String(before)) > canonicalPosition(String(after))) return false;
  }
  return true;
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
  const merged = mergeQualityScope(tab.rows, fresh, responseIds);
  tab.length = merged.length;
  return syncTableBody(tab.sheet, tab.rows, merged, QUALITY_SCHEMA.columns.length);
}

/**
 * The rows of «Требует проверки» with the issues of `responseIds` replaced by `fresh`, in
 * canonical order (the rows are in that order already).
 */
export function mergeQualityScope(
  rows: readonly Row[],
  fresh: readonly QualityIssue[],
  responseIds: ReadonlySet<string>,
): Row[] {
  const response = columnIndex(QUALITY_SCHEMA, 'responseId');
  const kept = rows.filter((row) => !responseIds.has(String(row[response] ?? '')));
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
  return merged;
}

/** Pre-fills empty reference tabs and the settings tab; returns how many tabs were filled. */
export function seedReferenceTabs(spreadsheet: Spreadsheet): number {
  let filled = 0;
  const seed = <R>(schema: TabSchema<R>, records: readonly R[]): void => {
    const sheet = tabSheet(spreadsheet, schema.name);
    if (!sheet || sheet.getLastRow() > 1 || records.length === 0) return;
    const rows = safeRows(
      records.map((r) => toRow(schema, r) as Row),
      schema.columns.length,
    );
    sheet.getRange(2, 1, rows.length, schema.columns.length).setValues(rows);
    filled++;
  };
  seed(COMPETENCIES_SCHEMA, DEFAULT_COMPETENCIES);
  seed(AGE_CATEGORIES_SCHEMA, DEFAULT_AGE_CATEGORIES);
  seed(EVENTS_SCHEMA, SAMPLE_EVENTS);
  const settings = tabSheet(spreadsheet, SETTINGS_TAB);
  if (settings && settings.getLastRow() <= 1) {
    const rows = settingsRows(DEFAULT_SETTINGS);
    settings.getRange(2, 1, rows.length, 3).setValues(rows);
    filled++;
  }
  return filled;
}

/**
 * Whether staff ticked or unticked «Подтверждено» in «Результаты» since the app last wrote it: a
 * ticked row whose «Подтверждено как» is not what it shows, or an unticked one that still shows
 * what was confirmed (one read of the columns from «Результат» to «Подтверждено как»).
 */
export function confirmationsChanged(spreadsheet: Spreadsheet): boolean {
  const sheet = tabSheet(spreadsheet, RESULTS_SCHEMA.name);
  if (!sheet) return false;
  const last = sheet.getLastRow();
  if (last < 2) return false;
  const { first, end } = CONFIRMATION_COLUMNS;
  return confirmationsChangedIn(sheet.getRange(2, first + 1, last - 1, end - first).getValues());
}

const at = (field: keyof ParticipantResult & string): number => columnIndex(RESULTS_SCHEMA, field);

/** The columns confirmationsChanged reads: from «Результат» to «Подтверждено как» (0-based, end exclusive). */
export const CONFIRMATION_COLUMNS = {
  first: Math.min(at('result'), at('score'), at('confirmed'), at('confirmedAs')),
  end: Math.max(at('result'), at('score'), at('confirmed'), at('confirmedAs')) + 1,
};

/** confirmationsChanged on the body rows of CONFIRMATION_COLUMNS. */
export function confirmationsChangedIn(rows: readonly (readonly unknown[])[]): boolean {
  const first = CONFIRMATION_COLUMNS.first;
  for (const row of rows) {
    const cell = (field: keyof ParticipantResult & string): unknown => row[at(field) - first];
    const points = cell('score');
    const shown = confirmationText(
      String(cell('result') ?? '').trim(),
      typeof points === 'number' ? points : '',
    );
    const as = String(cell('confirmedAs') ?? '').trim();
    const ticked = cell('confirmed') === true;
    if (ticked && as !== shown) return true;
    if (!ticked && as !== '' && as === shown) return true;
  }
  return false;
}
