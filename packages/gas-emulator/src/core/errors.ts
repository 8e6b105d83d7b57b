/** Errors the emulator raises the way Google raises them. */
import { enterService, exitService } from './execution';
import { INTERFACE_METHODS } from './interface-methods.generated';

/** Thrown by every method the emulator does not implement (EMULATOR.md rule 2). */
export function notImplemented(className: string, method: string): never {
  throw new Error(`emulator: ${className}.${method} is not implemented`);
}

/**
 * Makes every method of `proto`'s interface that the fake does not define throw.
 * `names` lists the interface's method names (from @types/google-apps-script);
 * a Proxy would hide the class from `instanceof`, so the stubs are real methods.
 */
export function stubUnimplemented(
  cls: { prototype: object; name: string },
  names: string[],
  className = cls.name,
): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of names) {
    // Inherited methods (e.g. from a shared base item class) count as implemented.
    if (name in proto && !Object.prototype.hasOwnProperty.call(Object.prototype, name)) continue;
    Object.defineProperty(proto, name, {
      value: function unimplemented(): never {
        return notImplemented(className, name);
      },
      writable: true,
      configurable: true,
    });
  }
  markServiceMethods(cls);
}

const SERVICE_METHOD = Symbol('emulator service method');

/**
 * Wraps every implemented method of `cls` (own and inherited) so the time the emulator spends in
 * it is not counted as the script's own computing (ExecutionTracker's script time).
 */
function markServiceMethods(cls: { prototype: object }): void {
  for (
    let proto = cls.prototype;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      const original = descriptor?.value as ((...args: unknown[]) => unknown) | undefined;
      if (name === 'constructor' || typeof original !== 'function') continue;
      if (original.name === 'unimplemented' || SERVICE_METHOD in original) continue;
      const wrapped = function (this: unknown, ...args: unknown[]): unknown {
        enterService();
        try {
          return original.apply(this, args);
        } finally {
          exitService();
        }
      };
      Object.defineProperty(wrapped, 'name', { value: original.name });
      Object.defineProperty(wrapped, SERVICE_METHOD, { value: true });
      Object.defineProperty(proto, name, { ...descriptor, value: wrapped });
    }
  }
}

/** The fake implements the `@types/google-apps-script` interface `I` for the methods it has. */
export type Fake<I, C> = Pick<I, MethodKeys<C> & keyof I>;

/** Keys of `C` that are methods (enum-holding fields such as `SpreadsheetApp.ProtectionType` are not checked). */
type MethodKeys<C> = {
  [K in keyof C]: C[K] extends (...args: never[]) => unknown ? K : never;
}[keyof C];

/** Stubs every method of `@types` interface `typeName` (e.g. 'Spreadsheet.Range') that `cls` lacks. */
export function stubInterface(
  cls: { prototype: object; name: string },
  typeName: string,
  className?: string,
): void {
  const names = INTERFACE_METHODS[typeName];
  if (!names) throw new Error(`emulator: no method list for ${typeName}`);
  stubUnimplemented(cls, names, className ?? typeName.split('.').pop());
}

/** Casts a fake to the Google type it stands for (fakes implement a subset; the rest throw). */
export function asGas<T>(fake: object): T {
  return fake as unknown as T;
}
