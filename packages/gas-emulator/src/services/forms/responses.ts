/** Responses as FormApp hands them out: FormResponse and the ItemResponse of each answer. */
/* eslint-disable @typescript-eslint/no-explicit-any -- signatures mirror @types/google-apps-script, which uses any */
import { asGas, Fake, stubInterface } from '../../core/errors';
import type { Ctx } from '../../core/world';
import { record } from '../../core/world';
import type { Answer, FormModel, ItemModel, ResponseModel } from '../form-model';
import { Item, registerItemResponse, type BaseItem } from './items';

/** One answer of a response (submitted, or made by an item's createResponse for a prefill). */
export class ItemResponse implements Fake<GoogleAppsScript.Forms.ItemResponse, ItemResponse> {
  constructor(
    private readonly ctx: Ctx,
    readonly form: FormModel,
    readonly item: ItemModel,
    readonly answer: Answer,
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
registerItemResponse(
  (ctx, form, item, answer) =>
    new ItemResponse(ctx, form, item, answer) as unknown as GoogleAppsScript.Forms.ItemResponse,
);

/**
 * Java's URLEncoder (UTF-8) as Google's servers encode query values: letters, digits and `.-*_`
 * stay, a space becomes `+`, everything else `%XX`.
 */
export function formUrlEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, '+');
}

/**
 * A response: submitted (from getResponses, getResponse or a submit), or a draft from
 * Form.createResponse() that collects item responses for toPrefilledUrl (form#createResponse).
 */
export class FormResponse implements Fake<GoogleAppsScript.Forms.FormResponse, FormResponse> {
  constructor(
    private readonly ctx: Ctx,
    private readonly form: FormModel,
    readonly model: ResponseModel,
    /** A draft of Form.createResponse(): not submitted, so it has no id. */
    private readonly draft = false,
  ) {}

  /** Response id; null for a response not submitted (form-response#getId: String|null). */
  getId(): string {
    record(this.ctx, 'FormResponse.getId');
    return (this.draft ? null : this.model.id)!;
  }

  /**
   * Adds an item response (made by the item's createResponse) to this response; a second one for
   * the same item replaces the first (form-response#withItemResponse(ItemResponse)).
   */
  withItemResponse(
    response: GoogleAppsScript.Forms.ItemResponse,
  ): GoogleAppsScript.Forms.FormResponse {
    record(this.ctx, 'FormResponse.withItemResponse');
    const given = response as unknown as ItemResponse;
    if (!(given instanceof ItemResponse) || this.form.item(given.item.id) !== given.item)
      throw new Error('Invalid argument: response');
    this.model.answers.set(
      given.item.id,
      Array.isArray(given.answer) ? [...given.answer] : given.answer,
    );
    return this as unknown as GoogleAppsScript.Forms.FormResponse;
  }

  /**
   * The form's respondent URL with this response's answers filled in (form-response#toPrefilledUrl):
   * `…/viewform?usp=pp_url&entry.<n>=<value>` in the form's question order, a checkbox answer as
   * one `entry` per value, values encoded as Google's servers encode them (space as `+`).
   */
  toPrefilledUrl(): string {
    record(this.ctx, 'FormResponse.toPrefilledUrl');
    const params: string[] = ['usp=pp_url'];
    for (const item of this.form.items) {
      const answer = this.model.answers.get(item.id);
      if (answer === undefined) continue;
      for (const value of Array.isArray(answer) ? answer : [answer])
        params.push(`entry.${item.entryId}=${formUrlEncode(value)}`);
    }
    return `https://docs.google.com/forms/d/e/${this.form.publishedId}/viewform?${params.join('&')}`;
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
