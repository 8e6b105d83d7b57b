/**
 * The bundle runs in its own `vm` context, so its built-ins (Date, Error, Array) are not the
 * harness's. These helpers let values cross the boundary the way they do inside Apps Script,
 * where everything lives in one realm.
 */
import * as vm from 'vm';

/** True for a Date from any realm (the bundle's `Date` is not the harness's). */
export function isDate(value: unknown): value is Date {
  // Most cells are strings and numbers: answer those without the slower tag lookup.
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.prototype.toString.call(value) === '[object Date]'
  );
}

/** A harness Date equal to `value` (which may come from the bundle's realm). */
export function toHarnessDate(value: Date): Date {
  return new Date(value.getTime());
}

/** True for a plain object from any realm. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/**
 * Creates the bundle's context with `globals` (the Apps Script services only), then makes `Date`
 * follow the simulated clock and makes `instanceof Date / Error / Array` accept harness-made
 * values (services return harness Dates and throw harness Errors; on Google it is one realm).
 */
export function createBundleContext(
  globals: Record<string, unknown>,
  nowMs: () => number,
): vm.Context {
  const context = vm.createContext({ ...globals, __emulatorNow: nowMs });
  vm.runInContext(SETUP_SOURCE, context, { filename: 'emulator-realm-setup.js' });
  vm.runInContext(builtinBindings(context), context, { filename: 'emulator-realm-builtins.js' });
  return context;
}

/** The names ECMAScript puts on a global object (those of a fresh context). */
const BUILTIN_NAMES: ReadonlySet<string> = new Set(
  vm.runInNewContext('Object.getOwnPropertyNames(globalThis)') as string[],
);

/**
 * A contextified global answers every lookup of a global name through Node's interceptor, tens of
 * times slower than a lookup in Apps Script's V8 (a loop calling `Math.imul` or `String` ran 40
 * times slower than in Node's own realm), and the script's CPU time counts as modelled time. So
 * the built-ins (`Math`, `String`, `Date` — the clock's — …) are also bound as constants of the
 * context's global scope, which every script of the bundle sees first: the same objects, found
 * at the speed of an ordinary global. `eval` and `globalThis` stay as they are; a bundle must not
 * declare a built-in's name at its top level (esbuild's output declares only its own).
 */
function builtinBindings(context: vm.Context): string {
  const names = vm.runInContext(
    `Object.getOwnPropertyNames(globalThis).filter(function (n) {
      var d = Object.getOwnPropertyDescriptor(globalThis, n);
      return d !== undefined && d.configurable && 'value' in d;
    })`,
    context,
  ) as string[];
  return names
    .filter((n) => BUILTIN_NAMES.has(n) && n !== 'eval' && n !== 'globalThis')
    .filter((n) => /^[A-Za-z_$][\w$]*$/.test(n))
    .map((n) => `const ${n} = globalThis.${n};`)
    .join('\n');
}

// Runs inside the context, so the Date wrapper is a real constructor of the bundle's realm.
const SETUP_SOURCE = `
(function (global) {
  var NativeDate = global.Date;
  var now = global.__emulatorNow;
  delete global.__emulatorNow;
  var tag = Object.prototype.toString;
  function SimDate(a, b, c, d, e, f, g) {
    if (!new.target) return new NativeDate(now()).toString();
    var n = arguments.length;
    if (new.target === SimDate && n <= 1) return n === 0 ? new NativeDate(now()) : new NativeDate(a);
    var args = n === 0 ? [now()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(NativeDate, args, new.target);
  }
  SimDate.prototype = NativeDate.prototype;
  Object.defineProperty(NativeDate.prototype, 'constructor', { value: SimDate, writable: true, configurable: true });
  SimDate.now = function () { return now(); };
  SimDate.parse = NativeDate.parse;
  SimDate.UTC = NativeDate.UTC;
  Object.defineProperty(SimDate, 'length', { value: 7 });
  Object.defineProperty(SimDate, 'name', { value: 'Date' });
  Object.defineProperty(SimDate, Symbol.hasInstance, {
    value: function (x) { return tag.call(x) === '[object Date]'; },
  });
  global.Date = SimDate;

  var ordinary = Function.prototype[Symbol.hasInstance];
  var NativeError = global.Error;
  Object.defineProperty(NativeError, Symbol.hasInstance, {
    value: function (x) {
      if (ordinary.call(this, x)) return true;
      // Errors thrown by the services are harness Errors; Apps Script's are the script's own.
      if (this === NativeError) return tag.call(x) === '[object Error]';
      return false;
    },
  });
  var NativeArray = global.Array;
  Object.defineProperty(NativeArray, Symbol.hasInstance, {
    value: function (x) { return this === NativeArray ? NativeArray.isArray(x) : ordinary.call(this, x); },
  });
})(this);
`;
