/**
 * runDailyJobs: the one time-driven trigger. Decides from the settings and today's Moscow date
 * what is due (domain/schedule.ts), runs each job on its own so one failure stops nothing else,
 * and remembers what failed or did not fit (time, mail quota) so the next morning finishes it.
 */
import {
  dueDate,
  dueJobs,
  isAfterDay,
  isMonthlyJob,
  isPeriod,
  jobId,
  parsePending,
  serializePending,
  type DueJob,
} from '../domain/schedule';
import { formatDateNumeric, toMoscowDate, type CalendarDate } from '../domain/text/dates';
import { formatForMonth, previousPeriod } from '../domain/text/periods';
import { readReference, readSettingsChecked } from '../workspace/master';
import { writeJournal, errorText, type JournalEntry } from '../workspace/journal';
import type { ReferenceData } from '../domain/intake';
import type { Settings } from '../domain/settings';
import { catchUpOrderFiles, fullIntakeDue, refreshDerived, type IntakeRun } from './intake';
import { checkFolders, folderRepairEntries } from './driveHealth';
import { syncAllChoices } from './choices';
import { sendReminders, type ReminderData } from './reminders';
import { createMonthlyNote } from './monthlyNote';
import { inClosedYear, resumeYearClose } from './yearClose';
import { YEAR_CLOSE_RU } from '../i18n/ru/yearClose';
import { deliverMonthlySummary, requeueWaitingSummary } from './summary';
import { requireStaff } from '../workspace/access';
import { activeSpreadsheet } from '../workspace/session';
import { isOwnTrigger } from '../workspace/triggers';
import {
  computeAndWriteStatistics,
  displayPeriod,
  loadStatisticsInput,
  statisticsInputOf,
} from './statistics';
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
import { drainMail, readLedger, type Ledger } from '../workspace/mailQueue';
import { queueSchoolLetters } from './schoolLetters';
import { computeStatistics, type Statistics } from '../domain/statistics';
import { LETTERS_JOB_RU } from '../i18n/ru/letters';
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
  /** A month of a closed year: marked done, never listed as late (nothing was owed). */
  closedYear?: boolean;
}

interface RunState {
  spreadsheet: Spreadsheet;
  settings: Settings;
  /** Today's catch-up: its rows and reference feed the other jobs instead of re-reading the tabs. */
  intake: IntakeRun | null;
  /** The reference tabs if today's run has read them already. */
  reference: ReferenceData | null;
  reminderData: ReminderData | null;
  noteFailed: Set<string>;
  /** The figures each note of this run was made with: the letters to ОУ repeat them. */
  noteStats: Map<string, Statistics>;
  /** The rows of the statistics, read or projected once per run. */
  statisticsInput: StatisticsInput | null;
  /** The mail queue, read once after the summary (which keeps its own) for the jobs after it. */
  ledger: Ledger | null;
  /** The run's time, measured from its own start. */
  budget: Budget;
}

/**
 * True only when this execution is the project's own daily trigger: an event object can be forged
 * through google.script.run, but only the trigger's owner sees a trigger with that unique id.
 */
function firedByOwnTrigger(e?: GoogleAppsScript.Events.TimeDriven): boolean {
  const uid = e && e.triggerUid ? String(e.triggerUid) : '';
  return uid !== '' && isOwnTrigger(uid);
}

