/** Drive folders of the app: the root folder from settings and paths under it, made on demand. */

type Folder = GoogleAppsScript.Drive.Folder;

/** The folder at `path` under My Drive, creating missing folders; trashed folders are passed over. */
export function folderAt(path: string[]): Folder {
  let folder = DriveApp.getRootFolder();
  for (const name of path) folder = liveChild_(folder, name) ?? folder.createFolder(name);
  return folder;
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
  return liveChild_(parent, name) ?? parent.createFolder(name);
}
