/**
 * FormApp, Form, items, responses and linking to a spreadsheet
 * (developers.google.com/apps-script/reference/forms). FormApp cannot create file-upload
 * questions, so Form has no addFileUploadItem: the harness adds them (ws.uploadFileItem).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- signatures mirror @types/google-apps-script, which uses any */
import { asEnum, makeEnum } from '../core/enums';
import { asGas, Fake, stubInterface } from '../core/errors';
import type { Ctx, World } from '../core/world';
import { record } from '../core/world';
import { createDriveItem, FORM_MIME } from './drive';
import { zonedToInstant } from './format-date';
import {
  Answer,
  FormModel,
  isQuestion,
  ItemModel,
  ItemTypeName,
  ResponseModel,
  ValidationRule,
} from './form-model';
import { SheetModel } from './sheet-model';

/** FormApp.ItemType. */
export const ItemType = makeEnum([
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'FILE_UPLOAD',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'RATING',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
] as const);

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

type Chain = any; // Item setters return the concrete item type; one base serves them all.

/** Members every item type shares. */
abstract class BaseItem {
  constructor(
    readonly ctx: Ctx,
    readonly form: FormModel,
    readonly model: ItemModel,
  ) {}

  protected rec(method: string): void {
    record(this.ctx, `${this.kind()}.${method}`);
  }

  protected kind(): string {
    return 'Item';
  }

  protected changed(): void {
    syncDestination(this.ctx.world, this.form);
  }

  /** Item id. */
  getId(): number {
    this.rec('getId');
    return this.model.id;
  }

  /** 0-based position in the form. */
  getIndex(): number {
    this.rec('getIndex');
    return this.form.items.indexOf(this.model);
  }

  /** Title. */
  getTitle(): string {
    this.rec('getTitle');
    return this.model.title;
  }

  /** Sets the title (renames the response-sheet column too, as Google does). */
  setTitle(title: string): Chain {
    this.rec('setTitle');
    this.model.title = title;
    this.changed();
    return this;
  }

  /** Help text. */
  getHelpText(): string {
    this.rec('getHelpText');
    return this.model.helpText;
  }

  /** Sets the help text. */
  setHelpText(text: string): Chain {
    this.rec('setHelpText');
    this.model.helpText = text;
    return this;
  }

  /** FormApp.ItemType of the item. */
  getType(): GoogleAppsScript.Forms.ItemType {
    this.rec('getType');
    return asEnum(ItemType[this.model.type]);
  }
}

/** Questions can be required. */
abstract class QuestionItem extends BaseItem {
  /** True if an answer is required. */
  isRequired(): boolean {
    this.rec('isRequired');
    return this.model.required;
  }

  /** Requires an answer. */
  setRequired(enabled: boolean): Chain {
    this.rec('setRequired');
    this.model.required = enabled;
    return this;
  }
}

/** A choice of a list / multiple-choice / checkbox item. */
export class Choice implements Fake<GoogleAppsScript.Forms.Choice, Choice> {
  constructor(private readonly value: string) {}

  /** The choice's text. */
  getValue(): string {
    return this.value;
  }

  /** Quizzes are not modelled: never a correct answer. */
  isCorrectAnswer(): boolean {
    return false;
  }
}
stubInterface(Choice, 'Forms.Choice');

/** Items with choices. */
abstract class ChoiceItem extends QuestionItem {
  /** Sets choices from strings (duplicates are refused by Google's UI; kept here as given). */
  setChoiceValues(values: string[]): Chain {
    this.rec('setChoiceValues');
    if (values.length === 0) throw new Error('Invalid data updating form.');
    this.model.choices = values.map(String);
    return this;
  }

  /** Sets choices from Choice objects. */
  setChoices(choices: GoogleAppsScript.Forms.Choice[]): Chain {
    this.rec('setChoices');
    if (choices.length === 0) throw new Error('Invalid data updating form.');
    this.model.choices = choices.map((c) => c.getValue());
    return this;
  }

  /** A choice for setChoices. */
  createChoice(value: string): GoogleAppsScript.Forms.Choice {
    this.rec('createChoice');
    return asGas(new Choice(value));
  }

  /** The choices. */
  getChoices(): GoogleAppsScript.Forms.Choice[] {
    this.rec('getChoices');
    return this.model.choices.map((v) => asGas(new Choice(v)));
  }
}

