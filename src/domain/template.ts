/**
 * The template engine of documents staff design in Google Docs: fields in double braces
 * (`{{Фамилия Имя}}`), a case after a colon for names (`{{ФИО наставника:дательный}}`) and a
 * word chosen by the addressee's gender (`{{ученику/ученице}}`). Pure: it reads the texts of a
 * template, says precisely what is wrong with it before anything is made, and gives each field's
 * text for one page. Adapters put that text into the copied document (Text ranges keep the
 * template's fonts); which fields a kind of document offers is the caller's catalogue.
 */
import { closestNames } from './matching';
import { matchKey } from './text/clean';
import {
  declineName,
  formatPersonName,
  GRAMMATICAL_CASES,
  type Gender,
  type GrammaticalCase,
  type PersonName,
} from './text/names';
import { TEMPLATE_RU } from '../i18n/ru/templates';

/** A field a template may use. */
export interface TemplateField {
  /** As written between the braces: «Фамилия Имя». */
  name: string;
  /** A person's name: may take a case after a colon. */
  person?: boolean;
}

/** A field occurrence understood: `raw` is exactly what the template holds, braces included. */
export type TemplateToken =
  | { type: 'field'; raw: string; field: string; grammaticalCase: GrammaticalCase }
  | { type: 'gender'; raw: string; male: string; female: string };

export type TemplateProblem =
  | 'unknown-field'
  | 'not-for-this-document'
  | 'unknown-case'
  | 'case-not-allowed'
  | 'bad-choice'
  | 'empty'
  | 'unclosed';

/** What is wrong with one field, with a suggestion where one can be guessed. */
export interface TemplateError {
  raw: string;
  problem: TemplateProblem;
  /** The field as it probably should be written («{{Фамилия Имя}}»), or ''. */
  suggestion: string;
  /** The message for staff (lowercase start: callers prefix the template's name). */
  message: string;
}

/** The fields of a template: each distinct occurrence once, in order of first appearance. */
export interface ParsedTemplate {
  tokens: TemplateToken[];
  errors: TemplateError[];
}

const FIELD = /\{\{([^{}]*)\}\}/g;

/**
 * Reads the texts of a template (its paragraphs, cells, header and footer) against the fields it
 * may use. `elsewhere` are fields of the same family that this kind of document does not offer
 * (a place on a letter of thanks): they get their own message rather than «unknown».
 */
export function parseTemplate(
  texts: readonly string[],
  fields: readonly TemplateField[],
  elsewhere: readonly string[] = [],
): ParsedTemplate {
  const tokens: TemplateToken[] = [];
  const errors: TemplateError[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    for (const match of matchAll(text)) {
      const raw = match[0];
      if (seen.has(raw)) continue;
      seen.add(raw);
      const read = readToken(raw, match[1] ?? '', fields, elsewhere);
      if ('problem' in read) errors.push(read);
      else tokens.push(read);
    }
    const rest = text.replace(FIELD, ' ');
    const stray = /\{\{|\}\}/.exec(rest);
    if (stray) {
      const fragment = rest.slice(Math.max(0, stray.index - 20), stray.index + 22).trim();
      if (!seen.has('unclosed:' + fragment)) {
        seen.add('unclosed:' + fragment);
        errors.push({
          raw: fragment,
          problem: 'unclosed',
          suggestion: '',
          message: TEMPLATE_RU.unclosed(fragment),
        });
      }
    }
  }
  return { tokens, errors };
}

function matchAll(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  FIELD.lastIndex = 0;
  for (let m = FIELD.exec(text); m; m = FIELD.exec(text)) out.push(m);
  return out;
}

function braces(inner: string): string {
  return `{{${inner}}}`;
}

