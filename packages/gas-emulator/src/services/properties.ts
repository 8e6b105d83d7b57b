/**
 * PropertiesService, CacheService and LockService of one project
 * (developers.google.com/apps-script/reference/properties, …/cache, …/lock).
 */
import { asGas, Fake, stubInterface } from '../core/errors';
import type { ExecutionRecord } from '../core/execution';
import type { Ctx, World } from '../core/world';
import { record } from '../core/world';

/** Google's per-value limit: 9 KB (developers.google.com/apps-script/guides/services/quotas). */
export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
/** Google's per-store limit: 500 KB. */
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** One property store (script, user or document). */
export class Properties implements Fake<GoogleAppsScript.Properties.Properties, Properties> {
  constructor(
    private readonly ctx: Ctx,
    private readonly store: Map<string, string>,
  ) {}

  private get self(): GoogleAppsScript.Properties.Properties {
    return this as unknown as GoogleAppsScript.Properties.Properties;
  }

  private check(next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) {
      if (bytes(v) > MAX_PROPERTY_VALUE_BYTES) throw new Error('Argument too large: value');
      total += bytes(k) + bytes(v);
    }
    if (total > MAX_PROPERTY_STORE_BYTES) {
      throw new Error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
  }

  /** A value or null. */
  getProperty(key: string): string | null {
    record(this.ctx, 'Properties.getProperty');
    return this.store.get(key) ?? null;
  }

  /** Stores a value as a string. */
  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    record(this.ctx, 'Properties.setProperty');
    const next = new Map(this.store).set(String(key), String(value));
    this.check(next);
    this.store.set(String(key), String(value));
    return this.self;
  }

  /** A copy of every key/value. */
  getProperties(): { [key: string]: string } {
    record(this.ctx, 'Properties.getProperties');
    return Object.fromEntries(this.store);
  }

  /** Stores several values; `deleteAllOthers` clears the rest first. */
  setProperties(
    properties: { [key: string]: string },
    deleteAllOthers = false,
  ): GoogleAppsScript.Properties.Properties {
    record(this.ctx, 'Properties.setProperties');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.check(next);
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
    return this.self;
  }

  /** Removes a key. */
  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    record(this.ctx, 'Properties.deleteProperty');
    this.store.delete(key);
    return this.self;
  }

  /** Removes every key. */
  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    record(this.ctx, 'Properties.deleteAllProperties');
    this.store.clear();
    return this.self;
  }

  /** Every key. */
  getKeys(): string[] {
    record(this.ctx, 'Properties.getKeys');
    return [...this.store.keys()];
  }
}
stubInterface(Properties, 'Properties.Properties');

/** PropertiesService. */
export class PropertiesService implements Fake<
  GoogleAppsScript.Properties.PropertiesService,
  PropertiesService
> {
  constructor(private readonly ctx: Ctx) {}

  /** Shared by every user of the project. */
  getScriptProperties(): GoogleAppsScript.Properties.Properties {
    return asGas(new Properties(this.ctx, this.ctx.project.scriptProperties));
  }

  /** The current user's (one user is modelled). */
  getUserProperties(): GoogleAppsScript.Properties.Properties {
    return asGas(new Properties(this.ctx, this.ctx.project.userProperties));
  }

  /**
   * The store of this script in its container; null for a script bound to no Google file
   * (properties-service#getdocumentproperties).
   */
  getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    if (this.ctx.project.container.kind === 'STANDALONE') return null!;
    return asGas(new Properties(this.ctx, this.ctx.project.documentProperties));
  }
}
stubInterface(PropertiesService, 'Properties.PropertiesService');

/** Google's cache limits (cache#putkey,-value,-expirationinseconds). */
const MAX_CACHE_VALUE_BYTES = 100 * 1024;
const MAX_CACHE_KEY_CHARS = 250;
const DEFAULT_EXPIRATION_S = 600;
const MAX_EXPIRATION_S = 21600;

/** One cache (script, user or document), expiring on the simulated clock. */
export class Cache implements Fake<GoogleAppsScript.Cache.Cache, Cache> {
  constructor(
    private readonly ctx: Ctx,
    private readonly prefix: string,
  ) {}

  private get map() {
    return this.ctx.project.cache;
  }

  private now(): number {
    return this.ctx.world.clock.now().getTime();
  }

  private checkKey(key: string): void {
    if (key.length > MAX_CACHE_KEY_CHARS) throw new Error('Argument too large: key');
  }

