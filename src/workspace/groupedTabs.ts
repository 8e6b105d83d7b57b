/**
 * The grouped derived tabs («Участники», «Приказы», «Отчёты ОУ», «Результаты») hold one contiguous
 * block of rows per ОУ, blocks in key order (domain/intake.ts `inGroupedOrder`). So a submit does
 * not read whole tabs: the index of answers (responseIndex.ts) says where its ОУ's block is, and
 * the submit rewrites that block, inserting or deleting rows when it grows or shrinks (jobs/
 * submit.ts). The daily run checks here that every tab is still in that shape.
 */
import { canonicalPosition, comparePartitions } from '../domain/intake';
import { columnIndex, type TabSchema } from '../domain/schema';
import type { Grouped } from '../domain/formRegistry';
import { tabSheet } from './sources';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export { GROUPED_SCHEMAS, type Grouped } from '../domain/formRegistry';

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
  return columnTexts(sheet.getRange(`${letter}2:${letter}`).getValues());
}

/** One column's cells (rows of one cell) as text, trailing blanks left out. */
export function columnTexts(values: readonly (readonly unknown[])[]): string[] {
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
  return groupedColumnsIntact(
    keys,
    readColumn(sheet, columnIndex(schema, 'sourceResponseId') + 1),
    expected,
  );
}

/** The check of groupedTabIntact on the two columns' body cells as text, trailing blanks left out. */
export function groupedColumnsIntact(
  keys: readonly string[],
  sources: readonly string[],
  expected: number,
): boolean {
  if (keys.length !== expected || !isGrouped(keys)) return false;
  for (let i = 1; i < keys.length; i++) {
    if (keys[i] !== keys[i - 1]) continue;
    if (canonicalPosition(sources[i - 1] ?? '') > canonicalPosition(sources[i] ?? '')) return false;
  }
  return true;
}
