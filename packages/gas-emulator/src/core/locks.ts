/**
 * Locks held, per execution, and the writes an execution made without holding any: a harness
 * record (not a Google behaviour) so that a test can check a script's rule such as "every write
 * under the lock". Locks: the ExecutionRecord of the running execution (or the world, for harness
 * calls outside any execution) → the scopes it holds. A new execution has a new record, so
 * whatever an execution held is released when it ends ("Locks are released when the script
 * terminates", lock#releaselock).
 */
import type { Ctx } from './world';

const heldByExecution = new WeakMap<object, Set<string>>();

/** The lock scopes the running execution (or the harness) holds. */
export function heldLocks(ctx: Ctx): Set<string> {
  const owner = ctx.world.tracker.active ?? ctx.world;
  let set = heldByExecution.get(owner);
  if (!set) {
    set = new Set();
    heldByExecution.set(owner, set);
  }
  return set;
}

/** Notes a write (`Range.setValues Журнал`, `Properties.setProperty key`) made without a lock. */
export function noteWrite(ctx: Ctx, what: string): void {
  const execution = ctx.world.tracker.active;
  if (!execution || heldLocks(ctx).size > 0) return;
  (execution.unlockedWrites ??= []).push(what);
}
