/**
 * Storage of spreadsheets and sheets. Rows are plain arrays (a 50,000-row tab must read in
 * milliseconds); formulas and formats are sparse maps keyed by cell, kept per row so that
 * inserting or deleting rows in the middle of a long tab moves row slots, not every cell.
 */
import { isDate, toHarnessDate } from '../core/realm';
import { formatDate, zonedToInstant } from './format-date';

/** A stored cell value: what getValues returns ('' for empty). */
export type CellValue = string | number | boolean | Date;

/** Per-cell presentation, stored for later export (xlsx) and for getters. */
export interface CellFormat {
  numberFormat?: string;
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  fontStyle?: string;
  fontSize?: number;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  note?: string;
  validation?: unknown;
}

/** A chart placed on a sheet. */
export interface ChartModel {
  id: number;
  chartType: string;
  ranges: { sheetId: number; row: number; column: number; numRows: number; numColumns: number }[];
  options: Record<string, unknown>;
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
}

/** A protected range or sheet. */
export interface ProtectionModel {
  id: number;
  type: 'SHEET' | 'RANGE';
  range: { row: number; column: number; numRows: number; numColumns: number } | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
}

/** Google's cell limit for one spreadsheet (support.google.com/drive/answer/37603). */
export const MAX_CELLS = 10_000_000;
/** Google's per-cell character limit. */
export const MAX_CELL_CHARS = 50_000;
const KEY_STRIDE = 20_000; // > 18,278 columns, the most a sheet can have

/**
 * A sparse map from a cell key (`SheetModel.key`) to a value, with Map's interface, stored per
 * row so that `insertRows` / `deleteRows` splice one array instead of re-keying every cell.
 */
export class CellMap<T> {
  private byRow: (Map<number, T> | undefined)[] = [];
  private count = 0;

  constructor(entries?: Iterable<[number, T]>) {
    if (entries) for (const [key, value] of entries) this.set(key, value);
  }

  get size(): number {
    return this.count;
  }

  get(key: number): T | undefined {
    return this.byRow[Math.floor(key / KEY_STRIDE)]?.get(key % KEY_STRIDE);
  }

  set(key: number, value: T): this {
    const row = Math.floor(key / KEY_STRIDE);
    let cells = this.byRow[row];
    if (!cells) cells = this.byRow[row] = new Map();
    if (!cells.has(key % KEY_STRIDE)) this.count++;
    cells.set(key % KEY_STRIDE, value);
    return this;
  }

  delete(key: number): boolean {
    const cells = this.byRow[Math.floor(key / KEY_STRIDE)];
    if (!cells || !cells.delete(key % KEY_STRIDE)) return false;
    this.count--;
    return true;
  }

  clear(): void {
    this.byRow = [];
    this.count = 0;
  }

  *entries(): IterableIterator<[number, T]> {
    for (let row = 0; row < this.byRow.length; row++) {
      const cells = this.byRow[row];
      if (cells) for (const [column, value] of cells) yield [row * KEY_STRIDE + column, value];
    }
  }

  *keys(): IterableIterator<number> {
    for (const [key] of this.entries()) yield key;
  }

  [Symbol.iterator](): IterableIterator<[number, T]> {
    return this.entries();
  }

  /** Empty row slots after `afterRow` (1-based); rows below move down. */
  insertRows(afterRow: number, count: number): void {
    if (afterRow + 1 < this.byRow.length)
      this.byRow.splice(afterRow + 1, 0, ...new Array<undefined>(count));
  }

  /** Removes rows [row, row+count) (1-based); rows below move up. */
  deleteRows(row: number, count: number): void {
    for (const cells of this.byRow.slice(row, row + count)) this.count -= cells?.size ?? 0;
    this.byRow.splice(row, count);
  }
}

/** One tab. */
export class SheetModel {
  rows: CellValue[][] = [];
  maxRows: number;
  maxColumns: number;
  formulas = new CellMap<string>();
  formats = new CellMap<CellFormat>();
  /**
   * 0-based columns that may hold a Date (every column that ever received one), so reads copy
   * Dates without testing every cell. Rows have no holes: `put` pads with '' up to the column.
   */
  dateColumns = new Set<number>();
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  charts: ChartModel[] = [];
  protections: ProtectionModel[] = [];
  filter: { row: number; column: number; numRows: number; numColumns: number } | null = null;
  /** Id of the form whose responses land here (Sheet.getFormUrl). */
  formId: string | null = null;

  constructor(
    readonly id: number,
    public name: string,
    maxRows = 1000,
    maxColumns = 26,
  ) {
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
  }