function readToken(
  raw: string,
  inner: string,
  fields: readonly TemplateField[],
  elsewhere: readonly string[],
): TemplateToken | TemplateError {
  const content = inner.replace(/\s+/g, ' ').trim();
  const fail = (problem: TemplateProblem, message: string, suggestion = ''): TemplateError => ({
    raw,
    problem,
    suggestion,
    message,
  });
  if (content === '') return fail('empty', TEMPLATE_RU.emptyField);
  if (content.includes('/')) {
    const words = content.split('/').map((w) => w.trim());
    if (words.length !== 2 || words.some((w) => w === ''))
      return fail('bad-choice', TEMPLATE_RU.badChoice(raw));
    return { type: 'gender', raw, male: words[0]!, female: words[1]! };
  }
  const colon = content.indexOf(':');
  const typedName = (colon < 0 ? content : content.slice(0, colon)).trim();
  const typedCase = colon < 0 ? '' : content.slice(colon + 1).trim();
  const field = fields.find((f) => matchKey(f.name) === matchKey(typedName));
  const available = fields.map((f) => braces(f.name)).join(', ');
  if (!field) {
    if (elsewhere.some((name) => matchKey(name) === matchKey(typedName)))
      return fail('not-for-this-document', TEMPLATE_RU.notForThisDocument(raw, available));
    const guess = closestNames(
      typedName,
      fields.map((f) => f.name),
      1,
    )[0];
    if (!guess) return fail('unknown-field', TEMPLATE_RU.unknownFieldNoGuess(raw, available));
    const suggestion = braces(typedCase ? `${guess}:${typedCase}` : guess);
    return fail('unknown-field', TEMPLATE_RU.unknownField(raw, suggestion), suggestion);
  }
  if (colon < 0) return { type: 'field', raw, field: field.name, grammaticalCase: 'nominative' };
  if (!field.person)
    return fail(
      'case-not-allowed',
      TEMPLATE_RU.caseNotAllowed(raw, field.name),
      braces(field.name),
    );
  const grammaticalCase = GRAMMATICAL_CASES.find(
    (c) => matchKey(TEMPLATE_RU.cases[c]) === matchKey(typedCase),
  );
  if (grammaticalCase) return { type: 'field', raw, field: field.name, grammaticalCase };
  const caseNames = GRAMMATICAL_CASES.map((c) => TEMPLATE_RU.cases[c]);
  const guess = closestNames(typedCase, caseNames, 1)[0];
  if (!guess)
    return fail('unknown-case', TEMPLATE_RU.unknownCaseNoGuess(raw, caseNames.join(', ')));
  const suggestion = braces(`${field.name}:${guess}`);
  return fail('unknown-case', TEMPLATE_RU.unknownCase(raw, suggestion), suggestion);
}

/** A name-valued field: declined by the template's case, using the person's own gender. */
export interface PersonValue {
  person: PersonName;
  gender: Gender | null;
}

export type FieldValue = string | PersonValue;

/** What one page (one addressee) fills its fields with. */
export interface TemplateData {
  values: Readonly<Record<string, FieldValue>>;
  /** The addressee's gender, for {{ученику/ученице}}; null when it cannot be told. */
  gender: Gender | null;
}

/** A field's text on one page; `unresolved` when the gender was needed but unknown. */
export interface FilledToken {
  raw: string;
  text: string;
  unresolved: boolean;
}

/**
 * Each token's text for one page. A name without a known gender stays in the nominative and a
 * gender choice keeps both words («ученику/ученице»): the page is still made, marked unresolved.
 */
export function fillTokens(tokens: readonly TemplateToken[], data: TemplateData): FilledToken[] {
  return tokens.map((token) => {
    if (token.type === 'gender') {
      if (data.gender === null)
        return { raw: token.raw, text: `${token.male}/${token.female}`, unresolved: true };
      return {
        raw: token.raw,
        text: data.gender === 'male' ? token.male : token.female,
        unresolved: false,
      };
    }
    const value = data.values[token.field];
    if (value === undefined) throw new Error(`template: no value for field ${token.field}`);
    if (typeof value === 'string') return { raw: token.raw, text: value, unresolved: false };
    const needsGender = token.grammaticalCase !== 'nominative';
    const unresolved = needsGender && value.gender === null;
    const person = declineName(value.person, token.grammaticalCase, value.gender);
    return { raw: token.raw, text: formatPersonName(person), unresolved };
  });
}

/** A text with its fields filled (plain-text uses and tests; documents fill Text ranges). */
export function fillText(text: string, filled: readonly FilledToken[]): string {
  const byRaw = new Map(filled.map((f) => [f.raw, f.text]));
  return text.replace(FIELD, (raw) => byRaw.get(raw) ?? raw);
}

/**
 * Whether a line of a template vanishes on a page: it holds fields and every one of them is empty
 * there («Дата проведения: {{Дата мероприятия}}» of an event without a date, «Приказ от {{Дата
 * приказа}} № {{Номер приказа}}» without an order). `filled` maps a field as written to its text.
 */
export function emptiedByFill(text: string, filled: ReadonlyMap<string, string>): boolean {
  const marks = text.match(/\{\{[^{}]*\}\}/g);
  if (!marks) return false;
  return marks.every((raw) => (filled.get(raw) ?? raw).trim() === '');
}
