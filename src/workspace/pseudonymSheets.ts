/**
 * The writes of closing a school year, batched: ids put into the response sheets' name cells (the
 * one edit of raw responses the app makes, PRODUCT.md), children's names replaced in the free text
 * of other tabs, and the forms' stored responses of the year deleted. Each sheet is read once (by
 * the caller or here) and written one block per run of consecutive rows that change; rows of
 * other years are never rewritten.
 */
import type { CellChange, NameIndex } from '../domain/yearClose';
import { sweepNames } from '../domain/yearClose';
import type { Budget } from '../jobs/budget';
import { safeRows, type Row } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Writes `changes` into a response sheet whose values (header first, canonical titles) are
 * `values`: one setValues per run of consecutive changed rows, spanning the changed columns;
 * cells in between keep what was read. Returns the cells changed.
 */
export function writeCellChanges(
  sheet: Sheet,
  values: readonly unknown[][],
  changes: readonly CellChange[],
): number {
  const header = (values[0] ?? []).map((h) => String(h).trim());
  const byRow = new Map<number, Map<number, string>>();
  let changed = 0;
  for (const c of changes) {
    const column = header.indexOf(c.title);
    if (column < 0) continue;
    const current = values[c.row - 1]?.[column];
    if (String(current ?? '') === c.value) continue;
    const cells = byRow.get(c.row) ?? new Map<number, string>();
    cells.set(column, c.value);
    byRow.set(c.row, cells);
    changed++;
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  for (const run of consecutiveRuns(rows)) {
    let from = Infinity;
    let to = -1;
    for (const r of run) {
      for (const c of byRow.get(r)!.keys()) {
        from = Math.min(from, c);
        to = Math.max(to, c);
      }
    }
    const block = run.map((r) => {
      const cells = byRow.get(r)!;
      const row: Row = [];
      for (let c = from; c <= to; c++) {
        row.push(cells.has(c) ? cells.get(c)! : ((values[r - 1]?.[c] ?? '') as Row[number]));
      }
      return row;
    });
    sheet
      .getRange(run[0]!, from + 1, run.length, to - from + 1)
      .setValues(safeRows(block, to - from + 1));
  }
  return changed;
}

/** Rows 1, 2, 3, 7, 8 → [[1, 2, 3], [7, 8]]. */
function consecutiveRuns(rows: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === r - 1) last.push(r);
    else runs.push([r]);
  }
  return runs;
}

/**
 * The changes that replace the names of `names` in the text cells of a tab's `values` (rows from
 * 2; `keepRow` says which rows must stay as they are). Counted and written by writeCellChanges.
 */
export function sweepChanges(
  values: readonly unknown[][],
  names: NameIndex,
  keepRow: (row: readonly unknown[]) => boolean = () => false,
): CellChange[] {
  const header = (values[0] ?? []).map((h) => String(h).trim());
  const changes: CellChange[] = [];
  if (names.size === 0) return changes;
  values.forEach((row, i) => {
    if (i === 0 || keepRow(row)) return;
    row.forEach((cell, c) => {
      if (typeof cell !== 'string' || cell === '' || !header[c]) return;
      const swept = sweepNames(cell, names);
      if (swept !== cell) changes.push({ row: i + 1, title: header[c]!, value: swept });
    });
  });
  return changes;
}

/** A stored form response to delete: its timestamp in whole seconds, as the sheet row has it. */
export function secondOf(time: { getTime(): number }): number {
  return Math.floor(time.getTime() / 1000);
}

/**
 * Whether a response's second is one of the rows' — give or take one: the sheet keeps the
 * timestamp to the second, and whether it rounds or cuts the milliseconds is not documented.
 */
export function near(seconds: ReadonlySet<number>, second: number): boolean {
  return seconds.has(second) || seconds.has(second - 1) || seconds.has(second + 1);
}

/**
 * Deletes the form's stored responses whose timestamp (to the second) is one of `closed` and not
 * one of `kept` (a response of another year submitted in the same second is never guessed at);
 * when the sheet holds no other year's row, all of them at once. Stops when the budget is spent;
 * returns how many were deleted and whether any are left.
 */
export function deleteFormResponses(
  form: GoogleAppsScript.Forms.Form,
  closed: ReadonlySet<number>,
  kept: ReadonlySet<number>,
  budget: Budget,
): { deleted: number; left: number } {
  let deleted = 0;
  let left = 0;
  const responses = form.getResponses();
  // Nothing of another year in the sheet (the usual June): one call instead of one per response.
  if (kept.size === 0 && closed.size > 0) {
    form.deleteAllResponses();
    return { deleted: responses.length, left: 0 };
  }
  for (const response of responses) {
    const second = secondOf(response.getTimestamp());
    if (!near(closed, second) || near(kept, second)) continue;
    if (budget.spent()) {
      left++;
      continue;
    }
    form.deleteResponse(response.getId());
    deleted++;
  }
  return { deleted, left };
}
