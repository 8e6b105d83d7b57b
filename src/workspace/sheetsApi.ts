/**
 * The Sheets advanced service (API v4, enabled in appsscript.json as `Sheets`): the only module
 * that touches it. It reads many ranges of the master in one call and writes many in one call,
 * where SpreadsheetApp needs two or three calls per range. Ranges are addressed by sheet id
 * (GridRange data filters), never by a tab's name, so a tab staff renamed is still found.
 *
 * Values come unformatted, dates as serial numbers: the caller names the columns that hold dates
 * (a number there is a date), and dates go back as serial numbers, which a date-formatted column
 * shows as dates. Serial numbers count days in the spreadsheet's time zone, which setupSystem sets
 * to Moscow; Moscow has kept UTC+3 since 2014, so the fixed offset the domain uses holds for every
 * date the app writes.
 */
import { MSK_OFFSET_MS } from '../domain/text/dates';
import { safeRows, type Row } from './table';

const DAY_MS = 86_400_000;
/** Serial number of 1970-01-01 (serial numbers count from 1899-12-30). */
const UNIX_EPOCH_SERIAL = 25_569;

/** A rectangle of one tab by sheet id: 0-based rows and columns, end exclusive, open when absent. */
export interface GridArea {
  sheetId: number;
  startRow: number;
  endRow?: number;
  startColumn?: number;
  endColumn?: number;
}

/** One range to read and which of its columns (0-based within it) hold dates. */
export interface GridRead extends GridArea {
  dateColumns?: readonly number[];
}

/** Whether the manifest enables the service (the intake falls back to SpreadsheetApp without it). */
export function sheetsApiAvailable(): boolean {
  return typeof Sheets !== 'undefined' && Sheets !== null;
}

function service(): GoogleAppsScript.Sheets {
  if (!sheetsApiAvailable()) throw new Error('Sheets advanced service is not enabled');
  return Sheets!;
}

/** A date as a serial number of the Moscow calendar. */
export function toSerial(date: Date): number {
  return (date.getTime() + MSK_OFFSET_MS) / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** The instant a serial number of the Moscow calendar stands for, to the millisecond. */
export function fromSerial(serial: number): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS) - MSK_OFFSET_MS);
}

function gridRange(area: GridArea): GoogleAppsScript.Sheets.Schema.GridRange {
  const range: GoogleAppsScript.Sheets.Schema.GridRange = {
    sheetId: area.sheetId,
    startRowIndex: area.startRow,
  };
  if (area.endRow !== undefined) range.endRowIndex = area.endRow;
  if (area.startColumn !== undefined) range.startColumnIndex = area.startColumn;
  if (area.endColumn !== undefined) range.endColumnIndex = area.endColumn;
  return range;
}

/**
 * Reads the ranges in one call. Each comes back as `getValues` would give it, except that empty
 * trailing rows and columns are left out (the API's way): rows are padded to the range's width
 * when it is bounded, and a bounded range is padded with blank rows to its height.
 */
export function readRanges(spreadsheetId: string, ranges: readonly GridRead[]): Row[][] {
  if (ranges.length === 0) return [];
  const response = service().Spreadsheets!.Values!.batchGetByDataFilter(
    {
      dataFilters: ranges.map((r) => ({ gridRange: gridRange(r) })),
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
      majorDimension: 'ROWS',
    },
    spreadsheetId,
  );
  const matched = response.valueRanges ?? [];
  return ranges.map((range, i) => {
    const values = (matched[i]?.valueRange?.values ?? []) as unknown[][];
    const width =
      range.endColumn !== undefined ? range.endColumn - (range.startColumn ?? 0) : undefined;
    const height = range.endRow !== undefined ? range.endRow - range.startRow : values.length;
    const rows: Row[] = [];
    for (let r = 0; r < height; r++) {
      const source = values[r] ?? [];
      const row = source.slice() as Row;
      if (width !== undefined) for (let c = row.length; c < width; c++) row.push('');
      for (const c of range.dateColumns ?? []) {
        const v = row[c];
        if (typeof v === 'number') row[c] = fromSerial(v);
      }
      rows.push(row);
    }
    return rows;
  });
}

