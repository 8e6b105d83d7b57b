/**
 * Drive folders of the app: the root folder from settings and paths under it, made on demand and
 * found again by id — a folder staff renamed or moved is still the app's folder. The ids of the
 * first three levels (root; bank of orders, notes; an ОУ's folder in the bank, a school year) are
 * recorded in document properties. A recorded folder found in the trash is restored — with the
 * files Drive trashed along with it — and one deleted for good is made again; each such repair is
 * remembered (drainFolderRepairs) for «Журнал» and the sidebar's health.
 */
import { oneLine } from '../domain/text/clean';
import { PROPERTY_KEYS, readJsonProperty, writeProperty } from './properties';
import { holdsLock } from './lock';

type Folder = GoogleAppsScript.Drive.Folder;

/** Path levels whose folder ids are recorded (root, bank or notes, school year). */
const RECORDED_LEVELS = 3;

function recordedFolders(): Record<string, string> {
  return readJsonProperty<Record<string, string>>(PROPERTY_KEYS.folderIds) ?? {};
}

/** A folder of the app found in the trash or gone, and what was done. */
export interface FolderRepair {
  /** The path as the app names it ('Мониторинг/Банк приказов'). */
  path: string;
  action: 'restored' | 'recreated';
}

/** Repairs of this execution, not yet journaled. */
let repairs: FolderRepair[] = [];

/** Whether a repair was made since the last drain. */
export function hasFolderRepairs(): boolean {
  return repairs.length > 0;
}

/** The repairs made since the last call (and forgets them). */
export function drainFolderRepairs(): FolderRepair[] {
  const out = repairs;
  repairs = [];
  return out;
}

/** The folder of an id, in the trash or not; null if it is gone or not ours to see. */
function existing(id: string): Folder | null {
  try {
    return DriveApp.getFolderById(id);
  } catch {
    return null;
  }
}

/**
 * The folder with a recorded id: out of the trash if it was there (restoring a folder brings back
 * what Drive trashed with it — Folder.setTrashed, Drive's trashed / explicitlyTrashed), null if it
 * is gone for good or cannot be restored.
 */
function folderById(id: string | undefined, path: string): Folder | null {
  const folder = id ? existing(id) : null;
  if (!folder) return null;
  try {
    if (!folder.isTrashed()) return folder;
    folder.setTrashed(false);
    if (folder.isTrashed()) return null; // inside a folder still in the trash
    repairs.push({ path, action: 'restored' });
    return folder;
  } catch {
    return null;
  }
}

/** Whether the app has recorded a folder id for `path` (it made or found the folder before). */
export function folderRecorded(path: string[]): boolean {
  return Boolean(recordedFolders()[path.join('/')]);
}

/** The folder at `path` under My Drive, creating missing folders. */
export function folderAt(path: string[]): Folder {
  const recorded = recordedFolders();
  const learnt: Record<string, string> = {};
  const levels = Math.min(path.length, RECORDED_LEVELS);
  let level = 0;
  let current: Folder | null = null;
  // The deepest recorded folder that is there and not in the trash (the usual case: two calls).
  let trashed = false;
  for (let depth = levels; depth > 0 && !current && !trashed; depth--) {
    const id = recorded[path.slice(0, depth).join('/')];
    const found = id ? existing(id) : null;
    if (!found) continue;
    if (found.isTrashed()) trashed = true;
    else {
      current = found;
      level = depth;
    }
  }
  if (trashed) {
    // From the top: a trashed parent is restored before its child, which comes back with it.
    current = null;
    for (level = 0; level < levels; level++) {
      const key = path.slice(0, level + 1).join('/');
      const found = folderById(recorded[key], key);
      if (!found) break;
      current = found;
    }
  }
  current ??= DriveApp.getRootFolder();
  // Not recorded, or gone for good: found by name, else made (again).
  for (; level < path.length; level++) {
    const name = oneLine(path[level]);
    const key = path.slice(0, level + 1).join('/');
    const live = liveChild_(current, name);
    current = live ?? current.createFolder(name);
    if (level < RECORDED_LEVELS) {
      if (!live && recorded[key]) repairs.push({ path: key, action: 'recreated' });
      learnt[key] = current.getId();
    }
  }
  if (Object.keys(learnt).length > 0 && holdsLock()) {
    writeProperty(PROPERTY_KEYS.folderIds, JSON.stringify({ ...recorded, ...learnt }));
  }
  return current;
}

/** The first subfolder named `name` not in the trash (Drive lists trashed folders too). */
function liveChild_(parent: Folder, name: string): Folder | null {
  const found = parent.getFoldersByName(name);
  while (found.hasNext()) {
    const folder = found.next();
    if (!folder.isTrashed()) return folder;
  }
  return null;
}

/** Drive file ids in a text of links (`open?id=…`, `/d/…/`, `id=…`). */
export function driveIds(text: string): string[] {
  const ids: string[] = [];
  const pattern = /(?:[?&]id=|\/d\/)([A-Za-z0-9_-]{10,})/g;
  let found: RegExpExecArray | null;
  while ((found = pattern.exec(text)) !== null) if (found[1]) ids.push(found[1]);
  return ids;
}

/** The folder `name` inside `parent`, created if missing; trashed folders are passed over. */
export function subfolder(parent: Folder, name: string): Folder {
  const clean = oneLine(name);
  return liveChild_(parent, clean) ?? parent.createFolder(clean);
}

/**
 * Opens `folder` for viewing to `emails` (an editor or the owner stays what they are) and returns
 * a refused address throws, as Drive does.
 */
export function shareFolderForViewing(folder: Folder, emails: readonly string[]): void {
  folder.addViewers([...emails]);
}

/** The link of a Drive folder. */
export function folderUrl(folder: Folder): string {
  return folder.getUrl();
}

/** Whether the Drive file `id` is in the trash; throws (as Drive does) when it is gone or not shared. */
export function isFileTrashed(id: string): boolean {
  return DriveApp.getFileById(id).isTrashed();
}

/**
 * A new Google Doc `name` in `folder`, written by `write`: moved into the folder before it is
 * written, so a run stopped by the time limit (no `catch` runs then) leaves no half-written
 * orphan in My Drive; trashed when `write` fails. Returns its id.
 */
export function newDocumentIn(
  folder: Folder,
  name: string,
  write: (doc: GoogleAppsScript.Document.Document) => void,
): string {
  const doc = DocumentApp.create(name);
  const id = doc.getId();
  try {
    DriveApp.getFileById(id).moveTo(folder);
    write(doc);
    doc.saveAndClose();
  } catch (error) {
    trashFile(id);
    throw error;
  }
  return id;
}

/** Moves the Drive file `id` to the trash. */
export function trashFile(id: string): void {
  DriveApp.getFileById(id).setTrashed(true);
}

/** The link of the Drive file `id`. */
export function fileUrl(id: string): string {
  return DriveApp.getFileById(id).getUrl();
}

/** The link and name of the Drive file `id` (one lookup). */
export function fileLink(id: string): { url: string; name: string } {
  const file = DriveApp.getFileById(id);
  return { url: file.getUrl(), name: file.getName() };
}
