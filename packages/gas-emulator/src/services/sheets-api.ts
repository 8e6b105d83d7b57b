/**
 * The Sheets advanced service (`Sheets`, Google Sheets API v4) over the same spreadsheet model
 * SpreadsheetApp edits: what a script that enables it in appsscript.json gets (advanced.ts adds it
 * to the project's context only then).
 *
 * - spreadsheets.values.batchGet / batchGetByDataFilter
 *   (developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/batchGet,
 *   …/batchGetByDataFilter): ranges in A1 notation or as GridRange data filters (zero-based,
 *   half-open, a missing index unbounded — …/rest/v4/spreadsheets/other#GridRange);
 *   valueRenderOption FORMATTED_VALUE (the default), UNFORMATTED_VALUE or FORMULA;
 *   dateTimeRenderOption SERIAL_NUMBER (the default: days since 30 December 1899, the time as the
 *   fraction of the day, in the spreadsheet's time zone) or FORMATTED_STRING, ignored with
 *   FORMATTED_VALUE; majorDimension ROWS or COLUMNS. A ValueRange's `range` is the entire range
 *   requested, its `values` leave out empty trailing rows and columns (and are absent when all is
 *   empty) — …/rest/v4/spreadsheets.values#ValueRange.
 * - spreadsheets.values.batchUpdate / batchUpdateByDataFilter: valueInputOption RAW (stored as
 *   given) or USER_ENTERED (parsed as if typed into the UI, as Range.setValues does); `null` skips a
 *   cell, '' clears it; values outside the range or the grid are refused; every range is checked
 *   before any is written. A number written into a cell with a date or time format is that date,
 *   as Sheets stores dates as numbers (…/guides/formats#about_date_time_values).
 * - spreadsheets.batchUpdate: insertDimension (inheritFromBefore), deleteDimension and
 *   appendDimension (…/rest/v4/spreadsheets/request); «If any request is not valid then the entire
 *   request will fail and nothing will be applied.» Any other request throws the emulator's «not
 *   implemented».
 * - spreadsheets.get: properties and sheets (properties with their grid, protectedRanges), cut to
 *   the `fields` mask when one is given; grid data (`includeGridData`) is not implemented.
 *
 * Writes obey protections as SpreadsheetApp's do (the API acts as the user). Errors read as Apps
 * Script reports a failed advanced-service call: "API call to sheets.spreadsheets.values.batchGet
 * failed with error: Unable to parse range: …".
 */
import { enterService, exitService } from '../core/execution';
import { notImplemented } from '../core/errors';
import { isDate } from '../core/realm';
import type { Ctx } from '../core/world';
import { a1Notation, columnLetter, parseA1 } from './a1';
import { zonedFields, zonedToInstant } from './format-date';
import { guardEdit } from './protection-guard';
import {
  displayValue,
  isSignFormula,
  normaliseWritten,
  type CellValue,
  type SheetModel,
  type SpreadsheetModel,
} from './sheet-model';

/** A REST object (JSON) as scripts pass and receive it. */
type Json = Record<string, unknown>;

/** A bounded rectangle of one sheet: 0-based, end exclusive. */
interface Rect {
  sheet: SheetModel;
  row: number;
  column: number;
  rowEnd: number;
  columnEnd: number;
}

const DAY_MS = 86_400_000;
/** Serial number of 1970-01-01 (the serial epoch is 1899-12-30). */
const UNIX_EPOCH_SERIAL = 25_569;

/** The error an advanced-service call throws (Apps Script wraps the API's message so). */
function apiError(method: string, message: string): Error {
  const error = new Error(
    `API call to sheets.spreadsheets.${method} failed with error: ${message}`,
  );
  error.name = 'GoogleJsonResponseException';
  return error;
}

/** A sheet name as Sheets writes it in A1 notation: quoted unless plain. */
function quotedName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** "'Sheet'!A1:C3" for a rectangle. */
function rectA1(rect: Rect): string {
  const rows = rect.rowEnd - rect.row;
  const columns = rect.columnEnd - rect.column;
  return `${quotedName(rect.sheet.name)}!${a1Notation(rect.row + 1, rect.column + 1, rows, columns)}`;
}

