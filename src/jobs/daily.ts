/**
 * runDailyJobs: the one time-driven trigger. Decides from the settings and today's Moscow date
 * what is due (domain/schedule.ts), runs each job on its own so one failure stops nothing else,
 * and remembers what failed or did not fit (time, mail quota) so the next morning finishes it.
 */
import {
  dueJobs,
  isMonthlyJob,
  jobId,
  parsePending,
  serializePending,
  type DueJob,
} from '../domain/schedule';
import { toMoscowDate } from '../domain/text/dates';
import { formatForMonth } from '../domain/text/periods';
import { readReference, readSettings } from '../workspace/master';
import { writeJournal, errorText, type JournalEntry } from '../workspace/journal';
import type { ReferenceData } from '../domain/intake';
import { catchUpOrderFiles, fullIntakeDue, refreshDerived, type IntakeRun } from './intake';
import { syncAllChoices } from './choices';
import { sendReminders, type ReminderData } from './reminders';
import { createMonthlyNote } from './monthlyNote';
import { deliverMonthlySummary } from './summary';
import { requireStaff } from '../workspace/access';
import { computeAndWriteStatistics, loadStatisticsInput, statisticsInputOf } from './statistics';
import type { StatisticsInput } from '../domain/statistics';
import { OUTPUTS_RU } from '../i18n/ru/outputs';
import { formatMonthYear } from '../domain/text/periods';
import { DAILY_RU } from '../i18n/ru/daily';
import { PLAN_UI_RU } from '../i18n/ru/plan-ui';
import { highlightOverduePlan } from './plan';
import { withLock } from '../workspace/lock';
import {
  PROPERTY_FAMILIES,
  PROPERTY_KEYS,
  readAllProperties,
  writeProperty,
} from '../workspace/properties';
import { drainMail } from '../workspace/mailQueue';
import { startBudget, type Budget } from './budget';
import { mailEntries } from './mail';
import { enforceAccess } from './access';
import { alertStaff, checkSources } from './sources';
import { RELIABILITY_RU } from '../i18n/ru/reliability';
import { resumeCertificates } from './certificates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Leave a margin under Apps Script's 6-minute limit for the journal and the markers. */
const TIME_BUDGET_MS = 5 * 60 * 1000;

interface JobOutcome {
  outcome: 'ok' | 'queued' | 'skipped';
  details: string;
  link?: string;
  /** The job wrote its own journal row (the note and the summary do), so no second one. */
  journaled?: boolean;
}

interface RunState {
  spreadsheet: Spreadsheet;
  /** Today's catch-up: its rows and reference feed the other jobs instead of re-reading the tabs. */
  intake: IntakeRun | null;
  /** The reference tabs if today's run has read them already. */
  reference: ReferenceData | null;
  reminderData: ReminderData | null;
  noteFailed: Set<string>;
  /** The run's time, measured from its own start. */
  budget: Budget;
}

/**
 * True only when this execution is the project's own daily trigger: an event object can be forged
 * through google.script.run, but only the trigger's owner sees a trigger with that unique id.
 */
function firedByOwnTrigger(e?: GoogleAppsScript.Events.TimeDriven): boolean {
  const uid = e && e.triggerUid ? String(e.triggerUid) : '';
  return uid !== '' && ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === uid);
}

/** The daily time-driven trigger: catch-up, statistics, the monthly note, summary and reminders. */
export function runDailyJobs(e?: GoogleAppsScript.Events.TimeDriven): void {
  const budget = startBudget(TIME_BUDGET_MS);
  // Fired by its trigger it runs as the installer; called by hand (google.script.run) only staff may.
  const spreadsheet = firedByOwnTrigger(e)
    ? SpreadsheetApp.getActiveSpreadsheet()
    : requireStaff().spreadsheet;
  withLock(
    () => {
      try {
        runUnderLock(spreadsheet, budget);
      } catch (error) {
        // Only the settings or the properties can fail here; every job has its own guard.
        writeJournal(spreadsheet, [
          {
            at: new Date(),
            job: 'runDailyJobs',
            outcome: 'error',
            details: DAILY_RU.failedRetry,
            error: errorText(error),
          },
        ]);
      }
    },
    {
      onBusy: () => {
        try {
          writeJournal(spreadsheet, [
            { at: new Date(), job: 'runDailyJobs', outcome: 'queued', details: DAILY_RU.lockBusy },
          ]);
        } catch {
          // the next run does everything anyway
        }
      },
    },
  );
}

