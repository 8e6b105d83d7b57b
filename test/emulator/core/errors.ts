/** Errors the emulator raises the way Google raises them. */

/** Thrown by every method the emulator does not implement (EMULATOR.md rule 2). */
export function notImplemented(className: string, method: string): never {
  throw new Error(`emulator: ${className}.${method} is not implemented`);
}

/**
 * Makes every method of `proto`'s interface that the fake does not define throw.
 * `names` lists the interface's method names (from @types/google-apps-script);
 * a Proxy would hide the class from `instanceof`, so the stubs are real methods.
 */
export function stubUnimplemented(cls: { prototype: object; name: string }, names: string[], className = cls.name): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(proto, name)) continue;
    Object.defineProperty(proto, name, {
      value: function unimplemented(): never {
        return notImplemented(className, name);
      },
      writable: true,
      configurable: true,
    });
  }
}