/** Google's text when a range passes the sheet's grid. */
function gridLimits(rect: Rect): string {
  const start = `${columnLetter(rect.column + 1)}${rect.row + 1}`;
  const end = `${columnLetter(rect.columnEnd)}${rect.rowEnd}`;
  const cells = start === end ? start : `${start}:${end}`;
  return `Range (${quotedName(rect.sheet.name)}!${cells}) exceeds grid limits. Max rows: ${rect.sheet.maxRows}, max columns: ${rect.sheet.maxColumns}`;
}

/** Whether a number format shows a date or a time. */
function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && format !== '@' && /[dDyYhHs]/.test(format.replace(/"[^"]*"/g, ''));
}

/** A date as a serial number in `timeZone` (days since 1899-12-30, the time as a fraction). */
export function toSerial(date: Date, timeZone: string): number {
  const offset = zonedFields(date, timeZone).offsetMinutes;
  return (date.getTime() + offset * 60_000) / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** The instant a serial number stands for in `timeZone`, to the millisecond. */
export function fromSerial(serial: number, timeZone: string): Date {
  const wall = Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS);
  const d = new Date(wall);
  const whole = zonedToInstant(
    timeZone,
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
  return new Date(whole.getTime() + d.getUTCMilliseconds());
}

/** Runs a service method outside the script's own time (execution.ts). */
function service<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    enterService();
    try {
      return fn(...args);
    } finally {
      exitService();
    }
  };
}

/** The rectangle of an A1 range ("'Sheet'!A1:B2", "Sheet!A:A", "Sheet", "A1:B2"). */
function a1Rect(ss: SpreadsheetModel, notation: unknown, fail: (m: string) => Error): Rect {
  const text = String(notation ?? '');
  const unparsable = (): Error => fail(`Unable to parse range: ${text}`);
  const bang = text.lastIndexOf('!');
  const named = (name: string): SheetModel | undefined =>
    ss.sheetByName(
      name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name,
    );
  let sheet: SheetModel | undefined;
  let cells = text;
  if (bang >= 0) {
    sheet = named(text.slice(0, bang));
    cells = text.slice(bang + 1);
  } else {
    // A bare sheet name means the whole sheet; else the cells are on the first sheet.
    sheet = named(text);
    if (sheet) cells = '';
    else sheet = ss.sheets[0];
  }
  if (!sheet) throw unparsable();
  if (cells === '') {
    return { sheet, row: 0, column: 0, rowEnd: sheet.maxRows, columnEnd: sheet.maxColumns };
  }
  let ref;
  try {
    ref = parseA1(cells);
  } catch {
    throw unparsable();
  }
  const row = (ref.row ?? 1) - 1;
  const column = (ref.column ?? 1) - 1;
  const rowEnd = ref.row === null ? sheet.maxRows : (ref.lastRow ?? sheet.maxRows);
  const columnEnd = ref.column === null ? sheet.maxColumns : (ref.lastColumn ?? sheet.maxColumns);
  return { sheet, row, column, rowEnd, columnEnd };
}

/** The rectangle of a GridRange (0-based, half-open; a missing index is unbounded). */
function gridRect(ss: SpreadsheetModel, grid: unknown, fail: (m: string) => Error): Rect {
  const g = (grid ?? {}) as Json;
  const id = Number(g.sheetId ?? 0);
  const sheet = ss.sheetById(id);
  if (!sheet) throw fail(`No grid with id: ${id}`);
  const index = (v: unknown, fallback: number): number => {
    if (v === undefined || v === null) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw fail(`Invalid GridRange index: ${String(v)}`);
    return n;
  };
  const rect = {
    sheet,
    row: index(g.startRowIndex, 0),
    column: index(g.startColumnIndex, 0),
    rowEnd: index(g.endRowIndex, sheet.maxRows),
    columnEnd: index(g.endColumnIndex, sheet.maxColumns),
  };
  if (rect.rowEnd < rect.row || rect.columnEnd < rect.column) {
    throw fail('The end index of a GridRange must not be less than its start index.');
  }
  return rect;
}

/** The rectangle a DataFilter selects; a developer-metadata lookup is not implemented. */
function filterRect(ss: SpreadsheetModel, filter: unknown, fail: (m: string) => Error): Rect {
  const f = (filter ?? {}) as Json;
  if (f.gridRange !== undefined) return gridRect(ss, f.gridRange, fail);
  if (f.a1Range !== undefined) return a1Rect(ss, f.a1Range, fail);
  if (f.developerMetadataLookup !== undefined) {
    return notImplemented('Sheets.Spreadsheets.Values', 'DataFilter developerMetadataLookup');
  }
  throw fail('A DataFilter needs a gridRange, an a1Range or a developerMetadataLookup.');
}

