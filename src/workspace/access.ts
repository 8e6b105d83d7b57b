/**
 * Who may act: centre staff, or the spreadsheet's owner. Every public function that changes data,
 * makes documents or sends mail checks this first, because any editor of the spreadsheet can call
 * a public function through google.script.run. The staff list that decides is the one staff last
 * saved through the sidebar (kept in document properties); «Настройки» shows it, and a change typed
 * there by anyone is put back by the next run (jobs/access.ts) — so editing a cell grants nothing.
 */
import type { Settings } from '../domain/settings';
import { readSettings } from './master';
import { PROPERTY_KEYS, readJsonProperty, writeProperty } from './properties';
import { SIDEBAR_RU } from '../i18n/ru/sidebar';
import { activeSpreadsheet, activeUserEmail } from './session';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The staff list as last saved by staff, or null before the first save (older deployments). */
export function savedStaff(): string[] | null {
  const list = readJsonProperty<unknown>(PROPERTY_KEYS.staff);
  return Array.isArray(list) ? list.map((e) => String(e).toLowerCase()) : null;
}

/** Records the staff list (the caller holds the lock and is staff). */
export function saveStaff(staff: readonly string[]): void {
  writeProperty(PROPERTY_KEYS.staff, JSON.stringify(staff.map((e) => e.toLowerCase())));
}

/** The staff list that decides: the saved one, else (never saved yet) the one in «Настройки». */
export function staffOf(settings: Settings): string[] {
  return savedStaff() ?? settings.staff;
}

/** The spreadsheet and settings, once the caller is known to be staff; throws in Russian otherwise. */
export function requireStaff(): { spreadsheet: Spreadsheet; settings: Settings } {
  const spreadsheet = activeSpreadsheet();
  const email = activeUserEmail().trim().toLowerCase();
  if (email === '') throw new Error(SIDEBAR_RU.noAccess(''));
  const cell = readSettings(spreadsheet);
  const staff = staffOf(cell);
  const settings = { ...cell, staff };
  if (staff.includes(email)) return { spreadsheet, settings };
  const owner = spreadsheet.getOwner();
  if (owner && owner.getEmail().trim().toLowerCase() === email) return { spreadsheet, settings };
  // A file on a shared drive has no owner: until staff are listed, any editor may set them up,
  // otherwise nobody could ever fill the list from the sidebar.
  if (!owner && staff.length === 0) return { spreadsheet, settings };
  throw new Error(SIDEBAR_RU.noAccess(email));
}
