/**
 * A respondent's submission as Google Forms handles it: answers checked against the questions
 * and their validation, uploaded files put where Google puts them, the response stored, and the
 * form-submit triggers fired.
 */
import { isDate } from '../core/realm';
import type { DriveItem, TriggerRecord } from '../core/state';
import type { Ctx, World } from '../core/world';
import { buildPdf } from '../services/blob';
import { createDriveItem, FOLDER_MIME } from '../services/drive';
import { formatDate } from '../services/format-date';
import {
  isQuestion,
  type Answer,
  type FormModel,
  type ItemModel,
  type ResponseModel,
} from '../services/form-model';
import { destinationSheet } from '../services/forms';
import { mimeTypeOfName } from '../services/mime-type';
import type { UploadAnswer } from './api';
import { formSubmitEvent, sheetSubmitEvent } from './events';

/** A form's questions by title, and the required ones. */
export interface Questions {
  byTitle: Map<string, ItemModel>;
  required: ItemModel[];
}

/** The questions a respondent answers (built once per form when many responses are seeded). */
export function questionsOf(form: FormModel): Questions {
  const byTitle = new Map<string, ItemModel>();
  for (const item of form.items) if (isQuestion(item)) byTitle.set(item.title, item);
  return { byTitle, required: [...byTitle.values()].filter((i) => i.required) };
}

/** Answers by question title, checked as Google Forms checks them: what is stored, by item id. */
export function acceptAnswers(
  world: World,
  form: FormModel,
  questions: Questions,
  answers: Record<string, unknown>,
  respondent: string,
): Map<number, Answer> {
  const stored = new Map<number, Answer>();
  for (const [title, value] of Object.entries(answers)) {
    const item = questions.byTitle.get(title);
    if (!item) throw new Error(`emulator: form «${form.title}» has no question «${title}»`);
    const answer = validateAnswer(world, form, item, value, respondent);
    if (answer !== null) stored.set(item.id, answer);
  }
  for (const item of questions.required)
    if (!stored.has(item.id))
      throw new Error(`emulator: «${item.title}» is required in form «${form.title}»`);
  return stored;
}

/** A new response record; the caller stores it in the form. */
export function newResponse(
  world: World,
  respondent: string,
  answers: Map<number, Answer>,
  timestamp: Date,
): ResponseModel {
  return {
    id: `2_ABaOnu${world.ids.next('d').slice(0, 40)}`,
    timestamp,
    respondent,
    answers,
    sheetRow: null,
  };
}

/** Checks one answer as Google Forms would and returns what is stored (null = unanswered). */
function validateAnswer(
  world: World,
  form: FormModel,
  item: ItemModel,
  value: unknown,
  respondent: string,
): Answer | null {
  const where = `«${item.title}» of form «${form.title}»`;
  if (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
    return null;
  const rule = item.validation;
  const fail = (why: string): never => {
    throw new Error(`emulator: ${where}: ${rule?.helpText || why}`);
  };
  switch (item.type) {
    case 'CHECKBOX': {
      const list = (Array.isArray(value) ? value : [value]).map(String);
      const others = list.filter((v) => !item.choices.includes(v));
      if (others.length > (item.hasOther ? 1 : 0)) fail(`not a choice: ${others.join(', ')}`);
      if (rule) {
        const n = Number(rule.args[0]);
        if (rule.kind === 'SELECT_AT_LEAST' && list.length < n) fail(`select at least ${n}`);
        if (rule.kind === 'SELECT_AT_MOST' && list.length > n) fail(`select at most ${n}`);
        if (rule.kind === 'SELECT_EXACTLY' && list.length !== n) fail(`select exactly ${n}`);
      }
      return list;
    }
    case 'LIST':
    case 'MULTIPLE_CHOICE': {
      const v = String(value);
      if (!item.choices.includes(v) && !(item.type === 'MULTIPLE_CHOICE' && item.hasOther))
        fail(`not a choice: ${v}`);
      return v;
    }
    case 'SCALE': {
      const n = Number(value);
      if (!Number.isInteger(n) || n < item.scale.lower || n > item.scale.upper)
        fail(`not on the scale: ${String(value)}`);
      return String(n);
    }
    case 'DATE': {
      if (isDate(value)) return formatDate(value, world.timeZone, 'yyyy-MM-dd');
      const v = String(value);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) fail(`not a date (yyyy-MM-dd): ${v}`);
      return v;
    }
    case 'FILE_UPLOAD': {
      const files = (Array.isArray(value) ? value : [value]).map((v) => uploadOf(v, where));
      const limits = item.upload;
      if (limits?.maxFiles && files.length > limits.maxFiles)
        fail(`more than ${limits.maxFiles} files`);
      for (const f of files)
        if (limits?.maxFileSize && f.bytes && f.bytes.length > limits.maxFileSize)
          fail(`«${f.name}» is larger than ${limits.maxFileSize} bytes`);
      return files.map((f) => uploadFile(world, form, item, f, respondent).id);
    }
    default: {
      const v = String(value);
      if (rule) checkText(rule, v, fail);
      return v;
    }
  }
}

/** One uploaded file as the harness describes it; bytes undefined for a plain name. */
interface Upload {
  name: string;
  bytes: Uint8Array | undefined;
  mimeType: string | undefined;
}