function checkGrid(rect: Rect, fail: (m: string) => Error): void {
  if (rect.rowEnd > rect.sheet.maxRows || rect.columnEnd > rect.sheet.maxColumns) {
    throw fail(gridLimits(rect));
  }
}

interface ReadOptions {
  render: 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
  dates: 'SERIAL_NUMBER' | 'FORMATTED_STRING';
  columns: boolean;
}

function readOptions(args: Json | undefined, fail: (m: string) => Error): ReadOptions {
  const render = String(args?.valueRenderOption ?? 'FORMATTED_VALUE');
  const dates = String(args?.dateTimeRenderOption ?? 'SERIAL_NUMBER');
  const major = String(args?.majorDimension ?? 'ROWS');
  if (!['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'].includes(render)) {
    throw fail(`Invalid value at 'value_render_option' (${render})`);
  }
  if (!['SERIAL_NUMBER', 'FORMATTED_STRING'].includes(dates)) {
    throw fail(`Invalid value at 'date_time_render_option' (${dates})`);
  }
  if (!['ROWS', 'COLUMNS', 'DIMENSION_UNSPECIFIED'].includes(major)) {
    throw fail(`Invalid value at 'major_dimension' (${major})`);
  }
  return {
    render: render as ReadOptions['render'],
    dates: dates as ReadOptions['dates'],
    columns: major === 'COLUMNS',
  };
}

/** One cell as the API renders it ('' for empty). */
function rendered(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  row: number,
  column: number,
  options: ReadOptions,
): unknown {
  const value: CellValue = sheet.get(row + 1, column + 1);
  if (value === '') return '';
  if (options.render === 'FORMULA') {
    const formula = sheet.formulas.size > 0 ? sheet.formulas.get(keyOf(row, column)) : undefined;
    if (formula !== undefined) return formula;
  }
  // Unformatted, a value that is not a date is given as stored: its format is not looked up.
  const formatted = options.render === 'FORMATTED_VALUE';
  if (!formatted && !isDate(value)) return value;
  if (!formatted && options.dates === 'SERIAL_NUMBER') return toSerial(value as Date, ss.timeZone);
  const format =
    sheet.formats.size > 0 ? sheet.format(row + 1, column + 1)?.numberFormat : undefined;
  return displayValue(value, format, ss);
}

function keyOf(row: number, column: number): number {
  // SheetModel.key for a 1-based cell (sheet-model.ts); kept here to avoid a class import cycle.
  return (row + 1) * 20_000 + (column + 1);
}

/** The values of a rectangle, empty trailing rows and columns left out. */
function readRect(ss: SpreadsheetModel, rect: Rect, options: ReadOptions): Json {
  const out: Json = { range: rectA1(rect), majorDimension: options.columns ? 'COLUMNS' : 'ROWS' };
  const outer = options.columns ? rect.columnEnd - rect.column : rect.rowEnd - rect.row;
  const inner = options.columns ? rect.rowEnd - rect.row : rect.columnEnd - rect.column;
  // Only stored rows can hold values: the rest of a tall open range is empty.
  const storedRows = Math.min(rect.rowEnd, rect.sheet.rows.length);
  const values: unknown[][] = [];
  let lastNonEmpty = -1;
  const lastOuter = options.columns ? outer : Math.max(0, storedRows - rect.row);
  for (let i = 0; i < lastOuter; i++) {
    const line: unknown[] = [];
    let lastCell = -1;
    // A row holds no value past its stored cells (a formula's cell is stored too).
    const width = options.columns
      ? inner
      : Math.min(inner, (rect.sheet.rows[rect.row + i]?.length ?? 0) - rect.column);
    for (let j = 0; j < width; j++) {
      const r = options.columns ? rect.row + j : rect.row + i;
      const c = options.columns ? rect.column + i : rect.column + j;
      const v = r < storedRows ? rendered(ss, rect.sheet, r, c, options) : '';
      line.push(v);
      if (v !== '') lastCell = j;
    }
    line.length = lastCell + 1;
    values.push(line);
    if (lastCell >= 0) lastNonEmpty = i;
  }
  values.length = lastNonEmpty + 1;
  if (values.length > 0) out.values = values;
  return out;
}

