/** Trigger event objects with exactly the documented fields (guides/triggers/events). */
import { isDate } from '../core/realm';
import type { ContainerRef } from '../core/state';
import type { Ctx } from '../core/world';
import { documentFacade } from '../services/documents';
import { formatDate, zonedFields } from '../services/format-date';
import type { FormModel, ResponseModel } from '../services/form-model';
import { fixedHeaders, formFacade, FormResponse } from '../services/forms';
import { userOf } from '../services/protection';
import { Range } from '../services/range';
import { AuthMode } from '../services/script';
import { displayValue, type SheetModel, type SpreadsheetModel } from '../services/sheet-model';
import { Spreadsheet } from '../services/spreadsheet';

/** The spreadsheet form-submit event (guides/triggers/events#form-submit): values are display strings. */
export function sheetSubmitEvent(
  ctx: Ctx,
  ss: SpreadsheetModel,
  sheet: SheetModel,
  row: number,
  triggerUid: string,
): Record<string, unknown> {
  const width = sheet.lastColumn();
  const header = Array.from({ length: width }, (_, c) => String(sheet.get(1, c + 1)));
  const headers = fixedHeaders(ss.locale);
  const values = header.map((_, c) => {
    const v = sheet.get(row, c + 1);
    if (c === 0 && isDate(v)) {
      // The timestamp is written as the locale's date-time, e.g. 01.09.2021 9:00:00 for ru_RU.
      return formatDate(
        v,
        ss.timeZone,
        ss.locale.startsWith('ru') ? 'dd.MM.yyyy H:mm:ss' : 'M/d/yyyy H:mm:ss',
      );
    }
    return displayValue(v, undefined, ss);
  });
  const namedValues: Record<string, string[]> = {};
  header.forEach((title, c) => {
    if (title === '' && c > 0) return;
    namedValues[title || headers.timestamp] = [values[c]!];
  });
  return {
    authMode: AuthMode.FULL,
    namedValues,
    range: new Range(ctx, ss, sheet, row, 1, 1, Math.max(width, 1)),
    source: new Spreadsheet(ctx, ss),
    triggerUid,
    values,
  };
}

/** The form-submit event of a form's own trigger (guides/triggers/events, Google Forms events). */
export function formSubmitEvent(
  ctx: Ctx,
  form: FormModel,
  response: ResponseModel,
  triggerUid: string,
): Record<string, unknown> {
  return {
    authMode: AuthMode.FULL,
    response: new FormResponse(ctx, form, response),
    source: formFacade(ctx, form),
    triggerUid,
  };
}

/** The time-driven event (guides/triggers/events#time-driven-events): fields in UTC, as documented. */
export function clockEvent(at: Date, triggerUid: string): Record<string, unknown> {
  const f = zonedFields(at, 'UTC');
  const weekOfYear = Number(formatDate(at, 'UTC', 'w'));
  return {
    authMode: AuthMode.FULL,
    'day-of-month': f.day,
    'day-of-week': f.weekday === 0 ? 7 : f.weekday,
    hour: f.hour,
    minute: f.minute,
    month: f.month,
    second: f.second,
    timezone: 'UTC',
    triggerUid,
    'week-of-year': weekOfYear,
    year: f.year,
  };
}

/**
 * The open event (guides/triggers/events: Sheets, Docs and Forms "Open"): authMode LIMITED for
 * the simple onOpen(e) and FULL for an installable trigger, whose event alone has triggerUid;
 * source is the file opened; user the User who opened it.
 */
export function openEvent(
  ctx: Ctx,
  kind: ContainerRef['kind'],
  fileId: string,
  user: string,
  triggerUid: string | null,
): Record<string, unknown> {
  const world = ctx.world;
  const source =
    kind === 'SPREADSHEET'
      ? new Spreadsheet(ctx, world.spreadsheets.get(fileId)!)
      : kind === 'DOCUMENT'
        ? documentFacade(world, fileId)
        : formFacade(ctx, world.forms.get(fileId)!);
  const event: Record<string, unknown> = {
    authMode: triggerUid === null ? AuthMode.LIMITED : AuthMode.FULL,
    source,
    user: userOf(user),
  };
  if (triggerUid !== null) event.triggerUid = triggerUid;
  return event;
}

/**
 * The edit event (guides/triggers/events, Sheets "Edit"): LIMITED for the simple onEdit(e), FULL
 * with triggerUid for an installable one; `value` and `oldValue` (the cell's text before, absent
 * when it was empty) only when one cell was edited.
 */
export function editEvent(
  ctx: Ctx,
  ss: SpreadsheetModel,
  sheet: SheetModel,
  at: { row: number; column: number; numRows: number; numColumns: number },
  user: string,
  triggerUid: string | null,
  values: { value: string; oldValue: string | undefined } | null,
): Record<string, unknown> {
  const event: Record<string, unknown> = {
    authMode: triggerUid === null ? AuthMode.LIMITED : AuthMode.FULL,
    range: new Range(ctx, ss, sheet, at.row, at.column, at.numRows, at.numColumns),
    source: new Spreadsheet(ctx, ss),
    user: userOf(user),
  };
  if (values) {
    event.value = values.value;
    if (values.oldValue !== undefined) event.oldValue = values.oldValue;
  }
  if (triggerUid !== null) event.triggerUid = triggerUid;
  return event;
}

/** The change event of an installable trigger (guides/triggers/events, Sheets "Change"). */
export function changeEvent(
  ctx: Ctx,
  ss: SpreadsheetModel,
  changeType: string,
  user: string,
  triggerUid: string,
): Record<string, unknown> {
  return {
    authMode: AuthMode.FULL,
    changeType,
    source: new Spreadsheet(ctx, ss),
    triggerUid,
    user: userOf(user),
  };
}
