/**
 * Tabs of the master: created or repaired with their header, frozen header row, filter and,
 * for derived tabs, a protection so that only the app and the owner edit them.
 */
import { ensureRows, ensureSheet } from './table';
import { SETUP_RU } from '../i18n/ru/setup';

export type TabOwner = 'staff' | 'derived' | 'derived+staff';

export interface TabSpec {
  name: string;
  owner: TabOwner;
  header: string[];
  formats: string[];
}

/** Repairs one tab; returns true if anything was changed. */
export function ensureTab(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  spec: TabSpec,
  existingNames: Set<string>,
): boolean {
  let changed = false;
  if (!existingNames.has(spec.name)) changed = true;
  const sheet = ensureSheet(spreadsheet, spec.name);
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
  if (
    spec.owner !== 'staff' &&
    sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0
  ) {
    const protection = sheet.protect().setDescription(SETUP_RU.protection(spec.name));
    // Owners and the app's effective user keep edit rights; everyone else is removed.
    protection.addEditor(Session.getEffectiveUser());
    protection.removeEditors(
      protection.getEditors().filter((u) => u.getEmail() !== Session.getEffectiveUser().getEmail()),
    );
    changed = true;
  }
  return changed;
}
