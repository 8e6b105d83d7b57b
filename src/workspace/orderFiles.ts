/**
 * The bank of orders: files uploaded through the form's «Файл приказа» question are moved into
 * «<папка>/Банк приказов/<ОУ>/». Only uploads are moved — never a file a school merely linked to,
 * which may belong to anyone — and one file that cannot be moved does not stop the others.
 */
import { driveIds, folderAt } from './drive';

export const ORDER_BANK_FOLDER = 'Банк приказов';

/** The files one order response uploaded, and the ОУ it was placed under. */
export interface OrderUpload {
  responseId: string;
  row: number;
  submittedAt: Date | null;
  schoolKey: string;
  uploadAnswer: string;
}

export interface FileMoves {
  moved: number;
  /** Uploads not tried because the time budget ran out. */
  left: number;
  /** Response ids whose files could not all be moved, with Drive's message. */
  failed: { responseId: string; error: string }[];
}

/** Moves each upload into its ОУ folder; files already there are left alone. */
export function moveOrderFiles(
  root: string,
  uploads: OrderUpload[],
  budget?: { spent(): boolean },
): FileMoves {
  const result: FileMoves = { moved: 0, left: 0, failed: [] };
  const folders = new Map<string, GoogleAppsScript.Drive.Folder>();
  for (const [index, upload] of uploads.entries()) {
    const ids = driveIds(upload.uploadAnswer);
    if (ids.length === 0) continue;
    if (budget && budget.spent()) {
      result.left = uploads.length - index;
      break;
    }
    try {
      let folder = folders.get(upload.schoolKey);
      if (!folder) {
        folder = folderAt([root, ORDER_BANK_FOLDER, upload.schoolKey]);
        folders.set(upload.schoolKey, folder);
      }
      const folderId = folder.getId();
      for (const id of ids) {
        const file = DriveApp.getFileById(id);
        const parents = file.getParents();
        if (parents.hasNext() && parents.next().getId() === folderId) continue;
        file.moveTo(folder);
        result.moved++;
      }
    } catch (error) {
      result.failed.push({
        responseId: upload.responseId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return result;
}