function validationOf(
  v:
    | GoogleAppsScript.Forms.TextValidation
    | GoogleAppsScript.Forms.CheckboxValidation
    | GoogleAppsScript.Forms.ParagraphTextValidation,
): ValidationRule {
  return (v as unknown as { rule: ValidationRule }).rule;
}

/** A one-line text question. */
export class TextItem
  extends QuestionItem
  implements Fake<GoogleAppsScript.Forms.TextItem, TextItem>
{
  protected override kind(): string {
    return 'TextItem';
  }

  /** Sets the validation rule (FormApp.createTextValidation()). */
  setValidation(validation: GoogleAppsScript.Forms.TextValidation): Chain {
    this.rec('setValidation');
    this.model.validation = validationOf(validation);
    return this;
  }

  /** Removes the validation. */
  clearValidation(): Chain {
    this.rec('clearValidation');
    this.model.validation = null;
    return this;
  }
}
stubInterface(TextItem, 'Forms.TextItem');

/** A multi-line text question. */
export class ParagraphTextItem
  extends QuestionItem
  implements Fake<GoogleAppsScript.Forms.ParagraphTextItem, ParagraphTextItem>
{
  protected override kind(): string {
    return 'ParagraphTextItem';
  }

  /** Sets the validation rule. */
  setValidation(validation: GoogleAppsScript.Forms.ParagraphTextValidation): Chain {
    this.rec('setValidation');
    this.model.validation = validationOf(validation);
    return this;
  }

  /** Removes the validation. */
  clearValidation(): Chain {
    this.rec('clearValidation');
    this.model.validation = null;
    return this;
  }
}
stubInterface(ParagraphTextItem, 'Forms.ParagraphTextItem');

/** A dropdown question (no "other" option on Google). */
export class ListItem
  extends ChoiceItem
  implements Fake<GoogleAppsScript.Forms.ListItem, ListItem>
{
  protected override kind(): string {
    return 'ListItem';
  }
}
stubInterface(ListItem, 'Forms.ListItem');

/** A radio-button question. */
export class MultipleChoiceItem
  extends ChoiceItem
  implements Fake<GoogleAppsScript.Forms.MultipleChoiceItem, MultipleChoiceItem>
{
  protected override kind(): string {
    return 'MultipleChoiceItem';
  }

  /** Shows an "Other:" free-text option. */
  showOtherOption(enabled: boolean): Chain {
    this.rec('showOtherOption');
    this.model.hasOther = enabled;
    return this;
  }

  /** True if "Other:" is shown. */
  hasOtherOption(): boolean {
    this.rec('hasOtherOption');
    return this.model.hasOther;
  }
}
stubInterface(MultipleChoiceItem, 'Forms.MultipleChoiceItem');

/** A checkbox question: several answers. */
export class CheckboxItem
  extends ChoiceItem
  implements Fake<GoogleAppsScript.Forms.CheckboxItem, CheckboxItem>
{
  protected override kind(): string {
    return 'CheckboxItem';
  }

  /** Shows an "Other:" option. */
  showOtherOption(enabled: boolean): Chain {
    this.rec('showOtherOption');
    this.model.hasOther = enabled;
    return this;
  }

  /** True if "Other:" is shown. */
  hasOtherOption(): boolean {
    this.rec('hasOtherOption');
    return this.model.hasOther;
  }

  /** Sets the validation rule (FormApp.createCheckboxValidation()). */
  setValidation(validation: GoogleAppsScript.Forms.CheckboxValidation): Chain {
    this.rec('setValidation');
    this.model.validation = validationOf(validation);
    return this;
  }

  /** Removes the validation. */
  clearValidation(): Chain {
    this.rec('clearValidation');
    this.model.validation = null;
    return this;
  }
}
stubInterface(CheckboxItem, 'Forms.CheckboxItem');

/** A date question. */
export class DateItem
  extends QuestionItem
  implements Fake<GoogleAppsScript.Forms.DateItem, DateItem>
{
  protected override kind(): string {
    return 'DateItem';
  }

  /** Whether the year is asked. */
  setIncludesYear(enableYear: boolean): Chain {
    this.rec('setIncludesYear');
    this.model.includesYear = enableYear;
    return this;
  }

  /** True if the year is asked. */
  includesYear(): boolean {
    this.rec('includesYear');
    return this.model.includesYear;
  }
}
stubInterface(DateItem, 'Forms.DateItem');

