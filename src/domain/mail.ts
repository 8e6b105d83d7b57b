/**
 * The one mail queue of the product, as data: every letter the product sends — alerts to staff,
 * the monthly summary, reminders, letters to schools, certificate notices — is a Letter with an id
 * that names it for good (`summary:2021-10:boss@example.org`). A letter is queued once per id and
 * sent at most once: its ledger row says `sending` before the send and `sent` after, so a run that
 * dies between the two leaves `sending`, which the next run turns into `unknown` — journaled,
 * never resent. Letters go in order of priority, then of queueing, as far as the day's quota and
 * the run's time allow; the rest wait for the following days. An ОУ gets at most one letter a day
 * (its reminder, its monthly letter or a notice — a letter to several of its addresses is one
 * letter): a second waits for the next day. Pure: the adapter is workspace/mailQueue.ts.
 */
import { toMoscowDate } from './text/dates';

/** Kinds of letters, in order of priority. */
export const LETTER_KINDS = ['alert', 'summary', 'reminder', 'school', 'notice'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** A Google Doc sent as a PDF attachment (made at sending time, once per document and run). */
export interface LetterAttachment {
  docId: string;
  /** File name of the PDF. */
  name: string;
}

/** One letter to one address (a letter to many is split: the quota counts recipients). */
export interface Letter {
  /** Stable id: the same id is queued once and sent at most once. */
  id: string;
  kind: LetterKind;
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  attachment?: LetterAttachment;
  /** The ОУ the letter goes to: a refused address is listed in «Требует проверки» for its row. */
  schoolKey?: string;
  /** The sender name shown to the recipient. */
  senderName?: string;
}

export type LetterStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'unknown';

/** A letter with its place in the ledger. */
export interface LedgerEntry extends Letter {
  queuedAt: Date;
  status: LetterStatus;
  updatedAt: Date | null;
  error: string;
}

/** Russian names of the statuses, as the hidden tab shows them. */
export const STATUS_TEXT: Readonly<Record<LetterStatus, string>> = {
  queued: 'в очереди',
  sending: 'отправляется',
  sent: 'отправлено',
  failed: 'не отправлено',
  unknown: 'неизвестно',
};

/** The status from its text (an unknown text is treated as `failed`: never sent again). */
export function statusOf(text: string): LetterStatus {
  const found = (Object.keys(STATUS_TEXT) as LetterStatus[]).find((s) => STATUS_TEXT[s] === text);
  return found ?? 'failed';
}

/** Splits a letter to several addresses into one per address; ids get the address appended. */
export function splitLetter(
  base: Omit<Letter, 'to' | 'id'> & { id: string },
  addresses: readonly string[],
): Letter[] {
  const unique = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter((a) => a))];
  return unique.map((to) => ({ ...base, id: `${base.id}:${to}`, to }));
}

/** The letters to send next, in order: priority of kind, then the order they were queued. */
export function sendingOrder(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const rank = (kind: LetterKind): number => {
    const i = LETTER_KINDS.indexOf(kind);
    return i < 0 ? LETTER_KINDS.length : i;
  };
  return entries
    .map((entry, index) => ({ entry, index }))
    .filter((x) => x.entry.status === 'queued')
    .sort((a, b) => rank(a.entry.kind) - rank(b.entry.kind) || a.index - b.index)
    .map((x) => x.entry);
}

/** Whether a send error says the address itself is refused (not the service or the quota). */
export function isBadAddress(message: string): boolean {
  return /invalid email|invalid argument: (to|recipient)|недопустим|некорректн/i.test(message);
}

/** Whether a send error says the day's quota is spent. */
export function isQuotaExceeded(message: string): boolean {
  return /too many times|quota/i.test(message);
}

/** The letter an entry is one address of: splitLetter appended `:<address>` to its id. */
export function letterOf(entry: Pick<Letter, 'id' | 'to'>): string {
  const suffix = ':' + entry.to;
  return entry.id.endsWith(suffix) ? entry.id.slice(0, -suffix.length) : entry.id;
}

/** «2021-11-05»: the Moscow calendar day of an instant. */
export function moscowDay(instant: Date): string {
  const d = toMoscowDate(instant);
  return `${d.year}-${d.month < 10 ? '0' : ''}${d.month}-${d.day < 10 ? '0' : ''}${d.day}`;
}

/**
 * The ОУ that were sent a letter on `day` (Moscow), with that letter: another letter to the same
 * ОУ waits for the next day. A letter whose send may have happened (`sending`, `unknown`) counts.
 */
export function schoolsMailedOn(entries: readonly LedgerEntry[], day: string): Map<string, string> {
  const mailed = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.schoolKey || !entry.updatedAt) continue;
    if (entry.status !== 'sent' && entry.status !== 'sending' && entry.status !== 'unknown')
      continue;
    if (moscowDay(entry.updatedAt) !== day || mailed.has(entry.schoolKey)) continue;
    mailed.set(entry.schoolKey, letterOf(entry));
  }
  return mailed;
}