/** The cells a ValueRange writes, checked against its range and the grid. */
interface PlannedWrite {
  rect: Rect;
  cells: { row: number; column: number; value: unknown }[];
  rows: number;
  columns: number;
}

function planWrite(rect: Rect, body: Json, fail: (m: string) => Error): PlannedWrite {
  const major = String(body.majorDimension ?? 'ROWS');
  const raw = body.values;
  if (raw !== undefined && !Array.isArray(raw))
    throw fail('Invalid JSON payload: values must be a list.');
  const values = (raw ?? []) as unknown[];
  const cells: PlannedWrite['cells'] = [];
  let rows = 0;
  let columns = 0;
  values.forEach((line, i) => {
    if (!Array.isArray(line))
      throw fail('Invalid JSON payload: each item of values must be a list.');
    line.forEach((value, j) => {
      const [r, c] = major === 'COLUMNS' ? [j, i] : [i, j];
      if (value === null || value === undefined) return;
      if (typeof value === 'object' && !isDate(value)) {
        throw fail(`Invalid values[${i}][${j}]: ${JSON.stringify(value)}`);
      }
      const row = rect.row + r;
      const column = rect.column + c;
      if (row >= rect.rowEnd) {
        throw fail(
          `Requested writing within range [${rectA1(rect)}], but tried writing to row [${row + 1}]`,
        );
      }
      if (column >= rect.columnEnd) {
        throw fail(
          `Requested writing within range [${rectA1(rect)}], but tried writing to column [${columnLetter(column + 1)}]`,
        );
      }
      cells.push({ row, column, value });
      rows = Math.max(rows, r + 1);
      columns = Math.max(columns, c + 1);
    });
  });
  const written: Rect = { ...rect, rowEnd: rect.row + rows, columnEnd: rect.column + columns };
  if (cells.length > 0) checkGrid(written, fail);
  return { rect, cells, rows, columns };
}

/** Stores one planned write: RAW as given, USER_ENTERED as typed (Range.setValues' rules). */
function applyWrite(ss: SpreadsheetModel, plan: PlannedWrite, userEntered: boolean): void {
  const sheet = plan.rect.sheet;
  for (const { row, column, value } of plan.cells) {
    const format = sheet.format(row + 1, column + 1)?.numberFormat;
    if (typeof value === 'number' && isDateFormat(format)) {
      sheet.put(row + 1, column + 1, fromSerial(value, ss.timeZone), null);
      continue;
    }
    if (!userEntered) {
      const stored = isDate(value) ? new Date((value as Date).getTime()) : (value as CellValue);
      sheet.put(row + 1, column + 1, stored, null);
      continue;
    }
    const plain = format === '@';
    const cell = normaliseWritten(value, ss, plain);
    const formula =
      cell.formula ??
      (!plain && typeof value === 'string' && isSignFormula(value, cell.value)
        ? `=${value}`
        : null);
    sheet.put(row + 1, column + 1, cell.value, formula);
  }
}

/** spreadsheets.values: batch reads and writes by A1 ranges or data filters. */
class ValuesCollection {
  constructor(private readonly ctx: Ctx) {}

