/**
 * Validation of each form's answers: every rule names the field by its question title and says
 * what to do, in plain Russian. Validation also parses: it returns a typed draft next to the
 * issues, so intake never parses an answer twice. Errors go to «Требует проверки»; warnings are
 * noted there too but do not stop the answer from being counted.
 */
import { editionAt, editionsNamed } from './eventCalendar';
import type {
  AgeCategory,
  ChampionshipEvent,
  Competency,
  MonthlyReport,
  QualityIssue,
  ResultKind,
  School,
  SchoolType,
} from './model';
import { DOMAIN_RU } from '../i18n/ru/domain';
import {
  closestNames,
  matchAgeCategory,
  matchCompetency,
  matchEvent,
  matchSchool,
  schoolLabel,
  type SchoolIndex,
} from './matching';
import { daysBetween, formatDateNumeric, moscowMidnight, startOfMoscowDay } from './text/dates';
import { parseDateAnswer, parsePeriodAnswer } from './text/dateAnswers';
import {
  formatMonthYear,
  formatSchoolYearShort,
  periodOf,
  schoolYearOf,
  schoolYearPeriods,
} from './text/periods';
import {
  isPlausibleNamePart,
  normalizePersonName,
  splitFullName,
  splitNameLines,
  type PersonName,
} from './text/names';
import { cleanLine, cleanText, hasMixedScriptWord, isBlank } from './text/clean';
import { sha256, toHex } from './hash';
import { isParticipantId, pseudonymIn, pseudonymsIn } from './pseudonym';
import { categoryGradeRange, parseResultKind } from './reference';
import { FORMS, Q, REPORT_FORM, type FormDefinition, type FormKind } from './forms';

/** Answers of one response by question title: `e.namedValues` (arrays) or a response-sheet row. */
export type FormAnswers = Readonly<Record<string, unknown>>;

export type Severity = 'error' | 'warning';

export interface FieldIssue {
  /** The question title. */
  field: string;
  /** The answer as typed. */
  value: string;
  severity: Severity;
  /** Stable rule id: part of the quality-queue key, so a re-run never queues twice. */
  rule: string;
  message: string;
  suggestion: string;
}

export interface Validated<T> {
  draft: T;
  issues: FieldIssue[];
  /** No errors (warnings allowed). */
  ok: boolean;
}

/** The reference data and the clock the rules check against. */
export interface IntakeContext {
  schools: SchoolIndex;
  events: readonly ChampionshipEvent[];
  competencies: readonly Competency[];
  ageCategories: readonly AgeCategory[];
  now: Date;
}

/** One answer as text: arrays (namedValues, checkboxes) joined, Dates kept for date rules. */
export function answer(answers: FormAnswers, title: string): string {
  const value = answers[title];
  if (Array.isArray(value)) return cleanText(value.filter((v) => !isBlank(v)).join(', '));
  if (value instanceof Date) return value.toISOString();
  return cleanText(value);
}

function rawAnswer(answers: FormAnswers, title: string): unknown {
  const value = answers[title];
  return Array.isArray(value) ? value[0] : value;
}

/** The issues of one answer as its rules find them; `result` pairs them with the draft. */
export class IssueList {
  readonly items: FieldIssue[] = [];

  add(
    field: string,
    value: string,
    rule: string,
    problem: string,
    suggestion = '',
    severity: Severity = 'error',
  ): void {
    this.items.push({
      field,
      value,
      severity,
      rule,
      message: DOMAIN_RU.fieldMessage(field, problem),
      suggestion,
    });
  }

  warn(field: string, value: string, rule: string, problem: string, suggestion = ''): void {
    this.add(field, value, rule, problem, suggestion, 'warning');
  }

  result<T>(draft: T): Validated<T> {
    return { draft, issues: this.items, ok: !this.items.some((i) => i.severity === 'error') };
  }
}

/** The ОУ of an answer (the rules every form shares: a new form's validator uses them too). */
export function requireSchool(
  answers: FormAnswers,
  ctx: IntakeContext,
  issues: IssueList,
): School | null {
  const typed = answer(answers, Q.school);
  if (!typed) {
    issues.add(Q.school, typed, 'required', DOMAIN_RU.intake.required);
    return null;
  }
  const found = matchSchool(typed, ctx.schools);
  if (found.status === 'matched') return found.school;
  const names = found.candidates.map((c) => schoolLabel(c.school));
  issues.add(
    Q.school,
    typed,
    'school-unknown',
    found.message,
    DOMAIN_RU.intake.schoolSuggestion(names),
  );
  return null;
}