  private read(key: string): string | null {
    const entry = this.map.get(this.prefix + key);
    if (!entry) return null;
    if (entry.expires <= this.now()) {
      this.map.delete(this.prefix + key);
      return null;
    }
    return entry.value;
  }

  private write(key: string, value: string, expirationInSeconds?: number): void {
    this.checkKey(key);
    if (bytes(value) > MAX_CACHE_VALUE_BYTES) throw new Error('Argument too large: value');
    const seconds = Math.min(expirationInSeconds ?? DEFAULT_EXPIRATION_S, MAX_EXPIRATION_S);
    this.map.set(this.prefix + key, { value: String(value), expires: this.now() + seconds * 1000 });
  }

  /** A value or null once expired. */
  get(key: string): string | null {
    record(this.ctx, 'Cache.get');
    this.checkKey(key);
    return this.read(key);
  }

  /** Several values (missing keys absent). */
  getAll(keys: string[]): { [key: string]: string } {
    record(this.ctx, 'Cache.get');
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.read(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }

  /** Stores a value (10 minutes by default, 6 hours at most). */
  put(key: string, value: string, expirationInSeconds?: number): void {
    record(this.ctx, 'Cache.put');
    this.write(key, String(value), expirationInSeconds);
  }

  /** Stores several values. */
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    record(this.ctx, 'Cache.put');
    for (const [k, v] of Object.entries(values)) this.write(k, String(v), expirationInSeconds);
  }

  /** Removes a key. */
  remove(key: string): void {
    record(this.ctx, 'Cache.remove');
    this.map.delete(this.prefix + key);
  }

  /** Removes keys. */
  removeAll(keys: string[]): void {
    record(this.ctx, 'Cache.remove');
    for (const k of keys) this.map.delete(this.prefix + k);
  }
}
stubInterface(Cache, 'Cache.Cache');

/** CacheService. */
export class CacheService implements Fake<GoogleAppsScript.Cache.CacheService, CacheService> {
  constructor(private readonly ctx: Ctx) {}

  /** The project's script cache. */
  getScriptCache(): GoogleAppsScript.Cache.Cache {
    return asGas(new Cache(this.ctx, 's:'));
  }

  /** The user's cache. */
  getUserCache(): GoogleAppsScript.Cache.Cache {
    return asGas(new Cache(this.ctx, 'u:'));
  }

  /** The container's cache; null for a script with no containing document (cache-service#getdocumentcache). */
  getDocumentCache(): GoogleAppsScript.Cache.Cache | null {
    if (this.ctx.project.container.kind === 'STANDALONE') return null;
    return asGas(new Cache(this.ctx, 'd:'));
  }
}
stubInterface(CacheService, 'Cache.CacheService');

/** Google's waitLock failure (lock#waitlocktimeoutinmillis). */
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/**
 * One execution's hold on a lock scope over modelled time [from, to]; `to` is null while held.
 * Holds made by harness calls outside any execution (`outside`) never block executions.
 */
interface LockHold {
  holder: ExecutionRecord | World;
  from: number;
  to: number | null;
}

/** Every lock scope's holds, per workspace. */
const lockTables = new WeakMap<World, Map<string, LockHold[]>>();

function holdsOf(world: World, scope: string): LockHold[] {
  let table = lockTables.get(world);
  if (!table) {
    table = new Map();
    lockTables.set(world, table);
  }
  let holds = table.get(scope);
  if (!holds) {
    holds = [];
    table.set(scope, holds);
  }
  return holds;
}

/**
 * Releases whatever an execution still holds when it ends ("Locks are released when the script
 * terminates", lock#releaselock); the workspace calls it for every execution.
 */
export function releaseLocksOf(world: World, record: ExecutionRecord): void {
  const at = record.endedAt?.getTime() ?? world.clock.now().getTime();
  for (const holds of lockTables.get(world)?.values() ?? [])
    for (const h of holds) if (h.holder === record && h.to === null) h.to = at;
}