  #spreadsheet(method: string, id: unknown): SpreadsheetModel {
    const ss = this.ctx.world.spreadsheets.get(String(id ?? ''));
    const item = ss ? this.ctx.world.drive.items.get(ss.id) : undefined;
    if (!ss || !item || item.trashed) throw apiError(method, 'Requested entity was not found.');
    return ss;
  }

  #cells(rects: Rect[]): number {
    return rects.reduce(
      (n, r) =>
        n +
        (Math.min(r.rowEnd, Math.max(r.row, r.sheet.rows.length)) - r.row) *
          (r.columnEnd - r.column),
      0,
    );
  }

  batchGet = service((spreadsheetId: string, optionalArgs?: Json): Json => {
    const method = 'values.batchGet';
    const fail = (m: string): Error => apiError(method, m);
    const ss = this.#spreadsheet(method, spreadsheetId);
    const options = readOptions(optionalArgs, fail);
    const ranges = optionalArgs?.ranges;
    const list = ranges === undefined ? [] : Array.isArray(ranges) ? ranges : [ranges];
    const rects = list.map((r) => a1Rect(ss, r, fail));
    for (const rect of rects) checkGrid(rect, fail);
    this.ctx.world.tracker.record('Sheets.Spreadsheets.Values.batchGet', this.#cells(rects));
    return { spreadsheetId: ss.id, valueRanges: rects.map((rect) => readRect(ss, rect, options)) };
  });

  batchGetByDataFilter = service((resource: Json, spreadsheetId: string): Json => {
    const method = 'values.batchGetByDataFilter';
    const fail = (m: string): Error => apiError(method, m);
    const ss = this.#spreadsheet(method, spreadsheetId);
    const options = readOptions(resource, fail);
    const filters = (resource?.dataFilters ?? []) as unknown[];
    if (!Array.isArray(filters)) throw fail('Invalid JSON payload: dataFilters must be a list.');
    const rects = filters.map((f, i) =>
      filterRect(ss, f, (m) => fail(`Invalid dataFilters[${i}]: ${m}`)),
    );
    rects.forEach((rect, i) => checkGrid(rect, (m) => fail(`Invalid dataFilters[${i}]: ${m}`)));
    this.ctx.world.tracker.record(
      'Sheets.Spreadsheets.Values.batchGetByDataFilter',
      this.#cells(rects),
    );
    return {
      spreadsheetId: ss.id,
      valueRanges: rects.map((rect, i) => ({
        valueRange: readRect(ss, rect, options),
        dataFilters: [filters[i]],
      })),
    };
  });

  batchUpdate = service((resource: Json, spreadsheetId: string): Json =>
    this.#update('values.batchUpdate', resource, spreadsheetId, (ss, entry, fail) =>
      a1Rect(ss, entry.range, fail),
    ),
  );

  batchUpdateByDataFilter = service((resource: Json, spreadsheetId: string): Json =>
    this.#update('values.batchUpdateByDataFilter', resource, spreadsheetId, (ss, entry, fail) =>
      filterRect(ss, entry.dataFilter, fail),
    ),
  );

  #update(
    method: string,
    resource: Json,
    spreadsheetId: string,
    rectOf: (ss: SpreadsheetModel, entry: Json, fail: (m: string) => Error) => Rect,
  ): Json {
    const fail = (m: string): Error => apiError(method, m);
    const ss = this.#spreadsheet(method, spreadsheetId);
    const input = resource?.valueInputOption;
    if (input === undefined || input === null || input === '') {
      throw fail("'valueInputOption' is required but not specified");
    }
    if (input !== 'RAW' && input !== 'USER_ENTERED') {
      throw fail(`Invalid value at 'value_input_option' (${String(input)})`);
    }
    const data = (resource.data ?? []) as Json[];
    if (!Array.isArray(data)) throw fail('Invalid JSON payload: data must be a list.');
    // Every range is checked (shape, grid, protection) before any cell is written.
    const plans = data.map((entry, i) => {
      const at = (m: string): Error => fail(`Invalid data[${i}]: ${m}`);
      return planWrite(rectOf(ss, entry ?? {}, at), entry ?? {}, at);
    });
    const cells = plans.reduce((n, p) => n + p.cells.length, 0);
    this.ctx.world.tracker.record(`Sheets.Spreadsheets.Values.${method.split('.')[1]}`, cells);
    for (const plan of plans) {
      if (plan.cells.length === 0) continue;
      guardEdit(this.ctx, ss, plan.rect.sheet, {
        row: plan.rect.row + 1,
        column: plan.rect.column + 1,
        numRows: plan.rows,
        numColumns: plan.columns,
      });
    }
    for (const plan of plans) applyWrite(ss, plan, input === 'USER_ENTERED');
    const responses = plans.map((plan, i) => {
      const response: Json = {
        spreadsheetId: ss.id,
        updatedRange: rectA1({
          ...plan.rect,
          rowEnd: plan.rect.row + Math.max(plan.rows, 1),
          columnEnd: plan.rect.column + Math.max(plan.columns, 1),
        }),
        updatedRows: plan.rows,
        updatedColumns: plan.columns,
        updatedCells: plan.cells.length,
      };
      if (data[i]?.dataFilter !== undefined) response.dataFilter = data[i]!.dataFilter;
      return response;
    });
    const sheets = new Set(plans.filter((p) => p.cells.length > 0).map((p) => p.rect.sheet.id));
    return {
      spreadsheetId: ss.id,
      totalUpdatedRows: plans.reduce((n, p) => n + p.rows, 0),
      totalUpdatedColumns: plans.reduce((n, p) => n + p.columns, 0),
      totalUpdatedCells: cells,
      totalUpdatedSheets: sheets.size,
      responses,
    };
  }
}

