/**
 * Drive that heals: the app's folders are found by id (workspace/drive.ts), and a folder found in
 * the trash is restored with its files, one gone for good made again. This module checks the
 * folders every day — the root, «Банк приказов», the notes — journals every repair any job made,
 * and keeps the recent ones for the sidebar's health.
 */
import { ORDER_BANK_FOLDER } from '../workspace/orderFiles';
import {
  drainFolderRepairs,
  folderAt,
  folderRecorded,
  hasFolderRepairs,
  type FolderRepair,
} from '../workspace/drive';
import { writeJournal, type JournalEntry } from '../workspace/journal';
import { PROPERTY_KEYS, readJsonProperty, writeProperty } from '../workspace/properties';
import { DAILY_RU } from '../i18n/ru/daily';
import { OUTPUTS_RU } from '../i18n/ru/outputs';
import { formatDateNumeric } from '../domain/text/dates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Repairs kept for the sidebar. */
const KEPT = 20;

interface StoredRepair extends FolderRepair {
  at: string;
}

/**
 * Looks at the folders every run relies on (a few calls): a trashed one is restored, a deleted one
 * made again; true if anything was repaired. The ОУ folders of the bank are looked at by every
 * order-file catch-up (each full projection: weekly at least) and whenever a file goes into them.
 */
export function checkFolders(root: string): boolean {
  for (const path of [
    [root, ORDER_BANK_FOLDER],
    [root, OUTPUTS_RU.note.notesFolder],
  ]) {
    // Only folders the app has made: one not needed yet is not made by a check.
    if (folderRecorded(path)) folderAt(path);
  }
  return hasFolderRepairs();
}

/** Journal rows for the repairs made in this execution; remembers them for the sidebar. */
export function folderRepairEntries(): JournalEntry[] {
  const repairs = drainFolderRepairs();
  if (repairs.length === 0) return [];
  const now = new Date();
  const stored = readJsonProperty<StoredRepair[]>(PROPERTY_KEYS.driveRepairs) ?? [];
  const kept = [
    ...(Array.isArray(stored) ? stored : []),
    ...repairs.map((r) => ({ ...r, at: now.toISOString() })),
  ].slice(-KEPT);
  writeProperty(PROPERTY_KEYS.driveRepairs, JSON.stringify(kept));
  return repairs.map((r) => ({
    at: now,
    job: 'Google Диск',
    outcome: 'warning' as const,
    details: DAILY_RU.folderRepaired(r.path, r.action),
  }));
}

/** Writes the repairs of this execution to «Журнал» at once. */
export function journalFolderRepairs(spreadsheet: Spreadsheet): void {
  const entries = folderRepairEntries();
  if (entries.length > 0) writeJournal(spreadsheet, entries);
}

/** Lines for the sidebar: folder repairs of the last `days` days, newest first. */
export function folderRepairLines(now: Date, days = 45): string[] {
  const stored = readJsonProperty<StoredRepair[]>(PROPERTY_KEYS.driveRepairs);
  if (!Array.isArray(stored)) return [];
  const since = now.getTime() - days * 24 * 3600 * 1000;
  return stored
    .filter(
      (r) =>
        typeof r?.path === 'string' &&
        (r.action === 'restored' || r.action === 'recreated') &&
        new Date(r.at).getTime() >= since,
    )
    .reverse()
    .map((r) => DAILY_RU.folderLine(r.path, r.action, formatDateNumeric(new Date(r.at))));
}
