/** Form: its settings, items, responses and response destination. */
import { asEnum } from '../../core/enums';
import { asGas, Fake, stubInterface } from '../../core/errors';
import type { Ctx } from '../../core/world';
import { record } from '../../core/world';
import type { FormModel, ItemTypeName } from '../form-model';
import {
  DestinationType,
  destinationSheet,
  fixedHeaders,
  linkDestination,
  syncDestination,
  unlinkDestination,
} from './destination';
import { Item, TYPED, type BaseItem } from './items';
import { FormResponse } from './responses';

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

  /** Collect respondents' emails (adds the email column when linked later). */
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

  /**
   * Deletes one response from the form's store; copies in a response destination (the linked
   * sheet's row) stay, as on Google (reference/forms/form#deleteresponseresponseid). An id the
   * form does not hold throws, as getResponse does.
   */
  deleteResponse(responseId: string): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'Form.deleteResponse');
    const at = this.model.responses.findIndex((x) => x.id === responseId);
    if (at < 0) throw new Error('Invalid argument: responseId');
    this.model.responses.splice(at, 1);
    return this.self;
  }

  /**
   * A new, empty response to fill with item responses: for toPrefilledUrl, or to submit
   * (form#createResponse; submit() is not emulated).
   */
  createResponse(): GoogleAppsScript.Forms.FormResponse {
    record(this.ctx, 'Form.createResponse');
    const draft = {
      id: '',
      timestamp: this.ctx.world.clock.now(),
      respondent: '',
      answers: new Map(),
      sheetRow: null,
    };
    return asGas(new FormResponse(this.ctx, this.model, draft, true));
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
