/**
 * A tab of the master spreadsheet as a table: one `getValues` to read it, one `setValues` per
 * block to write it. Every string written passes the formula guard, so nothing typed into a
 * form can become a formula (PRODUCT.md, intake rules).
 */
import { asText } from '../domain/text/clean';
import { recordTabIds, tabSheet } from './sources';

export type Cell = string | number | boolean | Date;
export type Row = Cell[];

export interface TableData {
  header: string[];
  rows: Row[];
}

/** Reads a whole tab (header + rows) in one call; an absent or empty tab reads as empty. */
export function readTable(sheet: GoogleAppsScript.Spreadsheet.Sheet | null): TableData {
  if (!sheet) return { header: [], rows: [] };
  const values = sheet.getDataRange().getValues() as Row[];
  const [header = [], ...rows] = values;
  const width = header.length;
  // An empty sheet reads as one row of '' : no header, no rows.
  if (width === 0 || (values.length === 1 && header.every((c) => c === ''))) {
    return { header: [], rows: [] };
  }
  return { header: header.map((h) => String(h)), rows };
}

/** The tab of `name` (by its recorded id, staff may have renamed it), created if missing. */
export function ensureSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): GoogleAppsScript.Spreadsheet.Sheet {
  const found = tabSheet(spreadsheet, name);
  if (found) return found;
  const sheet = spreadsheet.insertSheet(name);
  recordTabIds({ [name]: sheet.getSheetId() });
  return sheet;
}

/** Guards every cell of a block and pads rows to `width`. */
export function safeRows(rows: Row[], width: number): Row[] {
  return rows.map((row) => {
    const out: Row = new Array(width);
    for (let c = 0; c < width; c++) out[c] = fitCell(asText(row[c]));
    return out;
  });
}

/** Sheets refuses a cell over 50,000 characters; derived copies are cut, the raw answer stays whole. */
const MAX_CELL_CHARS = 50000;

function fitCell(value: Cell): Cell {
  return typeof value === 'string' && value.length > MAX_CELL_CHARS
    ? `${value.slice(0, MAX_CELL_CHARS - 1)}…`
    : value;
}

/**
 * True when two cells hold the same value as the sheet stores it. Sheets turns typed text such as
 * "47" into a number and drops the guard's apostrophe, so values compare by their text.
 */
export function sameCell(current: Cell | undefined, next: Cell | undefined): boolean {
  const a = current ?? '';
  const b = next ?? '';
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return String(a) === String(b);
}

/**
 * Makes the rows of `sheet` from `startRow` (the body below the header, by default) equal `rows`,
 * writing only the span of rows that differ: one `setValues` for that span, one `clearContent`
 * if the table shrank. Returns the number of rows written.
 */
export function syncTableBody(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  current: Row[],
  rows: Row[],
  width: number,
  startRow = 2,
): number {
  let first = -1;
  let last = -1;
  const span = Math.max(current.length, rows.length);
  for (let r = 0; r < span; r++) {
    const before = current[r];
    const after = rows[r];
    if (before === after) continue; // a row carried over unchanged by a partial projection
    let differs = !before || !after;
    for (let c = 0; !differs && c < width; c++) differs = !sameCell(before![c], after![c]);
    if (differs) {
      if (first < 0) first = r;
      last = r;
    }
  }
  if (first < 0) return 0;
  const writeTo = Math.min(last, rows.length - 1);
  if (writeTo >= first) {
    const block = safeRows(rows.slice(first, writeTo + 1), width);
    ensureRows(sheet, startRow - 1 + rows.length);
    sheet.getRange(startRow + first, 1, block.length, width).setValues(block);
  }
  if (current.length > rows.length) {
    sheet.getRange(startRow + rows.length, 1, current.length - rows.length, width).clearContent();
  }
  return Math.max(0, writeTo - first + 1);
}

/** Rows added beyond the need when a tab grows: tabs filled a few rows at a time grow rarely. */
const GROW_ROWS = 500;

/** Grows the sheet so it has at least `needed` rows (a write past the last row fails in Sheets). */
export function ensureRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, needed: number): void {
  const max = sheet.getMaxRows();
  if (max < needed) sheet.insertRowsAfter(max, needed - max + GROW_ROWS);
}

/** Appends rows below the last row in one `setValues`. */
export function appendRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  rows: Row[],
  width: number,
): void {
  if (rows.length === 0) return;
  const start = sheet.getLastRow() + 1;
  ensureRows(sheet, start + rows.length - 1);
  sheet.getRange(start, 1, rows.length, width).setValues(safeRows(rows, width));
}

/** A dropdown rule: only one of `values` may be entered (shown as a list). */
export function listValidation(
  values: readonly string[],
): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList([...values], true)
    .setAllowInvalid(false)
    .build();
}
