/**
 * Linking a form to a spreadsheet and writing its responses there as Google does: a response tab
 * with a timestamp column, one column per question, one row per response.
 */
import { makeEnum } from '../../core/enums';
import type { World } from '../../core/world';
import { zonedToInstant } from '../format-date';
import {
  isQuestion,
  type Answer,
  type FormModel,
  type ItemModel,
  type ResponseModel,
} from '../form-model';
import type { SheetModel } from '../sheet-model';

/** FormApp.DestinationType. */
export const DestinationType = makeEnum(['SPREADSHEET'] as const);

/** Name of the n-th response sheet in the spreadsheet's locale. */
function responseSheetName(locale: string, n: number): string {
  return locale.startsWith('ru') ? `Ответы на форму (${n})` : `Form Responses ${n}`;
}

/** Header of the timestamp / email columns in the spreadsheet's locale. */
export function fixedHeaders(locale: string): { timestamp: string; email: string } {
  return locale.startsWith('ru')
    ? { timestamp: 'Отметка времени', email: 'Адрес электронной почты' }
    : { timestamp: 'Timestamp', email: 'Email Address' };
}

/** The response sheet of a linked form, if it still exists. */
export function destinationSheet(world: World, form: FormModel): SheetModel | null {
  if (!form.destination) return null;
  return (
    world.spreadsheets.get(form.destination.spreadsheetId)?.sheetById(form.destination.sheetId) ??
    null
  );
}

/** Keeps the response sheet's header in step with the questions (new column per new question). */
export function syncDestination(world: World, form: FormModel): void {
  const sheet = destinationSheet(world, form);
  if (!sheet) return;
  for (const item of form.items) {
    if (!isQuestion(item)) continue;
    let column = form.columns.get(item.id);
    if (column === undefined) {
      column = Math.max(sheet.lastColumn(), 1) + 1;
      if (column > sheet.maxColumns) sheet.maxColumns = column;
      form.columns.set(item.id, column);
    }
    sheet.put(1, column, item.title, null);
  }
}

/** Links a form to a spreadsheet as Google does: a new first tab with a header row, old responses copied. */
export function linkDestination(world: World, form: FormModel, spreadsheetId: string): void {
  const ss = world.spreadsheets.get(spreadsheetId);
  if (!ss)
    throw new Error(
      'Unexpected error while getting the method or property setDestination on object FormApp.Form.',
    );
  unlinkDestination(world, form);
  let n = 1;
  while (ss.sheetByName(responseSheetName(ss.locale, n))) n += 1;
  const headers = fixedHeaders(ss.locale);
  const fixed = form.collectEmail ? [headers.timestamp, headers.email] : [headers.timestamp];
  const questions = form.items.filter(isQuestion);
  const sheet = ss.addSheet(
    responseSheetName(ss.locale, n),
    0,
    1000,
    Math.max(fixed.length + questions.length, 2),
  );
  sheet.formId = form.id;
  sheet.frozenRows = 1;
  fixed.forEach((h, i) => sheet.put(1, i + 1, h, null));
  form.destination = { spreadsheetId, sheetId: sheet.id };
  form.columns.clear();
  questions.forEach((item, i) => form.columns.set(item.id, fixed.length + i + 1));
  syncDestination(world, form);
  for (const response of form.responses) writeResponseRow(world, form, response);
}

/** Removes the link; the response sheet stays, as on Google. */
export function unlinkDestination(world: World, form: FormModel): void {
  const sheet = destinationSheet(world, form);
  if (sheet) sheet.formId = null;
  form.destination = null;
  form.columns.clear();
  for (const r of form.responses) r.sheetRow = null;
}

/** The cell value Google writes for an answer: numbers as numbers, text never as a formula. */
function sheetValue(item: ItemModel, answer: Answer, world: World): string | number | Date {
  if (Array.isArray(answer)) {
    if (item.type === 'FILE_UPLOAD')
      return answer.map((id) => `https://drive.google.com/open?id=${id}`).join(', ');
    return answer.join(', ');
  }
  if (item.type === 'DATE') {
    const [y, m, d] = answer.split('-').map(Number);
    return zonedToInstant(world.timeZone, y!, m!, d!);
  }
  if (/^-?\d+(\.\d+)?$/.test(answer)) return Number(answer);
  return answer;
}

/** Writes (or rewrites, for an edit) a response's row in the linked sheet. */
export function writeResponseRow(
  world: World,
  form: FormModel,
  response: ResponseModel,
): number | null {
  const sheet = destinationSheet(world, form);
  if (!sheet) return null;
  const row = response.sheetRow ?? sheet.lastRow() + 1;
  if (row > sheet.maxRows) sheet.maxRows = row;
  response.sheetRow = row;
  // An edit rewrites the whole row: answers cleared by the edit become empty.
  for (let c = 1; c <= sheet.maxColumns; c++) if (c > 1) sheet.put(row, c, '', null);
  sheet.put(row, 1, new Date(response.timestamp.getTime()), null);
  if (form.collectEmail) sheet.put(row, 2, response.respondent, null);
  for (const [itemId, answer] of response.answers) {
    const item = form.item(itemId);
    const column = form.columns.get(itemId);
    if (!item || column === undefined) continue;
    sheet.put(row, column, sheetValue(item, answer, world), null);
  }
  return row;
}
