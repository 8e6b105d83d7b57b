/**
 * What the daily run must do on a given Moscow date: the catch-up jobs every day, the monthly
 * jobs from the settings' days, and whatever an earlier run left pending. Pure: the caller reads
 * the done-markers and the pending list from document properties and passes them in.
 */
import type { CalendarDate } from './text/dates';
import {
  addMonths,
  formatPeriodKey,
  periodOf,
  previousPeriod,
  schoolYearOf,
  schoolYearOfPeriod,
  schoolYearPeriods,
} from './text/periods';
import { toMoscowDate } from './text/dates';

/** The jobs of the daily run, in the order they run (a later job may rely on an earlier one). */
export const DAILY_JOBS = [
  'intake',
  'choices',
  'statistics',
  'note',
  'summary',
  'letters',
  'reminders',
] as const;

export type DailyJob = (typeof DAILY_JOBS)[number];

/** A job for one reporting period `YYYY-MM`. */
export interface DueJob {
  job: DailyJob;
  period: string;
}

/** Jobs that run every day and so need no done-marker: they only bring derived data up to date. */
const EVERY_DAY: readonly DailyJob[] = ['intake', 'choices', 'statistics'];

export interface ScheduleInput {
  today: CalendarDate;
  noteDay: number;
  reportDeadlineDay: number;
  /** Jobs an earlier run left failed or queued. */
  pending: DueJob[];
  /** Whether a monthly job has already been completed for the period. */
  isDone: (job: DailyJob, period: string) => boolean;
  /**
   * The first month the system covers ('YYYY-MM', the start of the school year it was set up in):
   * no note, summary or reminder is due for earlier months, e.g. an empty August note.
   */
  firstPeriod?: string;
  /**
   * The oldest month whose monthly jobs may still be owed ('YYYY-MM': the month before the system
   * was installed). Every month from it to the previous one whose note, summary or reminders were
   * missed — the daily run did not run, or ran busy — is due again until done; without it, only
   * the previous month is looked at.
   */
  since?: string;
}

/** How far back missed months are caught up at most. */
export const CATCH_UP_MONTHS = 12;

/** Whether a job runs once per period (and so is marked done) rather than every day. */
export function isMonthlyJob(job: DailyJob): boolean {
  return EVERY_DAY.indexOf(job) < 0;
}

/**
 * The Moscow calendar day a monthly job of `period` falls due: the note and the summary on the
 * note day of the next month, the reminders on the day after the report deadline.
 */
export function dueDate(
  job: DailyJob,
  period: string,
  settings: { noteDay: number; reportDeadlineDay: number },
): CalendarDate {
  const next = addMonths(period, 1).split('-').map(Number);
  const day = job === 'reminders' ? settings.reportDeadlineDay + 1 : settings.noteDay;
  return { year: next[0]!, month: next[1]!, day };
}

/** Whether `a` is a later calendar day than `b`. */
export function isAfterDay(a: CalendarDate, b: CalendarDate): boolean {
  return a.year * 10000 + a.month * 100 + a.day > b.year * 10000 + b.month * 100 + b.day;
}

/**
 * The jobs due today, deduplicated and in run order: the every-day jobs first, then the monthly
 * jobs oldest month first (a month's note, its summary, its reminders). Monthly jobs are due from
 * their day on (so a missed day — or a missed month, after an outage — is caught up later) until
 * they are marked done; pending ones always. Only months that are over are ever due.
 */
