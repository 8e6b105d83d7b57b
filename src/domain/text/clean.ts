/**
 * The one place that makes a string safe where a line break or a control character does harm:
 * a mail header (subject, sender name), an attachment or file name, a document title, a folder
 * name — and the one place that cuts what someone typed down to a short excerpt before a message
 * echoes it. Settings refuse such characters already; this is the last line, for what comes from
 * answers, from cells typed by hand, or from an older version's settings.
 */

/**
 * C0 and C1 control characters (CR, LF, tab, NUL, ESC…), DEL, the Unicode line and paragraph
 * separators, bidirectional overrides and isolates (they reorder what the reader sees), and
 * zero-width marks and the BOM.
 */
const UNSAFE = new RegExp(
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  '[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\u200B-\\u200F\\u2060\\uFEFF]',
  'g',
);

/** Whether `text` holds a character `oneLine` would remove. */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/** Cuts to at most `max` characters without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/**
 * One clean line for a mail header, an attachment or file name, a document or folder title: every
 * control character, line break and invisible mark becomes a space, runs of spaces are collapsed, the
 * result trimmed and cut to `max` characters.
 */
export function oneLine(value: unknown, max = 250): string {
  if (value === null || value === undefined) return '';
  // Spaces collapse; a no-break space («2021 г.») is typography and stays.
  const text = String(value).replace(UNSAFE, ' ').replace(/ {2,}/g, ' ').trim();
  return cut(text, max).trim();
}

/** The longest excerpt of typed text a message echoes. */
export const EXCERPT_CHARS = 60;

/**
 * What a message may echo of something typed: one clean line of at most EXCERPT_CHARS characters,
 * «…» marking a cut.
 */
export function excerpt(value: unknown, max = EXCERPT_CHARS): string {
  const line = oneLine(value, max + 1);
  return line.length > max ? cut(line, max - 1).trimEnd() + '…' : line;
}