/** A linear-scale question. */
export class ScaleItem
  extends QuestionItem
  implements Fake<GoogleAppsScript.Forms.ScaleItem, ScaleItem>
{
  protected override kind(): string {
    return 'ScaleItem';
  }

  /** Lower bound 0 or 1, upper 3..10 (scale-item#setboundslower,-upper). */
  setBounds(lower: number, upper: number): Chain {
    this.rec('setBounds');
    if ((lower !== 0 && lower !== 1) || upper < 3 || upper > 10)
      throw new Error('Invalid data updating form.');
    this.model.scale.lower = lower;
    this.model.scale.upper = upper;
    return this;
  }

  /** End labels. */
  setLabels(lower: string, upper: string): Chain {
    this.rec('setLabels');
    this.model.scale.lowerLabel = lower;
    this.model.scale.upperLabel = upper;
    return this;
  }

  /** Lower bound. */
  getLowerBound(): number {
    this.rec('getLowerBound');
    return this.model.scale.lower;
  }

  /** Upper bound. */
  getUpperBound(): number {
    this.rec('getUpperBound');
    return this.model.scale.upper;
  }
}
stubInterface(ScaleItem, 'Forms.ScaleItem');

/** A section header (layout only). */
export class SectionHeaderItem
  extends BaseItem
  implements Fake<GoogleAppsScript.Forms.SectionHeaderItem, SectionHeaderItem>
{
  protected override kind(): string {
    return 'SectionHeaderItem';
  }
}
stubInterface(SectionHeaderItem, 'Forms.SectionHeaderItem');

const TYPED: Partial<
  Record<ItemTypeName, new (ctx: Ctx, form: FormModel, model: ItemModel) => BaseItem>
> = {
  TEXT: TextItem,
  PARAGRAPH_TEXT: ParagraphTextItem,
  LIST: ListItem,
  MULTIPLE_CHOICE: MultipleChoiceItem,
  CHECKBOX: CheckboxItem,
  DATE: DateItem,
  SCALE: ScaleItem,
  SECTION_HEADER: SectionHeaderItem,
};

/** The generic Item of Form.getItems(); as*Item() converts when the type matches. */
export class Item extends BaseItem implements Fake<GoogleAppsScript.Forms.Item, Item> {
  private as(type: ItemTypeName): Chain {
    this.rec(`as${type}`);
    const cls = TYPED[type];
    if (this.model.type !== type || !cls)
      throw new Error(`Invalid conversion for item type: ${this.model.type}`);
    return new cls(this.ctx, this.form, this.model);
  }

  /** As a TextItem. */
  asTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.as('TEXT');
  }

  /** As a ParagraphTextItem. */
  asParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem {
    return this.as('PARAGRAPH_TEXT');
  }

  /** As a ListItem. */
  asListItem(): GoogleAppsScript.Forms.ListItem {
    return this.as('LIST');
  }

  /** As a MultipleChoiceItem. */
  asMultipleChoiceItem(): GoogleAppsScript.Forms.MultipleChoiceItem {
    return this.as('MULTIPLE_CHOICE');
  }

  /** As a CheckboxItem. */
  asCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.as('CHECKBOX');
  }

  /** As a DateItem. */
  asDateItem(): GoogleAppsScript.Forms.DateItem {
    return this.as('DATE');
  }

  /** As a ScaleItem. */
  asScaleItem(): GoogleAppsScript.Forms.ScaleItem {
    return this.as('SCALE');
  }

  /** As a SectionHeaderItem. */
  asSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.as('SECTION_HEADER');
  }
}
stubInterface(Item, 'Forms.Item');

/** One answer of a response. */
export class ItemResponse implements Fake<GoogleAppsScript.Forms.ItemResponse, ItemResponse> {
  constructor(
    private readonly ctx: Ctx,
    private readonly form: FormModel,
    private readonly item: ItemModel,
    private readonly answer: Answer,
  ) {}

  /** The question answered. */
  getItem(): GoogleAppsScript.Forms.Item {
    record(this.ctx, 'ItemResponse.getItem');
    return asGas(new Item(this.ctx, this.form, this.item));
  }

  /** The answer: string; string[] for checkbox; file ids for file upload; 'yyyy-MM-dd' for date. */
  getResponse(): any {
    record(this.ctx, 'ItemResponse.getResponse');
    return Array.isArray(this.answer) ? [...this.answer] : this.answer;
  }
}
stubInterface(ItemResponse, 'Forms.ItemResponse');

