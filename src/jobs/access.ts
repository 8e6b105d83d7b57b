/**
 * Access kept in order by every set-up, settings save and daily run: the staff list typed into
 * «Настройки» by anyone but through the sidebar is put back (and journaled), and every tab's
 * protection lists exactly the staff and the app's account.
 */
import { settingToCell, type Settings } from '../domain/settings';
import { INDEX_TAB, SETTINGS_TAB } from '../domain/schema';
import { TABS } from '../domain/formRegistry';
import { FORMS } from '../domain/forms';
import { savedStaff, saveStaff } from '../workspace/access';
import { readTable, safeRows } from '../workspace/table';
import {
  responseSheet,
  formIdOf,
  responsesTabKey,
  spreadsheetIdOf,
  tabSheet,
} from '../workspace/sources';
import { syncProtections, type ProtectedTab } from '../workspace/protections';
import type { JournalEntry } from '../workspace/journal';
import { RELIABILITY_RU } from '../i18n/ru/reliability';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Puts the saved staff list back into «Настройки» if the cell differs (the first run adopts the
 * cell, there being nothing saved yet), then syncs the protections. Returns journal entries. A
 * list that cannot be read — saved, or in the cell before the first save — is never adopted nor
 * written over: the protections list nobody but the owner and the app until staff save a list.
 */
export function enforceAccess(
  spreadsheet: Spreadsheet,
  settings: Settings,
  onlyIfChanged: boolean,
  cellStaffReadable = true,
): JournalEntry[] {
  const entries: JournalEntry[] = [];
  const saved = savedStaff();
  let staff: string[];
  if (saved === 'unreadable' || (saved === null && !cellStaffReadable)) {
    staff = [];
    entries.push({
      at: new Date(),
      job: 'access',
      outcome: 'warning',
      details: RELIABILITY_RU.access.unreadable,
    });
  } else if (saved === null) {
    staff = settings.staff;
    saveStaff(staff);
  } else {
    staff = saved;
    if (!sameList(staff, settings.staff)) {
      writeStaffCell(spreadsheet, { ...settings, staff });
      entries.push({
        at: new Date(),
        job: 'access',
        outcome: 'ok',
        details: RELIABILITY_RU.access.reverted(settings.staff.join(', '), staff.join(', ')),
      });
    }
  }
  syncProtections(protectedSheets(spreadsheet), staff, onlyIfChanged, spreadsheetIdOf(spreadsheet));
  return entries;
}

/** Every tab the app protects: its own tabs and the forms' response sheets. */
export function protectedSheets(spreadsheet: Spreadsheet): ProtectedTab[] {
  const tabs: ProtectedTab[] = TABS.map((tab) => ({
    key: tab.name,
    owner: tab.owner === 'staff' ? 'staff' : 'derived',
    sheet: () => tabSheet(spreadsheet, tab.name),
  }));
  // The hidden index of answers (written by the projection, checked by every submit).
  tabs.push({ key: INDEX_TAB, owner: 'derived', sheet: () => tabSheet(spreadsheet, INDEX_TAB) });
  for (const form of FORMS) {
    tabs.push({
      key: responsesTabKey(form.kind),
      owner: 'derived',
      sheet: () => responseSheet(spreadsheet, form, formIdOf(form.kind)),
    });
  }
  return tabs;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((e, i) => e === y[i]);
}

/** Writes the staff row of «Настройки» (one read, one write). */
export function writeStaffCell(spreadsheet: Spreadsheet, settings: Settings): void {
  const sheet = tabSheet(spreadsheet, SETTINGS_TAB);
  if (!sheet) return;
  const rows = readTable(sheet).rows;
  const index = rows.findIndex((row) => String(row[2] ?? '').trim() === 'staff');
  if (index < 0) return;
  sheet.getRange(index + 2, 2).setValues(safeRows([[settingToCell('staff', settings)]], 1));
}