/** Runs `step`, journaling its failure without stopping the run. */
function guarded(entries: JournalEntry[], job: string, details: string, step: () => void): void {
  try {
    step();
  } catch (error) {
    entries.push({ at: new Date(), job, outcome: 'error', details, error: errorText(error) });
  }
}

function runUnderLock(spreadsheet: Spreadsheet, budget: Budget): void {
  const stored = readAllProperties();
  const settings = readSettings(spreadsheet);
  const entries: JournalEntry[] = [];
  guarded(entries, 'runDailyJobs: access', DAILY_RU.failedRetry, () =>
    entries.push(...enforceAccess(spreadsheet, settings, false)),
  );
  guarded(entries, 'runDailyJobs: sources', DAILY_RU.failedRetry, () => {
    const check = checkSources(spreadsheet);
    entries.push(...check.entries);
    if (check.added.length > 0) alertStaff(spreadsheet, settings, check.added);
  });
  const due = dueJobs({
    today: toMoscowDate(new Date()),
    noteDay: settings.noteDay,
    reportDeadlineDay: settings.reportDeadlineDay,
    pending: parsePending(stored[PROPERTY_KEYS.dailyPending] ?? null),
    firstPeriod: stored[PROPERTY_KEYS.firstPeriod],
    // The summary records its own queueing, so a run cut short never queues it twice.
    isDone: (job, period) =>
      Boolean(stored[PROPERTY_FAMILIES.dailyDone(jobId({ job, period }))]) ||
      (job === 'summary' && Boolean(stored[PROPERTY_FAMILIES.summarySent(period)])),
  });

  const state: RunState = {
    spreadsheet,
    intake: null,
    reference: null,
    reminderData: null,
    noteFailed: new Set(),
    budget,
  };
  /** The every-day jobs that went well share one journal row, so «Журнал» stays readable. */
  const routine: string[] = [];
  const left: DueJob[] = [];
  for (const job of due) {
    const name = 'runDailyJobs: ' + job.job;
    if (budget.spent()) {
      left.push(job);
      entries.push({ at: new Date(), job: name, outcome: 'queued', details: DAILY_RU.outOfTime });
      continue;
    }
    try {
      const result = runJob(state, job);
      if (result.outcome === 'ok' && !isMonthlyJob(job.job)) {
        routine.push(result.details);
      } else if (!result.journaled) {
        entries.push({
          at: new Date(),
          job: name,
          outcome: result.outcome,
          details: result.details,
          link: result.link,
        });
      }
      if (result.outcome === 'ok' && isMonthlyJob(job.job)) {
        writeProperty(PROPERTY_FAMILIES.dailyDone(jobId(job)), new Date().toISOString());
      } else if (result.outcome === 'queued') {
        left.push(job);
      }
    } catch (error) {
      if (job.job === 'note') state.noteFailed.add(job.period);
      left.push(job);
      const entry: JournalEntry = {
        at: new Date(),
        job: name,
        outcome: 'error',
        details: DAILY_RU.failed(job.job, formatForMonth(job.period)),
        error: errorText(error),
      };
      // An error is written at once: if the run dies later, the journal still shows it.
      try {
        writeJournal(spreadsheet, [entry]);
      } catch {
        entries.push(entry);
      }
    }
  }
  guarded(entries, 'runDailyJobs: plan', PLAN_UI_RU.overdueJob, () => {
    const overdue = highlightOverduePlan(spreadsheet, new Date());
    if (overdue) routine.push(overdue);
  });
  guarded(entries, 'runDailyJobs: certificates', DAILY_RU.certificatesFailed, () => {
    // Documents an earlier run left for lack of time or of the daily quota; they journal themselves.
    resumeCertificates(spreadsheet, settings, budget.deadline);
  });
  // Every letter queued today or before goes out as far as the quota and the time allow.
  guarded(entries, RELIABILITY_RU.mail.job, DAILY_RU.failedRetry, () => {
    if (budget.spent()) {
      entries.push({
        at: new Date(),
        job: RELIABILITY_RU.mail.job,
        outcome: 'queued',
        details: RELIABILITY_RU.budget.left(RELIABILITY_RU.mail.job),
      });
      return;
    }
    entries.push(...mailEntries(drainMail(spreadsheet, budget)));
  });
  const pending = serializePending(left);
  if (pending !== (stored[PROPERTY_KEYS.dailyPending] ?? '[]'))
    writeProperty(PROPERTY_KEYS.dailyPending, pending);
  if (routine.length > 0) {
    entries.unshift({
      at: new Date(),
      job: 'runDailyJobs',
      outcome: 'ok',
      details: DAILY_RU.routine + ': ' + routine.join(' '),
    });
  }
  writeJournal(spreadsheet, entries);
}