/** A submitted response. */
export class FormResponse implements Fake<GoogleAppsScript.Forms.FormResponse, FormResponse> {
  constructor(
    private readonly ctx: Ctx,
    private readonly form: FormModel,
    readonly model: ResponseModel,
  ) {}

  /** Response id. */
  getId(): string {
    record(this.ctx, 'FormResponse.getId');
    return this.model.id;
  }

  /** When submitted (or last edited). */
  getTimestamp(): Date {
    record(this.ctx, 'FormResponse.getTimestamp');
    return new Date(this.model.timestamp.getTime());
  }

  /** The respondent's email when the form collects emails, else ''. */
  getRespondentEmail(): string {
    record(this.ctx, 'FormResponse.getRespondentEmail');
    return this.form.collectEmail ? this.model.respondent : '';
  }

  /** Answers in form order (unanswered questions are absent). */
  getItemResponses(): GoogleAppsScript.Forms.ItemResponse[] {
    record(this.ctx, 'FormResponse.getItemResponses');
    return this.form.items
      .filter((i) => this.model.answers.has(i.id))
      .map((i) => asGas(new ItemResponse(this.ctx, this.form, i, this.model.answers.get(i.id)!)));
  }

  /** The answer to one item, or null. */
  getResponseForItem(item: GoogleAppsScript.Forms.Item): GoogleAppsScript.Forms.ItemResponse {
    record(this.ctx, 'FormResponse.getResponseForItem');
    const id = (item as unknown as BaseItem).model.id;
    const model = this.form.item(id);
    const answer = this.model.answers.get(id);
    // Google returns null for an unanswered item; @types omits the null.
    return (
      model && answer !== undefined
        ? asGas(new ItemResponse(this.ctx, this.form, model, answer))
        : null
    )!;
  }

  /** URL to edit this response. */
  getEditResponseUrl(): string {
    record(this.ctx, 'FormResponse.getEditResponseUrl');
    return `https://docs.google.com/forms/d/e/${this.form.publishedId}/viewform?edit2=${this.model.id}`;
  }
}
stubInterface(FormResponse, 'Forms.FormResponse');

/** A form. Deliberately has no addFileUploadItem: Apps Script cannot create file-upload questions. */
export class Form implements Fake<GoogleAppsScript.Forms.Form, Form> {
  constructor(
    readonly ctx: Ctx,
    readonly model: FormModel,
  ) {}

  private get self(): GoogleAppsScript.Forms.Form {
    return this as unknown as GoogleAppsScript.Forms.Form;
  }

  private add<T>(type: ItemTypeName, method: string): T {
    record(this.ctx, `Form.${method}`);
    const model = this.model.addItem(type);
    syncDestination(this.ctx.world, this.model);
    return new TYPED[type]!(this.ctx, this.model, model) as unknown as T;
  }

  /** Form id. */
  getId(): string {
    record(this.ctx, 'Form.getId');
    return this.model.id;
  }

  /** Title. */
  getTitle(): string {
    record(this.ctx, 'Form.getTitle');
    return this.model.title;
  }

