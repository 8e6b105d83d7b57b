/**
 * The grouped derived tabs («Участники», «Приказы», «Отчёты ОУ», «Результаты») hold one contiguous
 * block of rows per ОУ, blocks in key order (domain/intake.ts `inGroupedOrder`). So a submit does
 * not read whole tabs: it reads the ОУ column of each, reads the block of the ОУ it touches and
 * rewrites that block, inserting or deleting rows when it grows or shrinks. A tab not in that
 * shape (written by an older version, or sorted by hand) makes `readGroupedIndex` return null,
 * and the caller runs the full projection, which writes every tab grouped again.
 */
import {
  canonicalPosition,
  comparePartitions,
  type Projection,
  type StaffColumns,
} from '../domain/intake';
import {
  COLUMN_FORMAT,
  columnIndex,
  ORDERS_SCHEMA,
  PARTICIPANTS_SCHEMA,
  REPORTS_SCHEMA,
  RESULTS_SCHEMA,
  toRow,
  type TabSchema,
} from '../domain/schema';
import { syncTableBody, type Row } from './table';
import { resultConfirmations } from './master';
import { tabSheet } from './sources';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Grouped {
  schoolKey: string;
  sourceResponseId: string;
}

export const GROUPED_SCHEMAS: readonly TabSchema<Grouped>[] = [
  PARTICIPANTS_SCHEMA,
  ORDERS_SCHEMA,
  REPORTS_SCHEMA,
  RESULTS_SCHEMA,
] as unknown as TabSchema<Grouped>[];

/** Which projection list fills which grouped tab. */
const PROJECTED: Record<string, (p: Projection) => Grouped[]> = {
  [PARTICIPANTS_SCHEMA.name]: (p) => p.participants,
  [ORDERS_SCHEMA.name]: (p) => p.orders,
  [REPORTS_SCHEMA.name]: (p) => p.reports,
  [RESULTS_SCHEMA.name]: (p) => p.results,
};

/** A grouped tab as a submit sees it: the ОУ key of every body row, the blocks read on demand. */
export interface GroupedTab {
  schema: TabSchema<Grouped>;
  sheet: Sheet;
  /** ОУ key of each body row; index 0 is sheet row 2. */
  keys: string[];
  /** Rows of the blocks read by `readBlocks`, by ОУ key. */
  blocks: Map<string, Row[]>;
  /** Body rows after `writeBlocks`. */
  length?: number;
}

function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** One column of the body as text, from row 2 down to the last non-empty cell (one read). */
function readColumn(sheet: Sheet, column: number): string[] {
  const letter = columnLetter(column);
  const values = sheet.getRange(`${letter}2:${letter}`).getValues();
  let length = values.length;
  while (length > 0 && values[length - 1]![0] === '') length--;
  const texts: string[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const value: unknown = values[i]![0];
    texts[i] = typeof value === 'string' ? value : String(value);
  }
  return texts;
}

/** Whether every body row has an ОУ key and each ОУ's rows form one block, blocks in key order. */
function isGrouped(keys: readonly string[]): boolean {
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === '') return false;
    if (i > 0 && keys[i] !== keys[i - 1] && comparePartitions(keys[i - 1]!, keys[i]!) >= 0) {
      return false;
    }
  }
  return true;
}

/** Reads the ОУ column of the grouped tabs named in `names`; null when one is missing or not grouped. */
export function readGroupedIndex(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  names: readonly string[],
  sheetOf: (
    spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    name: string,
  ) => Sheet | null = tabSheet,
): GroupedTab[] | null {
  const tabs: GroupedTab[] = [];
  for (const schema of GROUPED_SCHEMAS.filter((s) => names.includes(s.name))) {
    const sheet = sheetOf(spreadsheet, schema.name);
    if (!sheet) return null;
    const keys = readColumn(sheet, columnIndex(schema, 'schoolKey') + 1);
    if (!isGrouped(keys)) return null;
    tabs.push({ schema, sheet, keys, blocks: new Map() });
  }
  return tabs;
}

