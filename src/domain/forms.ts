/**
 * The four forms as data: titles, exact question titles (a contract: tests and the intake read
 * answers by title), kinds, validation and which reference fills each dropdown.
 */
import { FORMS_RU as T } from '../i18n/ru/forms';
import { RESPONSES_TAB_PREFIX } from './schema';

export type FormKind = 'registration' | 'report' | 'order' | 'results';

export type QuestionKind = 'text' | 'paragraph' | 'list' | 'checkbox' | 'number' | 'email' | 'url';

/** Reference lists a dropdown is filled from. */
export type ChoiceSource =
  'schools' | 'events' | 'competencies' | 'ageCategories' | 'months' | 'resultKinds';

export interface QuestionDefinition {
  title: string;
  kind: QuestionKind;
  required: boolean;
  help?: string;
  choicesFrom?: ChoiceSource;
  choices?: string[];
  min?: number;
  max?: number;
}

export interface FormDefinition {
  kind: FormKind;
  title: string;
  description: string;
  confirmation: string;
  /** Name of the linked response sheet in the master. */
  responseSheet: string;
  /** Prefix of response ids: `REG-5` is row 5 of the registration response sheet. */
  idPrefix: string;
  /** Its column of rows in «Индекс ответов»: «Строки: <indexLabel>» (a contract, like headers). */
  indexLabel: string;
  questions: QuestionDefinition[];
  /**
   * A file-upload question the operator adds by hand (FormApp cannot create one): its title and
   * the question schools answer instead while it is missing. Setup and the sidebar's health check
   * say whether it is there.
   */
  upload?: { question: string; fallback: string };
}

export const Q = T.questions;

export const REGISTRATION_FORM: FormDefinition = {
  kind: 'registration',
  title: T.titles.registration,
  description: T.descriptions.registration,
  confirmation: T.confirmation,
  responseSheet: `${RESPONSES_TAB_PREFIX}${T.titles.registration}`,
  idPrefix: 'REG',
  indexLabel: 'регистрация',
  questions: [
    { title: Q.school, kind: 'list', required: true, choicesFrom: 'schools' },
    { title: Q.event, kind: 'list', required: true, choicesFrom: 'events' },
    { title: Q.competency, kind: 'list', required: true, choicesFrom: 'competencies' },
    { title: Q.ageCategory, kind: 'list', required: true, choicesFrom: 'ageCategories' },
    { title: Q.p1Surname, kind: 'text', required: true },
    { title: Q.p1Name, kind: 'text', required: true },
    { title: Q.p1Class, kind: 'text', required: true, help: T.help.classOrGroup },
    { title: Q.p2Surname, kind: 'text', required: false, help: T.help.secondParticipant },
    { title: Q.p2Name, kind: 'text', required: false },
    { title: Q.p2Class, kind: 'text', required: false },
    { title: Q.mentorName, kind: 'text', required: true },
    { title: Q.mentorEmail, kind: 'email', required: true, help: T.help.email },
    {
      title: Q.consent,
      kind: 'checkbox',
      required: true,
      choices: [T.consentChoice],
      help: T.help.consent,
    },
  ],
};

export const REPORT_FORM: FormDefinition = {
  kind: 'report',
  title: T.titles.report,
  description: T.descriptions.report,
  confirmation: T.confirmation,
  responseSheet: `${RESPONSES_TAB_PREFIX}${T.titles.report}`,
  idPrefix: 'REP',
  indexLabel: 'отчёты',
  questions: [
    { title: Q.school, kind: 'list', required: true, choicesFrom: 'schools' },
    { title: Q.month, kind: 'list', required: true, choicesFrom: 'months' },
    { title: Q.sessions, kind: 'number', required: true, min: 0, max: 1000, help: T.help.number },
    { title: Q.pupils, kind: 'number', required: true, min: 0, max: 5000, help: T.help.number },
    { title: Q.mentors, kind: 'number', required: true, min: 0, max: 500, help: T.help.number },
    { title: Q.eventsHeld, kind: 'paragraph', required: false },
    { title: Q.contests, kind: 'paragraph', required: false },
    { title: Q.difficulties, kind: 'paragraph', required: false },
    { title: Q.postRelease, kind: 'url', required: false, help: T.help.url },
    { title: Q.contact, kind: 'text', required: true },
  ],
};

export const ORDER_FORM: FormDefinition = {
  kind: 'order',
  title: T.titles.order,
  description: T.descriptions.order,
  confirmation: T.confirmation,
  responseSheet: `${RESPONSES_TAB_PREFIX}${T.titles.order}`,
  idPrefix: 'ORD',
  indexLabel: 'приказы',
  questions: [
    { title: Q.school, kind: 'list', required: true, choicesFrom: 'schools' },
    { title: Q.orderNumber, kind: 'text', required: true },
    { title: Q.orderDate, kind: 'text', required: true, help: T.help.date },
    { title: Q.event, kind: 'list', required: true, choicesFrom: 'events' },
    {
      title: Q.orderParticipants,
      kind: 'paragraph',
      required: true,
      help: T.help.orderParticipants,
    },
    { title: Q.orderFileLink, kind: 'url', required: false, help: T.help.orderFileLink },
  ],
  upload: { question: Q.orderFile, fallback: Q.orderFileLink },
};

export const RESULTS_FORM: FormDefinition = {
  kind: 'results',
  title: T.titles.results,
  description: T.descriptions.results,
  confirmation: T.confirmation,
  responseSheet: `${RESPONSES_TAB_PREFIX}${T.titles.results}`,
  idPrefix: 'RES',
  indexLabel: 'результаты',
  questions: [
    { title: Q.school, kind: 'list', required: true, choicesFrom: 'schools' },
    { title: Q.event, kind: 'list', required: true, choicesFrom: 'events' },
    { title: Q.competency, kind: 'list', required: true, choicesFrom: 'competencies' },
    { title: Q.resultParticipant, kind: 'text', required: true, help: T.help.resultParticipant },
    { title: Q.result, kind: 'list', required: true, choicesFrom: 'resultKinds' },
    { title: Q.score, kind: 'number', required: false, min: 0, max: 100, help: T.help.score },
  ],
};

export const FORMS: FormDefinition[] = [REGISTRATION_FORM, REPORT_FORM, ORDER_FORM, RESULTS_FORM];
