/**
 * Reminders to ОУ after the reporting deadline and the debtors' list for staff, through the mail
 * queue: queued once and marked at once in document properties, sent by the queue as the quota
 * and time allow (a refused address does not stop the others), none twice.
 */
import {
  findDebtors,
  markSent,
  parseSentMarks,
  serializeSentMarks,
  planReminders,
  STAFF_MARK_KEY,
  type SentMarks,
} from '../domain/reminders';
import { splitLetter, type Letter } from '../domain/mail';
import { isReportMonthOffered } from '../domain/schedule';
import { enqueueLetters, readLedger, type Ledger } from '../workspace/mailQueue';
import { schoolLetterId } from './schoolLetters';
import { PROPERTY_FAMILIES, readProperty, writeProperty } from '../workspace/properties';
import { RELIABILITY_RU } from '../i18n/ru/reliability';
import type { MonthlyReport, Participant } from '../domain/model';
import { PARTICIPANTS_SCHEMA, REPORTS_SCHEMA } from '../domain/schema';
import { formatForMonth } from '../domain/text/periods';
import { derivedRecords, readDerived, readReference, readSettings } from '../workspace/master';
import { DAILY_RU } from '../i18n/ru/daily';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ReminderRun {
  queued: number;
  message: string;
  /** ОУ whose reminder waits for their monthly letter to go first: the job runs again tomorrow. */
  deferred: number;
}

/** The derived data reminders need; passed in when the daily run has just projected it. */
export interface ReminderData {
  reports: MonthlyReport[];
  participants: Participant[];
}

/**
 * Puts the period's reminders still owed into the mail queue, one letter per address (the queue
 * sends them as the quota and time allow, each at most once), and marks them reminded at once:
 * the same reminder is never queued twice. The caller holds the lock.
 */
export function sendReminders(
  spreadsheet: Spreadsheet,
  period: string,
  data: ReminderData | null,
  ledger: Ledger = readLedger(spreadsheet),
): ReminderRun {
  const settings = readSettings(spreadsheet);
  const { schools, events } = readReference(spreadsheet);
  const derived = data ?? readReminderData(spreadsheet);
  const now = new Date();
  const reportAskable = isReportMonthOffered(period, now, settings.reportDeadlineDay);
  const debtors = findDebtors(
    period,
    schools,
    derived.reports,
    derived.participants,
    events,
    now,
    // Never ask for a month the report form no longer offers.
    reportAskable,
  );
  const monthText = formatForMonth(period);
  const notAsked = reportAskable ? '' : ' ' + DAILY_RU.reportNotOffered(monthText);
  if (debtors.length === 0)
    return {
      queued: 0,
      message: reportAskable ? DAILY_RU.noDebtors(monthText) : DAILY_RU.reportNotOffered(monthText),
      deferred: 0,
    };
  const key = PROPERTY_FAMILIES.remindersSent(period);
  let marks: SentMarks = parseSentMarks(readProperty(key));
  const plan = planReminders(
    {
      period,
      centreName: settings.centreName,
      reportDeadlineDay: settings.reportDeadlineDay,
      recipients: settings.recipients,
    },
    debtors,
    marks,
    lettersWaiting(ledger, period),
  );
  const letters: Letter[] = [];
  for (const mail of plan.mails) {
    letters.push(
      ...splitLetter(
        {
          id: `reminder:${period}:${mail.key}:${mail.marks}`,
          kind: 'reminder',
          subject: mail.subject,
          body: mail.body,
          htmlBody: mail.htmlBody,
          senderName: settings.centreName,
          ...(mail.key !== STAFF_MARK_KEY ? { schoolKey: mail.key } : {}),
        },
        mail.to,
      ),
    );
    marks = markSent(marks, mail);
  }
  const queued = enqueueLetters(spreadsheet, letters, ledger);
  if (plan.mails.length > 0) writeProperty(key, serializeSentMarks(marks));
  const message =
    RELIABILITY_RU.reminders.queued(monthText, queued) +
    (plan.deferred > 0 ? ' ' + RELIABILITY_RU.reminders.deferred(plan.deferred) : '') +
    notAsked;
  return { queued, message, deferred: plan.deferred };
}

/** ОУ whose monthly letter of `period` is still in the queue. */
function lettersWaiting(ledger: Ledger, period: string): Set<string> {
  const waiting = new Set<string>();
  for (const entry of ledger.entries) {
    if (entry.kind !== 'school' || entry.status !== 'queued' || !entry.schoolKey) continue;
    if (entry.id.startsWith(schoolLetterId(period, entry.schoolKey) + ':'))
      waiting.add(entry.schoolKey);
  }
  return waiting;
}

function readReminderData(spreadsheet: Spreadsheet): ReminderData {
  const { rows } = readDerived(spreadsheet);
  return {
    reports: derivedRecords(rows.get(REPORTS_SCHEMA.name) ?? [], REPORTS_SCHEMA),
    participants: derivedRecords(rows.get(PARTICIPANTS_SCHEMA.name) ?? [], PARTICIPANTS_SCHEMA),
  };
}
