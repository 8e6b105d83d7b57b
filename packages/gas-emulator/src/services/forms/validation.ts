/**
 * Validation rules of text, paragraph and checkbox items: the builders FormApp hands out and the
 * rule a built validation carries to the item.
 */
import type { ValidationRule } from '../form-model';
import type { Chain } from './items';

/** The rule inside a validation built by ValidationBuilder. */
export function validationOf(
  v:
    | GoogleAppsScript.Forms.TextValidation
    | GoogleAppsScript.Forms.CheckboxValidation
    | GoogleAppsScript.Forms.ParagraphTextValidation,
): ValidationRule {
  return (v as unknown as { rule: ValidationRule }).rule;
}

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
