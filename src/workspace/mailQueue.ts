/**
 * The mail queue on its hidden tab «Почта» (domain/mail.ts says what it guarantees), and the only
 * module that touches MailApp. The ledger is read in one call and its statuses written in small
 * blocks; a letter is one `sendEmail` by nature. Letters grow with the district (hundreds of
 * reminders a month, each a few KB), past what document properties hold (500 KB in all), hence a
 * tab. Every call happens under the script lock.
 */
import { oneLine } from '../domain/text/clean';
import {
  isBadAddress,
  isQuotaExceeded,
  letterOf,
  moscowDay,
  schoolsMailedOn,
  sendingOrder,
  STATUS_TEXT,
  statusOf,
  type LedgerEntry,
  type Letter,
  type LetterKind,
  type LetterStatus,
} from '../domain/mail';
import { MAIL_HEADER, MAIL_TAB } from '../domain/schema';
import { appendRows, ensureSheet, readTable, safeRows, type Row } from './table';
import { PROPERTY_KEYS, readJsonProperty, writeProperty } from './properties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const COLUMN = {
  id: 0,
  kind: 1,
  to: 2,
  school: 3,
  subject: 4,
  body: 5,
  html: 6,
  attachment: 7,
  sender: 8,
  queuedAt: 9,
  status: 10,
  updatedAt: 11,
  error: 12,
} as const;
const WIDTH = MAIL_HEADER.length;
/** Letters further apart than this are marked in two writes rather than one block between them. */
const NEAR_ROWS = 20;

/** The queue as read once: a job that queues and then sends passes it on instead of re-reading. */
export interface Ledger {
  sheet: Sheet;
  entries: LedgerEntry[];
}

function toEntry(row: Row): LedgerEntry {
  const text = (c: number): string => String(row[c] ?? '');
  let attachment: LedgerEntry['attachment'];
  try {
    attachment = text(COLUMN.attachment)
      ? (JSON.parse(text(COLUMN.attachment)) as LedgerEntry['attachment'])
      : undefined;
  } catch {
    attachment = undefined;
  }
  const date = (c: number): Date | null => (row[c] instanceof Date ? (row[c] as Date) : null);
  return {
    id: text(COLUMN.id),
    kind: text(COLUMN.kind) as LetterKind,
    to: text(COLUMN.to),
    schoolKey: text(COLUMN.school) || undefined,
    subject: text(COLUMN.subject),
    body: text(COLUMN.body),
    htmlBody: text(COLUMN.html) || undefined,
    attachment,
    senderName: text(COLUMN.sender) || undefined,
    queuedAt: date(COLUMN.queuedAt) ?? new Date(0),
    status: statusOf(text(COLUMN.status)),
    updatedAt: date(COLUMN.updatedAt),
    error: text(COLUMN.error),
  };
}

function toRow(entry: LedgerEntry): Row {
  const row: Row = new Array(WIDTH).fill('');
  row[COLUMN.id] = entry.id;
  row[COLUMN.kind] = entry.kind;
  row[COLUMN.to] = entry.to;
  row[COLUMN.school] = entry.schoolKey ?? '';
  row[COLUMN.subject] = entry.subject;
  // A sent letter keeps its line in the ledger (never twice) but not its text.
  const done = entry.status === 'sent';
  row[COLUMN.body] = done ? '' : entry.body;
  row[COLUMN.html] = done ? '' : (entry.htmlBody ?? '');
  row[COLUMN.attachment] = entry.attachment ? JSON.stringify(entry.attachment) : '';
  row[COLUMN.sender] = entry.senderName ?? '';
  row[COLUMN.queuedAt] = entry.queuedAt;
  row[COLUMN.status] = STATUS_TEXT[entry.status];
  row[COLUMN.updatedAt] = entry.updatedAt ?? '';
  row[COLUMN.error] = entry.error;
  return row;
}

/** Reads the queue and its ledger (one read). */
export function readLedger(spreadsheet: Spreadsheet): Ledger {
  const sheet = ensureSheet(spreadsheet, MAIL_TAB);
  // Blank rows stay in as entries without an id (never sent), so entry i is always sheet row i + 2.
  return { sheet, entries: readTable(sheet).rows.map(toEntry) };
}