/** Reads one UploadAnswer (a name, or { name, bytes | size, mimeType }). */
function uploadOf(value: unknown, where: string): Upload {
  if (typeof value === 'string') return { name: value, bytes: undefined, mimeType: undefined };
  const v = value as Exclude<UploadAnswer, string>;
  if (!v || typeof v !== 'object' || typeof v.name !== 'string')
    throw new Error(`emulator: ${where}: an upload is a file name or { name, bytes | size }`);
  let bytes: Uint8Array | undefined;
  if (typeof v.bytes === 'string') bytes = new TextEncoder().encode(v.bytes);
  else if (v.bytes instanceof Uint8Array) bytes = v.bytes.slice();
  if (v.size !== undefined) {
    if (!Number.isInteger(v.size) || v.size < 0)
      throw new Error(`emulator: ${where}: size must be a whole number of bytes, not ${v.size}`);
    if (bytes && bytes.length !== v.size)
      throw new Error(`emulator: ${where}: «${v.name}» has ${bytes.length} bytes, not ${v.size}`);
    bytes ??= new Uint8Array(v.size);
  }
  return { name: v.name, bytes, mimeType: v.mimeType };
}

/** Creates an uploaded file where Google puts it: «<form> (File responses)/<question> (File responses)». */
function uploadFile(
  world: World,
  form: FormModel,
  item: ItemModel,
  upload: Upload,
  respondent: string,
): DriveItem {
  const { name } = upload;
  const folder = (parent: string, title: string): string => {
    const existing = [...world.drive.items.values()].find(
      (i) =>
        i.mimeType === FOLDER_MIME && i.name === title && i.parents.includes(parent) && !i.trashed,
    );
    return existing
      ? existing.id
      : createDriveItem(world, { name: title, mimeType: FOLDER_MIME, parent }).id;
  };
  const formFolder = folder(world.drive.rootId, `${form.title} (File responses)`);
  const itemFolder = folder(formFolder, `${item.title} (File responses)`);
  // Google appends " - <respondent name>" to uploaded file names.
  const dot = name.lastIndexOf('.');
  const who = respondent.split('@')[0];
  const stored = dot > 0 ? `${name.slice(0, dot)} - ${who}${name.slice(dot)}` : `${name} - ${who}`;
  return createDriveItem(world, {
    name: stored,
    mimeType: upload.mimeType ?? mimeTypeOfName(name) ?? 'application/octet-stream',
    parent: itemFolder,
    owner: respondent,
    bytes: upload.bytes ?? buildPdf([name], name),
  });
}

/** Text validation as Google Forms applies it. */
function checkText(
  rule: NonNullable<ItemModel['validation']>,
  v: string,
  fail: (why: string) => never,
): void {
  const n = Number(v.replace(',', '.'));
  const numeric = v.trim() !== '' && !Number.isNaN(n);
  const [a, b] = rule.args.map(Number);
  switch (rule.kind) {
    case 'NUMBER':
      if (!numeric) fail('not a number');
      break;
    case 'WHOLE_NUMBER':
      if (!numeric || !Number.isInteger(n)) fail('not a whole number');
      break;
    case 'NUMBER_BETWEEN':
      if (!numeric || n < a! || n > b!) fail(`not between ${a} and ${b}`);
      break;
    case 'NUMBER_GREATER_THAN':
      if (!numeric || n <= a!) fail(`not greater than ${a}`);
      break;
    case 'NUMBER_LESS_THAN':
      if (!numeric || n >= a!) fail(`not less than ${a}`);
      break;
    case 'EMAIL':
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) fail('not an email');
      break;
    case 'URL':
      if (!/^(https?:\/\/)?[^\s.]+\.[^\s]+$/.test(v)) fail('not a URL');
      break;
    case 'LENGTH_AT_MOST':
      if (v.length > a!) fail(`longer than ${a}`);
      break;
    case 'LENGTH_AT_LEAST':
      if (v.length < a!) fail(`shorter than ${a}`);
      break;
    case 'PATTERN':
      if (!new RegExp(`^(?:${String(rule.args[0])})$`).test(v)) fail('does not match the pattern');
      break;
    default:
      break;
  }
}

/** Runs a trigger's handler in its own project with the event built there; returns what it threw. */
export type FireTrigger = (
  t: TriggerRecord,
  event: (ctx: Ctx) => Record<string, unknown>,
  kind: string,
) => Error | null;

/** Fires the spreadsheet and form ON_FORM_SUBMIT triggers for a response; returns what they threw. */
export function deliverSubmit(
  world: World,
  form: FormModel,
  response: ResponseModel,
  fire: FireTrigger,
): Error[] {
  const errors: Error[] = [];
  const sheet = destinationSheet(world, form);
  const ssId = form.destination?.spreadsheetId ?? null;
  for (const t of [...world.triggers]) {
    if (t.type !== 'ON_FORM_SUBMIT') continue;
    if (t.source === 'SPREADSHEET' && ssId && t.sourceId === ssId && sheet && response.sheetRow) {
      const ss = world.spreadsheets.get(ssId)!;
      const error = fire(
        t,
        (ctx) => sheetSubmitEvent(ctx, ss, sheet, response.sheetRow!, t.uid),
        'ON_FORM_SUBMIT',
      );
      if (error) errors.push(error);
    }
    if (t.source === 'FORMS' && t.sourceId === form.id) {
      const error = fire(t, (ctx) => formSubmitEvent(ctx, form, response, t.uid), 'ON_FORM_SUBMIT');
      if (error) errors.push(error);
    }
  }
  return errors;
}
