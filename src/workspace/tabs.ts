/**
 * Tabs of the master: created or repaired with their header, frozen header row and filter. Every
 * tab is protected (protections.ts): staff and the owner edit the staff-owned tabs and the staff
 * columns of derived ones; nobody else edits any.
 */
import { ensureRows, ensureSheet } from './table';

export type TabOwner = 'staff' | 'derived' | 'derived+staff';

export interface TabSpec {
  name: string;
  owner: TabOwner;
  header: string[];
  formats: string[];
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
  if (sheet.getFrozenRows() !== 1) {
    sheet.setFrozenRows(1);
    changed = true;
  }
  if (!sheet.getFilter()) {
    sheet.getRange(1, 1, Math.max(sheet.getMaxRows(), 2), width).createFilter();
    changed = true;
  }
  return { sheet, changed };
}
