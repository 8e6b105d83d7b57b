/**
 * The bank of orders: files uploaded through the form's «Файл приказа» question are moved into
 * «<папка>/Банк приказов/<ОУ>/». Only uploads are moved — never a file a school merely linked to,
 * which may belong to anyone, and never an id typed into a cell of the response sheet: a file is
 * moved only if the order form's own response of that row (same timestamp) holds it as its
 * file-upload answer. Which uploads are not yet in place is told by listing each ОУ folder once
 * and comparing with what is placed — however old the order — so a run with nothing to move
 * moves nothing and asks the form nothing. One file that cannot be moved does not stop the others.
 */
import { ORDER_FORM } from '../domain/forms';
import { uploadPrint } from '../domain/intake';
import { driveIds, folderAt } from './drive';
import { openForm } from './forms';

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
  /** Responses whose «Файл приказа» names a file the form never received: nothing moved. */
  refused: { responseId: string; uploadAnswer: string }[];
}

/** A timestamp to the second: the response sheet's cell and FormResponse agree to it. */
function secondOf(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/**
 * The file ids the order form itself received, by the second of their response's timestamp: one
 * `getResponses` from the earliest time asked for, then each response's file-upload answers.
 * Called only when a file is about to be moved, so a run with nothing to move asks nothing.
 */
function formUploads(since: Date | null): Map<number, Set<string>> {
  const uploads = new Map<number, Set<string>>();
  const form = openForm(ORDER_FORM.kind);
  if (!form) return uploads;
  const items = form.getItems(FormApp.ItemType.FILE_UPLOAD);
  if (items.length === 0) return uploads;
  const from = since ? new Date(since.getTime() - 2000) : undefined;
  const responses = from ? form.getResponses(from) : form.getResponses();
  for (const response of responses) {
    const ids = new Set<string>();
    for (const item of items) {
      const answer = response.getResponseForItem(item);
      const value: unknown = answer ? answer.getResponse() : null;
      if (Array.isArray(value)) for (const id of value) ids.add(String(id));
    }
    if (ids.size === 0) continue;
    const second = Math.floor(response.getTimestamp().getTime() / 1000);
    const known = uploads.get(second);
    if (known) for (const id of ids) known.add(id);
    else uploads.set(second, ids);
  }
  return uploads;
}

/**
 * Moves each upload into its ОУ folder; files already there are left alone. `refused` (response id
 * → uploadPrint of the cell refused) is skipped while the cell stays the same.
 */
export function moveOrderFiles(
  root: string,
  uploads: OrderUpload[],
  budget?: { spent(): boolean },
  refused?: ReadonlyMap<string, string>,
): FileMoves {
  const result: FileMoves = { moved: 0, left: 0, failed: [], refused: [] };
  /** Each ОУ folder once, with the ids of the files it holds (one listing, not a call per file). */
  const folders = new Map<string, { folder: GoogleAppsScript.Drive.Folder; holds: Set<string> }>();
  const since = uploads.reduce<Date | null>(
    (min, u) => (u.submittedAt && (!min || u.submittedAt < min) ? u.submittedAt : min),
    null,
  );
  let received: Map<number, Set<string>> | null = null;
  for (const [index, upload] of uploads.entries()) {
    const ids = driveIds(upload.uploadAnswer);
    if (ids.length === 0) continue;
    if (refused?.get(upload.responseId) === uploadPrint(upload.uploadAnswer)) continue;
    if (budget && budget.spent()) {
      result.left = uploads.length - index;
      break;
    }
    try {
      let bank = folders.get(upload.schoolKey);
      if (!bank) {
        const folder = folderAt([root, ORDER_BANK_FOLDER, upload.schoolKey]);
        bank = { folder, holds: fileIds(folder) };
        folders.set(upload.schoolKey, bank);
      }
      const missing = ids.filter((id) => !bank.holds.has(id));
      if (missing.length === 0) continue;
      received ??= formUploads(since);
      const own = upload.submittedAt ? receivedAt(received, upload.submittedAt) : null;
      if (!own || !ids.every((i) => own.has(i))) {
        result.refused.push({ responseId: upload.responseId, uploadAnswer: upload.uploadAnswer });
        continue;
      }
      for (const id of missing) {
        DriveApp.getFileById(id).moveTo(bank.folder);
        bank.holds.add(id);
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

/**
 * The file ids of the responses sent within a second of `at`: the sheet's timestamp cell and
 * FormResponse.getTimestamp() may differ by how each rounds its milliseconds.
 */
function receivedAt(received: Map<number, Set<string>>, at: Date): Set<string> | null {
  const second = secondOf(at);
  const ids = [second - 1, second, second + 1].flatMap((s) => [...(received.get(s) ?? [])]);
  return ids.length > 0 ? new Set(ids) : null;
}

/** The ids of the files in a folder (Drive lists trashed ones too: they are still there). */
function fileIds(folder: GoogleAppsScript.Drive.Folder): Set<string> {
  const ids = new Set<string>();
  const files = folder.getFiles();
  while (files.hasNext()) ids.add(files.next().getId());
  return ids;
}
