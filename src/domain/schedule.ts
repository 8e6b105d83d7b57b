/**
 * What the daily run must do on a given Moscow date: the catch-up jobs every day, the monthly
 * jobs from the settings' days, and whatever an earlier run left pending. Pure: the caller reads
 * the done-markers and the pending list from document properties and passes them in.
 */
import type { CalendarDate } from './text/dates';
import { formatPeriodKey, previousPeriod } from './text/periods';

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
}

/** Whether a job runs once per period (and so is marked done) rather than every day. */
export function isMonthlyJob(job: DailyJob): boolean {
  return EVERY_DAY.indexOf(job) < 0;
}

/**
 * The jobs due today, deduplicated and in run order. Monthly jobs are due from their day on (so a
 * missed day is caught up later in the month) until they are marked done; pending ones always.
 */
export function dueJobs(input: ScheduleInput): DueJob[] {
  const current = formatPeriodKey(input.today.year, input.today.month);
  const previous = previousPeriod(current);
  const candidates: DueJob[] = EVERY_DAY.map((job) => ({ job, period: current }));
  if (input.today.day >= input.noteDay) {
    candidates.push(
      { job: 'note', period: previous },
      { job: 'summary', period: previous },
      { job: 'letters', period: previous },
    );
  }
  if (input.today.day > input.reportDeadlineDay) {
    candidates.push({ job: 'reminders', period: previous });
  }
  for (const p of input.pending) if (isDailyJob(p.job) && isPeriod(p.period)) candidates.push(p);

  const seen = new Set<string>();
  const due = candidates.filter((c) => {
    const id = jobId(c);
    if (seen.has(id)) return false;
    seen.add(id);
    if (!isMonthlyJob(c.job)) return true;
    if (input.firstPeriod && c.period < input.firstPeriod) return false;
    return !input.isDone(c.job, c.period);
  });
  return due.sort(
    (a, b) =>
      DAILY_JOBS.indexOf(a.job) - DAILY_JOBS.indexOf(b.job) ||
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
  );
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

function isPeriod(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