/** The daily time-driven trigger: catch-up, statistics, the monthly note, summary and reminders. */
export function runDailyJobs(e?: GoogleAppsScript.Events.TimeDriven): void {
  const budget = startBudget(TIME_BUDGET_MS);
  // Fired by its trigger it runs as the installer; called by hand (google.script.run) only staff may.
  const spreadsheet = firedByOwnTrigger(e) ? activeSpreadsheet() : requireStaff().spreadsheet;
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
  const checked = readSettingsChecked(spreadsheet);
  const settings = checked.settings;
  const entries: JournalEntry[] = [];
  guarded(entries, 'runDailyJobs: access', DAILY_RU.failedRetry, () =>
    entries.push(
      ...enforceAccess(spreadsheet, settings, false, checked.errors.staff === undefined),
    ),
  );
  guarded(entries, 'runDailyJobs: sources', DAILY_RU.failedRetry, () => {
    const check = checkSources(spreadsheet);
    entries.push(...check.entries);
    if (check.added.length > 0) alertStaff(spreadsheet, settings, check.added);
  });
  const today = toMoscowDate(new Date());
  const installed = stored[PROPERTY_KEYS.installedPeriod];
  const due = dueJobs({
    today,
    noteDay: settings.noteDay,
    reportDeadlineDay: settings.reportDeadlineDay,
    pending: parsePending(stored[PROPERTY_KEYS.dailyPending] ?? null),
    firstPeriod: stored[PROPERTY_KEYS.firstPeriod],
    // Months missed while the run could not work are owed from the system's first month on.
    since:
      installed && isPeriod(installed)
        ? previousPeriod(installed)
        : stored[PROPERTY_KEYS.firstPeriod],
    // The summary records its own queueing, so a run cut short never queues it twice.
    isDone: (job, period) =>
      Boolean(stored[PROPERTY_FAMILIES.dailyDone(jobId({ job, period }))]) ||
      (job === 'summary' && Boolean(stored[PROPERTY_FAMILIES.summarySent(period)])),
  });

  const state: RunState = {
    spreadsheet,
    settings,
    intake: null,
    reference: null,
    reminderData: null,
    noteFailed: new Set(),
    noteStats: new Map(),
    statisticsInput: null,
    ledger: null,
    budget,
  };
  /** The every-day jobs that went well share one journal row, so «Журнал» stays readable. */
  const routine: string[] = [];
  /** Monthly jobs done after their day, for «Журнал» and the sidebar. */
  const late: LateJob[] = [];
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
        const deadline = dueDate(job.job, job.period, settings);
        if (isAfterDay(today, deadline) && !result.closedYear)
          late.push({ ...job, due: dayKey(deadline) });
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
  guarded(entries, YEAR_CLOSE_RU.job, DAILY_RU.failedRetry, () => {
    // A close cut short by its time budget or a fault goes on where it stopped; it journals.
    if (!budget.spent()) resumeYearClose(spreadsheet, budget);
  });
  guarded(entries, 'runDailyJobs: certificates', DAILY_RU.certificatesFailed, () => {
    // Documents an earlier run left for lack of time or of the daily quota; they journal themselves.
    resumeCertificates(spreadsheet, settings, budget.deadline, () => ledgerOf(state));
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
    entries.push(...mailEntries(drainMail(spreadsheet, budget, ledgerOf(state))));
  });
  if (late.length > 0) entries.push(...recordLate(late, stored[PROPERTY_KEYS.dailyLate] ?? null));
  guarded(entries, 'Google Диск', DAILY_RU.failedRetry, () => {
    entries.push(...folderRepairEntries());
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

/** A monthly job done after the day it fell due (`due`: 'YYYY-MM-DD'). */
export interface LateJob extends DueJob {
  due: string;
  /** When it was done (ISO). */
  done?: string;
}

/** How many late jobs the sidebar remembers. */
const LATE_KEPT = 24;

function dayKey(day: CalendarDate): string {
  const two = (n: number): string => (n < 10 ? '0' : '') + n;
  return `${day.year}-${two(day.month)}-${two(day.day)}`;
}

/** «05.10.2021» of a 'YYYY-MM-DD' day. */
function dayText(key: string): string {
  const [year, month, day] = key.split('-');
  return `${day}.${month}.${year}`;
}

/** The jobs done late, in «Журнал» (one warning each) and in the list the sidebar shows. */
function recordLate(late: LateJob[], storedList: string | null): JournalEntry[] {
  const done = new Date().toISOString();
  writeProperty(
    PROPERTY_KEYS.dailyLate,
    JSON.stringify(
      [...parseLate(storedList), ...late.map((j) => ({ ...j, done }))].slice(-LATE_KEPT),
    ),
  );
  return late.map((job) => ({
    at: new Date(),
    job: 'runDailyJobs: ' + job.job,
    outcome: 'warning' as const,
    details: DAILY_RU.late(job.job, formatForMonth(job.period), dayText(job.due)),
  }));
}

/** The late jobs remembered (a malformed list counts as none). */
export function parseLate(json: string | null): LateJob[] {
  if (!json) return [];
  try {
    const list: unknown = JSON.parse(json);
    if (!Array.isArray(list)) return [];
    return list.filter(
      (j): j is LateJob =>
        typeof j === 'object' &&
        j !== null &&
        typeof (j as LateJob).job === 'string' &&
        isPeriod((j as LateJob).period) &&
        /^\d{4}-\d{2}-\d{2}$/.test(String((j as LateJob).due)),
    );
  } catch {
    return [];
  }
}

/** Lines for the sidebar: what was done late in the last `days` days, newest first. */
export function lateLines(json: string | null, now: Date, days = 45): string[] {
  const since = now.getTime() - days * 24 * 3600 * 1000;
  return parseLate(json)
    .filter((j) => new Date(j.done ?? 0).getTime() >= since)
    .reverse()
    .map((j) =>
      DAILY_RU.lateLine(
        j.job,
        formatForMonth(j.period),
        dayText(j.due),
        formatDateNumeric(new Date(j.done ?? 0)),
      ),
    );
}

/** The reference tabs, read at most once per run. */
function referenceOf(state: RunState): ReferenceData {
  if (state.intake) return state.intake.reference;
  if (!state.reference) state.reference = readReference(state.spreadsheet);
  return state.reference;
}

/**
 * Statistics rows from today's catch-up if it ran, else from the tabs (reference read once); kept
 * for the run, so the note and the letters to ОУ count the same rows.
 */
function intakeInput(state: RunState): StatisticsInput {
  if (!state.statisticsInput) {
    state.statisticsInput = state.intake
      ? statisticsInputOf(state.intake.projection, state.intake.reference)
      : loadStatisticsInput(state.spreadsheet, referenceOf(state));
  }
  return state.statisticsInput;
}

/** The mail queue for the jobs after the summary, read once. */
function ledgerOf(state: RunState): Ledger {
  if (!state.ledger) state.ledger = readLedger(state.spreadsheet);
  return state.ledger;
}

function runJob(state: RunState, job: DueJob): JobOutcome {
  // A closed year's months have their figures in the archive and the annual note.
  if (isMonthlyJob(job.job) && inClosedYear(job.period)) {
    return {
      outcome: 'ok',
      details: YEAR_CLOSE_RU.closedYearSkipped(formatMonthYear(job.period)),
      closedYear: true,
    };
  }
  switch (job.job) {
    case 'intake': {
      // Whatever the submits did: rows whose trigger never fired, rows a busy table left, tabs
      // sorted or cut by hand — found by comparing the sheets with what was placed.
      // A trashed or deleted folder is repaired first; then every placed upload is put back.
      const repaired = checkFolders(state.settings.rootFolderName);
      if (
        !repaired &&
        !fullIntakeDue(state.spreadsheet, (reference) => (state.reference = reference))
      )
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
      const changed = syncAllChoices(reference, state.settings.reportDeadlineDay, true);
      return { outcome: 'ok', details: DAILY_RU.choicesDone(changed) };
    }
    case 'statistics': {
      const { stats } = computeAndWriteStatistics(
        state.spreadsheet,
        displayPeriod(new Date()),
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
      const note = createMonthlyNote(state.spreadsheet, job.period, intakeInput(state));
      state.noteStats.set(job.period, note.stats);
      // A summary of the note it replaced, still waiting for the quota, goes with this one.
      if (requeueWaitingSummary(state.spreadsheet, job.period, note, ledgerOf(state)) > 0)
        state.ledger = null;
      return { outcome: 'ok', details: '', journaled: true };
    }
    case 'summary': {
      if (state.noteFailed.has(job.period))
        return { outcome: 'queued', details: DAILY_RU.waitsForNote };
      const result = deliverMonthlySummary(state.spreadsheet, job.period, state.budget);
      // The summary read and drained the queue on its own ledger: the run's copy is stale now
      // (after an outage one run makes several months' summaries; a stale copy would resend).
      state.ledger = null;
      return { outcome: result.queued ? 'queued' : 'ok', details: result.message, journaled: true };
    }
    case 'letters': {
      // The letters repeat the note's figures: they wait while the note of the month fails.
      if (state.noteFailed.has(job.period))
        return { outcome: 'queued', details: LETTERS_JOB_RU.waitsForNote };
      const input = intakeInput(state);
      const stats = state.noteStats.get(job.period) ?? computeStatistics(input, job.period);
      const run = queueSchoolLetters(
        state.spreadsheet,
        job.period,
        { stats, input, reference: referenceOf(state) },
        state.settings,
        ledgerOf(state),
      );
      return { outcome: 'ok', details: run.details };
    }
    case 'reminders': {
      const result = sendReminders(
        state.spreadsheet,
        job.period,
        state.reminderData,
        ledgerOf(state),
      );
      // ОУ whose monthly letter still waits in the queue get their reminder on a later run.
      return { outcome: result.deferred > 0 ? 'queued' : 'ok', details: result.message };
    }
  }
}