/**
 * Queues letters whose ids are not in the ledger yet (one read, one append); returns how many
 * were new. Queueing the same letter again does nothing: it is sent at most once.
 */
export function enqueueLetters(
  spreadsheet: Spreadsheet,
  letters: readonly Letter[],
  ledger: Ledger = readLedger(spreadsheet),
): number {
  if (letters.length === 0) return 0;
  const known = new Set(ledger.entries.map((e) => e.id).filter((id) => id !== ''));
  const now = new Date();
  const fresh: LedgerEntry[] = [];
  for (const letter of letters) {
    if (known.has(letter.id)) continue;
    known.add(letter.id);
    fresh.push({ ...letter, queuedAt: now, status: 'queued', updatedAt: null, error: '' });
  }
  if (ledger.sheet.getLastRow() === 0) {
    ledger.sheet.getRange(1, 1, 1, WIDTH).setValues([MAIL_HEADER]);
  }
  appendRows(ledger.sheet, fresh.map(toRow), WIDTH);
  ledger.entries.push(...fresh);
  return fresh.length;
}

/** What one drain of the queue did. */
export interface MailRun {
  sent: LedgerEntry[];
  /** Refused addresses: not sent, never retried. */
  failed: LedgerEntry[];
  /** Failed for another reason (the service): tried once more by the next run. */
  retried: LedgerEntry[];
  /** Left `sending` by a run that died: journaled, never resent. */
  unknown: LedgerEntry[];
  /** Still queued after this run. */
  waiting: number;
  /** Of those, letters to an ОУ that was already sent a letter today: they go tomorrow. */
  deferred: number;
  /** The day's quota stopped the run (else time, or nothing left). */
  byQuota: boolean;
  /** Every ledger entry as it stands after the run. */
  entries: LedgerEntry[];
}

/**
 * Sends queued letters in order of priority while the day's quota and `budget` allow. Before each
 * send its ledger row says `sending` (written in one block with the previous letter's `sent`);
 * a refused address fails that letter alone and the rest go on.
 */
export function drainMail(
  spreadsheet: Spreadsheet,
  budget: { spent(): boolean },
  ledger: Ledger = readLedger(spreadsheet),
): MailRun {
  const run: MailRun = {
    sent: [],
    failed: [],
    retried: [],
    unknown: [],
    waiting: 0,
    deferred: 0,
    byQuota: false,
    entries: ledger.entries,
  };
  const dirty = new Set<number>();
  const now = (): Date => new Date();
  ledger.entries.forEach((entry, index) => {
    if (entry.status !== 'sending') return;
    entry.status = 'unknown';
    entry.updatedAt = now();
    run.unknown.push(entry);
    dirty.add(index);
  });
  flush(ledger, dirty);
  const order = sendingOrder(ledger.entries);
  let quota = order.length > 0 ? MailApp.getRemainingDailyQuota() : 0;
  const pdfs = new Map<string, GoogleAppsScript.Base.Blob>();
  // One letter per ОУ a day: a letter to an ОУ that already got another today waits.
  const mailed = schoolsMailedOn(ledger.entries, moscowDay(now()));
  for (const entry of order) {
    if (budget.spent()) break;
    if (quota < 1) {
      run.byQuota = true;
      break;
    }
    const letter = letterOf(entry);
    const got = entry.schoolKey ? mailed.get(entry.schoolKey) : undefined;
    if (got !== undefined && got !== letter) {
      run.deferred++;
      continue;
    }
    const index = ledger.entries.indexOf(entry);
    entry.status = 'sending';
    entry.updatedAt = now();
    dirty.add(index);
    flush(ledger, dirty);
    try {
      // Headers and the attachment's name carry settings and answers: one clean line each.
      const senderName = oneLine(entry.senderName ?? '');
      MailApp.sendEmail({
        to: entry.to,
        subject: oneLine(entry.subject),
        body: entry.body,
        ...(entry.htmlBody ? { htmlBody: entry.htmlBody } : {}),
        ...(senderName ? { name: senderName } : {}),
        ...(entry.attachment ? { attachments: [pdfOf(entry.attachment, pdfs)] } : {}),
      });
      quota--;
      setStatus(entry, 'sent', '');
      run.sent.push(entry);
      if (entry.schoolKey) mailed.set(entry.schoolKey, letter);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isQuotaExceeded(message)) {
        setStatus(entry, 'queued', '');
        dirty.add(index);
        run.byQuota = true;
        break;
      }
      // A refused address fails for good; another failure is retried once by the next run.
      const retry = !isBadAddress(message) && entry.error === '';
      setStatus(entry, retry ? 'queued' : 'failed', message);
      (retry ? run.retried : run.failed).push(entry);
    }
    dirty.add(index);
  }
  flush(ledger, dirty);
  run.waiting = ledger.entries.filter((e) => e.status === 'queued').length;
  if (run.failed.some((e) => e.schoolKey)) rememberBadAddresses(run.failed);
  return run;
}

