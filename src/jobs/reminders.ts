/**
 * Reminders to ОУ after the reporting deadline and the debtors' list for staff. Every letter sent
 * is marked at once in document properties, so a run cut short (mail quota, time, an error)
 * resumes next day with the letters still owed, and none goes out twice.
 */
import {
  findDebtors,
  markSent,
  parseSentMarks,
  planReminders,
  type SentMarks,
} from '../domain/reminders';
import type { MonthlyReport, Participant } from '../domain/model';
import { PARTICIPANTS_SCHEMA, REPORTS_SCHEMA, fromRow } from '../domain/schema';
import { formatForMonth } from '../domain/text/periods';
import { readDerived, readReference, readSettings } from '../workspace/master';
import { DAILY_RU } from '../i18n/ru/daily';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** One property per period keeps each value far below the 9 KB limit (≈15 bytes per ОУ). */
const SENT_KEY = (period: string) => 'reminders.sent.' + period;

export interface ReminderRun {
  sent: number;
  queued: number;
  message: string;
}

/** The derived data reminders need; passed in when the daily run has just projected it. */
export interface ReminderData {
  reports: MonthlyReport[];
  participants: Participant[];
}

/** Sends the period's reminders that fit in today's mail quota and `deadline` (ms); the rest wait. */
export function sendReminders(
  spreadsheet: Spreadsheet,
  period: string,
  data: ReminderData | null,
  deadline = Infinity,
): ReminderRun {
  const settings = readSettings(spreadsheet);
  const { schools, events } = readReference(spreadsheet);
  const derived = data ?? readReminderData(spreadsheet);
  const debtors = findDebtors(
    period,
    schools,
    derived.reports,
    derived.participants,
    events,
    new Date(),
  );
  const monthText = formatForMonth(period);
  const properties = PropertiesService.getDocumentProperties();
  let marks: SentMarks = parseSentMarks(properties.getProperty(SENT_KEY(period)));
  const plan = planReminders(
    {
      period,
      centreName: settings.centreName,
      reportDeadlineDay: settings.reportDeadlineDay,
      recipients: settings.recipients,
    },
    debtors,
    marks,
  );
  if (debtors.length === 0) return { sent: 0, queued: 0, message: DAILY_RU.noDebtors(monthText) };

  let sent = 0;
  let byQuota = false;
  for (const mail of plan.mails) {
    // The quota counts recipients, not letters; a letter that does not fit waits whole.
    // A letter takes over a second: past the run's time budget the rest waits for the next run.
    if (Date.now() > deadline) break;
    if (MailApp.getRemainingDailyQuota() < mail.to.length) {
      byQuota = true;
      break;
    }
    MailApp.sendEmail({
      to: mail.to.join(','),
      subject: mail.subject,
      body: mail.body,
      htmlBody: mail.htmlBody,
      name: settings.centreName,
    });
    sent++;
    marks = markSent(marks, mail);
    properties.setProperty(SENT_KEY(period), JSON.stringify(marks));
  }
  const queued = plan.mails.length - sent;
  return {
    sent,
    queued,
    message:
      queued > 0
        ? DAILY_RU.remindersQueued(monthText, sent, queued, byQuota)
        : DAILY_RU.remindersDone(monthText, sent),
  };
}

function readReminderData(spreadsheet: Spreadsheet): ReminderData {
  const { rows } = readDerived(spreadsheet);
  return {
    reports: (rows.get(REPORTS_SCHEMA.name) ?? []).map((r) => fromRow(REPORTS_SCHEMA, r)),
    participants: (rows.get(PARTICIPANTS_SCHEMA.name) ?? []).map((r) =>
      fromRow(PARTICIPANTS_SCHEMA, r),
    ),
  };
}