/** Where the block of `partition` is, or would be inserted: body indices [start, end). */
function blockOf(keys: readonly string[], partition: string): { start: number; end: number } {
  // The keys are grouped and in order (`isGrouped`): two binary searches.
  const firstAfter = (inclusive: boolean): number => {
    let [low, high] = [0, keys.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = comparePartitions(keys[middle]!, partition);
      if (order < 0 || (inclusive && order === 0)) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return { start: firstAfter(false), end: firstAfter(true) };
}

/** Reads the rows of the scope's blocks, one `getValues` per non-empty block. */
export function readBlocks(tabs: readonly GroupedTab[], scope: ReadonlySet<string>): void {
  for (const tab of tabs) {
    for (const partition of scope) {
      const { start, end } = blockOf(tab.keys, partition);
      const rows =
        end > start
          ? (tab.sheet
              .getRange(start + 2, 1, end - start, tab.schema.columns.length)
              .getValues() as Row[])
          : [];
      tab.blocks.set(partition, rows);
    }
  }
}

/** Confirmed results among the blocks read: staff ticks survive the re-projection. */
export function confirmedResults(tabs: readonly GroupedTab[]): StaffColumns['resultConfirmed'] {
  const results = tabs.find((t) => t.schema.name === RESULTS_SCHEMA.name);
  return resultConfirmations(results ? [...results.blocks.values()].flat() : []);
}

/**
 * Replaces the scope's blocks by the projected rows, tab by tab, from the bottom up so that the
 * row numbers of blocks not yet written stay valid. Returns rows written per tab.
 */
export function writeBlocks(
  tabs: readonly GroupedTab[],
  projection: Projection,
  scope: ReadonlySet<string>,
): Record<string, number> {
  const written: Record<string, number> = {};
  for (const tab of tabs) {
    const width = tab.schema.columns.length;
    const fresh = new Map<string, Row[]>();
    for (const record of PROJECTED[tab.schema.name]!(projection)) {
      const rows = fresh.get(record.schoolKey) ?? [];
      rows.push(toRow(tab.schema, record) as Row);
      fresh.set(record.schoolKey, rows);
    }
    const order = [...scope]
      .map((partition) => ({ partition, ...blockOf(tab.keys, partition) }))
      .sort((a, b) => b.start - a.start || comparePartitions(b.partition, a.partition));
    let length = tab.keys.length;
    let count = 0;
    for (const { partition, start, end } of order) {
      const before = tab.blocks.get(partition) ?? [];
      const after = fresh.get(partition) ?? [];
      const firstRow = start + 2;
      if (end === length) {
        // The last block: the rows below it are blank, so it grows or shrinks in place.
        count += syncTableBody(tab.sheet, before, after, width, firstRow);
      } else {
        const delta = after.length - before.length;
        if (delta > 0) {
          tab.sheet.insertRowsBefore(firstRow + before.length, delta);
          // Right under the header the new rows might take the header's formats: set the
          // column formats again, so «5.4» typed as a class stays text.
          if (firstRow + before.length === 2) {
            const formats = tab.schema.columns.map((c) => COLUMN_FORMAT[c.kind]);
            tab.sheet
              .getRange(2, 1, delta, width)
              .setNumberFormats(Array.from({ length: delta }, () => formats.slice()));
          }
        }
        if (delta < 0) tab.sheet.deleteRows(firstRow + after.length, -delta);
        count += syncTableBody(tab.sheet, before.slice(0, after.length), after, width, firstRow);
      }
      length += after.length - before.length;
    }
    tab.length = length;
    written[tab.schema.name] = count;
  }
  return written;
}

/**
 * Whether a grouped tab is as the app wrote it, as far as two columns tell: every body row has an
 * ОУ, blocks in key order, rows of a block in answer order, and `expected` rows (the daily run's
 * check for a row deleted, a tab sorted or a blank row typed in by hand; two reads).
 */
export function groupedTabIntact(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  schema: TabSchema<Grouped>,
  expected: number,
  sheetOf: (
    spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    name: string,
  ) => Sheet | null = tabSheet,
): boolean {
  const sheet = sheetOf(spreadsheet, schema.name);
  if (!sheet) return false;
  const keys = readColumn(sheet, columnIndex(schema, 'schoolKey') + 1);
  if (keys.length !== expected || !isGrouped(keys)) return false;
  const sources = readColumn(sheet, columnIndex(schema, 'sourceResponseId') + 1);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i] !== keys[i - 1]) continue;
    if (canonicalPosition(sources[i - 1] ?? '') > canonicalPosition(sources[i] ?? '')) return false;
  }
  return true;
}
