/**
 * The execution model: each call into a bundle (trigger, menu click, sidebar call) is one
 * execution with its own service-call counts and modelled time; past 360 s it fails the way
 * Apps Script does. Fault injection lives here too, since every service call passes through.
 */
import { permissionError } from './authorization';
import type { Clock } from './clock';
import { costOf, MAX_EXECUTION_MS } from './costs';

export interface ExecutionRecord {
  project: string;
  functionName: string;
  trigger: string;
  startedAt: Date;
  calls: Record<string, number>;
  /** Modelled time so far: service calls plus the script's own computing (serviceMs + scriptMs). */
  modelledMs: number;
  /** Modelled time of the service calls (the cost table). */
  serviceMs: number;
  /** The script's own CPU time between service calls, times the workspace's scriptTimeFactor. */
  scriptMs: number;
  error?: string;
  /** Set once the time limit is passed: the platform kills the run even if the script catches the error. */
  killed?: boolean;
  /** Writes made while holding no lock (core/locks.ts), e.g. `Range.setValues Журнал`. */
  unlockedWrites?: string[];
  /** FULL, or LIMITED for a simple trigger (no service that needs authorization). */
  authMode: 'FULL' | 'LIMITED';
  /** The user the execution runs as. */
  user: string;
  /** When it ended, in modelled time (set once it has). */
  endedAt?: Date;
  /** Modelled time spent waiting for a lock another execution held (part of serviceMs). */
  lockWaitMs: number;
  /** Modelled milliseconds after which the platform kills it, and with which message. */
  limitMs: number;
  limitError: string;
}

/** Options of one execution (ExecutionTracker.run). */
export interface RunOptions {
  authMode?: 'FULL' | 'LIMITED';
  user?: string;
  /** A lower time limit than 360 s and its message (simple triggers, the daily trigger runtime). */
  limit?: { ms: number; error: string };
  /** Called with the record once the execution has ended, however it ended. */
  onEnd?: (record: ExecutionRecord) => void;
}

/** Google's message when one execution runs past 6 minutes. */
export const TIME_LIMIT_ERROR = 'Exceeded maximum execution time';

interface Fault {
  times: number;
  error: string;
}

/** What `stopAt` found: the call it stopped at and in which execution, or null while armed. */
export interface StopHandle {
  stopped: { call: string; functionName: string } | null;
}

interface Stop {
  match: (call: string) => boolean;
  remaining: number;
  handle: StopHandle;
}

/** The message of an error from any realm (the bundle's Errors are not the harness's). */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** Options of an ExecutionTracker. */
export interface TrackerOptions {
  /** The workspace's clock: modelled time passing inside an execution moves it forward. */
  clock?: Clock;
  /** Multiplier from the script's CPU time in Node to modelled Apps Script time; 0 = not measured. */
  scriptTimeFactor?: number;
}

/** Process CPU time in milliseconds (user + system). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Service calls in progress (the emulator is single-threaded): only the outermost one pauses the
 * script's clock, since services call each other. `running` is the tracker whose execution is on.
 */
let serviceDepth = 0;
let running: ExecutionTracker | null = null;

/** A service method starts: the script's computing stops being counted until it returns. */
export function enterService(): void {
  if (serviceDepth++ === 0 && running) running.pauseScript();
}

/** A service method returns to the script. */
export function exitService(): void {
  if (--serviceDepth === 0 && running) running.resumeScript();
}

/** Counts calls and modelled time per execution; shared by every service of one workspace. */
export class ExecutionTracker {
  readonly executions: ExecutionRecord[] = [];
  private current: ExecutionRecord | null = null;
  private readonly faults = new Map<string, Fault>();
  private stop: Stop | null = null;
  /** Calls made outside any execution (harness set-up) are counted here, never limited. */
  readonly outside: Record<string, number> = {};
  private readonly clock: Clock | undefined;
  private readonly scriptTimeFactor: number;
  /** CPU time when the script last got control back, or null while a service runs. */
  private scriptMark: number | null = null;
  /** Told of every execution that ends (e.g. to release the locks it still holds). */
  private readonly endListeners: ((record: ExecutionRecord) => void)[] = [];

  constructor(options: TrackerOptions = {}) {
    this.clock = options.clock;
    this.scriptTimeFactor = options.scriptTimeFactor ?? 0;
  }

  /** Runs `body` as one execution of `functionName` in `project`. */
  run<T>(
    project: string,
    functionName: string,
    trigger: string,
    startedAt: Date,
    body: () => T,
    options: RunOptions = {},
  ): T {
    const previous = this.current;
    const limit =
      options.limit && options.limit.ms < MAX_EXECUTION_MS
        ? options.limit
        : { ms: MAX_EXECUTION_MS, error: TIME_LIMIT_ERROR };
    const record: ExecutionRecord = {
      project,
      functionName,
      trigger,
      startedAt,
      calls: {},
      modelledMs: 0,
      serviceMs: 0,
      scriptMs: 0,
      lockWaitMs: 0,
      authMode: options.authMode ?? 'FULL',
      user: options.user ?? '',
      limitMs: limit.ms,
      limitError: limit.error,
    };
    this.executions.push(record);
    const outerRunning = running;
    if (outerRunning) outerRunning.pauseScript();
    // The module-level pointer is how service wrappers (errors.ts) reach the running execution.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    running = this;
    const outerDepth = serviceDepth;
    serviceDepth = 0;
    this.current = record;
    this.resumeScript();
    try {
      if (limit.ms <= 0) {
        // Nothing left of the allowance: the platform refuses to start it.
        record.killed = true;
        throw new Error(limit.error);
      }
      const result = body();
      this.pauseScript();
      if (record.killed) throw new Error(record.limitError);
      return result;
    } catch (error) {
      this.scriptMark = null;
      if (record.killed && messageOf(error) !== record.limitError) {
        record.error = record.limitError;
        // The platform's kill wins over whatever the script threw after catching it.
        const killed = Object.assign(new Error(record.limitError), { cause: error });
        throw killed;
      }
      record.error = messageOf(error);
      throw error;
    } finally {
      record.endedAt = new Date(startedAt.getTime() + record.modelledMs);
      for (const listener of this.endListeners) listener(record);
      options.onEnd?.(record);
      this.scriptMark = null;
      this.current = previous;
      serviceDepth = outerDepth;
      running = outerRunning;
      if (outerRunning) outerRunning.resumeScript();
    }
  }

