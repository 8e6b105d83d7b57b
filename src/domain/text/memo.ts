/**
 * Pure text functions called again and again on the same few thousand strings (ОУ labels,
 * competencies, children's names) keep their results for the execution. Bounded: the cache is
 * dropped whole when full, so a long run never grows without limit.
 */
const LIMIT = 50000;

/** `fn` with its results remembered by input text; null and undefined read as ''. */
export function memoText<T = string>(fn: (text: string) => T): (value: unknown) => T {
  const known = new Map<string, T>();
  return (value) => {
    const text = value === null || value === undefined ? '' : String(value);
    let result = known.get(text);
    if (result === undefined) {
      result = fn(text);
      if (known.size >= LIMIT) known.clear();
      known.set(text, result);
    }
    return result;
  };
}
