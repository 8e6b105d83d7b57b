/**
 * Protections enforced (developers.google.com/apps-script/reference/spreadsheet/protection): a
 * protected sheet or range can be edited only by its editors and the spreadsheet's owner — by
 * hand and by a script alike, since a script runs as a user — unless the protection is
 * warning-only; "Protection can be removed entirely from ranges or sheets if the user has edit
 * permission", and only an editor of a protection may change its editors or description. A
 * forbidden edit throws the message Sheets gives for it. Forms write their responses regardless
 * (the response sheet's rows are written by Forms, not by a user).
 */
import type { Ctx } from '../core/world';
import { noteWrite } from './properties';
import type { ProtectionModel, SheetModel, SpreadsheetModel } from './sheet-model';

/** The message of Sheets when a user edits what they may not. */
export const PROTECTED_ERROR =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** The area an edit touches; null = the sheet itself (rename, delete, rows). */
export interface EditArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

function isOwner(ctx: Ctx, ss: SpreadsheetModel): boolean {
  return ctx.world.drive.items.get(ss.id)?.owner === ctx.world.user;
}

function overlaps(protection: ProtectionModel, area: EditArea | null): boolean {
  if (protection.type === 'SHEET' || !protection.range || !area) return true;
  const r = protection.range;
  return (
    area.row <= r.row + r.numRows - 1 &&
    r.row <= area.row + area.numRows - 1 &&
    area.column <= r.column + r.numColumns - 1 &&
    r.column <= area.column + area.numColumns - 1
  );
}

/** Whether the running user may edit this protection's area (or the protection itself). */
export function mayEdit(ctx: Ctx, ss: SpreadsheetModel, protection: ProtectionModel): boolean {
  return isOwner(ctx, ss) || protection.editors.includes(ctx.world.user);
}

/** Throws Google's message when a protection of `sheet` forbids the running user this edit. */
export function guardEdit(
  ctx: Ctx,
  ss: SpreadsheetModel,
  sheet: SheetModel,
  area: EditArea | null,
): void {
  noteWrite(ctx, `Sheet ${sheet.name}`);
  if (isOwner(ctx, ss)) return;
  for (const protection of sheet.protections) {
    if (protection.warningOnly || !overlaps(protection, area)) continue;
    if (!protection.editors.includes(ctx.world.user)) throw new Error(PROTECTED_ERROR);
  }
}

/** Throws Google's message when the running user may not change `protection`. */
export function guardProtection(ctx: Ctx, ss: SpreadsheetModel, protection: ProtectionModel): void {
  if (!mayEdit(ctx, ss, protection)) throw new Error(PROTECTED_ERROR);
}
