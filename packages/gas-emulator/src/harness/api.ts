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
  quotas?: Partial<Quotas>;
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
  modelledMs: number;
  executions: {
    project: string;
    functionName: string;
    trigger: string;
    startedAt: Date;
    calls: Record<string, number>;
    modelledMs: number;
    error?: string;
  }[];
}