function setStatus(entry: LedgerEntry, status: LetterStatus, error: string): void {
  entry.status = status;
  entry.updatedAt = new Date();
  entry.error = error;
}

/** The PDF of a document, made once per document and run (a conversion takes over a second). */
function pdfOf(
  attachment: NonNullable<Letter['attachment']>,
  made: Map<string, GoogleAppsScript.Base.Blob>,
): GoogleAppsScript.Base.Blob {
  let blob = made.get(attachment.docId);
  if (!blob) {
    blob = DocumentApp.openById(attachment.docId).getAs('application/pdf');
    blob.setName(oneLine(attachment.name));
    made.set(attachment.docId, blob);
  }
  return blob;
}

/** Writes the ledger rows marked dirty: one block for rows near each other, else one per group. */
function flush(ledger: Ledger, dirty: Set<number>): void {
  if (dirty.size === 0) return;
  const indices = [...dirty].sort((a, b) => a - b);
  dirty.clear();
  let start = 0;
  for (let i = 1; i <= indices.length; i++) {
    if (i < indices.length && indices[i]! - indices[i - 1]! <= NEAR_ROWS) continue;
    const [from, to] = [indices[start]!, indices[i - 1]!];
    const rows = ledger.entries.slice(from, to + 1).map(toRow);
    ledger.sheet.getRange(from + 2, 1, rows.length, WIDTH).setValues(safeRows(rows, WIDTH));
    start = i;
  }
}

/** Addresses refused for an ОУ, kept for «Требует проверки» until the registry changes them. */
export interface BadAddress {
  schoolKey: string;
  address: string;
  error: string;
}

export function badAddresses(): BadAddress[] {
  return [...(readJsonProperty<BadAddress[]>(PROPERTY_KEYS.badAddresses) ?? [])];
}

function rememberBadAddresses(failed: readonly LedgerEntry[]): void {
  const known = badAddresses();
  for (const entry of failed) {
    if (!entry.schoolKey) continue;
    if (known.some((b) => b.schoolKey === entry.schoolKey && b.address === entry.to)) continue;
    known.push({ schoolKey: entry.schoolKey, address: entry.to, error: entry.error });
  }
  // Kept small: the latest hundred (a property holds 9 KB).
  writeProperty(PROPERTY_KEYS.badAddresses, JSON.stringify(known.slice(-100)));
}

/**
 * Takes queued letters out of the queue for good (status «не отправлено», `reason` in «Ошибка»):
 * e.g. a summary whose note was made again — its recipients are queued the new one instead.
 */
export function withdrawLetters(
  ledger: Ledger,
  entries: readonly LedgerEntry[],
  reason: string,
): void {
  const dirty = new Set<number>();
  for (const entry of entries) {
    if (entry.status !== 'queued') continue;
    setStatus(entry, 'failed', reason);
    dirty.add(ledger.entries.indexOf(entry));
  }
  flush(ledger, dirty);
}

/** Letters of the queue by id prefix (e.g. one month's summary): their statuses. */
export function lettersWithPrefix(ledger: Ledger, prefix: string): LedgerEntry[] {
  return ledger.entries.filter((e) => e.id.startsWith(prefix));
}

/** The day's remaining mail quota (sidebar). */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}
