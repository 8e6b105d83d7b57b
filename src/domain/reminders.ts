/**
 * Reminders after the reporting deadline: which ОУ owe what for a period, the one letter each
 * gets, and the one list of debtors for the centre's staff. Pure; the sent-marks make a second
 * run send nothing already sent, so a run cut short by the mail quota resumes where it stopped.
 */
import type { ChampionshipEvent, MonthlyReport, Participant, School } from './model';
import { schoolLabel } from './matching';
import { formatForMonth } from './text/periods';
import { EventCalendar } from './eventCalendar';
import { compareRu } from './text/collation';
import { escapeHtml } from './text/html';
import { DAILY_RU } from '../i18n/ru/daily';

/** What an ОУ may owe: the monthly report, or orders for its registered participants. */
export type ReminderKind = 'report' | 'orders';

const KIND_MARK: Record<ReminderKind, string> = { report: 'r', orders: 'o' };

/** Key of the staff list among the sent-marks (no school key contains it). */
export const STAFF_MARK_KEY = '*';

/**
 * Sent-marks of one period: school key → letters of the kinds already reminded ('r', 'o'). A
 * Map: school keys are typed by staff, and «constructor» or «__proto__» is a key like any other.
 */
export type SentMarks = ReadonlyMap<string, string>;

export interface Debtor {
  school: School;
  missing: ReminderKind[];
  /**
   * Participants still without an order whose event has already started or starts within 14 days
   * (eventCalendar.orderOwed; an event without a date: from the registration on).
   */
  withoutOrder: number;
  /** Events of those participants, for the letter. */
  events: string[];
}

/**
 * The ОУ of the registry that owe the period's report, or orders owed at `asOf` (the day the
 * reminders go out), in registry order. With `reportAskable` false — the report form no longer
 * offers the period (August, after its deadline in September) — nobody is asked for the report.
 */
export function findDebtors(
  period: string,
  schools: School[],
  reports: MonthlyReport[],
  participants: Participant[],
  events: readonly ChampionshipEvent[],
  asOf: Date,
  reportAskable = true,
): Debtor[] {
  const reported = new Set(reports.filter((r) => r.period === period).map((r) => r.schoolKey));
  const calendar = new EventCalendar(events);
  const owedBySchool = new Map<string, Participant[]>();
  for (const p of participants) {
    if (p.orderStatus !== 'нет' || !(p.registeredAt instanceof Date)) continue;
    if (!calendar.orderOwed(p, asOf)) continue;
    const list = owedBySchool.get(p.schoolKey);
    if (list) list.push(p);
    else owedBySchool.set(p.schoolKey, [p]);
  }
  const debtors: Debtor[] = [];
  for (const school of schools) {
    const missing: ReminderKind[] = [];
    if (reportAskable && !reported.has(school.key)) missing.push('report');
    const open = owedBySchool.get(school.key) ?? [];
    if (open.length > 0) missing.push('orders');
    if (missing.length === 0) continue;
    const events = open
      .map((p) => p.event)
      .filter((e, i, all) => e !== '' && all.indexOf(e) === i)
      .sort(compareRu);
    debtors.push({ school, missing, withoutOrder: open.length, events });
  }
  return debtors;
}

export interface Mail {
  /** School key, or STAFF_MARK_KEY for the staff list. */
  key: string;
  /** The kinds this letter covers, as sent-mark letters. */
  marks: string;
  to: string[];
  subject: string;
  body: string;
  htmlBody: string;
}

export interface ReminderPlan {
  mails: Mail[];
  /** Debtors that have no address in the registry (they appear only in the staff list). */
  withoutEmail: number;
  /** Debtors left for a later run: their monthly letter, which may carry it all, is still queued. */
  deferred: number;
}

export interface ReminderContext {
  period: string;
  centreName: string;
  reportDeadlineDay: number;
  recipients: string[];
}

/**
 * The letters still to send for the period: one per ОУ covering only the kinds not yet reminded,
 * then the staff list once. Order is stable so a quota-cut run resumes with the same letters. An
 * ОУ in `waiting` (its monthly letter of the period is still in the queue) is left for a later
 * run: one letter a day, and the letter may already carry what a reminder would say.
 */
