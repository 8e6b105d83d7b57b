/** Responses as FormApp hands them out: FormResponse and the ItemResponse of each answer. */
/* eslint-disable @typescript-eslint/no-explicit-any -- signatures mirror @types/google-apps-script, which uses any */
import { asGas, Fake, stubInterface } from '../../core/errors';
import type { Ctx } from '../../core/world';
import { record } from '../../core/world';
import type { Answer, FormModel, ItemModel, ResponseModel } from '../form-model';
import { Item, type BaseItem } from './items';

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