/** One block of values to write at a range's top-left cell. */
export interface GridWrite {
  sheetId: number;
  startRow: number;
  startColumn?: number;
  rows: Row[];
  width: number;
}

/**
 * Writes the blocks in one call, as `setValues` would (text parsed as typed, after the formula
 * guard; dates as serial numbers); nothing is written when one block is refused.
 */
export function writeRanges(spreadsheetId: string, writes: readonly GridWrite[]): void {
  const data = writes
    .filter((w) => w.rows.length > 0)
    .map((w) => ({
      dataFilter: {
        gridRange: gridRange({
          sheetId: w.sheetId,
          startRow: w.startRow,
          endRow: w.startRow + w.rows.length,
          startColumn: w.startColumn ?? 0,
          endColumn: (w.startColumn ?? 0) + w.width,
        }),
      },
      majorDimension: 'ROWS',
      values: safeRows(w.rows, w.width).map((row) =>
        row.map((cell) => (cell instanceof Date ? toSerial(cell) : cell)),
      ),
    }));
  if (data.length === 0) return;
  service().Spreadsheets!.Values!.batchUpdateByDataFilter(
    { valueInputOption: 'USER_ENTERED', data },
    spreadsheetId,
  );
}

/** Rows inserted into or deleted from a tab (0-based row index of the first). */
export type RowChange =
  | { kind: 'insert'; sheetId: number; at: number; count: number; inheritFromBefore: boolean }
  | { kind: 'delete'; sheetId: number; at: number; count: number };

/** Applies row insertions and deletions in one call, in the order given. */
export function changeRows(spreadsheetId: string, changes: readonly RowChange[]): void {
  if (changes.length === 0) return;
  service().Spreadsheets!.batchUpdate(
    {
      requests: changes.map((c) => {
        const range = {
          sheetId: c.sheetId,
          dimension: 'ROWS',
          startIndex: c.at,
          endIndex: c.at + c.count,
        };
        return c.kind === 'insert'
          ? { insertDimension: { range, inheritFromBefore: c.inheritFromBefore } }
          : { deleteDimension: { range } };
      }),
    },
    spreadsheetId,
  );
}

/** A tab's whole-sheet protection as the API lists it (editors lower-cased). */
export interface SheetProtection {
  editors: string[];
  domainEdit: boolean;
  warningOnly: boolean;
}

/**
 * The whole-sheet protection of every tab by sheet id, in one call (null: none on that tab). A
 * protection listed without its editors (the API leaves them out for one who cannot edit it)
 * comes back with none, so it never looks as wanted.
 */
export function sheetProtections(spreadsheetId: string): Map<number, SheetProtection | null> {
  const response = service().Spreadsheets!.get(spreadsheetId, {
    fields: 'sheets(properties(sheetId),protectedRanges(range,editors,warningOnly))',
  });
  const out = new Map<number, SheetProtection | null>();
  for (const sheet of response.sheets ?? []) {
    const id = sheet.properties?.sheetId;
    if (id === undefined || id === null) continue;
    // A whole-sheet protection's range names the sheet only.
    const whole = (sheet.protectedRanges ?? []).find(
      (p) =>
        p.range?.startRowIndex === undefined &&
        p.range?.endRowIndex === undefined &&
        p.range?.startColumnIndex === undefined &&
        p.range?.endColumnIndex === undefined,
    );
    out.set(
      id,
      whole
        ? {
            editors: (whole.editors?.users ?? []).map((u) => u.toLowerCase()),
            domainEdit: whole.editors?.domainUsersCanEdit === true,
            warningOnly: whole.warningOnly === true,
          }
        : null,
    );
  }
  return out;
}
