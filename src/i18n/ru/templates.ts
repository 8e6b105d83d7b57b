/**
 * Russian strings of the document template engine (domain/template.ts): the names of the cases
 * staff write after a colon, and the messages of a template that cannot be filled.
 */
import type { GrammaticalCase } from '../../domain/text/names';
import { excerpt } from '../../domain/text/clean';
import { echo } from './echo';

export const TEMPLATE_RU = {
  /** Case names as written in a field: {{Фамилия Имя:дательный}}. */
  cases: {
    nominative: 'именительный',
    genitive: 'родительный',
    dative: 'дательный',
    accusative: 'винительный',
    instrumental: 'творительный',
    prepositional: 'предложный',
  } as Record<GrammaticalCase, string>,

  unknownField: (raw: string, suggestion: string) =>
    `неизвестное поле ${excerpt(raw)} — возможно, ${suggestion}.`,
  unknownFieldNoGuess: (raw: string, fields: string) =>
    `неизвестное поле ${excerpt(raw)}. Поля, которые можно использовать: ${fields}.`,
  notForThisDocument: (raw: string, fields: string) =>
    `поле ${excerpt(raw)} не подходит для этого документа. Поля, которые можно использовать: ${fields}.`,
  unknownCase: (raw: string, suggestion: string) =>
    `неизвестный падеж в поле ${excerpt(raw)} — возможно, ${suggestion}.`,
  unknownCaseNoGuess: (raw: string, cases: string) =>
    `неизвестный падеж в поле ${excerpt(raw)}. Падежи: ${cases}.`,
  caseNotAllowed: (raw: string, field: string) =>
    `в поле ${excerpt(raw)} указан падеж, но склоняются только имена; напишите {{${field}}}.`,
  badChoice: (raw: string) =>
    `в поле ${excerpt(raw)} должно быть два слова через косую черту: для мужского и для женского рода, например {{ученику/ученице}}.`,
  unclosed: (fragment: string) =>
    `поле не закрыто или открыто лишний раз: ${echo(fragment)}. Поле пишется в двойных фигурных скобках, например {{Фамилия Имя}}.`,
  emptyField: 'пустое поле {{}}: впишите имя поля или удалите скобки.',
  /** «Шаблон «Диплом победителя»: неизвестное поле …». */
  inTemplate: (template: string, message: string) => `Шаблон «${template}»: ${message}`,
};
