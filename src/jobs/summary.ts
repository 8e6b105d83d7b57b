/**
 * The monthly summary email to the education department: key figures, the link to the note and
 * the note as PDF. Quota-aware: when today's remaining MailApp quota cannot cover every recipient
 * nothing is sent, «Журнал» says «отложено», and the daily job retries the next day.
 * Everything interpolated into the HTML is escaped: school names come from typed answers.
 */
import { escapeHtml } from '../domain/text/html';
import {
  formatNumber,
  formatPercent,
  formatSignedNumber,
  formatSignedPercent,
} from '../domain/text/numbers';
import { formatForMonth } from '../domain/text/periods';
import { fillPhrase } from '../i18n/ru/note';
import { OUTPUTS_RU } from '../i18n/ru/outputs';
import { errorText, writeJournal, type JobOutcome } from '../workspace/journal';
import { requireStaff } from '../workspace/access';
import { readSettings } from '../workspace/master';
import type { Settings } from '../domain/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
import {
  createMonthlyNote,
  existingNoteId,
  storedNoteFigures,
  withScriptLock,
  type NoteFigures,
} from './monthlyNote';
import { checkedPeriod, loadStatisticsInput } from './statistics';
import { computeStatistics } from '../domain/statistics';
import type { PlanItem } from '../domain/model';
import { PLAN_UI_RU } from '../i18n/ru/plan-ui';
import { overduePlanItems } from './plan';

const RU = OUTPUTS_RU.summary;

/** What happened to a summary: the daily job retries when `queued`. */
export interface SummaryStatus {
  sent: boolean;
  queued: boolean;
  message: string;
  noteId?: string;
}

/** Document property recording when the month's summary went out (the daily job reads it). */
export function summaryKey(period: string): string {
  return 'summary.' + period;
}

/** The mail of one month: subject, plain text and HTML. */
export interface SummaryMail {
  subject: string;
  body: string;
  htmlBody: string;
}

/** Key figures as label/value pairs, already formatted. */
function figures(stats: NoteFigures): Array<[string, string]> {
  const m = stats.month;
  const mom = stats.monthOnMonth.find((r) => r.indicator === 'participants');
  let change = '—';
  if (mom && mom.change !== null) {
    change = formatSignedNumber(mom.change);
    if (mom.changePercent !== null) change += ' (' + formatSignedPercent(mom.changePercent) + ')';
  }
  return [
    [RU.participants, formatNumber(m.participants)],
    [
      RU.schools,
      fillPhrase(RU.ofTotal, {
        n: formatNumber(m.schoolsParticipating),
        total: formatNumber(stats.schoolsTotal),
      }),
    ],
    [RU.coverage, formatPercent(m.coveragePercent)],
    [RU.winners, formatNumber(m.winners)],
    [RU.prizeWinners, formatNumber(m.prizeWinners)],
    // Figures stored by an earlier version lack what came later: shown only when known.
    ...(m.medalsConfirmed === undefined
      ? []
      : ([[RU.confirmed, formatNumber(m.medalsConfirmed)]] as Array<[string, string]>)),
    [RU.effectiveness, formatPercent(m.effectivenessPercent)],
    [RU.dynamics, change],
    [RU.yearToDate, formatNumber(stats.yearToDate.participants)],
    ...(stats.registrations
      ? ([[RU.registrations, formatNumber(stats.registrations.participants)]] as Array<
          [string, string]
        >)
      : []),
  ];
}