/**
 * A lock of one scope (script, document or user). The lock belongs to the execution, not to
 * the Lock object: LockService.getScriptLock() hands each call a new object standing for the
 * same mutual-exclusion lock, and "only one instance of the script executes a given section
 * of code at a time" (lock) is a property of executions. So two Lock objects of one scope in
 * one execution share one hold: releaseLock() on either makes hasLock() false on both.
 *
 * Executions that overlap in modelled time (ws.burst) contend for it: each hold covers
 * [acquired, released] of modelled time, and an execution asking at time t waits until every
 * hold of the others that is not over by t is over — if that is within its timeout, its clock
 * advances by the wait; else tryLock gives false and waitLock throws Google's message, after the
 * whole timeout. Overlapping executions run one after another in the order they start, so a
 * lock goes to them in that order. ws.lockHeldElsewhere(true) makes every attempt fail.
 */
export class Lock implements Fake<GoogleAppsScript.Lock.Lock, Lock> {
  constructor(
    private readonly ctx: Ctx,
    private readonly scope: string,
  ) {}

  private get holder(): ExecutionRecord | World {
    return this.ctx.world.tracker.active ?? this.ctx.world;
  }

  private mine(): LockHold | undefined {
    const holder = this.holder;
    return holdsOf(this.ctx.world, this.scope).find((h) => h.holder === holder && h.to === null);
  }

  /** Acquires the lock within `timeoutInMillis` of modelled time; false if it cannot. */
  private acquire(timeoutInMillis: number): boolean {
    const world = this.ctx.world;
    const timeout = Math.max(0, Number(timeoutInMillis) || 0);
    if (world.lockHeldElsewhere) {
      world.tracker.addTime(timeout, 'lockWait');
      return false;
    }
    if (this.mine()) return true;
    const holder = this.holder;
    const holds = holdsOf(world, this.scope);
    const now = world.clock.now().getTime();
    const running = world.tracker.active;
    if (running) {
      // Holds over before this execution began matter to no later execution (they start later).
      const start = running.startedAt.getTime();
      for (let i = holds.length - 1; i >= 0; i--) {
        const to = holds[i]!.to;
        if (to !== null && to < start) holds.splice(i, 1);
      }
    }
    let freeAt = now;
    if (running)
      for (const h of holds) {
        if (h.holder === holder || h.holder === world) continue;
        const to = h.to ?? Infinity;
        if (to > now) freeAt = Math.max(freeAt, to);
      }
    const wait = freeAt - now;
    if (wait > timeout) {
      world.tracker.addTime(timeout, 'lockWait');
      return false;
    }
    if (wait > 0) world.tracker.addTime(wait, 'lockWait');
    holds.push({ holder, from: now + wait, to: null });
    return true;
  }

  /** "Attempts to acquire the lock, timing out after the provided number of milliseconds" (lock#trylocktimeoutinmillis). */
  tryLock(timeoutInMillis: number): boolean {
    record(this.ctx, 'Lock.tryLock');
    return this.acquire(timeoutInMillis);
  }

  /** As tryLock, but "throws an exception when the lock could not be acquired" (lock#waitlocktimeoutinmillis). */
  waitLock(timeoutInMillis: number): void {
    record(this.ctx, 'Lock.waitLock');
    if (!this.acquire(timeoutInMillis)) throw new Error(LOCK_TIMEOUT);
  }

  /** True if this execution holds the lock of this scope (through any Lock object). */
  hasLock(): boolean {
    record(this.ctx, 'Lock.hasLock');
    return this.mine() !== undefined;
  }

  /** Releases the lock of this scope for the whole execution; no effect if not held. */
  releaseLock(): void {
    record(this.ctx, 'Lock.releaseLock');
    const hold = this.mine();
    if (hold) hold.to = this.ctx.world.clock.now().getTime();
  }
}
stubInterface(Lock, 'Lock.Lock');

/** LockService. */
export class LockService implements Fake<GoogleAppsScript.Lock.LockService, LockService> {
  constructor(private readonly ctx: Ctx) {}

  /** Lock shared by every user of the script. */
  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return asGas(new Lock(this.ctx, `${this.ctx.project.id}:script`));
  }

  /**
   * Lock of the script in its container; "If this method is called outside of the context of a
   * containing document (such as from a standalone script or webapp), null is returned"
   * (lock-service#getdocumentlock).
   */
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    if (this.ctx.project.container.kind === 'STANDALONE') return null!;
    return asGas(new Lock(this.ctx, `${this.ctx.project.id}:document`));
  }

  /** Lock of the current user. */
  getUserLock(): GoogleAppsScript.Lock.Lock {
    return asGas(new Lock(this.ctx, `${this.ctx.project.id}:user:${this.ctx.world.user}`));
  }
}
stubInterface(LockService, 'Lock.LockService');
