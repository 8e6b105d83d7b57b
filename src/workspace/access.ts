/**
 * Who may act: centre staff, or the spreadsheet's owner. Every public function that changes data,
 * makes documents or sends mail checks this first, because any editor of the spreadsheet can call
 * a public function through google.script.run. The staff list that decides is the one staff last
 * saved through the sidebar (kept in document properties); «Настройки» shows it, and a change typed
 * there by anyone is put back by the next run (jobs/access.ts) — so editing a cell grants nothing.
 */
import { isEmailAddress, type Settings, type SettingsResult } from '../domain/settings';
import { readSettingsChecked } from './master';
import { PROPERTY_KEYS, readProperty, writeProperty } from './properties';
import { SIDEBAR_RU } from '../i18n/ru/sidebar';
import { activeSpreadsheet, activeUserEmail } from './session';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The staff list as last saved by staff: `null` before the first save (older deployments),
 * `'unreadable'` when what is stored is not a list of addresses — which then lets nobody in but
 * the owner (fail closed: a broken list never means "anyone").
 */
export function savedStaff(): string[] | null | 'unreadable' {
  const text = readProperty(PROPERTY_KEYS.staff);
  if (text === null) return null;
  try {
    const list: unknown = JSON.parse(text);
    if (!Array.isArray(list)) return 'unreadable';
    const emails = list.map((e) => (typeof e === 'string' ? e.trim().toLowerCase() : ''));
    return emails.every(isEmailAddress) ? emails : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Records the staff list (the caller holds the lock and is staff). */
export function saveStaff(staff: readonly string[]): void {
  writeProperty(PROPERTY_KEYS.staff, JSON.stringify(staff.map((e) => e.toLowerCase())));
}

/** Who is staff: the list, or — when no list can be read — nobody but the owner. */
export interface StaffAccess {
  staff: string[];
  /** The list could not be read (the saved one, or the cell before anything was saved). */
  ownerOnly: boolean;
}

/**
 * The staff list that decides: the saved one, else (never saved yet) the one in «Настройки»; an
 * unreadable one — saved or, before the first save, in the cell — means owner only.
 */
export function staffAccess(cell: { settings: Settings; staffReadable: boolean }): StaffAccess {
  const saved = savedStaff();
  if (saved === 'unreadable') return { staff: [], ownerOnly: true };
  if (saved !== null) return { staff: saved, ownerOnly: false };
  return cell.staffReadable
    ? { staff: cell.settings.staff, ownerOnly: false }
    : { staff: [], ownerOnly: true };
}

/** The staff list that decides, for jobs that need the addresses (alerts, protections). */
export function staffOf(settings: Settings): string[] {
  const saved = savedStaff();
  if (saved === 'unreadable') return [];
  return saved ?? settings.staff;
}

/**
 * Who stands in for the owner: the spreadsheet's owner; on a shared drive (no owner) the account
 * that installed the triggers — the one the app runs as — so that a broken staff list locks out
 * everyone but one known person, never lets everyone in.
 */
function ownerEmail(spreadsheet: Spreadsheet): string {
  const owner = spreadsheet.getOwner();
  if (owner) return owner.getEmail().trim().toLowerCase();
  return (readProperty(PROPERTY_KEYS.triggersOwner) ?? '').trim().toLowerCase();
}

/** The spreadsheet and settings, once the caller is known to be staff; throws in Russian otherwise. */
export function requireStaff(): {
  spreadsheet: Spreadsheet;
  settings: Settings;
  ownerOnly: boolean;
  /** Values of «Настройки» that were not accepted (their defaults are in `settings`). */
  refused: SettingsResult['errors'];
} {
  const spreadsheet = activeSpreadsheet();
  const email = activeUserEmail().trim().toLowerCase();
  if (email === '') throw new Error(SIDEBAR_RU.noAccess(''));
  const cell = readSettingsChecked(spreadsheet);
  const { staff, ownerOnly } = staffAccess({
    settings: cell.settings,
    staffReadable: cell.errors.staff === undefined,
  });
  const settings = { ...cell.settings, staff };
  const granted = { spreadsheet, settings, ownerOnly, refused: cell.errors };
  if (staff.includes(email)) return granted;
  const owner = ownerEmail(spreadsheet);
  if (owner !== '' && owner === email) return granted;
  // A file on a shared drive has no owner: until staff are listed (and nothing is broken), any
  // editor may set them up, otherwise nobody could ever fill the list from the sidebar.
  if (!ownerOnly && owner === '' && staff.length === 0) return granted;
  throw new Error(ownerOnly ? SIDEBAR_RU.staffUnreadable(email) : SIDEBAR_RU.noAccess(email));
}
