/**
 * Text as people typed it, in three families on purpose:
 * - `cleanText` / `cleanLine` produce what we STORE (as typed, only tidied: invisible marks out,
 *   spaces collapsed, nothing else changed);
 * - `matchKey` produces what we COMPARE (lowercase, ё→е, no quotes, Latin look-alikes folded).
 *   Storing the folded form would silently change people's names («Семёнов» → «семенов»);
 * - `oneLine` / `excerpt` make a string safe where a line break or a control character does harm
 *   — a mail header, a file or folder name, a document title — and cut what someone typed to a
 *   short excerpt before a message echoes it. Settings refuse such characters already; this is the
 *   last line, for what comes from answers, from cells typed by hand, or from an older version's
 *   settings.
 */
import { memoText } from './memo';

/** Latin letters that look exactly like Cyrillic ones in common fonts; keyboards mix them up. */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
  a: 'а',
  c: 'с',
  e: 'е',
  k: 'к',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
};

const CYRILLIC = /[\u0400-\u04FF]/;
const WORD = /[A-Za-z\u0400-\u04FF]+/g;
/**
 * Zero-width marks, the soft hyphen, the BOM and direction marks, embeddings, overrides and
 * isolates (LRM, RLM, U+202A–U+202E, U+2066–U+2069): text pasted from a web page or a messenger
 * brings them around a name, where nobody can see them.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u00AD]/g;
const SPACES = /[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

/**
 * Whether a string is empty after trimming (null and undefined count as blank). A number, a
 * boolean or a Date never is: answered without making its text (a Date's is slow to make).
 */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number' || typeof value === 'boolean') return false;
  if (Object.prototype.toString.call(value) === '[object Date]') return false;
  return String(value).trim() === '';
}

/** A character cleanText would change: whitespace other than the plain space, invisible marks. */
const UNTIDY_CHAR =
  /[\t-\r\u00A0\u00AD\u1680\u2000-\u200F\u2028-\u202F\u205F\u2060\u2066-\u2069\u3000\uFEFF]/;

/** Whether cleanText would return `text` unchanged (most cells are already tidy). */
function isTidy(text: string): boolean {
  return (
    text.charCodeAt(0) !== 32 &&
    text.charCodeAt(text.length - 1) !== 32 &&
    !text.includes('  ') &&
    !UNTIDY_CHAR.test(text)
  );
}

/** A value as a trimmed single-spaced string: invisible characters removed, line breaks kept. */
export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (isTidy(text)) return text;
  return text
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(SPACES, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A value as one trimmed line: every run of whitespace, line breaks included, becomes one space. */
export function cleanLine(value: unknown): string {
  return cleanText(value).replace(/\s+/g, ' ');
}

/** Cyrillic letters that look like Latin ones, for a word written mostly in Latin. */
const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATIN_LOOKALIKES).map(([latin, cyrillic]) => [cyrillic, latin]),
);
const LATIN_LETTER = /[A-Za-z]/g;
const CYRILLIC_LETTER = /[\u0400-\u04FF]/g;

/**
 * Each word written in the script most of its letters are in: look-alike letters of the other
 * script are replaced — «Ивaнова» with a Latin «a» becomes «Иванова», «Johnsоn» with a Cyrillic «о»
 * stays Latin, «Johnson». A letter of the other script that has no look-alike stays as typed, and
 * the word is then a real mix (`hasMixedScriptWord`), for a person to check.
 */
export function foldToDominantScript(text: string): string {
  return text.replace(WORD, (word) => {
    const latin = (word.match(LATIN_LETTER) ?? []).length;
    const cyrillic = (word.match(CYRILLIC_LETTER) ?? []).length;
    if (latin === 0 || cyrillic === 0) return word;
    return cyrillic >= latin
      ? word.replace(/[A-Za-z]/g, (ch) => LATIN_LOOKALIKES[ch] ?? ch)
      : word.replace(CYRILLIC_LETTER, (ch) => CYRILLIC_LOOKALIKES[ch] ?? ch);
  });
}

/** Whether a word mixes Latin and Cyrillic letters (after folding look-alikes, a real mix). */
export function hasMixedScriptWord(text: string): boolean {
  return (text.match(WORD) ?? []).some((word) => /[A-Za-z]/.test(word) && CYRILLIC.test(word));
}

/** Latin look-alike letters replaced by Cyrillic ones inside words that already contain Cyrillic. */
export function foldLookalikes(text: string): string {
  return text.replace(WORD, (word) =>
    CYRILLIC.test(word) ? word.replace(/[A-Za-z]/g, (ch) => LATIN_LOOKALIKES[ch] ?? ch) : word,
  );
}

/** ё → е in both cases; for comparison only, never for storage. */
export function foldYo(text: string): string {
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

/** The comparison form of a text: lowercase, ё→е, look-alikes folded, quotes dropped, one spaced. */
export const matchKey = memoText((text) =>
  foldYo(foldLookalikes(cleanLine(text)))
    .toLowerCase()
    .replace(/[«»"'`„“”‟″‘’]/g, '')
    .replace(/\s+/g, ' ')
    .trim(),
);

/** Characters that make a spreadsheet treat a typed value as a formula (or a DDE payload). */
const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;

/**
 * A value made safe for `Range.setValues`: a string starting with = + - @ tab or CR gets a leading
 * apostrophe. Sheets stores the apostrophe as a "text" marker and shows the value unchanged, so a
 * school typing «=HYPERLINK(...)» or «-5» into a form can never run a formula in the master sheet
 * (CSV/formula injection). Numbers, booleans and Dates pass through: they are typed, not parsed.
 */
export function asText(value: unknown): string | number | boolean | Date {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  const text = String(value);
  // Sheets takes a leading apostrophe as its text marker and drops it: one typed by a school
  // survives only behind a second one.
  return FORMULA_TRIGGERS.test(text) || text.charAt(0) === "'" ? `'${text}` : text;
}

/**
 * An argument of a public function (a menu prompt, `google.script.run`) as text: a string, or a
 * number written out; anything else — an object, an array — is '' and gets the caller's own
 * message, never an English TypeError from turning it into a string.
 */
export function argumentText(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && isFinite(value) ? String(value) : '';
}

/** The inverse of `asText` for values read back from a sheet whose display kept the apostrophe. */
export function fromSheetText(value: unknown): string {
  if (typeof value === 'string' && value.charAt(0) !== "'") return value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return text.startsWith("'") && FORMULA_TRIGGERS.test(text.slice(1)) ? text.slice(1) : text;
}

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
