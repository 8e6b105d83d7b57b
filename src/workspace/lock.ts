/**
 * The script lock: the only module that touches LockService. Every write to «Журнал», document
 * properties and the derived tabs happens inside `withLock`. It is re-entrant: a job run inside
 * another (the summary inside the daily run) shares the outer lock and never releases it — on
 * Google, releaseLock() on any Lock object frees the execution's lock, so only the outermost
 * holder may call it. The two writes allowed without the lock are small and idempotent: the
 * «behind» mark of a submit that could not place its answer, and the «таблица занята» journal line.
 */

import { beginPropertySnapshot, endPropertySnapshot } from './properties';

/** How long a job waits for another execution to finish (Apps Script caps a trigger at 6 min). */
export const LOCK_WAIT_MS = 30000;

/** Thrown when another execution holds the lock past the wait. */
export class LockBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockBusyError';
  }
}

/** The lock this execution holds, and how many nested jobs share it. */
let held: { lock: GoogleAppsScript.Lock.Lock; depth: number } | null = null;

/** How many times the lock was taken: what was found under one hold is not kept past it. */
let holds = 0;

/**
 * Runs `job` holding the script lock; inside another `withLock` it joins the outer one. When the
 * lock cannot be had within `waitMs`, runs `onBusy` instead (or throws LockBusyError).
 */
export function withLock<T>(
  job: () => T,
  options: { waitMs?: number; onBusy?: () => T; busyMessage?: string } = {},
): T {
  if (held && held.depth > 0) {
    held.depth++;
    try {
      return job();
    } finally {
      held.depth--;
    }
  }
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(options.waitMs ?? LOCK_WAIT_MS)) {
    if (options.onBusy) return options.onBusy();
    throw new LockBusyError(options.busyMessage ?? 'Lock busy');
  }
  held = { lock, depth: 1 };
  holds++;
  beginPropertySnapshot();
  try {
    return job();
  } finally {
    held = null;
    endPropertySnapshot();
    lock.releaseLock();
  }
}

/** True while this execution runs inside `withLock`. */
export function holdsLock(): boolean {
  return held !== null && held.depth > 0;
}

/** Which hold of the lock this is (a new number each time it is taken), or null without it. */
export function lockHold(): number | null {
  return holdsLock() ? holds : null;
}

/**
 * Runs `job` holding the document lock: a long job of its own kind (making certificates) that
 * must not run twice at once but should not hold the script lock for minutes, which would keep
 * every form submit waiting. Its short shared writes still go through `withLock`. When the lock
 * cannot be had within `waitMs`, runs `onBusy` instead.
 */
export function withDocumentLock<T>(job: () => T, onBusy: () => T, waitMs = 1000): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) return onBusy();
  try {
    return job();
  } finally {
    lock.releaseLock();
  }
}
