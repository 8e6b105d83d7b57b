/**
 * The monthly summary email to the education department: key figures, the link to the note and
 * the note as PDF, one letter per recipient through the mail queue: over the day's quota the rest
 * go on the following days, «Журнал» says «отложено», and nobody receives it twice.
 * Everything interpolated into the HTML is escaped: school names come from typed answers.
 */
import { escapeHtml } from '../domain/text/html';
import {
  formatNumber,
  formatPercent,
  formatSignedNumber,
  formatSignedPercent,
} from '../domain/text/numbers';
import { formatForMonth, formatMonthYear, periodTiming } from '../domain/text/periods';
import { fillPhrase } from '../i18n/ru/note';
import { OUTPUTS_RU } from '../i18n/ru/outputs';
import { errorText, writeJournal, type JobOutcome } from '../workspace/journal';
import { requireStaff } from '../workspace/access';
import { readSettings } from '../workspace/master';
import { documentLink } from '../workspace/docRenderer';
import type { Settings } from '../domain/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
import {
  createMonthlyNote,
  existingNoteId,
  type NoteRun,
  storedNoteFigures,
  type NoteFigures,
} from './monthlyNote';
import { withLock } from '../workspace/lock';
import {
  drainMail,
  enqueueLetters,
  lettersWithPrefix,
  readLedger,
  withdrawLetters,
  type Ledger,
} from '../workspace/mailQueue';
import { PROPERTY_FAMILIES, writeProperty } from '../workspace/properties';
import { splitLetter } from '../domain/mail';
import { startBudget, type Budget } from './budget';
import { journalMail } from './mail';
import { RELIABILITY_RU } from '../i18n/ru/reliability';
import { checkedPeriod, loadStatisticsInput } from './statistics';
import { INTAKE_RU } from '../i18n/ru/intake';
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

/** How long a summary sent from the sidebar may take; the daily run passes its own budget. */
const SUMMARY_BUDGET_MS = 4 * 60 * 1000;

/**
 * The summary without the caller check: for the daily trigger, which runs as the installer. One
 * letter per recipient goes into the mail queue (each at most once, whatever happens), then the
 * queue is sent as far as the day's quota and the time allow; the rest follow on the next days.
 */
export function deliverMonthlySummary(
  spreadsheet: Spreadsheet,
  period: string,
  budget: Budget = startBudget(SUMMARY_BUDGET_MS),
): SummaryStatus {
  const key = checkedPeriod(period);
  // Only a month that is over, with its final note: a preliminary one is never mailed.
  if (periodTiming(key, new Date()) !== 'finished')
    throw new Error(RU.notFinished(formatMonthYear(key)));
  return withLock(() => {
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
    try {
      // One edition per note: each recipient gets each edition once. A note made again (new
      // figures) is a new edition, which a staff member may send; the same one never twice.
      const note = summaryNote(spreadsheet, key);
      const made = note;
      const prefix = `summary:${key}:${made.id}:`;
      const ledger = readLedger(spreadsheet);
      const queued = new Set(lettersWithPrefix(ledger, prefix).map((l) => l.to));
      const missing = recipients.filter((r) => !queued.has(r));
      if (missing.length > 0) {
        enqueueEdition(spreadsheet, key, made, settings, missing, ledger);
        writeProperty(PROPERTY_FAMILIES.summarySent(key), new Date().toISOString());
      }
      const run = drainMail(spreadsheet, budget, ledger);
      journalMail(spreadsheet, run);
      const letters = run.entries.filter((e) => e.id.startsWith(prefix));
      const sent = letters.filter((l) => l.status === 'sent').length;
      const waiting = letters.filter((l) => l.status === 'queued').length;
      const link = note.url;
      if (waiting > 0) {
        const message = RELIABILITY_RU.summary.partly(sent, waiting);
        journal('queued', message, link);
        return { sent: false, queued: true, message, noteId: note.id };
      }
      const message = missing.length > 0 ? RU.sent(sent) : RELIABILITY_RU.summary.already(sent);
      journal('ok', message, link);
      return { sent: missing.length > 0, queued: false, message, noteId: note.id };
    } catch (error) {
      journal('error', '', undefined, errorText(error));
      throw error;
    }
  });
}