/** A required answer naming a reference item (event, competency), or null with an issue. */
function requireReference<T extends { name: string }>(
  answers: FormAnswers,
  field: string,
  items: readonly T[],
  match: (typed: string, items: readonly T[]) => T | null,
  rule: string,
  unknown: (typed: string) => string,
  issues: IssueList,
): T | null {
  const typed = answer(answers, field);
  if (!typed) {
    issues.add(field, typed, 'required', DOMAIN_RU.intake.required);
    return null;
  }
  const found = match(typed, items);
  if (!found) {
    const names = closestNames(
      typed,
      items.map((item) => item.name),
    );
    issues.add(field, typed, rule, unknown(typed), DOMAIN_RU.intake.schoolSuggestion(names));
  }
  return found;
}

export function requireEvent(
  answers: FormAnswers,
  ctx: IntakeContext,
  issues: IssueList,
): ChampionshipEvent | null {
  const t = DOMAIN_RU.intake;
  return requireReference(
    answers,
    Q.event,
    ctx.events,
    matchEvent,
    'event-unknown',
    t.eventUnknown,
    issues,
  );
}

export function requireCompetency(
  answers: FormAnswers,
  ctx: IntakeContext,
  issues: IssueList,
): Competency | null {
  const t = DOMAIN_RU.intake;
  return requireReference(
    answers,
    Q.competency,
    ctx.competencies,
    matchCompetency,
    'competency-unknown',
    t.competencyUnknown,
    issues,
  );
}

/** The school grade of a class answer («5А», «10 «Б» класс», «3 кл.»), or null. */
export function gradeOf(classOrGroup: string): number | null {
  const found = /^(\d{1,2})\s*[-–]?\s*[«"]?[а-яА-ЯёЁa-zA-Z]?[»"]?\s*(класс|кл\.?)?$/.exec(
    cleanLine(classOrGroup),
  );
  if (!found) return null;
  const grade = Number(found[1]);
  return grade >= 1 && grade <= 11 ? grade : null;
}

const PRESCHOOL_GROUP = /груп|подготов|старш|средн|младш|дошкол|ясел/i;

/** A child of a registration. */
export interface ChildDraft {
  surname: string;
  name: string;
  classOrGroup: string;
  /** The participant id a closed year's row holds instead of the name (pseudonym.ts). */
  id?: string;
}

