/**
 * The hidden tab «Индекс ответов» (domain/responseIndex.ts says what it holds): found by its
 * recorded id, made by the first full projection, protected like the other derived tabs, written
 * whole by a full projection (only the lines that differ) and line by line by a submit.
 */
import { INDEX_TAB } from '../domain/schema';
import { INDEX_HEADER, parseIndex, type ResponseIndex } from '../domain/responseIndex';
import { ensureSheet, readTable, syncTableBody, type Row } from './table';
import { tabSheet } from './sources';
import { protectSheet, protectionEditors } from './protections';
import { savedStaff } from './access';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The index as read: its sheet, its lines (header left out) and what they say (null if unreadable). */
export interface IndexTab {
  sheet: Sheet;
  lines: Row[];
  index: ResponseIndex | null;
}

/** Reads the index tab (one read); null when there is none yet. */
export function readIndexTab(spreadsheet: Spreadsheet): IndexTab | null {
  const sheet = tabSheet(spreadsheet, INDEX_TAB);
  if (!sheet) return null;
  const lines = readTable(sheet).rows;
  return { sheet, lines, index: parseIndex(lines) };
}

/**
 * Writes the index lines (sorted, `#` first), touching only the lines that differ; makes the tab
 * (hidden, every column plain text, protected) the first time. The caller holds the lock.
 */
export function writeIndexTab(
  spreadsheet: Spreadsheet,
  current: IndexTab | null,
  lines: Row[],
): void {
  const sheet = current?.sheet ?? indexSheet(spreadsheet);
  syncTableBody(sheet, current?.lines ?? [], lines, INDEX_HEADER.length);
}

function indexSheet(spreadsheet: Spreadsheet): Sheet {
  const found = tabSheet(spreadsheet, INDEX_TAB);
  if (found) return found;
  const sheet = ensureSheet(spreadsheet, INDEX_TAB);
  const width = INDEX_HEADER.length;
  sheet.getRange(1, 1, 1, width).setValues([INDEX_HEADER.slice()]);
  const rows = sheet.getMaxRows() - 1;
  sheet
    .getRange(2, 1, rows, width)
    .setNumberFormats(Array.from({ length: rows }, () => INDEX_HEADER.map(() => '@')));
  sheet.hideSheet();
  // An unreadable saved list protects the tab for the owner alone, as everywhere.
  const saved = savedStaff();
  protectSheet(sheet, protectionEditors(saved === 'unreadable' ? [] : (saved ?? [])), 'derived');
  return sheet;
}
