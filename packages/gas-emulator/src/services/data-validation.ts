/**
 * SpreadsheetApp.newDataValidation() and the rules it builds
 * (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- signatures mirror @types/google-apps-script, which uses any */
import { asEnum, makeEnum } from '../core/enums';
import { Fake, stubInterface } from '../core/errors';
import type { Ctx } from '../core/world';
import { record } from '../core/world';

/** SpreadsheetApp.DataValidationCriteria. */
export const DataValidationCriteria = makeEnum([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const);

type CriteriaName = keyof typeof DataValidationCriteria;

/** An immutable validation rule. */
export class DataValidation implements Fake<
  GoogleAppsScript.Spreadsheet.DataValidation,
  DataValidation
> {
  constructor(
    readonly criteria: CriteriaName,
    readonly values: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}

  /** The rule's criteria type. */
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return asEnum(DataValidationCriteria[this.criteria]);
  }

  /** The criteria arguments (a list is one array argument, as Google returns it). */
  getCriteriaValues(): any[] {
    return [...this.values];
  }

  /** True if invalid input is only warned about. */
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }

  /** The help text shown on hover, or null. */
  getHelpText(): string {
    return this.helpText;
  }

  /** A builder starting from this rule. */
  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    const b = new DataValidationBuilder(null);
    b.criteria = this.criteria;
    b.values = [...this.values];
    b.allowInvalid = this.allowInvalid;
    b.helpText = this.helpText;
    return b as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }

  /** True if `value` passes the rule (used by harness checks, e.g. the xlsx export). */
  accepts(value: unknown): boolean {
    switch (this.criteria) {
      case 'VALUE_IN_LIST':
        return (
          value === '' || ((this.values[0] as unknown[]) ?? []).map(String).includes(String(value))
        );
      case 'CHECKBOX':
        return value === true || value === false || value === '';
      case 'NUMBER_BETWEEN':
        return (
          typeof value === 'number' &&
          value >= Number(this.values[0]) &&
          value <= Number(this.values[1])
        );
      default:
        return true;
    }
  }
}
stubInterface(DataValidation, 'Spreadsheet.DataValidation');

/** SpreadsheetApp.newDataValidation(). */
export class DataValidationBuilder implements Fake<
  GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  DataValidationBuilder
> {
  criteria: CriteriaName | null = null;
  values: unknown[] = [];
  allowInvalid = true;
  helpText = '';

  constructor(private readonly ctx: Ctx | null) {}

  private set(
    criteria: CriteriaName,
    values: unknown[],
  ): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.criteria = criteria;
    this.values = values;
    return this as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }

  /** Input must be one of `values`; the dropdown shows them. */
  requireValueInList(
    values: string[],
    showDropdown = true,
  ): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.set('VALUE_IN_LIST', [[...values], showDropdown]);
  }

  /** Input must be a value of `range`. */
  requireValueInRange(
    range: GoogleAppsScript.Spreadsheet.Range,
    showDropdown = true,
  ): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.set('VALUE_IN_RANGE', [range, showDropdown]);
  }

  /** Input must be a checkbox value. */
  requireCheckbox(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.set('CHECKBOX', []);
  }

  /** Input must be a number between `start` and `end` inclusive. */
  requireNumberBetween(
    start: number,
    end: number,
  ): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }

  /** Input must be a number >= `number`. */
  requireNumberGreaterThanOrEqualTo(
    number: number,
  ): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  /** Input must be a date. */
  requireDate(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.set('DATE_IS_VALID_DATE', []);
  }

  /** Input must be an email address. */
  requireTextIsEmail(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }

  /** Input must be a URL. */
  requireTextIsUrl(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.set('TEXT_IS_VALID_URL', []);
  }

  /** Whether invalid input is accepted with a warning (true) or rejected (false). */
  setAllowInvalid(allowInvalidData: boolean): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.allowInvalid = allowInvalidData;
    return this as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }

  /** Help text shown on hover. */
  setHelpText(helpText: string): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.helpText = helpText;
    return this as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }

  /** The rule; Google requires criteria to be set first. */
  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    if (this.ctx) record(this.ctx, 'DataValidationBuilder.build');
    if (!this.criteria)
      throw new Error('You must specify a criteria type for the data validation rule.');
    return new DataValidation(
      this.criteria,
      this.values,
      this.allowInvalid,
      this.helpText,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
  }
}
stubInterface(DataValidationBuilder, 'Spreadsheet.DataValidationBuilder');