/** Request types of spreadsheets.batchUpdate (the Request union of the reference). */
const SPREADSHEET_REQUESTS = new Set([
  'updateSpreadsheetProperties',
  'updateSheetProperties',
  'updateDimensionProperties',
  'updateNamedRange',
  'repeatCell',
  'addNamedRange',
  'deleteNamedRange',
  'addSheet',
  'deleteSheet',
  'autoFill',
  'cutPaste',
  'copyPaste',
  'mergeCells',
  'unmergeCells',
  'updateBorders',
  'updateCells',
  'addFilterView',
  'appendCells',
  'clearBasicFilter',
  'deleteDimension',
  'deleteEmbeddedObject',
  'deleteFilterView',
  'duplicateFilterView',
  'duplicateSheet',
  'findReplace',
  'insertDimension',
  'insertRange',
  'moveDimension',
  'updateEmbeddedObjectPosition',
  'pasteData',
  'textToColumns',
  'updateFilterView',
  'deleteRange',
  'appendDimension',
  'addConditionalFormatRule',
  'updateConditionalFormatRule',
  'deleteConditionalFormatRule',
  'sortRange',
  'setDataValidation',
  'setBasicFilter',
  'addProtectedRange',
  'updateProtectedRange',
  'deleteProtectedRange',
  'autoResizeDimensions',
  'addChart',
  'updateChartSpec',
  'updateBanding',
  'addBanding',
  'deleteBanding',
  'createDeveloperMetadata',
  'updateDeveloperMetadata',
  'deleteDeveloperMetadata',
  'randomizeRange',
  'addDimensionGroup',
  'deleteDimensionGroup',
  'updateDimensionGroup',
  'trimWhitespace',
  'deleteDuplicates',
  'updateEmbeddedObjectBorder',
  'addSlicer',
  'updateSlicerSpec',
  'addDataSource',
  'updateDataSource',
  'deleteDataSource',
  'refreshDataSource',
  'cancelDataSourceRefresh',
  'addTable',
  'updateTable',
  'deleteTable',
]);

/** One planned structural change, checked against the sizes earlier requests leave. */
type Step = () => void;

/** spreadsheets: batchUpdate (rows and columns) and get. */
class SpreadsheetsCollection {
  readonly Values: ValuesCollection;

  constructor(private readonly ctx: Ctx) {
    this.Values = new ValuesCollection(ctx);
  }