/** Composes the summary; every value placed into HTML goes through escapeHtml. */
export function buildSummaryMail(
  stats: NoteFigures,
  settings: Pick<Settings, 'districtName' | 'centreName'>,
  note: { title: string; url: string },
  overdue: ReadonlyArray<Pick<PlanItem, 'number' | 'title' | 'deadlineText' | 'responsible'>> = [],
): SummaryMail {
  const forMonth = formatForMonth(stats.period);
  const intro = fillPhrase(RU.intro, { district: settings.districtName, forMonth });
  const rows = figures(stats);
  const leaders = stats.ratingMonth
    .slice(0, 3)
    .map((r) => fillPhrase(RU.leaderLine, { school: r.name, n: formatNumber(r.participants) }));
  const text: string[] = [RU.greeting, '', intro, RU.meaning, '', RU.figures + ':'];
  for (const [label, value] of rows) text.push(`${label}: ${value}`);
  if (leaders.length > 0) text.push('', RU.leaders + ':', ...leaders.map((l) => '— ' + l));
  const late = overdue.map((i) =>
    fillPhrase(PLAN_UI_RU.summaryOverdueLine, {
      number: i.number,
      title: i.title,
      deadline: i.deadlineText,
      responsible: i.responsible
        ? fillPhrase(PLAN_UI_RU.summaryResponsible, { name: i.responsible })
        : '',
    }),
  );
  const lateHeading = fillPhrase(PLAN_UI_RU.summaryOverdue, { n: formatNumber(late.length) });
  if (late.length > 0) text.push('', lateHeading + ':', ...late.map((l) => '— ' + l));
  text.push('', `${RU.noteLink}: ${note.title}`, note.url, RU.attached, '', settings.centreName);

  const cell = 'style="padding:2px 8px;border:1px solid #ccc"';
  const html: string[] = [
    `<p>${escapeHtml(RU.greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p>${escapeHtml(RU.meaning)}</p>`,
    `<table style="border-collapse:collapse"><tr><th ${cell}>${escapeHtml(RU.figure)}</th><th ${cell}>${escapeHtml(RU.value)}</th></tr>`,
    ...rows.map(
      ([label, value]) =>
        `<tr><td ${cell}>${escapeHtml(label)}</td><td ${cell}>${escapeHtml(value)}</td></tr>`,
    ),
    '</table>',
  ];
  if (leaders.length > 0) {
    html.push(
      `<p>${escapeHtml(RU.leaders)}:</p><ul>`,
      ...leaders.map((l) => `<li>${escapeHtml(l)}</li>`),
      '</ul>',
    );
  }
  if (late.length > 0) {
    html.push(
      `<p>${escapeHtml(lateHeading)}:</p><ul>`,
      ...late.map((l) => `<li>${escapeHtml(l)}</li>`),
      '</ul>',
    );
  }
  html.push(
    `<p>${escapeHtml(RU.noteLink)}: <a href="${escapeHtml(note.url)}">${escapeHtml(note.title)}</a></p>`,
    `<p>${escapeHtml(RU.attached)}</p>`,
    `<p>${escapeHtml(settings.centreName)}</p>`,
  );
  return {
    subject: fillPhrase(RU.subject, { forMonth }),
    body: text.join('\n'),
    htmlBody: html.join('\n'),
  };
}

/** Sends the month's summary ('YYYY-MM') to the recipients of «Настройки»; queues if over quota. */
export function sendMonthlySummary(period: string): SummaryStatus {
  const { spreadsheet } = requireStaff();
  return deliverMonthlySummary(spreadsheet, period);
}

/** The summary without the caller check: for the daily trigger, which runs as the installer. */
export function deliverMonthlySummary(spreadsheet: Spreadsheet, period: string): SummaryStatus {
  const key = checkedPeriod(period);
  const journal = (outcome: JobOutcome, details: string, link?: string, error?: string): void =>
    writeJournal(spreadsheet, [
      { at: new Date(), job: RU.job, outcome, details: key + ': ' + details, link, error },
    ]);
  const settings = readSettings(spreadsheet);
  const recipients = settings.recipients;
  if (recipients.length === 0) {
    journal('skipped', RU.noRecipients);
    return { sent: false, queued: false, message: RU.noRecipients };
  }
  // Checked before any work: a summary that cannot go out today waits whole for tomorrow.
  const left = MailApp.getRemainingDailyQuota();
  if (left < recipients.length) {
    const message = RU.queued(recipients.length, left);
    journal('queued', message);
    return { sent: false, queued: true, message };
  }
  try {
    const note = withScriptLock(() => {
      const id = existingNoteId(key);
      if (id) {
        // The email repeats the note's own figures, even if answers arrived since it was made.
        const stats =
          storedNoteFigures(key) ?? computeStatistics(loadStatisticsInput(spreadsheet), key);
        const doc = DocumentApp.openById(id);
        return { id, url: doc.getUrl(), title: doc.getName(), stats };
      }
      return createMonthlyNote(spreadsheet, key);
    });
    const mail = buildSummaryMail(
      note.stats,
      settings,
      note,
      overduePlanItems(spreadsheet, new Date()),
    );
    const pdf = DocumentApp.openById(note.id).getAs('application/pdf');
    pdf.setName(note.title + '.pdf');
    MailApp.sendEmail({
      to: recipients.join(','),
      subject: mail.subject,
      body: mail.body,
      htmlBody: mail.htmlBody,
      attachments: [pdf],
      name: settings.centreName,
    });
    PropertiesService.getDocumentProperties().setProperty(
      summaryKey(key),
      new Date().toISOString(),
    );
    const message = RU.sent(recipients.length);
    journal('ok', message, note.url);
    return { sent: true, queued: false, message, noteId: note.id };
  } catch (error) {
    // Another job may have spent the quota between the check and the send: still only queued.
    if (/too many times/i.test(errorText(error))) {
      const message = RU.queued(recipients.length, MailApp.getRemainingDailyQuota());
      journal('queued', message);
      return { sent: false, queued: true, message };
    }
    journal('error', '', undefined, errorText(error));
    throw error;
  }
}