  /** Map key of a 1-based cell. */
  static key(row: number, column: number): number {
    return row * KEY_STRIDE + column;
  }

  /** Row and column of a map key. */
  static unkey(key: number): [number, number] {
    return [Math.floor(key / KEY_STRIDE), key % KEY_STRIDE];
  }

  /** The last row holding a value or formula (0 when empty). */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (row && row.some((v) => v !== '')) return r;
    }
    return 0;
  }

  /** The last column holding a value (0 when empty). */
  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        if (row[c - 1] !== '') {
          last = c;
          break;
        }
      }
    }
    for (const key of this.formulas.keys()) last = Math.max(last, SheetModel.unkey(key)[1]);
    return last;
  }

  /** The stored value of a 1-based cell. */
  get(row: number, column: number): CellValue {
    const v = this.rows[row - 1]?.[column - 1];
    return v === undefined ? '' : v;
  }

  /** Stores a value (already normalised) and its formula, if any. */
  put(row: number, column: number, value: CellValue, formula: string | null): void {
    let stored = this.rows[row - 1];
    if (!stored) {
      for (let r = this.rows.length; r < row; r++) if (!this.rows[r]) this.rows[r] = [];
      stored = this.rows[row - 1]!;
    }
    for (let c = stored.length; c < column - 1; c++) stored[c] = '';
    stored[column - 1] = value;
    if (typeof value === 'object' && isDate(value)) this.dateColumns.add(column - 1);
    const key = SheetModel.key(row, column);
    if (formula === null) {
      if (this.formulas.size > 0) this.formulas.delete(key);
    } else this.formulas.set(key, formula);
  }

  /** Format of a cell, created on demand when `create`. */
  format(row: number, column: number, create: true): CellFormat;
  format(row: number, column: number, create?: false): CellFormat | undefined;
  format(row: number, column: number, create = false): CellFormat | undefined {
    const key = SheetModel.key(row, column);
    let f = this.formats.get(key);
    if (!f && create) {
      f = {};
      this.formats.set(key, f);
    }
    return f;
  }

  /**
   * Inserts `count` empty rows after `afterRow`, shifting content, formats and formulas down.
   * The new rows copy the presentation (number format, colours, font, alignment, wrap) of the
   * row before them (`inheritFromBefore`, needs afterRow > 0) or else of the row after them;
   * notes and data validation stay with their cells.
   */
  insertRows(afterRow: number, count: number, inheritFromBefore = afterRow > 0): void {
    const blanks: CellValue[][] = Array.from({ length: count }, () => []);
    if (afterRow < this.rows.length) this.rows.splice(afterRow, 0, ...blanks);
    this.maxRows += count;
    this.formulas.insertRows(afterRow, count);
    this.formats.insertRows(afterRow, count);
    this.shiftFilter(afterRow + 1, count);
    const source = inheritFromBefore && afterRow > 0 ? afterRow : afterRow + count + 1;
    if (source > this.maxRows || this.formats.size === 0) return;
    for (let c = 1; c <= this.maxColumns; c++) {
      const f = this.format(source, c);
      if (!f) continue;
      const { note: _note, validation: _validation, ...presentation } = f;
      if (Object.keys(presentation).length === 0) continue;
      for (let r = afterRow + 1; r <= afterRow + count; r++)
        this.formats.set(SheetModel.key(r, c), { ...presentation });
    }
  }

  /** Deletes rows [row, row+count), shifting the rest up. */
  deleteRows(row: number, count: number): void {
    this.rows.splice(row - 1, count);
    this.maxRows -= count;
    this.formulas.deleteRows(row, count);
    this.formats.deleteRows(row, count);
    this.shiftFilter(row, -count);
  }

  /**
   * The filter follows rows inserted (`count` > 0) at `row` or deleted from it, as in Sheets:
   * rows added inside its range widen it, rows added above it move it down; rows added right
   * below it stay outside.
   */
  private shiftFilter(row: number, count: number): void {
    const f = this.filter;
    if (!f) return;
    const end = f.row + f.numRows; // first row after the range
    if (count > 0) {
      if (row <= f.row) f.row += count;
      else if (row < end) f.numRows += count;
      return;
    }
    const removedEnd = row - count; // first row after the deleted ones
    const before = Math.max(0, Math.min(removedEnd, f.row) - row);
    const inside = Math.max(0, Math.min(removedEnd, end) - Math.max(row, f.row));
    f.row -= before;
    f.numRows = Math.max(1, f.numRows - inside);
  }

  /** Inserts `count` columns after `afterColumn`. */
  insertColumns(afterColumn: number, count: number): void {
    for (const row of this.rows) {
      if (row && row.length > afterColumn)
        row.splice(afterColumn, 0, ...Array<CellValue>(count).fill(''));
    }
    this.maxColumns += count;
    this.shiftKeys(
      (r) => r,
      (c) => (c > afterColumn ? c + count : c),
    );
    this.rescanDates();
  }

  /** Deletes columns [column, column+count). */
  deleteColumns(column: number, count: number): void {
    for (const row of this.rows) if (row) row.splice(column - 1, count);
    this.maxColumns -= count;
    this.shiftKeys(
      (r) => r,
      (c) => (c >= column + count ? c - count : c >= column ? null : c),
    );
    this.rescanDates();
  }

  /** Recomputes `dateColumns` after columns moved. */
  rescanDates(): void {
    this.dateColumns.clear();
    for (const row of this.rows) {
      row?.forEach((v, c) => {
        if (typeof v === 'object' && isDate(v)) this.dateColumns.add(c);
      });
    }
  }

  private shiftKeys(
    mapRow: (r: number) => number | null,
    mapColumn: (c: number) => number | null = (c) => c,
  ): void {
    for (const map of [this.formulas, this.formats] as CellMap<unknown>[]) {
      if (map.size === 0) continue;
      const entries = [...map.entries()];
      map.clear();
      for (const [key, value] of entries) {
        const [r, c] = SheetModel.unkey(key);
        const nr = mapRow(r);
        const nc = mapColumn(c);
        if (nr !== null && nc !== null) map.set(SheetModel.key(nr, nc), value);
      }
    }
  }

  /** Cells this tab counts against the spreadsheet limit. */
  cellCount(): number {
    return this.maxRows * this.maxColumns;
  }
}

