/** The types of the harness API (EMULATOR.md): its options and what its calls return. */
/* eslint-disable @typescript-eslint/no-explicit-any -- a bundle's functions return whatever the script returns */
import type * as vm from 'vm';
import type { ProjectState, Quotas } from '../core/state';

/** Options of createWorkspace. */
export interface WorkspaceOptions {
  /** Simulated clock start (ISO). Default 2021-09-01T09:00:00+03:00. */
  now?: string;
  /** Script and spreadsheet time zone. Default Europe/Moscow. */
  timeZone?: string;
  /** The user running every script (active = effective user). */
  user?: string;
  /** Spreadsheet locale. Default ru_RU. */
  locale?: string;
  /** Name of the bound master spreadsheet. */
  masterName?: string;
  /**
   * The kind of Google account, which sets the daily quotas and limits (guides/services/quotas):
   * 'consumer' (default: 100 mail recipients, 250 new documents, 90 min of triggers a day) or
   * 'workspace' (1,500, 1,500, 6 h).
   */
  account?: 'consumer' | 'workspace';
  /** Overrides of the account's quotas. */
  quotas?: Partial<Quotas>;
  /** Send-as aliases per user (GmailApp.getAliases; a GmailApp `from` must be one of them). */
  mailAliases?: Record<string, string[]>;
  /**
   * Modelled milliseconds per millisecond of the script's own CPU time (between service calls);
   * default SCRIPT_TIME_FACTOR of the cost table. 0 leaves the script's computing out, for tests
   * that need modelled time (and so the clock) to depend on service calls alone.
   */
  scriptTimeFactor?: number;
  /**
   * What happens when a trigger's handler throws: 'throw' (default) re-throws from submitForm /
   * advanceTo after recording the failed execution; 'record' only records it, as Google does.
   */
  triggerErrors?: 'throw' | 'record';
}

/**
 * What a script project is bound to (guides/bound): a spreadsheet, a document or a form (by id;
 * a form also by title), or nothing ('standalone'). loadBundle's default is the master spreadsheet.
 */
export type ContainerOption =
  'standalone' | { spreadsheet: string } | { document: string } | { form: string };

/** Options of loadBundle. */
export interface LoadOptions {
  container?: ContainerOption;
  /** A standalone script's Drive file name (default 'Untitled project'). */
  name?: string;
}

/** Options of ws.open: who opens the file in its editor. */
export interface OpenOptions {
  /** Default: the workspace's current user. */
  user?: string;
}

/** A loaded bundle: one script project. */
export interface BundleApp {
  /** Calls a global function of the bundle as one execution. */
  call(name: string, ...args: unknown[]): any;
  /** True if the bundle defines a global function `name`. */
  has(name: string): boolean;
  /** The project's state (properties, menus, sidebars, logs). */
  readonly project: ProjectState;
  /** The bundle's vm context (globals of the script). */
  readonly context: vm.Context;
}

/**
 * One file a respondent uploads to a FILE_UPLOAD question: a plain name (the file is a small
 * generated PDF), or a name with its content (`bytes`, or a string as UTF-8) or only its size
 * (`size` zero bytes, 0 included); `mimeType` defaults to the one of the name's extension.
 */
export type UploadAnswer =
  string | { name: string; bytes?: Uint8Array | string; size?: number; mimeType?: string };

/** Settings of a FILE_UPLOAD question (ws.uploadFileItem), as the Forms editor offers them. */
export interface UploadItemOptions {
  /** "Maximum number of files": 1, 5 or 10. Default: not checked. */
  maxFiles?: 1 | 5 | 10;
  /** "Maximum file size" in bytes (1 MB, 10 MB, 100 MB, 1 GB, 10 GB in the editor). Default: not checked. */
  maxFileSize?: number;
}

/** Options of submitForm. */
export interface SubmitOptions {
  respondent?: string;
  /** Edit a previous response: same id, its sheet row rewritten, triggers fired again. */
  editOf?: string;
}

/** One response for seedResponses: answers by question title, as for submitForm. */
export interface SeedItem {
  answers: Record<string, unknown>;
  respondent?: string;
  /** Timestamp (ISO or Date); default the call's `at`, else the clock's now. */
  at?: string | Date;
}

/** One form submit of ws.burst: when it is sent, to which form, by whom, with which answers. */
export interface BurstItem {
  /** When the respondent submits (ISO or Date); its triggers start then. */
  at: string | Date;
  /** Form title or id. */
  form: string;
  answers: Record<string, unknown>;
  respondent?: string;
}

/** What ws.burst returns: the trigger executions it caused, with their modelled times. */
export interface BurstReport {
  submitted: number;
  executions: {
    functionName: string;
    user: string;
    startedAt: Date;
    endedAt: Date;
    modelledMs: number;
    /** Time spent waiting for a lock another execution held. */
    lockWaitMs: number;
    error?: string;
  }[];
  /** When the last execution ended (the clock afterwards). */
  endedAt: Date;
}

/** What costs() returns. */
export interface CostReport {
  calls: Record<string, number>;
  /** serviceMs + scriptMs. */
  modelledMs: number;
  /** Modelled time of service calls (the cost table). */
  serviceMs: number;
  /** The script's own computing, measured as CPU time times scriptTimeFactor. */
  scriptMs: number;
  executions: {
    project: string;
    functionName: string;
    trigger: string;
    startedAt: Date;
    calls: Record<string, number>;
    modelledMs: number;
    serviceMs: number;
    scriptMs: number;
    /** Modelled time spent waiting for a lock another execution held (part of serviceMs). */
    lockWaitMs: number;
    /** The user it ran as. */
    user: string;
    endedAt?: Date;
    error?: string;
  }[];
}
