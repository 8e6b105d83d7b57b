/** The mail queue as a job: send what waits, within a budget, and say in «Журнал» what happened. */
import type { MailRun } from '../workspace/mailQueue';
import { writeJournal, type JournalEntry } from '../workspace/journal';
import { RELIABILITY_RU } from '../i18n/ru/reliability';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Journal rows of a drain: refused addresses and unknown outcomes one by one, the rest in one. */
export function mailEntries(run: MailRun): JournalEntry[] {
  const RU = RELIABILITY_RU.mail;
  const entries: JournalEntry[] = [];
  for (const letter of run.unknown) {
    entries.push({
      at: new Date(),
      job: RU.job,
      outcome: 'error',
      details: RU.unknown(letter.to, letter.subject),
    });
  }
  for (const letter of run.retried) {
    entries.push({
      at: new Date(),
      job: RU.job,
      outcome: 'error',
      details: RU.retry(letter.to, letter.subject),
      error: letter.error,
    });
  }
  for (const letter of run.failed) {
    entries.push({
      at: new Date(),
      job: RU.job,
      outcome: 'error',
      details: RU.badAddress(letter.to, letter.subject, letter.error),
      error: letter.error,
    });
  }
  if (run.sent.length > 0 || run.waiting > 0) {
    const others = run.waiting - run.deferred;
    entries.push({
      at: new Date(),
      job: RU.job,
      outcome: run.waiting > 0 ? 'queued' : 'ok',
      details:
        RU.sent(run.sent.length) +
        (others > 0 ? ' ' + RU.waiting(others, run.byQuota) : '') +
        (run.deferred > 0 ? ' ' + RU.nextDay(run.deferred) : ''),
    });
  }
  return entries;
}

/** Writes a drain's journal rows. */
export function journalMail(spreadsheet: Spreadsheet, run: MailRun): void {
  writeJournal(spreadsheet, mailEntries(run));
}