export function planReminders(
  context: ReminderContext,
  debtors: Debtor[],
  sent: SentMarks,
  waiting: ReadonlySet<string> = new Set(),
): ReminderPlan {
  const monthText = formatForMonth(context.period);
  const mails: Mail[] = [];
  let withoutEmail = 0;
  let deferred = 0;
  for (const debtor of debtors) {
    if (debtor.school.emails.length === 0) {
      withoutEmail++;
      continue;
    }
    const already = sent.get(debtor.school.key) ?? '';
    const kinds = debtor.missing.filter((k) => already.indexOf(KIND_MARK[k]) < 0);
    if (kinds.length === 0) continue;
    if (waiting.has(debtor.school.key)) {
      deferred++;
      continue;
    }
    mails.push(schoolLetter(context, monthText, debtor, kinds));
  }
  if (
    debtors.length > 0 &&
    context.recipients.length > 0 &&
    (sent.get(STAFF_MARK_KEY) ?? '') === ''
  ) {
    mails.push(staffLetter(context, monthText, debtors));
  }
  return { mails, withoutEmail, deferred };
}

/** The marks after a letter went out. */
export function markSent(sent: SentMarks, mail: Mail): SentMarks {
  const before = sent.get(mail.key) ?? '';
  const added = mail.marks.split('').filter((m) => before.indexOf(m) < 0);
  return new Map(sent).set(mail.key, before + added.join(''));
}

/** The marks after another letter carried `kinds` to the ОУ (the monthly letter to ОУ). */
export function markCarried(
  sent: SentMarks,
  schoolKey: string,
  kinds: readonly ReminderKind[],
): SentMarks {
  const before = sent.get(schoolKey) ?? '';
  const added = kinds.map((k) => KIND_MARK[k]).filter((m) => before.indexOf(m) < 0);
  return added.length === 0 ? sent : new Map(sent).set(schoolKey, before + added.join(''));
}

/**
 * Sent-marks from their stored JSON (a malformed value counts as nothing sent). JSON.parse makes
 * every key an own property — «__proto__» included — so entries read back every school.
 */
export function parseSentMarks(json: string | null): SentMarks {
  const marks = new Map<string, string>();
  if (!json) return marks;
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return marks;
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      if (typeof v === 'string') marks.set(k, v);
    return marks;
  } catch {
    return marks;
  }
}

/** Sent-marks as stored: a JSON object, every key an own property. */
export function serializeSentMarks(marks: SentMarks): string {
  return JSON.stringify(Object.fromEntries(marks));
}

function schoolLetter(
  context: ReminderContext,
  monthText: string,
  debtor: Debtor,
  kinds: ReminderKind[],
): Mail {
  const t = DAILY_RU.reminder;
  const items = kinds.map((k) =>
    k === 'report' ? t.report(monthText) : t.orders(debtor.withoutOrder, debtor.events),
  );
  const intro = t.intro(schoolLabel(debtor.school), context.reportDeadlineDay);
  const signature = t.signature(context.centreName);
  const body = [
    t.greeting,
    '',
    intro,
    ...items.map((i, n) => '— ' + i + (n === items.length - 1 ? '.' : ';')),
    '',
    t.request,
    '',
    signature,
  ].join('\n');
  const htmlBody =
    p(t.greeting) +
    p(intro) +
    '<ul>' +
    items
      .map((i, n) => '<li>' + escapeHtml(i + (n === items.length - 1 ? '.' : ';')) + '</li>')
      .join('') +
    '</ul>' +
    p(t.request) +
    p(signature);
  return {
    key: debtor.school.key,
    marks: kinds.map((k) => KIND_MARK[k]).join(''),
    to: debtor.school.emails.slice(),
    subject: t.subject(monthText),
    body,
    htmlBody,
  };
}

function staffLetter(context: ReminderContext, monthText: string, debtors: Debtor[]): Mail {
  const t = DAILY_RU.staffList;
  const lines = debtors.map((d) => {
    const what = d.missing.map((k) => (k === 'report' ? t.report : t.orders(d.withoutOrder)));
    if (d.school.emails.length === 0) what.push(t.noEmail);
    return schoolLabel(d.school) + ': ' + what.join('; ');
  });
  const intro = t.intro(monthText, context.reportDeadlineDay);
  const body = [intro, ...lines.map((l, i) => `${i + 1}. ${l}`), '', t.outro].join('\n');
  const htmlBody =
    p(intro) +
    '<ol>' +
    lines.map((l) => '<li>' + escapeHtml(l) + '</li>').join('') +
    '</ol>' +
    p(t.outro);
  return {
    key: STAFF_MARK_KEY,
    marks: 's',
    to: context.recipients.slice(),
    subject: t.subject(monthText, debtors.length),
    body,
    htmlBody,
  };
}

function p(text: string): string {
  return '<p>' + escapeHtml(text).replace(/\n/g, '<br>') + '</p>';
}
