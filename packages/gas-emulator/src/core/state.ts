/**
 * The shared state of one emulated Google Workspace and of each script project on it.
 * Services are built per project (`ServiceFactory`) over the one workspace state, as in Google,
 * where several scripts can work on the same Drive, spreadsheets, forms and mail.
 */
import type { Clock } from './clock';
import type { ExecutionTracker } from './execution';
import type { IdFactory } from './ids';

export interface Quotas {
  mailRecipientsPerDay: number;
  /** New Google Docs per day (DocumentApp.create and Drive copies of Docs). */
  documentsCreatedPerDay: number;
  /** Modelled milliseconds all of a user's trigger executions may run per day. */
  triggerRuntimePerDayMs: number;
  /** Executions of one user that may run at the same time (overlapping in modelled time). */
  simultaneousExecutionsPerUser: number;
}

/**
 * Quotas and limits of each kind of account (developers.google.com/apps-script/guides/services/quotas:
 * "Email recipients per day", "Documents created", "Triggers total runtime" 90 min / 6 hr,
 * "Simultaneous executions per user" 30 / 30).
 */
export const ACCOUNT_QUOTAS: Record<'consumer' | 'workspace', Quotas> = {
  consumer: {
    mailRecipientsPerDay: 100,
    documentsCreatedPerDay: 250,
    triggerRuntimePerDayMs: 90 * 60_000,
    simultaneousExecutionsPerUser: 30,
  },
  workspace: {
    mailRecipientsPerDay: 1500,
    documentsCreatedPerDay: 1500,
    triggerRuntimePerDayMs: 6 * 3_600_000,
    simultaneousExecutionsPerUser: 30,
  },
};

/** A Drive item: every spreadsheet, form, document and uploaded file is one. */
export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  parents: string[]; // folder ids; the root folder's id is `DriveState.rootId`
  /** In the trash: trashed itself, or inside a trashed folder (Drive API `trashed`). */
  trashed: boolean;
  /** Trashed itself, not only with its folder (Drive API `explicitlyTrashed`). */
  explicitlyTrashed?: boolean;
  /** When it went to the trash; Drive deletes it for good 30 days later. */
  trashedAt?: Date;
  owner: string;
  createdAt: Date;
  updatedAt: Date;
  /** Bytes of a plain file (PDF upload, exported blob); undefined for Google-native files. */
  bytes?: Uint8Array;
  description?: string;
  /** Emails of the users the item is shared with as editors (the owner is not listed). */
  editors?: string[];
  /** Viewers (and commenters) by address: DriveApp's addViewer(s). */
  viewers?: string[];
}

export interface DriveState {
  rootId: string;
  items: Map<string, DriveItem>;
}

/** One email as sent (harness `outbox()`). */
export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  replyTo: string;
  /** The sender: the effective user, or a GmailApp `from` alias. */
  from: string;
  /** MailApp/GmailApp `noReply`: sent from a generic no-reply address (Workspace accounts). */
  noReply: boolean;
  attachments: { name: string; mimeType: string; bytes: Uint8Array }[];
  /** `inlineImages`: images the HTML body shows as `cid:<key>`. */
  inlineImages: { cid: string; name: string; mimeType: string; bytes: Uint8Array }[];
  /** Which service sent it. */
  via: 'MailApp' | 'GmailApp';
  at: Date;
}

/** A Gmail draft (GmailApp.createDraft): a message not yet sent. */
export interface DraftRecord {
  id: string;
  owner: string;
  message: Record<string, unknown>;
}

/** An installed trigger (harness `triggers()`). */
export interface TriggerRecord {
  uid: string;
  project: string;
  /** The user who created it: getProjectTriggers lists only the current user's, and it runs as them. */
  owner: string;
  handler: string;
  type: 'ON_FORM_SUBMIT' | 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE';
  source: 'SPREADSHEET' | 'FORMS' | 'DOCUMENTS' | 'CLOCK';
  sourceId: string | null;
  /** Time-driven: human readable schedule, e.g. 'everyDays(1) atHour(6)'. */
  schedule: string | null;
  /** Time-driven: the next instant it is due; advanced after each firing. */
  nextRun: Date | null;
  /** Time-driven: repeat interval in ms, or null for a one-off `at()` trigger. */
  intervalMs: number | null;
  /** Time-driven daily/weekly: wall-clock schedule, so the next run follows the time zone's calendar. */
  wallClock?: {
    everyDays: number;
    hour: number;
    minute: number;
    weekDay: number | null;
    timeZone: string;
  } | null;
}

/**
 * What a script project is bound to (developers.google.com/apps-script/guides/bound): a
 * spreadsheet, a document or a form, whose `getActive…()` and `getUi()` it may use; or nothing,
 * for a standalone script, which is a Drive file of its own.
 */
export interface ContainerRef {
  kind: 'SPREADSHEET' | 'DOCUMENT' | 'FORM' | 'STANDALONE';
  /** Drive id of the container; null for a standalone script. */
  id: string | null;
}

/** Per-project state: triggers, properties, cache, locks and UI belong to the project. */
export interface ProjectState {
  id: string;
  /** ScriptApp.getScriptId(): for a standalone script, the id of its Drive file. */
  scriptId: string;
  container: ContainerRef;
  scriptProperties: Map<string, string>;
  userProperties: Map<string, string>;
  documentProperties: Map<string, string>;
  cache: Map<string, { value: string; expires: number }>;
  sidebars: string[];
  dialogs: string[];
  menus: { title: string; items: { caption: string; functionName: string }[] }[];
  alerts: string[];
  /** `ws.lockHeldElsewhere(true)`: every tryLock / waitLock fails as if another execution held it. */
  htmlFiles: Map<string, string>;
  /** The project's files as loaded by loadBundle (build/*.html for HtmlService.createTemplateFromFile). */
  logs: string[];
}

/** Everything one emulated workspace holds; services read and write it. */
export interface WorkspaceState {
  clock: Clock;
  tracker: ExecutionTracker;
  ids: IdFactory;
  timeZone: string;
  user: string;
  quotas: Quotas;
  drive: DriveState;
  /** Mail recipients counted per simulated day, key `yyyy-MM-dd` in the workspace time zone. */
  mailSentPerDay: Map<string, number>;
  /** New Google Docs counted per simulated day, same keys. */
  documentsCreatedPerDay: Map<string, number>;
  /** Modelled milliseconds of trigger executions per user and day, key `user|yyyy-MM-dd`. */
  triggerRuntimePerDay?: Map<string, number>;
  outbox: SentMail[];
  /** Answers queued for Ui.prompt (ws.answerPrompt), oldest first. */
  promptAnswers?: { text: string; button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE' }[];
  /** Gmail drafts of every user. */
  drafts?: DraftRecord[];
  /** Send-as aliases of every user (GmailApp.getAliases; `from` must be one). */
  mailAliases?: Map<string, string[]>;
  triggers: TriggerRecord[];
  lockHeldElsewhere: boolean;
  /** Id of the bound (active) spreadsheet. */
  activeSpreadsheetId: string;
  /**
   * Google Docs content by Drive file id (services/documents/model.ts owns the shape and creates the
   * map on first use, so it is optional here).
   */
  documents?: Map<string, unknown>;
}