  /** Sets the title (the Drive file name stays, as on Google). */
  setTitle(title: string): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'Form.setTitle');
    this.model.title = title;
    return this.self;
  }

  /** Description. */
  getDescription(): string {
    record(this.ctx, 'Form.getDescription');
    return this.model.description;
  }

  /** Sets the description. */
  setDescription(description: string): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'Form.setDescription');
    this.model.description = description;
    return this.self;
  }

  /** URL respondents use. */
  getPublishedUrl(): string {
    record(this.ctx, 'Form.getPublishedUrl');
    return `https://docs.google.com/forms/d/e/${this.model.publishedId}/viewform`;
  }

  /** URL to edit the form. */
  getEditUrl(): string {
    record(this.ctx, 'Form.getEditUrl');
    return `https://docs.google.com/forms/d/${this.model.id}/edit`;
  }

  /** Short URL (not shortened here). */
  shortenFormUrl(url: string): string {
    record(this.ctx, 'Form.shortenFormUrl');
    return url;
  }

  /** Links responses to a spreadsheet: a new response tab is created there (form#setdestinationtype,-id). */
  setDestination(
    type: GoogleAppsScript.Forms.DestinationType,
    id: string,
  ): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'Form.setDestination');
    if (String(type) !== 'SPREADSHEET') throw new Error('Invalid argument: type');
    linkDestination(this.ctx.world, this.model, id);
    return this.self;
  }

  /** Linked spreadsheet id; throws when unlinked, as Google does. */
  getDestinationId(): string {
    record(this.ctx, 'Form.getDestinationId');
    if (!this.model.destination)
      throw new Error('This form does not currently have a response destination.');
    return this.model.destination.spreadsheetId;
  }

  /** DestinationType.SPREADSHEET when linked. */
  getDestinationType(): GoogleAppsScript.Forms.DestinationType {
    record(this.ctx, 'Form.getDestinationType');
    if (!this.model.destination)
      throw new Error('This form does not currently have a response destination.');
    return asEnum(DestinationType.SPREADSHEET);
  }

  /** Unlinks. */
  removeDestination(): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'Form.removeDestination');
    unlinkDestination(this.ctx.world, this.model);
    return this.self;
  }

  /** Adds a one-line text question. */
  addTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.add('TEXT', 'addTextItem');
  }

  /** Adds a paragraph question. */
  addParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem {
    return this.add('PARAGRAPH_TEXT', 'addParagraphTextItem');
  }

  /** Adds a dropdown. */
  addListItem(): GoogleAppsScript.Forms.ListItem {
    return this.add('LIST', 'addListItem');
  }

  /** Adds a radio question. */
  addMultipleChoiceItem(): GoogleAppsScript.Forms.MultipleChoiceItem {
    return this.add('MULTIPLE_CHOICE', 'addMultipleChoiceItem');
  }

  /** Adds a checkbox question. */
  addCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.add('CHECKBOX', 'addCheckboxItem');
  }

  /** Adds a date question. */
  addDateItem(): GoogleAppsScript.Forms.DateItem {
    return this.add('DATE', 'addDateItem');
  }

  /** Adds a linear scale. */
  addScaleItem(): GoogleAppsScript.Forms.ScaleItem {
    return this.add('SCALE', 'addScaleItem');
  }

  /** Adds a section header. */
  addSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.add('SECTION_HEADER', 'addSectionHeaderItem');
  }

  /** Every item (optionally of one type), as generic Items. */
  getItems(itemType?: GoogleAppsScript.Forms.ItemType): GoogleAppsScript.Forms.Item[] {
    record(this.ctx, 'Form.getItems');
    return this.model.items
      .filter((i) => itemType === undefined || i.type === String(itemType))
      .map((i) => asGas(new Item(this.ctx, this.model, i)));
  }

  /** An item by id, or null. */
  getItemById(id: number): GoogleAppsScript.Forms.Item {
    record(this.ctx, 'Form.getItemById');
    const item = this.model.item(id);
    return (
      item ? asGas<GoogleAppsScript.Forms.Item>(new Item(this.ctx, this.model, item)) : null
    )!;
  }

  /** Deletes an item (by index or item); its response-sheet column stays, as on Google. */
  deleteItem(itemOrIndex: GoogleAppsScript.Forms.Item | number): void {
    record(this.ctx, 'Form.deleteItem');
    const index =
      typeof itemOrIndex === 'number'
        ? itemOrIndex
        : this.model.items.indexOf((itemOrIndex as unknown as BaseItem).model);
    if (index < 0 || index >= this.model.items.length) throw new Error('Invalid argument: index');
    this.model.items.splice(index, 1);
  }

  /** Moves an item to a 0-based index. */
  moveItem(
    itemOrFrom: GoogleAppsScript.Forms.Item | number,
    toIndex: number,
  ): GoogleAppsScript.Forms.Item {
    record(this.ctx, 'Form.moveItem');
    const from =
      typeof itemOrFrom === 'number'
        ? itemOrFrom
        : this.model.items.indexOf((itemOrFrom as unknown as BaseItem).model);
    const [item] = this.model.items.splice(from, 1);
    this.model.items.splice(toIndex, 0, item!);
    return asGas(new Item(this.ctx, this.model, item!));
  }

  /**
   * Collect respondents' emails (form#setcollectemailcollect). A linked response sheet gets its
   * «Адрес электронной почты» column as column B, the question columns moving right, as Sheets
   * shows it; turned off, the column stays with the addresses already collected.
   */
  setCollectEmail(collect: boolean): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'Form.setCollectEmail');
    this.model.collectEmail = collect;
    const sheet = destinationSheet(this.ctx.world, this.model);
    const ss = this.model.destination
      ? this.ctx.world.spreadsheets.get(this.model.destination.spreadsheetId)
      : undefined;
    if (collect && sheet && ss) {
      const header = fixedHeaders(ss.locale).email;
      if (sheet.get(1, 2) !== header) {
        sheet.insertColumns(1, 1);
        sheet.put(1, 2, header, null);
        for (const [id, column] of this.model.columns) this.model.columns.set(id, column + 1);
      }
    }
    return this.self;
  }

  /** True if emails are collected. */
  collectsEmail(): boolean {
    record(this.ctx, 'Form.collectsEmail');
    return this.model.collectEmail;
  }

  /** Require sign-in (Workspace domains only). */
  setRequireLogin(requireLogin: boolean): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'Form.setRequireLogin');
    this.model.requireLogin = requireLogin;
    return this.self;
  }

  /** True if sign-in is required. */
  requiresLogin(): boolean {
    record(this.ctx, 'Form.requiresLogin');
    return this.model.requireLogin;
  }

  /** One response per user. */
  setLimitOneResponsePerUser(enabled: boolean): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'Form.setLimitOneResponsePerUser');
    this.model.limitOneResponsePerUser = enabled;
    return this.self;
  }

  /** Message after submitting. */
  setConfirmationMessage(message: string): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'Form.setConfirmationMessage');
    this.model.confirmationMessage = message;
    return this.self;
  }

  /** The confirmation message. */
  getConfirmationMessage(): string {
    record(this.ctx, 'Form.getConfirmationMessage');
    return this.model.confirmationMessage;
  }

  /** Open or close the form. */
  setAcceptingResponses(enabled: boolean): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'Form.setAcceptingResponses');
    this.model.acceptingResponses = enabled;
    return this.self;
  }

  /** True if open. */
  isAcceptingResponses(): boolean {
    record(this.ctx, 'Form.isAcceptingResponses');
    return this.model.acceptingResponses;
  }

  /** Let respondents edit their response. */
  setAllowResponseEdits(enabled: boolean): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'Form.setAllowResponseEdits');
    this.model.allowResponseEdits = enabled;
    return this.self;
  }

  /** True if edits are allowed. */
  canEditResponse(): boolean {
    record(this.ctx, 'Form.canEditResponse');
    return this.model.allowResponseEdits;
  }

  /** Every response (optionally since a time). */
  getResponses(timestamp?: GoogleAppsScript.Base.Date): GoogleAppsScript.Forms.FormResponse[] {
    record(this.ctx, 'Form.getResponses');
    return this.model.responses
      .filter((r) => !timestamp || r.timestamp.getTime() >= timestamp.getTime())
      .map((r) => asGas(new FormResponse(this.ctx, this.model, r)));
  }

  /** A response by id; throws for an unknown id. */
  getResponse(responseId: string): GoogleAppsScript.Forms.FormResponse {
    record(this.ctx, 'Form.getResponse');
    const r = this.model.responses.find((x) => x.id === responseId);
    if (!r) throw new Error('Invalid argument: responseId');
    return asGas(new FormResponse(this.ctx, this.model, r));
  }

  /** Deletes every response (the sheet keeps its rows, as on Google). */
  deleteAllResponses(): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'Form.deleteAllResponses');
    this.model.responses = [];
    return this.self;
  }
}
stubInterface(Form, 'Forms.Form', 'Form');
// Google's Form has no such method; the stub list must not invent one.
delete (Form.prototype as unknown as Record<string, unknown>).addFileUploadItem;