export function dueJobs(input: ScheduleInput): DueJob[] {
  const current = formatPeriodKey(input.today.year, input.today.month);
  const previous = previousPeriod(current);
  const candidates: DueJob[] = EVERY_DAY.map((job) => ({ job, period: current }));
  const oldest = input.since
    ? maxPeriod(input.since, addMonths(current, -CATCH_UP_MONTHS))
    : previous;
  for (let period = oldest; period <= previous; period = addMonths(period, 1)) {
    for (const job of MONTHLY) {
      // A letter to ОУ speaks of what is awaited now: an older month's is not caught up.
      if (job === 'letters' && period !== previous) continue;
      if (!isAfterDay(dueDate(job, period, input), input.today)) candidates.push({ job, period });
    }
  }
  for (const p of input.pending) if (isDailyJob(p.job) && isPeriod(p.period)) candidates.push(p);

  const seen = new Set<string>();
  const due = candidates.filter((c) => {
    const id = jobId(c);
    if (seen.has(id)) return false;
    seen.add(id);
    if (!isMonthlyJob(c.job)) return true;
    // A month under way or to come owes nothing yet, whatever a stored list says.
    if (c.period >= current) return false;
    if (input.firstPeriod && c.period < input.firstPeriod) return false;
    return !input.isDone(c.job, c.period);
  });
  const rank = (job: DailyJob): number => DAILY_JOBS.indexOf(job);
  return due.sort((a, b) => {
    const everyDay = Number(isMonthlyJob(a.job)) - Number(isMonthlyJob(b.job));
    if (everyDay !== 0) return everyDay;
    const byPeriod = a.period < b.period ? -1 : a.period > b.period ? 1 : 0;
    return isMonthlyJob(a.job) ? byPeriod || rank(a.job) - rank(b.job) : rank(a.job) - rank(b.job);
  });
}

/** The monthly jobs in the order a month's are run. */
const MONTHLY: readonly DailyJob[] = DAILY_JOBS.filter((job) => EVERY_DAY.indexOf(job) < 0);

function maxPeriod(a: string, b: string): string {
  return a > b ? a : b;
}

/** «note.2021-10»: the id of a job run, also the suffix of its done-marker. */
export function jobId(job: DueJob): string {
  return job.job + '.' + job.period;
}

/** Pending jobs as stored in one document property; unknown or malformed entries are dropped. */
export function parsePending(json: string | null): DueJob[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value
      .filter(
        (v): v is DueJob =>
          typeof v === 'object' &&
          v !== null &&
          isDailyJob((v as DueJob).job) &&
          isPeriod((v as DueJob).period),
      )
      .map((v) => ({ job: v.job, period: v.period }));
  } catch {
    return [];
  }
}

/** The pending list to store: only monthly jobs (the daily ones run tomorrow anyway). */
export function serializePending(jobs: DueJob[]): string {
  const monthly = jobs.filter((j) => isMonthlyJob(j.job));
  return JSON.stringify(monthly.map((j) => ({ job: j.job, period: j.period })));
}

function isDailyJob(value: unknown): value is DailyJob {
  return typeof value === 'string' && (DAILY_JOBS as readonly string[]).indexOf(value) >= 0;
}

/** Whether a value is a period key 'YYYY-MM'. */
export function isPeriod(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/**
 * The months the monthly-report form offers at `now`: the school year's twelve, and — until its
 * report deadline has passed (1 September to the deadline day) — the previous school year's
 * last month, August, whose report is still due then.
 */
export function reportMonthsOffered(
  now: Date,
  reportDeadlineDay: number,
  closedYears: readonly number[] = [],
): string[] {
  // Once a school year is closed, the form offers the next year's months only.
  const year = Math.max(schoolYearOf(now), ...closedYears.map((y) => y + 1));
  const months = schoolYearPeriods(year);
  const previous = previousPeriod(periodOf(now));
  if (
    previous < months[0]! &&
    toMoscowDate(now).day <= reportDeadlineDay &&
    !closedYears.includes(schoolYearOfPeriod(previous))
  )
    return [previous, ...months];
  return months;
}

/** Whether the report form still offers `period` at `now`: a reminder may ask only for such a month. */
export function isReportMonthOffered(
  period: string,
  now: Date,
  reportDeadlineDay: number,
): boolean {
  return reportMonthsOffered(now, reportDeadlineDay).indexOf(period) >= 0;
}
