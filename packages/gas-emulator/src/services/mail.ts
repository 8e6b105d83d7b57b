/**
 * MailApp (developers.google.com/apps-script/reference/mail/mail-app) over the workspace outbox,
 * with the daily recipient quota counted per simulated day in the workspace time zone.
 * GmailApp exists only for sendEmail, which shares the same quota and outbox.
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type --
   a fake class merges with its Google interface so unimplemented methods (stubbed at runtime) typecheck */
import { stubInterface } from '../core/errors';
import type { SentMail, WorkspaceState } from '../core/state';
import { blobBytes } from './blob';

type Options = GoogleAppsScript.Mail.MailAdvancedParameters;

/** Google's message once the day's recipients are used up (EMULATOR.md). */
export const MAIL_QUOTA_ERROR = 'Service invoked too many times for one day: email.';

/** `yyyy-MM-dd` of an instant in a time zone: the key of ws.mailSentPerDay. */
export function dayKey(at: Date, timeZone: string): string {
  // en-CA formats dates as ISO yyyy-MM-dd.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Splits a comma-separated recipient list and checks each address ("Name <a@b.c>" allowed). */
function recipients(list: string | undefined): string[] {
  if (!list) return [];
  const out: string[] = [];
  for (const raw of String(list).split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const angle = /<([^<>]+)>\s*$/.exec(entry);
    const address = angle ? angle[1]!.trim() : entry;
    if (!ADDRESS.test(address)) throw new Error(`Invalid email: ${entry}`);
    out.push(entry);
  }
  return out;
}

function remaining(ws: WorkspaceState): number {
  const used = ws.mailSentPerDay.get(dayKey(ws.clock.now(), ws.timeZone)) ?? 0;
  return Math.max(0, ws.quotas.mailRecipientsPerDay - used);
}

/** Validates, counts against the quota and appends to ws.outbox. */
function deliver(ws: WorkspaceState, message: Options): void {
  const to = recipients(message.to);
  const cc = recipients(message.cc);
  const bcc = recipients(message.bcc);
  const count = to.length + cc.length + bcc.length;
  if (count === 0) throw new Error('Failed to send email: no recipient');
  if (message.replyTo) recipients(message.replyTo);
  if (count > remaining(ws)) throw new Error(MAIL_QUOTA_ERROR);
  const attachments = (message.attachments ?? []).map((source) => {
    const { name, mimeType, bytes } = blobBytes(source);
    return {
      name: name ?? '',
      mimeType: mimeType ?? 'application/octet-stream',
      bytes: bytes.slice(),
    };
  });
  const key = dayKey(ws.clock.now(), ws.timeZone);
  ws.mailSentPerDay.set(key, (ws.mailSentPerDay.get(key) ?? 0) + count);
  const mail: SentMail = {
    to: to.join(', '),
    cc: cc.join(', '),
    bcc: bcc.join(', '),
    subject: message.subject === undefined ? '' : String(message.subject),
    body: message.body === undefined ? '' : String(message.body),
    htmlBody: message.htmlBody === undefined ? '' : String(message.htmlBody),
    name: message.name ?? '',
    replyTo: message.replyTo ?? '',
    attachments,
    at: ws.clock.now(),
  };
  ws.outbox.push(mail);
}

/** Reads the four documented sendEmail signatures into one message object. */
function messageFrom(args: unknown[]): Options {
  const [first, second, third, fourth] = args;
  if (args.length === 1 && typeof first === 'object' && first !== null)
    return { ...(first as Options) };
  if (typeof fourth === 'string') {
    // sendEmail(to, replyTo, subject, body)
    return { to: String(first), replyTo: String(second), subject: String(third), body: fourth };
  }
  const options = (fourth ?? {}) as Options;
  return { ...options, to: String(first), subject: String(second), body: String(third) };
}

/** MailApp: sends into ws.outbox; every call is recorded on the execution tracker. */
export interface FakeMailApp extends GoogleAppsScript.Mail.MailApp {}
export class FakeMailApp implements Pick<
  GoogleAppsScript.Mail.MailApp,
  'getRemainingDailyQuota' | 'sendEmail'
> {
  readonly #ws: WorkspaceState;

  constructor(ws: WorkspaceState) {
    this.#ws = ws;
  }

  /** Reference: "the number of recipients you can send emails to for the rest of the day". */
  getRemainingDailyQuota(): number {
    this.#ws.tracker.record('MailApp.getRemainingDailyQuota');
    return remaining(this.#ws);
  }

  sendEmail(...args: unknown[]): void {
    this.#ws.tracker.record('MailApp.sendEmail');
    deliver(this.#ws, messageFrom(args));
  }
}
stubInterface(FakeMailApp, 'Mail.MailApp');

/** MailApp for one workspace. */
export function createMailApp(ws: WorkspaceState): GoogleAppsScript.Mail.MailApp {
  return new FakeMailApp(ws);
}

/** GmailApp: only sendEmail (same outbox and quota as MailApp); the inbox is not modelled. */
export interface FakeGmailApp extends GoogleAppsScript.Gmail.GmailApp {}
export class FakeGmailApp implements Pick<GoogleAppsScript.Gmail.GmailApp, 'sendEmail'> {
  readonly #ws: WorkspaceState;

  constructor(ws: WorkspaceState) {
    this.#ws = ws;
  }

  sendEmail(
    recipient: string,
    subject: string,
    body: string,
    options?: object,
  ): GoogleAppsScript.Gmail.GmailApp {
    this.#ws.tracker.record('GmailApp.sendEmail');
    deliver(this.#ws, { ...(options as Options), to: recipient, subject, body });
    return this;
  }
}
stubInterface(FakeGmailApp, 'Gmail.GmailApp');

/** GmailApp for one workspace. */
export function createGmailApp(ws: WorkspaceState): GoogleAppsScript.Gmail.GmailApp {
  return new FakeGmailApp(ws);
}
