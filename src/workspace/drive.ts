/**
 * Drive folders of the app: the root folder from settings and paths under it, made on demand and
 * found again by id — a folder staff renamed or moved is still the app's folder. The ids of the
 * first levels (root, bank of orders, notes, school years) are recorded in document properties;
 * folders of single ОУ are found by name inside the bank, whose id is known.
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

/** The folder with a recorded id, if it is still there and not in the trash. */
function folderById(id: string | undefined): Folder | null {
  if (!id) return null;
  try {
    const folder = DriveApp.getFolderById(id);
    return folder.isTrashed() ? null : folder;
  } catch {
    return null;
  }
}

/** The folder at `path` under My Drive, creating missing folders. */
export function folderAt(path: string[]): Folder {
  const recorded = recordedFolders();
  const learnt: Record<string, string> = {};
  // Start from the deepest recorded folder of the path.
  let depth = Math.min(path.length, RECORDED_LEVELS);
  let folder: Folder | null = null;
  for (; depth > 0 && !folder; depth--) {
    folder = folderById(recorded[path.slice(0, depth).join('/')]);
    if (folder) break;
  }
  let level = folder ? depth : 0;
  let current = folder ?? DriveApp.getRootFolder();
  for (; level < path.length; level++) {
    const name = oneLine(path[level]);
    current = liveChild_(current, name) ?? current.createFolder(name);
    if (level < RECORDED_LEVELS) learnt[path.slice(0, level + 1).join('/')] = current.getId();
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
