/** The bank of orders: uploaded order files are moved into «<папка>/Банк приказов/<ОУ>/». */
import type { SchoolOrder } from '../domain/model';
import { driveIds, folderAt } from './drive';

export const ORDER_BANK_FOLDER = 'Банк приказов';

/** Moves each order's uploaded files into its ОУ folder; files already there are left alone. */
export function moveOrderFiles(root: string, orders: SchoolOrder[]): number {
  const withFiles = orders.filter((o) => driveIds(o.fileLink).length > 0);
  if (withFiles.length === 0) return 0;
  const folders = new Map<string, GoogleAppsScript.Drive.Folder>();
  let moved = 0;
  for (const order of withFiles) {
    let folder = folders.get(order.schoolKey);
    if (!folder) {
      folder = folderAt([root, ORDER_BANK_FOLDER, order.schoolKey]);
      folders.set(order.schoolKey, folder);
    }
    const folderId = folder.getId();
    for (const id of driveIds(order.fileLink)) {
      const file = DriveApp.getFileById(id);
      const parents = file.getParents();
      if (parents.hasNext() && parents.next().getId() === folderId) continue;
      file.moveTo(folder);
      moved++;
    }
  }
  return moved;
}
