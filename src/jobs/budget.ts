/**
 * Time budgets of long jobs. Apps Script stops an execution at 6 minutes; a job measures its own
 * time from its own start and leaves what does not fit for the next run (the next daily run or a
 * manual call — no extra trigger), saying so in «Журнал». `Date.now()` is the execution's clock on
 * Google and on the emulator alike.
 */

/** A job's allowance of time. */
export interface Budget {
  readonly startedAt: number;
  readonly deadline: number;
  /** Milliseconds left (negative once spent). */
  left(): number;
  /** True once the deadline has passed. */
  spent(): boolean;
}

/** A budget of `ms` from now (or from `startedAt`), never past `outer`'s deadline. */
export function startBudget(ms: number, outer?: Budget, startedAt = Date.now()): Budget {
  const deadline = Math.min(startedAt + ms, outer ? outer.deadline : Infinity);
  return {
    startedAt,
    deadline,
    left: () => deadline - Date.now(),
    spent: () => Date.now() > deadline,
  };
}
