/**
 * Protections of the master's tabs. Edit access to a spreadsheet with a bound script is edit access
 * to the script, so the centre shares the master only with staff; protections are the second
 * line: every tab — staff-owned references and «Настройки», derived tabs with their staff columns,
 * the response sheets — lets exactly the staff list and the app's own account edit it (Google
 * always lets the owner). A protection that lists one person only would lock the other staff out
 * of statuses and confirmations; one that lists a stranger would let them in.
 */
import { sha256, toHex } from '../domain/hash';
import { SETUP_RU } from '../i18n/ru/setup';
import { PROPERTY_KEYS, readProperty, writeProperty } from './properties';
import { effectiveUserEmail } from './session';
import { sheetProtections, sheetsApiAvailable, type SheetProtection } from './sheetsApi';
import { recordedTabId } from './sources';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Whom a protection should list: the staff and the account the app runs as. */
export function protectionEditors(staff: readonly string[]): string[] {
  const me = effectiveUserEmail().trim().toLowerCase();
  return [...new Set([...staff.map((s) => s.toLowerCase()), me])].filter((e) => e !== '');
}

/** Makes the sheet's protection list exactly `editors`; returns true if anything changed. */
export function protectSheet(
  sheet: Sheet,
  editors: readonly string[],
  owner: 'staff' | 'derived',
): boolean {
  let changed = false;
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  const protection = existing ?? sheet.protect();
  if (!existing) {
    protection.setDescription(
      owner === 'staff'
        ? SETUP_RU.staffProtection(sheet.getName())
        : SETUP_RU.protection(sheet.getName()),
    );
    protection.setWarningOnly(false);
    changed = true;
  }
  if (protection.canDomainEdit()) {
    protection.setDomainEdit(false);
    changed = true;
  }
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  const add = editors.filter((e) => !current.includes(e));
  const remove = current.filter((e) => !editors.includes(e));
  if (add.length > 0) {
    protection.addEditors(add);
    changed = true;
  }
  if (remove.length > 0) {
    protection.removeEditors(remove);
    changed = true;
  }
  return changed;
}

/** Fingerprint of a staff list, to skip the sync when it has not changed. */
function staffFingerprint(editors: readonly string[]): string {
  return toHex(sha256(JSON.stringify([...editors].sort()))).slice(0, 16);
}

/** A tab the app protects, found only when its protection needs a look. */
export interface ProtectedTab {
  /** Its key among the recorded sheet ids: a tab's name, a response sheet's `responses.<kind>`. */
  key: string;
  owner: 'staff' | 'derived';
  sheet: () => Sheet | null;
}

/** Whether a protection the API listed is exactly what protectSheet would leave. */
function asWanted(listed: SheetProtection | null | undefined, editors: readonly string[]): boolean {
  if (!listed || listed.warningOnly || listed.domainEdit) return false;
  const have = new Set(listed.editors);
  return have.size === new Set(editors).size && editors.every((e) => have.has(e));
}

/**
 * Syncs the protections of `tabs` to the staff list; with `onlyIfChanged`, not when the list
 * equals the one last synced (saving the settings). With the Sheets service and the
 * spreadsheet's id, every protection is read in one call and only a tab whose protection is not
 * as wanted is visited (three calls or more each). Returns how many protections changed. The
 * caller holds the lock.
 */
export function syncProtections(
  tabs: readonly ProtectedTab[],
  staff: readonly string[],
  onlyIfChanged = false,
  spreadsheetId?: string,
): number {
  const editors = protectionEditors(staff);
  const fingerprint = staffFingerprint(editors);
  if (onlyIfChanged && readProperty(PROPERTY_KEYS.protectionsSynced) === fingerprint) return 0;
  let listed: Map<number, SheetProtection | null> | null = null;
  if (spreadsheetId !== undefined && sheetsApiAvailable()) {
    try {
      listed = sheetProtections(spreadsheetId);
    } catch {
      listed = null; // each tab is looked at instead
    }
  }
  let changed = 0;
  for (const tab of tabs) {
    const id = recordedTabId(tab.key);
    if (listed && id !== undefined && asWanted(listed.get(id), editors)) continue;
    const sheet = tab.sheet();
    if (sheet && protectSheet(sheet, editors, tab.owner)) changed++;
  }
  if (readProperty(PROPERTY_KEYS.protectionsSynced) !== fingerprint) {
    writeProperty(PROPERTY_KEYS.protectionsSynced, fingerprint);
  }
  return changed;
}