/** The reference tabs, read at most once per run. */
function referenceOf(state: RunState): ReferenceData {
  if (state.intake) return state.intake.reference;
  if (!state.reference) state.reference = readReference(state.spreadsheet);
  return state.reference;
}

/** Statistics rows from today's catch-up if it ran, else from the tabs (reference read once). */
function intakeInput(state: RunState): StatisticsInput {
  return state.intake
    ? statisticsInputOf(state.intake.projection, state.intake.reference)
    : loadStatisticsInput(state.spreadsheet, referenceOf(state));
}

function runJob(state: RunState, job: DueJob): JobOutcome {
  switch (job.job) {
    case 'intake': {
      // Whatever the submits did: rows whose trigger never fired, rows a busy table left, tabs
      // sorted or cut by hand — found by comparing the sheets with what was placed.
      if (!fullIntakeDue(state.spreadsheet, (reference) => (state.reference = reference)))
        return { outcome: 'ok', details: DAILY_RU.intakeUpToDate };
      const run = refreshDerived(state.spreadsheet);
      catchUpOrderFiles(state.spreadsheet, run, false, state.budget);
      const { projection, written } = run;
      const total = Object.keys(written).reduce((sum, k) => sum + (written[k] ?? 0), 0);
      if (run.stopped.length > 0) {
        state.reference = run.reference;
        return { outcome: 'ok', details: DAILY_RU.intakeDone(total) };
      }
      state.intake = run;
      state.reminderData = { reports: projection.reports, participants: projection.participants };
      return { outcome: 'ok', details: DAILY_RU.intakeDone(total) };
    }
    case 'choices': {
      const reference = referenceOf(state);
      // Visiting every dropdown costs calls per item: skipped when the lists are as last synced.
      const changed = syncAllChoices(reference, true);
      return { outcome: 'ok', details: DAILY_RU.choicesDone(changed) };
    }
    case 'statistics': {
      const { stats } = computeAndWriteStatistics(
        state.spreadsheet,
        job.period,
        intakeInput(state),
      );
      const details = OUTPUTS_RU.stats.refreshed(
        formatMonthYear(stats.period),
        stats.month.participants,
        stats.yearToDate.participants,
      );
      return { outcome: 'ok', details };
    }
    case 'note': {
      // Journals the note with its link.
      createMonthlyNote(state.spreadsheet, job.period, intakeInput(state));
      return { outcome: 'ok', details: '', journaled: true };
    }
    case 'summary': {
      if (state.noteFailed.has(job.period))
        return { outcome: 'queued', details: DAILY_RU.waitsForNote };
      const result = deliverMonthlySummary(state.spreadsheet, job.period, state.budget);
      return { outcome: result.queued ? 'queued' : 'ok', details: result.message, journaled: true };
    }
    case 'reminders': {
      const result = sendReminders(state.spreadsheet, job.period, state.reminderData);
      return { outcome: 'ok', details: result.message };
    }
  }
}