/** One spreadsheet file (its Drive item holds name, parents, owner). */
export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  timeZone: string;
  locale: string;
  activeSheetId: number;
  namedRanges = new Map<
    string,
    { sheetId: number; row: number; column: number; numRows: number; numColumns: number }
  >();
  editors: string[] = [];
  viewers: string[] = [];
  toasts: { message: string; title: string }[] = [];
  private nextSheetId = 0;
  nextObjectId = 1;

  constructor(
    readonly id: string,
    timeZone: string,
    locale: string,
    firstSheetName: string,
  ) {
    this.timeZone = timeZone;
    this.locale = locale;
    const first = this.addSheet(firstSheetName, 0);
    this.activeSheetId = first.id;
  }

  /** Creates a tab at `index`; checks Google's name and size rules. */
  addSheet(name: string, index: number, rows = 1000, columns = 26): SheetModel {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.checkCells(rows * columns);
    // Google gives the first sheet id 0 and later ones large random ids.
    const id = this.nextSheetId === 0 ? 0 : 100000000 + this.nextSheetId * 7919;
    this.nextSheetId += 1;
    const sheet = new SheetModel(id, name, rows, columns);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  /** Throws Google's error if `extra` more cells would pass the 10 million limit. */
  checkCells(extra: number): void {
    const total = this.sheets.reduce((n, s) => n + s.cellCount(), 0);
    if (total + extra > MAX_CELLS) {
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
      );
    }
  }

  /** The tab with `id`. */
  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** The tab named `name` (Google matches names case-insensitively). */
  sheetByName(name: string): SheetModel | undefined {
    return (
      this.sheets.find((s) => s.name === name) ??
      this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())
    );
  }
}

/** A value to store plus its formula, from what a script wrote. */
export interface WrittenCell {
  value: CellValue;
  formula: string | null;
}

/**
 * Turns a value written by setValue(s)/appendRow into what the cell holds, as the Sheets UI
 * would on typing it: '=…' is a formula, "'…" is forced text, numeric and date-like strings
 * in the spreadsheet locale become numbers and dates (developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue).
 */
