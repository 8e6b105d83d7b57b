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
  /** The kind of Google account: its daily quotas (mail, new documents). Default 'consumer'. */
  account?: 'consumer' | 'workspace';
  /** Overrides of the account's daily quotas. */
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
    error?: string;
  }[];
}
