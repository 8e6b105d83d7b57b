/**
 * Form items (developers.google.com/apps-script/reference/forms): the generic Item and the typed
 * items FormApp can create. Setters return the item, and a title change renames the
 * response-sheet column.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- signatures mirror @types/google-apps-script, which uses any */
import { asEnum, makeEnum } from '../../core/enums';
import { asGas, Fake, stubInterface } from '../../core/errors';
import type { Ctx } from '../../core/world';
import { record } from '../../core/world';
import type { FormModel, ItemModel, ItemTypeName } from '../form-model';
import { syncDestination } from './destination';
import { validationOf } from './validation';

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

/** What setters return: the concrete item type; one base serves them all. */
export type Chain = any;

type ItemResponseMaker = (
  ctx: Ctx,
  form: FormModel,
  item: ItemModel,
  answer: string | string[],
) => GoogleAppsScript.Forms.ItemResponse;
let makeItemResponse: ItemResponseMaker | null = null;

/** responses.ts hands over its ItemResponse here, so items need not import it (no cycle). */
export function registerItemResponse(maker: ItemResponseMaker): void {
  makeItemResponse = maker;
}

/** An ItemResponse of `item` holding `answer`, not yet part of any response. */
function itemResponse(
  base: BaseItem,
  answer: string | string[],
): GoogleAppsScript.Forms.ItemResponse {
  if (!makeItemResponse) throw new Error('emulator: ItemResponse is not loaded');
  return makeItemResponse(base.ctx, base.form, base.model, answer);
}

/** Google refuses an answer a choice item does not offer (list-item#createResponse(String)). */
function requireChoice(base: BaseItem, value: string): void {
  if (!base.model.choices.includes(value) && !base.model.hasOther)
    throw new Error('Invalid response submitted to item.');
}

/** Members every item type shares. */
export abstract class BaseItem {
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

/** An item class to extend with shared members (the mixins below). */
type ItemClass = abstract new (...args: any[]) => BaseItem;

/** setValidation and clearValidation: text, paragraph-text and checkbox items. */
function validated<B extends ItemClass>(Base: B) {
  abstract class Validated extends Base {
    /** Sets the validation rule (FormApp.createTextValidation(), createParagraphTextValidation(), createCheckboxValidation()). */
    setValidation(
      validation:
        | GoogleAppsScript.Forms.TextValidation
        | GoogleAppsScript.Forms.ParagraphTextValidation
        | GoogleAppsScript.Forms.CheckboxValidation,
    ): Chain {
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
  return Validated;
}

/** showOtherOption and hasOtherOption: multiple-choice and checkbox items. */
function withOtherOption<B extends ItemClass>(Base: B) {
  abstract class WithOtherOption extends Base {
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
  return WithOtherOption;
}

/** A text question, one line or several: any text is an answer. */
abstract class TextQuestionItem extends validated(QuestionItem) {
  /** A response to this question, for FormResponse.withItemResponse (text-item#createResponse(String), paragraph-text-item#createResponse(String)). */
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.rec('createResponse');
    return itemResponse(this, String(response));
  }
}

/** A one-line text question. */
export class TextItem
  extends TextQuestionItem
  implements Fake<GoogleAppsScript.Forms.TextItem, TextItem>
{
  protected override kind(): string {
    return 'TextItem';
  }
}
stubInterface(TextItem, 'Forms.TextItem');

/** A multi-line text question. */
export class ParagraphTextItem
  extends TextQuestionItem
  implements Fake<GoogleAppsScript.Forms.ParagraphTextItem, ParagraphTextItem>
{
  protected override kind(): string {
    return 'ParagraphTextItem';
  }
}
stubInterface(ParagraphTextItem, 'Forms.ParagraphTextItem');

/** A question answered with one of its choices (dropdown, radio buttons). */
abstract class SingleChoiceItem extends ChoiceItem {
  /**
   * A response to this item; "Throws an exception if the response argument does not match a
   * valid choice for this item" (list-item#createResponse(String)), unless "Other" is shown
   * (multiple-choice-item#createResponse(String)).
   */
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.rec('createResponse');
    requireChoice(this, String(response));
    return itemResponse(this, String(response));
  }
}

/** A dropdown question (no "other" option on Google). */
export class ListItem
  extends SingleChoiceItem
  implements Fake<GoogleAppsScript.Forms.ListItem, ListItem>
{
  protected override kind(): string {
    return 'ListItem';
  }
}
stubInterface(ListItem, 'Forms.ListItem');

/** A radio-button question. */
export class MultipleChoiceItem
  extends withOtherOption(SingleChoiceItem)
  implements Fake<GoogleAppsScript.Forms.MultipleChoiceItem, MultipleChoiceItem>
{
  protected override kind(): string {
    return 'MultipleChoiceItem';
  }
}
stubInterface(MultipleChoiceItem, 'Forms.MultipleChoiceItem');

/** A checkbox question: several answers. */
export class CheckboxItem
  extends validated(withOtherOption(ChoiceItem))
  implements Fake<GoogleAppsScript.Forms.CheckboxItem, CheckboxItem>
{
  protected override kind(): string {
    return 'CheckboxItem';
  }

  /** A response checking `responses`; each must be a choice unless "Other" is shown (checkbox-item#createResponse(String)). */
  createResponse(responses: string[]): GoogleAppsScript.Forms.ItemResponse {
    this.rec('createResponse');
    const values = responses.map(String);
    for (const value of values) requireChoice(this, value);
    return itemResponse(this, values);
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

/** The typed item class of each item type FormApp can create. */
export const TYPED: Partial<
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