export function normaliseWritten(
  value: unknown,
  ss: SpreadsheetModel,
  plainText = false,
): WrittenCell {
  if (value === null || value === undefined) return { value: '', formula: null };
  if (typeof value === 'number') return { value, formula: null };
  if (typeof value === 'boolean') return { value, formula: null };
  if (isDate(value)) return { value: toHarnessDate(value), formula: null };
  const text = typeof value === 'string' ? value : String(value);
  if (text.length > MAX_CELL_CHARS) {
    throw new Error(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );
  }
  if (text === '') return { value: '', formula: null };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  // '=…' stays a formula even in a plain-text ('@') cell. The Sheets UI keeps "=1+1" typed into a
  // plain-text cell as text, but no Google reference page or issue we found says what
  // Range.setValue(s) / appendRow do there, so the emulator takes the stricter reading: a script
  // must neutralise hostile text itself (leading "'"), never rely on the '@' format.
  if (text.startsWith('=') && text.length > 1)
    return { value: evaluateFormula(text), formula: text };
  // A cell formatted as plain text ('@') keeps typed text as it is: no numbers, dates or signs.
  if (plainText) return { value: text, formula: null };
  return { value: parseTyped(text, ss), formula: null };
}

/**
 * The emulator has no formula engine: HYPERLINK shows its label, every other formula reads
 * as '#ERROR!' so a test never mistakes an uncomputed formula for data.
 */
export function evaluateFormula(formula: string): CellValue {
  const link = /^=HYPERLINK\(\s*"[^"]*"\s*[;,]\s*"([^"]*)"\s*\)$/i.exec(formula);
  if (link) return link[1]!;
  return '#ERROR!';
}

/** What Sheets makes of typed text in the spreadsheet's locale (numbers, dates, booleans, signs). */
function parseTyped(text: string, ss: SpreadsheetModel): CellValue {
  const ru = ss.locale.startsWith('ru');
  const decimal = ru ? ',' : '.';
  const numeric = ru ? /^[+-]?\d+(,\d+)?$/ : /^[+-]?\d+(\.\d+)?$/;
  if (numeric.test(text)) return Number(text.replace(decimal, '.'));
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || (ru && upper === 'ИСТИНА')) return true;
  if (upper === 'FALSE' || (ru && upper === 'ЛОЖЬ')) return false;
  const date = ru
    ? /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text)
    : /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (date || iso) {
    const [y, mo, d] = iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : ru
        ? [Number(date![3]), Number(date![2]), Number(date![1])]
        : [Number(date![3]), Number(date![1]), Number(date![2])];
    const m = (iso ?? date)!;
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
      return zonedToInstant(
        ss.timeZone,
        y,
        mo,
        d,
        Number(m[4] ?? 0),
        Number(m[5] ?? 0),
        Number(m[6] ?? 0),
      );
    }
  }
  // Sheets reads "+x" / "-x" that is not a number as a formula that fails to parse.
  if ((text.startsWith('+') || text.startsWith('-')) && text.length > 1) return '#ERROR!';
  return text;
}

/** True when written text would be read as a formula (used to keep its source in getFormula). */
export function isSignFormula(text: string, value: CellValue): boolean {
  return value === '#ERROR!' && (text.startsWith('+') || text.startsWith('-'));
}

/** The text Sheets displays for a value with a number format, in the spreadsheet locale. */
export function displayValue(
  value: CellValue,
  format: string | undefined,
  ss: SpreadsheetModel,
): string {
  const ru = ss.locale.startsWith('ru');
  if (value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? (ru ? 'ИСТИНА' : 'TRUE') : ru ? 'ЛОЖЬ' : 'FALSE';
  if (isDate(value)) {
    const pattern = format && /[dyhHs]/.test(format) ? sheetsDatePattern(format) : null;
    if (pattern) return formatDate(value, ss.timeZone, pattern);
    const hasTime = formatDate(value, ss.timeZone, 'HH:mm:ss') !== '00:00:00';
    const base = ru ? 'dd.MM.yyyy' : 'M/d/yyyy';
    return formatDate(value, ss.timeZone, hasTime ? `${base} H:mm:ss` : base);
  }
  let text: string;
  if (format && /^0(\.0+)?%$/.test(format)) {
    const digits = format.includes('.') ? format.split('.')[1]!.length - 1 : 0;
    text = `${(value * 100).toFixed(digits)}%`;
  } else if (format && /^#?,?#*0(\.0+)?$/.test(format)) {
    const digits = format.includes('.') ? format.split('.')[1]!.length : 0;
    text = value.toFixed(digits);
  } else {
    text = String(Math.round(value * 1e10) / 1e10);
  }
  return ru ? text.replace('.', ',') : text;
}

/** Sheets date formats use 'mm' for months next to d/y; map to SimpleDateFormat. */
function sheetsDatePattern(format: string): string {
  return format
    .replace(/m{1,2}(?=[^hs]*[dy])|(?<=[dy][^hs]*)m{1,2}/gi, (m) => m.toUpperCase())
    .replace(/Y/g, 'y')
    .replace(/D/g, 'd');
}