  /** Counts the script's computing since it last got control (a service call begins). */
  pauseScript(): void {
    if (this.scriptMark === null || !this.current) return;
    const spent = (cpuMs() - this.scriptMark) * this.scriptTimeFactor;
    this.scriptMark = null;
    if (spent > 0) this.spend(spent, 'scriptMs');
  }

  /** The script has control again (a service call returned, or the execution began). */
  resumeScript(): void {
    if (this.scriptTimeFactor > 0 && this.current) this.scriptMark = cpuMs();
  }

  /** Calls `listener` with every execution's record once it has ended. */
  onExecutionEnd(listener: (record: ExecutionRecord) => void): void {
    this.endListeners.push(listener);
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
    if (target.killed) throw new Error(target.limitError);
    const stop = this.stop;
    if (stop && stop.match(call) && --stop.remaining === 0) {
      // The time limit falls right here: the call is not made and the execution is killed.
      this.stop = null;
      stop.handle.stopped = { call, functionName: target.functionName };
      this.spend(Math.max(0, target.limitMs - target.modelledMs) + 1, 'serviceMs');
    }
    if (target.authMode === 'LIMITED') {
      const denied = permissionError(call);
      if (denied) throw new Error(denied);
    }
    target.calls[call] = (target.calls[call] ?? 0) + 1;
    this.spend(costOf(call, cells), 'serviceMs');
  }

  /** Adds modelled time that is not a call (e.g. Utilities.sleep, waiting for a lock). */
  addTime(ms: number, kind: 'sleep' | 'lockWait' = 'sleep'): void {
    if (!this.current) return;
    if (this.current.killed) throw new Error(this.current.limitError);
    if (kind === 'lockWait') this.current.lockWaitMs += ms;
    this.spend(ms, 'serviceMs');
  }

  /** Modelled time passes: the execution's total and the workspace clock move; past 360 s it is killed. */
  private spend(ms: number, kind: 'serviceMs' | 'scriptMs'): void {
    const target = this.current!;
    // The platform stops the execution when its time is up, not after the call that passed it.
    const over = target.modelledMs + ms > target.limitMs && !target.killed;
    const spent = over ? Math.max(0, target.limitMs - target.modelledMs) : ms;
    target[kind] += spent;
    target.modelledMs += spent;
    this.clock?.tick(spent);
    if (over) {
      target.killed = true;
      throw new Error(target.limitError);
    }
  }

  /** Makes the next `times` calls of `call` fail with `error`. */
  fail(call: string, options: { times?: number; error?: string } = {}): void {
    this.faults.set(call, {
      times: options.times ?? 1,
      error: options.error ?? 'Service unavailable',
    });
  }

  /**
   * Kills the running execution at the `nth` call (counted from now, inside executions only) whose
   * name `calls` lists or accepts, the way the time limit does: that call is not made, the
   * execution's time is up (360 s, or its lower limit) and it fails with Google's message even if
   * the script catches it. One stop at a time; a new one replaces the armed one.
   */
  stopAt(calls: readonly string[] | ((call: string) => boolean), nth: number): StopHandle {
    if (!(nth >= 1)) throw new Error(`emulator: stopAt needs nth ≥ 1, not ${nth}`);
    const list = typeof calls === 'function' ? null : new Set(calls);
    const match = typeof calls === 'function' ? calls : (call: string) => list!.has(call);
    const handle: StopHandle = { stopped: null };
    this.stop = { match, remaining: nth, handle };
    return handle;
  }

  /** Disarms a stop not reached (`stopAt`). */
  clearStop(): void {
    this.stop = null;
  }

  /** Forgets every execution and outside call (harness ws.resetCosts). */
  reset(): void {
    this.executions.length = 0;
    for (const key of Object.keys(this.outside)) delete this.outside[key];
  }

  /** Total calls by kind and modelled time over all executions. */
  totals(): {
    calls: Record<string, number>;
    modelledMs: number;
    serviceMs: number;
    scriptMs: number;
  } {
    const calls: Record<string, number> = {};
    let modelledMs = 0;
    let serviceMs = 0;
    let scriptMs = 0;
    for (const execution of this.executions) {
      modelledMs += execution.modelledMs;
      serviceMs += execution.serviceMs;
      scriptMs += execution.scriptMs;
      for (const [name, n] of Object.entries(execution.calls)) calls[name] = (calls[name] ?? 0) + n;
    }
    return { calls, modelledMs, serviceMs, scriptMs };
  }
}