/** Queues the summary of the note `made` (one edition of `period`) for `recipients`. */
function enqueueEdition(
  spreadsheet: Spreadsheet,
  period: string,
  made: { id: string; url: string; title: string; stats: NoteFigures },
  settings: Settings,
  recipients: readonly string[],
  ledger: Ledger,
): void {
  const mail = buildSummaryMail(
    made.stats,
    settings,
    made,
    overduePlanItems(spreadsheet, new Date()),
  );
  enqueueLetters(
    spreadsheet,
    splitLetter(
      {
        id: `summary:${period}:${made.id}`,
        kind: 'summary',
        subject: mail.subject,
        body: mail.body,
        htmlBody: mail.htmlBody,
        attachment: { docId: made.id, name: made.title + '.pdf' },
        senderName: settings.centreName,
      },
      recipients,
    ),
    ledger,
  );
}

/**
 * After the note of `period` was made again (`note`, the new edition): summary letters of an
 * earlier edition still waiting in the queue (over the day's mail quota) would link the trashed
 * note and attach its old figures. They are withdrawn, and their recipients — who never got the
 * summary — are queued the new edition; recipients already sent one are not (a new edition is
 * theirs from the sidebar). The caller holds the lock. Returns how many were queued anew.
 */
export function requeueWaitingSummary(
  spreadsheet: Spreadsheet,
  period: string,
  note: NoteRun,
  ledger: Ledger = readLedger(spreadsheet),
): number {
  const stale = lettersWithPrefix(ledger, `summary:${period}:`).filter(
    (e) => e.status === 'queued' && !e.id.startsWith(`summary:${period}:${note.id}:`),
  );
  if (stale.length === 0) return 0;
  const recipients = [...new Set(stale.map((e) => e.to))];
  enqueueEdition(spreadsheet, period, note, readSettings(spreadsheet), recipients, ledger);
  withdrawLetters(ledger, stale, RELIABILITY_RU.summary.superseded);
  return recipients.length;
}

/**
 * Creates (or replaces) the analytic note for `period` ('YYYY-MM'); returns the document id. A
 * summary of the replaced note still waiting for the mail quota goes with the new one.
 */
export function generateMonthlyNote(period: string): string {
  const { spreadsheet } = requireStaff();
  const key = checkedPeriod(period);
  // A month that has not begun has no figures; the current one is made as preliminary.
  if (periodTiming(key, new Date()) === 'future')
    throw new Error(OUTPUTS_RU.note.notBegun(formatMonthYear(key)));
  return withLock(
    () => {
      try {
        const note = createMonthlyNote(spreadsheet, key);
        requeueWaitingSummary(spreadsheet, key, note);
        return note.id;
      } catch (error) {
        writeJournal(spreadsheet, [
          {
            at: new Date(),
            job: OUTPUTS_RU.note.job,
            outcome: 'error',
            details: key,
            error: errorText(error),
          },
        ]);
        throw error;
      }
    },
    { busyMessage: INTAKE_RU.rebuildBusy },
  );
}

/** The month's note for the summary: the existing one with its own figures, else a new one. */
function summaryNote(
  spreadsheet: Spreadsheet,
  key: string,
): { id: string; url: string; title: string; stats: NoteFigures } {
  const id = existingNoteId(key);
  const stored = id ? storedNoteFigures(key) : null;
  // A note made while the month was under way is replaced by the final one before any mail.
  if (id && !stored?.preliminary) {
    // The email repeats the note's own figures, even if answers arrived since it was made.
    const stats = stored ?? computeStatistics(loadStatisticsInput(spreadsheet), key);
    const doc = documentLink(id);
    return { id, url: doc.url, title: doc.name, stats };
  }
  return createMonthlyNote(spreadsheet, key);
}
