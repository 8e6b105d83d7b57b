/**
 * Tabs of the master: created or repaired with their header, frozen header row and filter. Every
 * tab is protected (protections.ts): staff and the owner edit the staff-owned tabs and the staff
 * columns of derived ones; nobody else edits any.
 */
import { matchKey } from '../domain/text/clean';
import { ensureRows, ensureSheet } from './table';

export type TabOwner = 'staff' | 'derived' | 'derived+staff';

export interface TabSpec {
  name: string;
  owner: TabOwner;
  header: string[];
  formats: string[];
  /**
   * A staff tab read by its headers: a column missing from a tab in use is appended after the
   * last one; the header staff laid out is never rewritten, their columns never move.
   */
  appendColumns?: boolean;
}

/**
 * Appends the columns of `spec` missing from a staff tab's header after its last column, with
 * their formats; widens the filter over them. Returns whether anything was appended; false when
 * the tab has no header yet (the caller lays it out).
 */
function appendMissingColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  spec: TabSpec,
): boolean | null {
  const last = sheet.getLastColumn();
  if (last === 0) return null;
  const current = sheet.getRange(1, 1, 1, last).getValues()[0] ?? [];
  if (current.every((c) => String(c).trim() === '')) return null;
  const present = new Set(current.map((c) => matchKey(c)));
  const missing = spec.header
    .map((title, i) => ({ title, format: spec.formats[i] ?? '@' }))
    .filter((c) => !present.has(matchKey(c.title)));
  if (missing.length === 0) return false;
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < last + missing.length)
    sheet.insertColumnsAfter(maxColumns, last + missing.length - maxColumns);
  sheet
    .getRange(1, last + 1, 1, missing.length)
    .setValues([missing.map((c) => c.title)])
    .setFontWeight('bold');
  ensureRows(sheet, 2);
  const rows = sheet.getMaxRows() - 1;
  sheet
    .getRange(2, last + 1, rows, missing.length)
    .setNumberFormats(Array.from({ length: rows }, () => missing.map((c) => c.format)));
  const filter = sheet.getFilter();
  if (filter) {
    filter.remove();
    sheet.getRange(1, 1, Math.max(sheet.getMaxRows(), 2), last + missing.length).createFilter();
  }
  return true;
}

/** Repairs one tab; returns it and whether anything was changed. */
export function ensureTab(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  spec: TabSpec,
  existingNames: Set<string>,
): { sheet: GoogleAppsScript.Spreadsheet.Sheet; changed: boolean } {
  let changed = false;
  const sheet = ensureSheet(spreadsheet, spec.name);
  if (!existingNames.has(sheet.getName())) changed = true;
  if (spec.appendColumns) {
    const appended = appendMissingColumns(sheet, spec);
    // A tab in use: its layout is the staff's; only the frozen header row and a filter are ours.
    if (appended !== null) return { sheet, changed: finishTab(sheet, spec, changed || appended) };
  }
  const width = spec.header.length;
  const current = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  if (spec.header.some((title, i) => current[i] !== title)) {
    sheet.getRange(1, 1, 1, width).setValues([spec.header]).setFontWeight('bold');
    changed = true;
  }
  // Column formats, checked on the first data row: new rows inherit them when the sheet grows.
  ensureRows(sheet, 2);
  const formats = sheet.getRange(2, 1, 1, width).getNumberFormats()[0] ?? [];
  if (spec.formats.some((f, i) => formats[i] !== f)) {
    const rows = sheet.getMaxRows() - 1;
    sheet
      .getRange(2, 1, rows, width)
      .setNumberFormats(Array.from({ length: rows }, () => spec.formats.slice()));
    changed = true;
  }
  return { sheet, changed: finishTab(sheet, spec, changed) };
}

/** The frozen header row and a filter over the header's columns. */
function finishTab(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  spec: TabSpec,
  changed: boolean,
): boolean {
  if (sheet.getFrozenRows() !== 1) {
    sheet.setFrozenRows(1);
    changed = true;
  }
  if (!sheet.getFilter()) {
    const width = Math.max(spec.header.length, sheet.getLastColumn());
    sheet.getRange(1, 1, Math.max(sheet.getMaxRows(), 2), width).createFilter();
    changed = true;
  }
  return changed;
}