/** FormApp.createTextValidation() and friends: one builder for text, paragraph and checkbox rules. */
export class ValidationBuilder {
  private rule: ValidationRule | null = null;
  private help = '';

  private set(kind: ValidationRule['kind'], args: (number | string)[]): Chain {
    this.rule = { kind, args, helpText: '' };
    return this;
  }

  /** Answer must be a number. */
  requireNumber(): Chain {
    return this.set('NUMBER', []);
  }

  /** Answer must be a whole number. */
  requireWholeNumber(): Chain {
    return this.set('WHOLE_NUMBER', []);
  }

  /** Answer must be a number in [start, end]. */
  requireNumberBetween(start: number, end: number): Chain {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }

  /** Answer must be a number > n. */
  requireNumberGreaterThan(n: number): Chain {
    return this.set('NUMBER_GREATER_THAN', [n]);
  }

  /** Answer must be a number < n. */
  requireNumberLessThan(n: number): Chain {
    return this.set('NUMBER_LESS_THAN', [n]);
  }

  /** Answer must be an email address. */
  requireTextIsEmail(): Chain {
    return this.set('EMAIL', []);
  }

  /** Answer must be a URL. */
  requireTextIsUrl(): Chain {
    return this.set('URL', []);
  }

  /** At most n characters. */
  requireTextLengthLessThanOrEqualTo(n: number): Chain {
    return this.set('LENGTH_AT_MOST', [n]);
  }