export interface RegistrationDraft {
  school: School | null;
  schoolTyped: string;
  event: ChampionshipEvent | null;
  eventTyped: string;
  competency: Competency | null;
  competencyTyped: string;
  ageCategory: AgeCategory | null;
  ageCategoryTyped: string;
  children: ChildDraft[];
  mentor: string;
  mentorEmail: string;
  consent: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;

/** Registration rules: consent, 1–2 named children with a sane class, mentor, reference values. */
export function validateRegistration(
  answers: FormAnswers,
  ctx: IntakeContext,
): Validated<RegistrationDraft> {
  const issues = new IssueList();
  const t = DOMAIN_RU.intake;
  const school = requireSchool(answers, ctx, issues);
  const named = requireEvent(answers, ctx, issues);
  // Names repeat from year to year: the row whose school year and registration window fit the
  // answer's date (eventCalendar.ts, the rule statistics and certificates use too).
  const choice = named ? editionAt(editionsNamed(named.name, ctx.events), ctx.now) : null;
  const event = choice ? (choice.event ?? null) : null;
  if (named && choice?.ambiguous) {
    issues.warn(Q.event, named.name, 'event-ambiguous', t.eventAmbiguous(named.name));
  }
  const competency = requireCompetency(answers, ctx, issues);

  const categoryTyped = answer(answers, Q.ageCategory);
  let ageCategory: AgeCategory | null = null;
  if (!categoryTyped) issues.add(Q.ageCategory, '', 'required', t.required);
  else {
    ageCategory = matchAgeCategory(categoryTyped, ctx.ageCategories);
    if (!ageCategory)
      issues.add(
        Q.ageCategory,
        categoryTyped,
        'category-unknown',
        t.categoryUnknown(categoryTyped),
      );
  }

  if (event?.registrationDeadline && daysBetween(event.registrationDeadline, ctx.now) > 0) {
    issues.warn(
      Q.event,
      event.name,
      'registration-closed',
      t.registrationClosed(event.name, formatDateNumeric(event.registrationDeadline)),
    );
  }
  if (competency && !competency.active) {
    issues.add(
      Q.competency,
      competency.name,
      'competency-inactive',
      t.competencyInactive(competency.name),
    );
  }
  if (
    competency &&
    ageCategory &&
    !competency.ageCategories.some((c) => matchAgeCategory(c, [ageCategory as AgeCategory]))
  ) {
    issues.add(
      Q.competency,
      competency.name,
      'competency-category',
      t.competencyNotForCategory(competency.name, ageCategory.name, competency.ageCategories),
    );
  }
  // Organisers mix programmes (a KidSkills final with «10+»), so this is only a warning.
  if (event && ageCategory && event.programme && ageCategory.programme !== event.programme) {
    issues.warn(
      Q.ageCategory,
      ageCategory.name,
      'programme-mismatch',
      t.categoryOtherProgramme(
        ageCategory.name,
        ageCategory.programme,
        event.name,
        event.programme,
      ),
    );
  }

  const slots = [
    { surname: Q.p1Surname, name: Q.p1Name, cls: Q.p1Class },
    { surname: Q.p2Surname, name: Q.p2Name, cls: Q.p2Class },
  ];
  const children: ChildDraft[] = [];
  for (const slot of slots) {
    const surname = answer(answers, slot.surname);
    const name = answer(answers, slot.name);
    const cls = answer(answers, slot.cls);
    if (!surname && !name && !cls) continue;
    // A closed school year's row: the name was replaced by the participant id, read back as it.
    const standIn = pseudonymIn(surname);
    if (standIn) {
      if (!cls) issues.add(slot.cls, '', 'required', t.required);
      else checkClass(slot.cls, cls, school, ageCategory, issues);
      if (isParticipantId(standIn)) {
        children.push({ surname: standIn, name: '', classOrGroup: cls, id: standIn });
      } else issues.add(slot.surname, standIn, 'name-removed', t.nameRemoved);
      continue;
    }
    let valid = true;
    if (!surname) {
      issues.add(slot.surname, '', 'name-missing', t.nameMissing(slot.name));
      valid = false;
    }
    if (!name) {
      issues.add(slot.name, '', 'name-missing', t.nameMissing(slot.surname));
      valid = false;
    }
    for (const [field, value] of [
      [slot.surname, surname],
      [slot.name, name],
    ] as const) {
      if (value && !isPlausibleNamePart(normalizePersonName(value))) {
        issues.add(field, value, 'name-implausible', t.nameImplausible(value));
        valid = false;
      } else if (value && hasMixedScriptWord(normalizePersonName(value))) {
        issues.warn(field, value, 'name-mixed-script', t.nameMixedScript(value));
      }
    }
    if (!cls) issues.add(slot.cls, '', 'required', t.required);
    else checkClass(slot.cls, cls, school, ageCategory, issues);
    if (valid) {
      children.push({
        surname: normalizePersonName(surname),
        name: normalizePersonName(name),
        classOrGroup: cls,
      });
    }
  }
  if (children.length === 2) {
    const [a, b] = children as [ChildDraft, ChildDraft];
    if (
      a.surname.toLowerCase() === b.surname.toLowerCase() &&
      a.name.toLowerCase() === b.name.toLowerCase()
    ) {
      issues.add(
        Q.p2Surname,
        b.surname,
        'duplicate-child',
        t.duplicateChild(`${b.surname} ${b.name}`),
      );
      children.pop();
    }
  }
  if (
    !children.length &&
    !issues.items.some((i) => i.rule === 'name-missing' || i.rule === 'name-implausible')
  ) {
    issues.add(Q.p1Surname, '', 'no-children', t.noChildren);
  }

  const mentor = normalizePersonName(answer(answers, Q.mentorName));
  if (!mentor) issues.add(Q.mentorName, '', 'required', t.required);
  else if (mentor.split(' ').length < 2)
    issues.warn(Q.mentorName, mentor, 'mentor-one-word', t.mentorOneWord(mentor));

  const mentorEmail = answer(answers, Q.mentorEmail).toLowerCase();
  if (!mentorEmail) issues.add(Q.mentorEmail, '', 'required', t.required);
  else if (!EMAIL.test(mentorEmail))
    issues.add(Q.mentorEmail, mentorEmail, 'email-invalid', t.emailInvalid(mentorEmail));

  const consentText = answer(answers, Q.consent);
  const consent = consentText !== '' && !/^(нет|false|0)$/i.test(consentText);
  if (!consent) issues.add(Q.consent, consentText, 'consent-missing', t.consentMissing);

  return issues.result({
    school,
    schoolTyped: answer(answers, Q.school),
    event,
    eventTyped: answer(answers, Q.event),
    competency,
    competencyTyped: answer(answers, Q.competency),
    ageCategory,
    ageCategoryTyped: categoryTyped,
    children,
    mentor,
    mentorEmail,
    consent,
  });
}

function checkClass(
  field: string,
  cls: string,
  school: School | null,
  category: AgeCategory | null,
  issues: IssueList,
): void {
  const t = DOMAIN_RU.intake;
  if (cls.length > 60) {
    issues.add(field, cls, 'group-too-long', t.groupTooLong);
    return;
  }
  const grade = gradeOf(cls);
  // A school's preschool department registers groups, and ДО works in groups too.
  if (school?.type === 'школа' && grade === null && !PRESCHOOL_GROUP.test(cls)) {
    issues.add(field, cls, 'class-implausible', t.classImplausible(cls));
    return;
  }
  const range = category ? categoryGradeRange(category) : null;
  if (grade !== null && range && category && (grade < range.min || grade > range.max)) {
    issues.warn(field, cls, 'grade-category', t.gradeOutsideCategory(cls, category.name));
  }
}

/** Built by the registration's projector (projectors/registration.ts); here for older callers. */
export { registrationParticipants } from './projectors/registration';

/** The upper bound a number question declares (the form's own validation uses the same). */
function questionMax(form: FormDefinition, title: string): number {
  return form.questions.find((q) => q.title === title)?.max ?? Number.MAX_SAFE_INTEGER;
}

/**
 * The most a monthly report may plausibly count per ОУ type: a kindergarten with 5,000 pupils in
 * preparation is a slip of the keyboard, not a figure to add up. Above it the figure is queued
 * for checking and left out of the sums, like a negative number or a word.
 */
export const REPORT_PLAUSIBLE_MAX: Readonly<Record<SchoolType, Record<string, number>>> = {
  ДОУ: { [Q.sessions]: 150, [Q.pupils]: 300, [Q.mentors]: 50 },
  школа: { [Q.sessions]: 400, [Q.pupils]: 1500, [Q.mentors]: 150 },
  ДО: { [Q.sessions]: 600, [Q.pupils]: 3000, [Q.mentors]: 300 },
};

/**
 * A count of a monthly report: a non-negative integer within the form's bound and plausible for
 * the ОУ's type. Anything else is a warning (the report still counts as received) and null: the
 * figure is stored empty and left out of the sums until the ОУ sends a corrected report.
 */
function countAnswer(
  answers: FormAnswers,
  field: string,
  max: number,
  school: School | null,
  issues: IssueList,
): number | null {
  const raw = rawAnswer(answers, field);
  const typed = answer(answers, field);
  const t = DOMAIN_RU.intake;
  const left = t.figureLeftOut;
  if (!typed) {
    issues.warn(field, '', 'required', t.required, left);
    return null;
  }
  const compact = typeof raw === 'number' ? String(raw) : typed.replace(/[\s\u00A0]/g, '');
  if (!/^[-−]?\d+$/.test(compact)) {
    issues.warn(field, typed, 'not-integer', t.notInteger(typed), left);
    return null;
  }
  const n = Number(compact.replace('−', '-'));
  if (n < 0) {
    issues.warn(field, typed, 'negative', t.negative(typed), left);
    return null;
  }
  if (n > max) {
    issues.warn(field, typed, 'too-large', t.tooLarge(typed, max), left);
    return null;
  }
  const plausible = school ? REPORT_PLAUSIBLE_MAX[school.type]?.[field] : undefined;
  if (school && plausible !== undefined && n > plausible) {
    const forSchool = DOMAIN_RU.schoolTypeFor[school.type] ?? '';
    issues.warn(field, typed, 'implausible', t.implausible(typed, plausible, forSchool), left);
    return null;
  }
  return n;
}

const URL_PATTERN = /^https?:\/\/[^\s/?#]+\.[^\s/?#]{2,}(\/\S*)?$/i;
const BARE_URL = /^(www\.)?[a-zа-я0-9-]+(\.[a-zа-я0-9-]+)*\.[a-zа-я]{2,}(\/\S*)?$/i;

/**
 * URLs of an answer: several allowed (spaces, commas, new lines); «vk.com/…» gets https://.
 * What is not a link is an error (the answer is not placed), or with `leftOut` a warning whose
 * suggestion says what happens to it (a post-release that is not a link is left out of the note).
 */
function urlAnswer(
  answers: FormAnswers,
  field: string,
  issues: IssueList,
  leftOut?: string,
): string[] {
  const typed = answer(answers, field);
  if (!typed) return [];
  const urls: string[] = [];
  for (const part of typed.split(/[\s,;]+/).filter(Boolean)) {
    if (URL_PATTERN.test(part)) urls.push(part);
    else if (BARE_URL.test(part)) urls.push(`https://${part}`);
    else if (leftOut !== undefined)
      issues.warn(field, part, 'url-invalid', DOMAIN_RU.intake.urlInvalid(part), leftOut);
    else issues.add(field, part, 'url-invalid', DOMAIN_RU.intake.urlInvalid(part));
  }
  return urls;
}

export interface ReportDraft {
  school: School | null;
  schoolTyped: string;
  period: string;
  sessions: number | null;
  pupilsInTraining: number | null;
  mentors: number | null;
  eventsHeld: string;
  contests: string;
  difficulties: string;
  postReleaseUrls: string[];
  contact: string;
}

/** Monthly report rules: month of the current school year (not ahead), counts, post-release URL. */
export function validateMonthlyReport(
  answers: FormAnswers,
  ctx: IntakeContext,
): Validated<ReportDraft> {
  const issues = new IssueList();
  const t = DOMAIN_RU.intake;
  const school = requireSchool(answers, ctx, issues);
  const monthTyped = answer(answers, Q.month);
  let period = '';
  if (!monthTyped) issues.add(Q.month, '', 'required', t.required);
  else {
    const parsed = parsePeriodAnswer(rawAnswer(answers, Q.month));
    if (!parsed.ok) issues.add(Q.month, monthTyped, 'period-unreadable', parsed.message);
    else {
      period = parsed.period;
      const current = periodOf(ctx.now);
      const startYear = schoolYearOf(ctx.now);
      const thisYear = schoolYearPeriods(startYear);
      const previousMonth = schoolYearPeriods(startYear - 1).slice(-1)[0];
      if (period > current)
        issues.add(Q.month, monthTyped, 'period-future', t.periodFuture(formatMonthYear(period)));
      else if (!thisYear.includes(period) && period !== previousMonth) {
        issues.add(
          Q.month,
          monthTyped,
          'period-outside-year',
          t.periodOutsideYear(formatMonthYear(period), formatSchoolYearShort(startYear)),
        );
      }
    }
  }
  const count = (field: string): number | null =>
    countAnswer(answers, field, questionMax(REPORT_FORM, field), school, issues);
  const sessions = count(Q.sessions);
  const pupilsInTraining = count(Q.pupils);
  const mentors = count(Q.mentors);
  const postReleaseUrls = urlAnswer(answers, Q.postRelease, issues, t.linkLeftOut);
  const contact = answer(answers, Q.contact);
  if (!contact) issues.add(Q.contact, '', 'required', t.required);
  return issues.result({
    school,
    schoolTyped: answer(answers, Q.school),
    period,
    sessions,
    pupilsInTraining,
    mentors,
    eventsHeld: answer(answers, Q.eventsHeld),
    contests: answer(answers, Q.contests),
    difficulties: answer(answers, Q.difficulties),
    postReleaseUrls,
    contact,
  });
}

/**
 * The deadline of a period's report: 23:59:59 Moscow on `deadlineDay` of the next month (a
 * report sent during the month itself is on time too).
 */
export function reportDeadline(period: string, deadlineDay: number): Date {
  const [year, month] = period.split('-').map(Number);
  const y = month === 12 ? (year ?? 0) + 1 : (year ?? 0);
  const m = month === 12 ? 1 : (month ?? 0) + 1;
  return new Date(moscowMidnight(y, m, deadlineDay + 1).getTime() - 1000);
}

/** The «Отчёты ОУ» record of a valid report. */
export function toMonthlyReport(
  draft: ReportDraft,
  source: { responseId: string; submittedAt: Date },
  deadlineDay: number,
): MonthlyReport {
  return {
    schoolKey: draft.school ? draft.school.key : '',
    period: draft.period,
    sessions: draft.sessions,
    pupilsInTraining: draft.pupilsInTraining,
    mentors: draft.mentors,
    eventsHeld: draft.eventsHeld,
    contests: draft.contests,
    difficulties: draft.difficulties,
    postReleaseUrl: draft.postReleaseUrls.join(' '),
    contact: draft.contact,
    submittedAt: source.submittedAt,
    onTime:
      draft.period !== '' &&
      source.submittedAt.getTime() <= reportDeadline(draft.period, deadlineDay).getTime(),
    sourceResponseId: source.responseId,
  };
}

export interface OrderDraft {
  school: School | null;
  schoolTyped: string;
  number: string;
  date: Date | null;
  event: ChampionshipEvent | null;
  eventTyped: string;
  participants: PersonName[];
  fileLinks: string[];
}

/** Order rules: number, a real past date, a known event, at least one «Фамилия Имя», a file. */
export function validateOrder(answers: FormAnswers, ctx: IntakeContext): Validated<OrderDraft> {
  const issues = new IssueList();
  const t = DOMAIN_RU.intake;
  const school = requireSchool(answers, ctx, issues);

  const number = answer(answers, Q.orderNumber).replace(/^№\s*/, '');
  if (!number) issues.add(Q.orderNumber, '', 'required', t.required);
  else if (number.length > 30 || !/\d/.test(number))
    issues.add(Q.orderNumber, number, 'order-number', t.orderNumberInvalid(number));

  const dateTyped = answer(answers, Q.orderDate);
  let date: Date | null = null;
  if (!dateTyped) issues.add(Q.orderDate, '', 'required', t.required);
  else {
    const parsed = parseDateAnswer(rawAnswer(answers, Q.orderDate));
    if (!parsed.ok) issues.add(Q.orderDate, dateTyped, 'date-unreadable', parsed.message);
    else if (parsed.date.getTime() > startOfMoscowDay(ctx.now).getTime()) {
      issues.add(
        Q.orderDate,
        dateTyped,
        'date-future',
        t.orderDateFuture(formatDateNumeric(parsed.date)),
      );
    } else {
      date = parsed.date;
      if (schoolYearOf(date) < schoolYearOf(ctx.now) - 1) {
        issues.warn(Q.orderDate, dateTyped, 'date-old', t.orderDateOld(formatDateNumeric(date)));
      }
    }
  }

  const event = requireEvent(answers, ctx, issues);

  const participants: PersonName[] = [];
  const lines = splitNameLines(rawAnswer(answers, Q.orderParticipants));
  for (const line of lines) {
    const ids = pseudonymsIn(line);
    if (ids) {
      participants.push(...ids.map(pseudonymousName));
      continue;
    }
    const person = splitFullName(line);
    if (person && isPlausibleNamePart(person.surname) && isPlausibleNamePart(person.name))
      participants.push(person);
    else issues.add(Q.orderParticipants, line, 'order-line', t.orderLineNotName(line));
  }
  if (!participants.length && !lines.length)
    issues.add(Q.orderParticipants, '', 'order-no-participants', t.orderNoParticipants);

  const fileLinks = [
    ...splitLinks(answer(answers, Q.orderFile)),
    ...urlAnswer(answers, Q.orderFileLink, issues),
  ];
  if (!fileLinks.length) issues.warn(Q.orderFile, '', 'order-no-file', t.orderNoFile);

  return issues.result({
    school,
    schoolTyped: answer(answers, Q.school),
    number,
    date,
    event,
    eventTyped: answer(answers, Q.event),
    participants,
    fileLinks,
  });
}

/** File-upload answers arrive as Drive links separated by commas. */
function splitLinks(text: string): string[] {
  return text.split(/[\s,]+/).filter((part) => /^https?:\/\//.test(part));
}

export interface ResultDraft {
  school: School | null;
  schoolTyped: string;
  event: ChampionshipEvent | null;
  eventTyped: string;
  competency: Competency | null;
  competencyTyped: string;
  participant: PersonName | null;
  result: ResultKind | null;
  score: number | null;
}

/** Result rules: known ОУ, event, competency; a «Фамилия Имя»; a known result; score 0–100. */
export function validateResult(answers: FormAnswers, ctx: IntakeContext): Validated<ResultDraft> {
  const issues = new IssueList();
  const t = DOMAIN_RU.intake;
  const school = requireSchool(answers, ctx, issues);
  const event = requireEvent(answers, ctx, issues);
  const competency = requireCompetency(answers, ctx, issues);

  const personTyped = answer(answers, Q.resultParticipant);
  let participant: PersonName | null = null;
  if (!personTyped) issues.add(Q.resultParticipant, '', 'required', t.required);
  else if (pseudonymIn(personTyped)) participant = pseudonymousName(pseudonymIn(personTyped)!);
  else {
    participant = splitFullName(personTyped);
    if (
      !participant ||
      !isPlausibleNamePart(participant.surname) ||
      !isPlausibleNamePart(participant.name)
    ) {
      issues.add(
        Q.resultParticipant,
        personTyped,
        'participant-not-name',
        t.participantNotName(personTyped),
      );
      participant = null;
    }
  }

  const resultTyped = answer(answers, Q.result);
  let result: ResultKind | null = null;
  if (!resultTyped) issues.add(Q.result, '', 'required', t.required);
  else {
    result = parseResultKind(resultTyped);
    if (!result) issues.add(Q.result, resultTyped, 'result-unknown', t.resultUnknown(resultTyped));
  }

  const scoreRaw = rawAnswer(answers, Q.score);
  const scoreTyped = answer(answers, Q.score);
  let score: number | null = null;
  if (scoreTyped) {
    const n =
      typeof scoreRaw === 'number'
        ? scoreRaw
        : /^\d{1,3}([.,]\d{1,2})?$/.test(scoreTyped.replace(/\s/g, ''))
          ? Number(scoreTyped.replace(/\s/g, '').replace(',', '.'))
          : NaN;
    if (isNaN(n)) issues.add(Q.score, scoreTyped, 'score-invalid', t.scoreInvalid(scoreTyped));
    else if (n < 0 || n > 100)
      issues.add(Q.score, scoreTyped, 'score-range', t.scoreOutOfRange(scoreTyped));
    else score = n;
  }

  return issues.result({
    school,
    schoolTyped: answer(answers, Q.school),
    event,
    eventTyped: answer(answers, Q.event),
    competency,
    competencyTyped: answer(answers, Q.competency),
    participant,
    result,
    score,
  });
}

/**
 * Quality-queue rows for a response's issues. The key hashes response, field, rule and value, so
 * re-delivering the same response yields the same keys and the adapter appends nothing new.
 */
export function toQualityIssues(
  issues: readonly FieldIssue[],
  source: { responseId: string; form: FormKind; detectedAt: Date },
): QualityIssue[] {
  return issues.map((issue) => ({
    key: `Q-${toHex(sha256([source.responseId, issue.field, issue.rule, issue.value].join('\u0001'))).slice(0, 12)}`,
    detectedAt: source.detectedAt,
    responseId: source.responseId,
    form: FORMS.find((f) => f.kind === source.form)?.title ?? source.form,
    field: issue.field,
    value: issue.value,
    problem: issue.message,
    suggestion: issue.suggestion,
    status: DOMAIN_RU.quality.statusNew,
  }));
}

/** An id standing for a name in an order or results line: matched by id, never by letters. */
function pseudonymousName(id: string): PersonName {
  return { surname: id, name: '', patronymic: '' };
}
