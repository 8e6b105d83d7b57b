/** «Журнал»: one row per job run — when, which job, the outcome, a document link, the error. */
import { appendRows, ensureSheet } from './table';
import { JOURNAL_RU } from '../i18n/ru/journal';
import { JOURNAL_HEADER, JOURNAL_TAB } from '../domain/schema';

export { JOURNAL_TAB };

export type JobOutcome = 'ok' | 'error' | 'queued' | 'skipped' | 'warning';

export interface JournalEntry {
  at: Date;
  job: string;
  outcome: JobOutcome;
  details: string;
  link?: string;
  error?: string;
}

/** Appends entries in one write (a job run may record several). */
export function writeJournal(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entries: JournalEntry[],
): void {
  if (entries.length === 0) return;
  const sheet = ensureSheet(spreadsheet, JOURNAL_TAB);
  appendRows(
    sheet,
    entries.map((e) => [
      e.at,
      e.job,
      JOURNAL_RU.outcome[e.outcome],
      e.details,
      e.link ?? '',
      e.error ?? '',
    ]),
    JOURNAL_HEADER.length,
  );
}

/** A plain-Russian error text for the journal and the sidebar. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