  /** At least n characters. */
  requireTextLengthGreaterThanOrEqualTo(n: number): Chain {
    return this.set('LENGTH_AT_LEAST', [n]);
  }

  /** Must match a regular expression. */
  requireTextMatchesPattern(pattern: string): Chain {
    return this.set('PATTERN', [pattern]);
  }

  /** Checkbox: at least n choices. */
  requireSelectAtLeast(n: number): Chain {
    return this.set('SELECT_AT_LEAST', [n]);
  }

  /** Checkbox: at most n choices. */
  requireSelectAtMost(n: number): Chain {
    return this.set('SELECT_AT_MOST', [n]);
  }

  /** Checkbox: exactly n choices. */
  requireSelectExactly(n: number): Chain {
    return this.set('SELECT_EXACTLY', [n]);
  }

  /** Message shown when the rule fails. */
  setHelpText(text: string): Chain {
    this.help = text;
    return this;
  }

  /** The rule. */
  build(): Chain {
    if (!this.rule) throw new Error('Invalid data updating form.');
    return { rule: { ...this.rule, helpText: this.help } };
  }
}

/** Creates a form file: Drive item plus model. */
export function createFormFile(world: World, title: string): FormModel {
  const item = createDriveItem(world, { name: title, mimeType: FORM_MIME });
  const model = new FormModel(item.id, `1FAIpQL${world.ids.next('S').slice(0, 49)}`, title);
  world.forms.set(item.id, model);
  return model;
}

/** FormApp for one project. */
export class FormApp implements Fake<GoogleAppsScript.Forms.FormApp, FormApp> {
  readonly ItemType = ItemType;
  readonly DestinationType = DestinationType;

  constructor(private readonly ctx: Ctx) {}

  private open(id: string, method: string): GoogleAppsScript.Forms.Form {
    const model = this.ctx.world.forms.get(String(id));
    if (!model)
      throw new Error(
        `No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.`,
      );
    void method;
    return asGas(new Form(this.ctx, model));
  }

  /** A new form (form-app#createtitle). */
  create(title: string): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'FormApp.create');
    return asGas(new Form(this.ctx, createFormFile(this.ctx.world, title)));
  }

  /** Opens by id. */
  openById(id: string): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'FormApp.openById');
    return this.open(id, 'openById');
  }

  /** Opens by edit or published URL. */
  openByUrl(url: string): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'FormApp.openByUrl');
    const edit = /\/forms\/d\/([\w-]+)/.exec(url);
    if (edit && edit[1] !== 'e') return this.open(edit[1]!, 'openByUrl');
    const published = /\/forms\/d\/e\/([\w-]+)/.exec(url);
    const model =
      published && [...this.ctx.world.forms.values()].find((f) => f.publishedId === published[1]);
    return this.open(model ? model.id : '', 'openByUrl');
  }

  /** Only a script bound to a form has an active form; ours are bound to a spreadsheet. */
  getActiveForm(): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'FormApp.getActiveForm');
    return null!;
  }

  /** Text-item validation builder. */
  createTextValidation(): GoogleAppsScript.Forms.TextValidationBuilder {
    return asGas(new ValidationBuilder());
  }

  /** Paragraph validation builder. */
  createParagraphTextValidation(): GoogleAppsScript.Forms.ParagraphTextValidationBuilder {
    return asGas(new ValidationBuilder());
  }

  /** Checkbox validation builder. */
  createCheckboxValidation(): GoogleAppsScript.Forms.CheckboxValidationBuilder {
    return asGas(new ValidationBuilder());
  }
}
stubInterface(FormApp, 'Forms.FormApp');

/** The Form facade of a model (used by triggers' `source`). */
export function formFacade(ctx: Ctx, model: FormModel): GoogleAppsScript.Forms.Form {
  return asGas(new Form(ctx, model));
}
