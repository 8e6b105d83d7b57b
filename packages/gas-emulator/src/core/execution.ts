/**
 * The execution model: each call into a bundle (trigger, menu click, sidebar call) is one
 * execution with its own service-call counts and modelled time; past 360 s it fails the way
 * Apps Script does. Fault injection lives here too, since every service call passes through.
 */
import { costOf, MAX_EXECUTION_MS } from './costs';

export interface ExecutionRecord {
  project: string;
  functionName: string;
  trigger: string;
  startedAt: Date;
  calls: Record<string, number>;
  modelledMs: number;
  error?: string;
  /** Set once the time limit is passed: the platform kills the run even if the script catches the error. */
  killed?: boolean;
}

/** Google's message when one execution runs past 6 minutes. */
export const TIME_LIMIT_ERROR = 'Exceeded maximum execution time';

interface Fault {
  times: number;
  error: string;
}

/** The message of an error from any realm (the bundle's Errors are not the harness's). */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** Counts calls and modelled time per execution; shared by every service of one workspace. */
export class ExecutionTracker {
  readonly executions: ExecutionRecord[] = [];
  private current: ExecutionRecord | null = null;
  private readonly faults = new Map<string, Fault>();
  /** Calls made outside any execution (harness set-up) are counted here, never limited. */
  readonly outside: Record<string, number> = {};

  /** Runs `body` as one execution of `functionName` in `project`. */
  run<T>(
    project: string,
    functionName: string,
    trigger: string,
    startedAt: Date,
    body: () => T,
  ): T {
    const previous = this.current;
    const record: ExecutionRecord = {
      project,
      functionName,
      trigger,
      startedAt,
      calls: {},
      modelledMs: 0,
    };
    this.executions.push(record);
    this.current = record;
    try {
      const result = body();
      if (record.killed) throw new Error(TIME_LIMIT_ERROR);
      return result;
    } catch (error) {
      if (record.killed && messageOf(error) !== TIME_LIMIT_ERROR) {
        record.error = TIME_LIMIT_ERROR;
        // The platform's kill wins over whatever the script threw after catching it.
        const killed = Object.assign(new Error(TIME_LIMIT_ERROR), { cause: error });
        throw killed;
      }
      record.error = messageOf(error);
      throw error;
    } finally {
      this.current = previous;
    }
  }

  /** The execution now running, if any. */
  get active(): ExecutionRecord | null {
    return this.current;
  }

  /** Records one service call; throws an injected fault or Google's time-limit error. */
  record(call: string, cells = 0): void {
    const fault = this.faults.get(call);
    if (fault && fault.times > 0) {
      fault.times -= 1;
      if (fault.times === 0) this.faults.delete(call);
      throw new Error(fault.error);
    }
    const target = this.current;
    if (!target) {
      this.outside[call] = (this.outside[call] ?? 0) + 1;
      return;
    }
    if (target.killed) throw new Error(TIME_LIMIT_ERROR);
    target.calls[call] = (target.calls[call] ?? 0) + 1;
    target.modelledMs += costOf(call, cells);
    if (target.modelledMs > MAX_EXECUTION_MS) {
      target.killed = true;
      throw new Error(TIME_LIMIT_ERROR);
    }
  }

  /** Adds modelled time that is not a call (e.g. Utilities.sleep). */
  addTime(ms: number): void {
    if (!this.current) return;
    if (this.current.killed) throw new Error(TIME_LIMIT_ERROR);
    this.current.modelledMs += ms;
    if (this.current.modelledMs > MAX_EXECUTION_MS) {
      this.current.killed = true;
      throw new Error(TIME_LIMIT_ERROR);
    }
  }

  /** Makes the next `times` calls of `call` fail with `error`. */
  fail(call: string, options: { times?: number; error?: string } = {}): void {
    this.faults.set(call, {
      times: options.times ?? 1,
      error: options.error ?? 'Service unavailable',
    });
  }

  /** Forgets every execution and outside call (harness ws.resetCosts). */
  reset(): void {
    this.executions.length = 0;
    for (const key of Object.keys(this.outside)) delete this.outside[key];
  }

  /** Total calls by kind and modelled time over all executions. */
  totals(): { calls: Record<string, number>; modelledMs: number } {
    const calls: Record<string, number> = {};
    let modelledMs = 0;
    for (const execution of this.executions) {
      modelledMs += execution.modelledMs;
      for (const [name, n] of Object.entries(execution.calls)) calls[name] = (calls[name] ?? 0) + n;
    }
    return { calls, modelledMs };
  }
}