  #spreadsheet(method: string, id: unknown): SpreadsheetModel {
    const ss = this.ctx.world.spreadsheets.get(String(id ?? ''));
    const item = ss ? this.ctx.world.drive.items.get(ss.id) : undefined;
    if (!ss || !item || item.trashed) throw apiError(method, 'Requested entity was not found.');
    return ss;
  }

  batchUpdate = service((resource: Json, spreadsheetId: string): Json => {
    const fail = (m: string): Error => apiError('batchUpdate', m);
    const ss = this.#spreadsheet('batchUpdate', spreadsheetId);
    const requests = (resource?.requests ?? []) as Json[];
    if (!Array.isArray(requests) || requests.length === 0) {
      throw fail('Must specify at least one request.');
    }
    // Sizes as the earlier requests of the batch leave them: every request is validated first.
    const rows = new Map(ss.sheets.map((s) => [s.id, s.maxRows]));
    const columns = new Map(ss.sheets.map((s) => [s.id, s.maxColumns]));
    let cells = ss.sheets.reduce((n, s) => n + s.cellCount(), 0);
    const steps: Step[] = requests.map((request, i) => {
      const keys = Object.keys(request ?? {});
      if (keys.length !== 1 || !SPREADSHEET_REQUESTS.has(keys[0]!)) {
        throw fail(`Invalid requests[${i}]: exactly one known request kind is expected.`);
      }
      const kind = keys[0]!;
      const body = (request[kind] ?? {}) as Json;
      const at = (m: string): Error => fail(`Invalid requests[${i}].${kind}: ${m}`);
      if (kind !== 'insertDimension' && kind !== 'deleteDimension' && kind !== 'appendDimension') {
        return notImplemented('Sheets.Spreadsheets.batchUpdate request', kind);
      }
      const range = (kind === 'appendDimension' ? body : (body.range ?? {})) as Json;
      const sheet = ss.sheetById(Number(range.sheetId ?? 0));
      if (!sheet) throw at(`No grid with id: ${Number(range.sheetId ?? 0)}`);
      const dimension = String(range.dimension ?? '');
      if (dimension !== 'ROWS' && dimension !== 'COLUMNS') {
        throw at('dimension must be ROWS or COLUMNS.');
      }
      const sizes = dimension === 'ROWS' ? rows : columns;
      const other = (dimension === 'ROWS' ? columns : rows).get(sheet.id)!;
      const size = sizes.get(sheet.id)!;
      guardEdit(this.ctx, ss, sheet, null);
      if (kind === 'appendDimension') {
        const length = Number(body.length);
        if (!Number.isInteger(length) || length < 1) throw at('length must be at least 1.');
        cells += length * other;
        sizes.set(sheet.id, size + length);
        return () => {
          if (dimension === 'ROWS') sheet.maxRows += length;
          else sheet.maxColumns += length;
        };
      }
      const start = Number(range.startIndex);
      const end = Number(range.endIndex);
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
        throw at('Both the start and end indexes must be bounded, and start < end.');
      }
      const count = end - start;
      if (kind === 'insertDimension') {
        const before = body.inheritFromBefore === true;
        if (before && start === 0) throw at('Cannot inherit from before at index 0.');
        if (start > size)
          throw at(`Index ${start} is beyond the sheet's ${size} ${dimension.toLowerCase()}.`);
        cells += count * other;
        sizes.set(sheet.id, size + count);
        return () => {
          if (dimension === 'ROWS') sheet.insertRows(start, count, before);
          else sheet.insertColumns(start, count);
        };
      }
      if (end > size)
        throw at(`Index ${end} is beyond the sheet's ${size} ${dimension.toLowerCase()}.`);
      const frozen = dimension === 'ROWS' ? sheet.frozenRows : sheet.frozenColumns;
      if (count >= size - frozen) {
        throw at(`Sorry, it is not possible to delete all non-frozen ${dimension.toLowerCase()}.`);
      }
      cells -= count * other;
      sizes.set(sheet.id, size - count);
      return () => {
        if (dimension === 'ROWS') sheet.deleteRows(start + 1, count);
        else sheet.deleteColumns(start + 1, count);
      };
    });
    ss.checkCells(cells - ss.sheets.reduce((n, s) => n + s.cellCount(), 0));
    this.ctx.world.tracker.record('Sheets.Spreadsheets.batchUpdate');
    for (const step of steps) step();
    return { spreadsheetId: ss.id, replies: requests.map(() => ({})) };
  });

  get = service((spreadsheetId: string, optionalArgs?: Json): Json => {
    const ss = this.#spreadsheet('get', spreadsheetId);
    if (optionalArgs?.includeGridData === true || optionalArgs?.ranges !== undefined) {
      return notImplemented('Sheets.Spreadsheets', 'get with ranges or grid data');
    }
    this.ctx.world.tracker.record('Sheets.Spreadsheets.get');
    const item = this.ctx.world.drive.items.get(ss.id)!;
    const resource: Json = {
      spreadsheetId: ss.id,
      properties: { title: item.name, locale: ss.locale, timeZone: ss.timeZone },
      sheets: ss.sheets.map((sheet, index) => {
        const properties: Json = {
          sheetId: sheet.id,
          title: sheet.name,
          index,
          sheetType: 'GRID',
          gridProperties: {
            rowCount: sheet.maxRows,
            columnCount: sheet.maxColumns,
            ...(sheet.frozenRows > 0 ? { frozenRowCount: sheet.frozenRows } : {}),
            ...(sheet.frozenColumns > 0 ? { frozenColumnCount: sheet.frozenColumns } : {}),
          },
        };
        if (sheet.hidden) properties.hidden = true;
        const out: Json = { properties };
        const protectedRanges = sheet.protections.map((p) => {
          const range: Json = { sheetId: sheet.id };
          if (p.type === 'RANGE' && p.range) {
            range.startRowIndex = p.range.row - 1;
            range.endRowIndex = p.range.row - 1 + p.range.numRows;
            range.startColumnIndex = p.range.column - 1;
            range.endColumnIndex = p.range.column - 1 + p.range.numColumns;
          }
          const pr: Json = {
            protectedRangeId: p.id,
            range,
            requestingUserCanEdit:
              this.ctx.world.drive.items.get(ss.id)?.owner === this.ctx.world.user ||
              p.editors.includes(this.ctx.world.user),
          };
          if (p.description) pr.description = p.description;
          if (p.warningOnly) pr.warningOnly = true;
          else {
            pr.editors = {
              users: [...p.editors],
              ...(p.domainEdit ? { domainUsersCanEdit: true } : {}),
            };
          }
          return pr;
        });
        if (protectedRanges.length > 0) out.protectedRanges = protectedRanges;
        return out;
      }),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${ss.id}/edit`,
    };
    const fields = optionalArgs?.fields;
    return fields === undefined ? resource : (pick(resource, parseFields(String(fields))) as Json);
  });
}

/** A parsed field mask: each field with its sub-mask (null = the whole value). */
type FieldMask = Map<string, FieldMask | null>;

/** Parses a partial-response mask: "sheets(properties(sheetId,title),protectedRanges)". */
export function parseFields(text: string): FieldMask {
  let i = 0;
  const parse = (): FieldMask => {
    const mask: FieldMask = new Map();
    let name = '';
    const flush = (sub: FieldMask | null): void => {
      const path = name.trim();
      name = '';
      if (path === '') return;
      // a/b/c is a(b(c))
      const parts = path.split('/');
      let target = mask;
      parts.forEach((part, k) => {
        if (k === parts.length - 1) {
          target.set(part, mergeMasks(target.get(part), sub));
        } else {
          let next = target.get(part);
          if (next === null) return; // the whole value is asked for already
          if (next === undefined) {
            next = new Map();
            target.set(part, next);
          }
          target = next;
        }
      });
    };
    while (i < text.length) {
      const ch = text[i++]!;
      if (ch === '(') {
        const sub = parse();
        flush(sub);
      } else if (ch === ')') {
        flush(null);
        return mask;
      } else if (ch === ',') flush(null);
      else name += ch;
    }
    flush(null);
    return mask;
  };
  return parse();
}

function mergeMasks(a: FieldMask | null | undefined, b: FieldMask | null): FieldMask | null {
  if (a === undefined) return b;
  if (a === null || b === null) return null;
  const merged: FieldMask = new Map(a);
  for (const [k, v] of b) merged.set(k, mergeMasks(merged.get(k), v));
  return merged;
}

/** The parts of a resource a mask names (lists are masked item by item). */
function pick(value: unknown, mask: FieldMask | null): unknown {
  if (mask === null || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => pick(item, mask));
  const out: Json = {};
  for (const [key, sub] of mask) {
    if (key === '*') return value;
    const v = (value as Json)[key];
    if (v !== undefined) out[key] = pick(v, sub);
  }
  return out;
}

/**
 * The `Sheets` global of a project that enables the service (serviceId sheets, version v4). The
 * service's builders (Sheets.newValueRange() …) and the collections other than Spreadsheets,
 * Spreadsheets.Values and their implemented methods throw the emulator's «not implemented»:
 * scripts pass plain objects, as the reference's samples do.
 */
export function createSheetsService(ctx: Ctx): object {
  const strict = <T extends object>(target: T, name: string): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        if (typeof prop === 'string' && !(prop in t) && prop !== 'then' && prop !== 'toJSON') {
          if (/^new[A-Z]/.test(prop)) return () => notImplemented(name, prop);
          return () => notImplemented(name, prop);
        }
        return Reflect.get(t, prop, receiver) as unknown;
      },
    });
  const spreadsheets = new SpreadsheetsCollection(ctx);
  const values = strict(spreadsheets.Values, 'Sheets.Spreadsheets.Values');
  const collection = strict(
    Object.assign(Object.create(null) as Json, {
      Values: values,
      batchUpdate: spreadsheets.batchUpdate,
      get: spreadsheets.get,
    }),
    'Sheets.Spreadsheets',
  );
  return strict({ Spreadsheets: collection } as Json, 'Sheets');
}
