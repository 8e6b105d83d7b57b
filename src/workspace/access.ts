/**
 * Who may act: centre staff listed in «Настройки», or the spreadsheet's owner. Every public
 * function that changes data, makes documents or sends mail checks this first, because any editor
 * of the spreadsheet can call a public function through google.script.run.
 */
import type { Settings } from '../domain/settings';
import { readSettings } from './master';
import { SIDEBAR_RU } from '../i18n/ru/sidebar';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The spreadsheet and settings, once the caller is known to be staff; throws in Russian otherwise. */
export function requireStaff(): { spreadsheet: Spreadsheet; settings: Settings } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const email = Session.getActiveUser().getEmail().trim().toLowerCase();
  if (email === '') throw new Error(SIDEBAR_RU.noAccess(''));
  const settings = readSettings(spreadsheet);
  if (settings.staff.includes(email)) return { spreadsheet, settings };
  const owner = spreadsheet.getOwner();
  if (owner && owner.getEmail().trim().toLowerCase() === email) return { spreadsheet, settings };
  // A file on a shared drive has no owner: until staff are listed, any editor may set them up,
  // otherwise nobody could ever fill the list from the sidebar.
  if (!owner && settings.staff.length === 0) return { spreadsheet, settings };
  throw new Error(SIDEBAR_RU.noAccess(email));
}
