/**
 * MailApp (developers.google.com/apps-script/reference/mail/mail-app) over the workspace outbox,
 * with the daily recipient quota counted per simulated day in the workspace time zone.
 * GmailApp exists only for sendEmail, which shares the same quota and outbox.
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type --
   a fake class merges with its Google interface so unimplemented methods (stubbed at runtime) typecheck */
import * as crypto from 'crypto';
import { stubInterface } from '../core/errors';
import type { DraftRecord, SentMail, WorkspaceState } from '../core/state';
import { Blob, blobBytes } from './blob';

type Options = GoogleAppsScript.Mail.MailAdvancedParameters;

/** Google's message once the day's recipients are used up (EMULATOR.md). */
export const MAIL_QUOTA_ERROR = 'Service invoked too many times for one day: email.';

/** One formatter per time zone: making an Intl.DateTimeFormat costs far more than using one. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** `yyyy-MM-dd` of an instant in a time zone: the key of ws.mailSentPerDay. */
export function dayKey(at: Date, timeZone: string): string {
  let format = dayFormatters.get(timeZone);
  if (!format) {
    // en-CA formats dates as ISO yyyy-MM-dd.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, format);
  }
  return format.format(at);
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

/** Attachments and inline images as the outbox keeps them (bytes copied). */
function blobsOf(sources: unknown[]): { name: string; mimeType: string; bytes: Uint8Array }[] {
  return sources.map((source) => {
    const { name, mimeType, bytes } = blobBytes(source as GoogleAppsScript.Base.BlobSource);
    return {
      name: name ?? '',
      mimeType: mimeType ?? 'application/octet-stream',
      bytes: bytes.slice(),
    };
  });
}

/** The send-as aliases of the current user (GmailApp.getAliases). */
export function aliasesOf(ws: WorkspaceState): string[] {
  return [...(ws.mailAliases?.get(ws.user) ?? [])];
}

/**
 * Validates, counts against the quota and appends to ws.outbox. Every documented option is kept
 * on the record (mail-app#sendemailmessage; gmail-app#sendemailrecipient,-subject,-body,-options):
 * `from` only through GmailApp and only one of the user's aliases; MailApp ignores it.
 */
function deliver(
  ws: WorkspaceState,
  message: Options & { from?: string },
  via: SentMail['via'],
): void {
  const mail = compose(ws, message, via);
  const count = [mail.to, mail.cc, mail.bcc].reduce((n, list) => n + recipients(list).length, 0);
  if (count === 0) throw new Error('Failed to send email: no recipient');
  if (count > remaining(ws)) throw new Error(MAIL_QUOTA_ERROR);
  const key = dayKey(ws.clock.now(), ws.timeZone);
  ws.mailSentPerDay.set(key, (ws.mailSentPerDay.get(key) ?? 0) + count);
  ws.outbox.push(mail);
}

/** A message as the outbox keeps it, checked but neither counted nor sent (a draft's too). */
function compose(
  ws: WorkspaceState,
  message: Options & { from?: string },
  via: SentMail['via'],
): SentMail {
  const to = recipients(message.to);
  const cc = recipients(message.cc);
  const bcc = recipients(message.bcc);
  if (message.replyTo) recipients(message.replyTo);
  let from = ws.user;
  if (via === 'GmailApp' && message.from !== undefined) {
    // From memory of Google's behaviour, not a reference page: a non-alias `from` is refused.
    if (!aliasesOf(ws).includes(String(message.from)))
      throw new Error(`Invalid argument: ${String(message.from)}`);
    from = String(message.from);
  }
  const inline = message.inlineImages ?? {};
  const inlineBlobs = blobsOf(Object.values(inline));
  return {
    to: to.join(', '),
    cc: cc.join(', '),
    bcc: bcc.join(', '),
    subject: message.subject === undefined ? '' : String(message.subject),
    body: message.body === undefined ? '' : String(message.body),
    htmlBody: message.htmlBody === undefined ? '' : String(message.htmlBody),
    name: message.name ?? '',
    replyTo: message.replyTo ?? '',
    from,
    noReply: message.noReply === true,
    attachments: blobsOf(message.attachments ?? []),
    inlineImages: Object.keys(inline).map((cid, i) => ({ cid, ...inlineBlobs[i]! })),
    via,
    at: ws.clock.now(),
  };
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
    deliver(this.#ws, messageFrom(args), 'MailApp');
  }
}
stubInterface(FakeMailApp, 'Mail.MailApp');

/** MailApp for one workspace. */
export function createMailApp(ws: WorkspaceState): GoogleAppsScript.Mail.MailApp {
  return new FakeMailApp(ws);
}

/** A Gmail message as GmailApp hands it out (the sent copy of a draft). */
export interface GmailMessage extends GoogleAppsScript.Gmail.GmailMessage {}
export class GmailMessage {
  readonly #id: string;
  readonly #mail: SentMail;

  constructor(id: string, mail: SentMail) {
    this.#id = id;
    this.#mail = mail;
  }

  getId(): string {
    return this.#id;
  }
  getSubject(): string {
    return this.#mail.subject;
  }
  getTo(): string {
    return this.#mail.to;
  }
  getCc(): string {
    return this.#mail.cc;
  }
  getBcc(): string {
    return this.#mail.bcc;
  }
  getFrom(): string {
    return this.#mail.from;
  }
  getPlainBody(): string {
    return this.#mail.body;
  }
  getBody(): string {
    return this.#mail.htmlBody || this.#mail.body;
  }
  getDate(): GoogleAppsScript.Base.Date {
    return new Date(this.#mail.at.getTime());
  }

  /**
   * The message's attachments, and its inline images unless `includeInlineImages` is false;
   * `includeAttachments: false` leaves the attachments out (gmail-message#getattachmentsoptions).
   */
  getAttachments(options?: {
    includeInlineImages?: boolean;
    includeAttachments?: boolean;
  }): GoogleAppsScript.Gmail.GmailAttachment[] {
    const files = [
      ...(options?.includeAttachments === false ? [] : this.#mail.attachments),
      ...(options?.includeInlineImages === false ? [] : this.#mail.inlineImages),
    ];
    return files.map(
      (f) =>
        new GmailAttachment(
          f.bytes.slice(),
          f.mimeType,
          f.name,
        ) as unknown as GoogleAppsScript.Gmail.GmailAttachment,
    );
  }
}
stubInterface(GmailMessage, 'Gmail.GmailMessage');

/** A file attached to a Gmail message: a Blob with its size and hash (gmail-attachment). */
export class GmailAttachment extends Blob {
  /** Size in bytes. */
  getSize(): number {
    return this.getBytes().length;
  }

  /** "Gets the SHA1 content hash for the attachment", as hex. */
  getHash(): string {
    return crypto.createHash('sha1').update(Uint8Array.from(this.getBytes())).digest('hex');
  }
}
stubInterface(GmailAttachment, 'Gmail.GmailAttachment');

/** A draft (gmail-draft): send it, update it, or delete it. */
export interface GmailDraft extends GoogleAppsScript.Gmail.GmailDraft {}
export class GmailDraft {
  readonly #ws: WorkspaceState;
  readonly #id: string;

  constructor(ws: WorkspaceState, id: string) {
    this.#ws = ws;
    this.#id = id;
  }

  #record(): DraftRecord {
    const draft = this.#ws.drafts?.find((d) => d.id === this.#id);
    if (!draft) throw new Error('Draft not found.');
    return draft;
  }

  getId(): string {
    this.#ws.tracker.record('GmailDraft.getId');
    return this.#id;
  }

  /** "Returns a GmailMessage representing this draft" (gmail-draft#getmessage). */
  getMessage(): GmailMessage {
    this.#ws.tracker.record('GmailDraft.getMessage');
    const draft = this.#record();
    return new GmailMessage(
      `m-${this.#id}`,
      compose(this.#ws, draft.message as Options, 'GmailApp'),
    );
  }

  /** Sends the draft: it leaves the drafts and counts against the day's quota like sendEmail. */
  send(): GmailMessage {
    this.#ws.tracker.record('GmailDraft.send');
    const draft = this.#record();
    deliver(this.#ws, draft.message as Options, 'GmailApp');
    this.#ws.drafts!.splice(this.#ws.drafts!.indexOf(draft), 1);
    return new GmailMessage(this.#id, this.#ws.outbox[this.#ws.outbox.length - 1]!);
  }

  /** Replaces the draft's message. */
  update(recipient: string, subject: string, body: string, options?: object): GmailDraft {
    this.#ws.tracker.record('GmailDraft.update');
    this.#record().message = draftMessage(this.#ws, recipient, subject, body, options);
    return this;
  }

  deleteDraft(): void {
    this.#ws.tracker.record('GmailDraft.deleteDraft');
    const draft = this.#record();
    this.#ws.drafts!.splice(this.#ws.drafts!.indexOf(draft), 1);
  }
}
stubInterface(GmailDraft, 'Gmail.GmailDraft');

/** A draft's message; recipients and `from` are checked when it is created, as Gmail does. */
function draftMessage(
  ws: WorkspaceState,
  recipient: string,
  subject: string,
  body: string,
  options?: object,
): Record<string, unknown> {
  const message = { ...(options as Options & { from?: string }), to: recipient, subject, body };
  recipients(message.to);
  if (message.from !== undefined && !aliasesOf(ws).includes(String(message.from)))
    throw new Error(`Invalid argument: ${String(message.from)}`);
  return message;
}

/** GmailApp: sending, drafts and aliases (same outbox and quota as MailApp); the inbox is not modelled. */
export interface FakeGmailApp extends GoogleAppsScript.Gmail.GmailApp {}
export class FakeGmailApp {
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
    deliver(this.#ws, { ...(options as Options), to: recipient, subject, body }, 'GmailApp');
    return this;
  }

  /** A draft in the user's Gmail (gmail-app#createdraftrecipient,-subject,-body,-options). */
  createDraft(recipient: string, subject: string, body: string, options?: object): GmailDraft {
    this.#ws.tracker.record('GmailApp.createDraft');
    const message = draftMessage(this.#ws, recipient, subject, body, options);
    const id = `r-${this.#ws.ids.next('dr').slice(0, 18)}`;
    (this.#ws.drafts ??= []).push({ id, owner: this.#ws.user, message });
    return new GmailDraft(this.#ws, id);
  }

  /** The current user's drafts, oldest first. */
  getDrafts(): GmailDraft[] {
    this.#ws.tracker.record('GmailApp.getDrafts');
    return (this.#ws.drafts ?? [])
      .filter((d) => d.owner === this.#ws.user)
      .map((d) => new GmailDraft(this.#ws, d.id));
  }

  /** The user's send-as aliases (the addresses `from` may take). */
  getAliases(): string[] {
    this.#ws.tracker.record('GmailApp.getAliases');
    return aliasesOf(this.#ws);
  }
}
stubInterface(FakeGmailApp, 'Gmail.GmailApp');

/** GmailApp for one workspace. */
export function createGmailApp(ws: WorkspaceState): GoogleAppsScript.Gmail.GmailApp {
  return new FakeGmailApp(ws);
}
