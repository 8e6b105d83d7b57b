/**
 * Apps Script enums are objects (Java enums): compared by identity, `String(x)` gives the name,
 * and `x.name()` too. @types declares them as TS enums, so fakes cast them on the way out.
 */
export interface EnumValue {
  name(): string;
  toString(): string;
  toJSON(): string;
  ordinal(): number;
}

/** A frozen enum object with one value per name. */
export function makeEnum<K extends string>(names: readonly K[]): Record<K, EnumValue> {
  const out = {} as Record<K, EnumValue>;
  names.forEach((n, i) => {
    out[n] = Object.freeze({
      name: () => n,
      toString: () => n,
      toJSON: () => n,
      ordinal: () => i,
    });
  });
  return Object.freeze(out);
}

/** Casts an enum value to the @types enum type it stands for. */
export function asEnum<T>(value: EnumValue): T {
  return value as unknown as T;
}

/** The enum name of a value that may be one of ours or a plain string. */
export function enumName(value: unknown): string {
  return String(value);
}
