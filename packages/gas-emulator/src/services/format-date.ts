/**
 * Utilities.formatDate: Java SimpleDateFormat patterns in an explicit time zone
 * (developers.google.com/apps-script/reference/utilities/utilities#formatdatedate,-timezone,-format).
 * Names are English, as Apps Script formats with the Java default locale.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Wall-clock fields of an instant in a time zone. */
export interface ZonedFields {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number; // zone offset from UTC at that instant
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
      });
    } catch {
      throw new Error(`Invalid argument: timeZone`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of `date` in `timeZone` (IANA name, or 'GMT+3' style). */
export function zonedFields(date: Date, timeZone: string): ZonedFields {
  const ms = date.getTime();
  const parts: Record<string, string> = {};
  for (const p of formatterFor(normalizeZone(timeZone)).formatToParts(new Date(ms)))
    parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    offsetMinutes: Math.round((asUtc - ms) / 60000),
  };
}

/** Java accepts 'GMT+3' / 'GMT+03:00'; Intl wants 'Etc/GMT-3' or '+03:00'. */
function normalizeZone(timeZone: string): string {
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (!m) return timeZone;
  return `${m[1]}${m[2]!.padStart(2, '0')}:${m[3] ?? '00'}`;
}

/** The instant at wall-clock time (y, M, d, h, m, s) in `timeZone`. */
export function zonedToInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  // Two passes settle DST edges: the offset at the guess, then at the corrected instant.
  let ms = guess - zonedFields(new Date(guess), timeZone).offsetMinutes * 60000;
  ms = guess - zonedFields(new Date(ms), timeZone).offsetMinutes * 60000;
  return new Date(ms);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function offset(minutes: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  if (minutes === 0 && style !== 'Z') return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (style === 'X') return `${sign}${hh}`;
  if (style === 'XXX') return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

function zoneName(date: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', {
    timeZone: normalizeZone(timeZone),
    timeZoneName: 'short',
  })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** ISO week of year (Java's default for US locale differs; ISO is what a Russian reader expects). */
function weekOfYear(f: ZonedFields): number {
  const d = new Date(Date.UTC(f.year, f.month - 1, f.day));
  const dayNum = (f.weekday + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dayNum + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  return (
    1 +
    Math.round(
      ((d.getTime() - firstThursday.getTime()) / 86400000 -
        3 +
        ((firstThursday.getUTCDay() + 6) % 7)) /
        7,
    )
  );
}

/** Formats `date` in `timeZone` with a SimpleDateFormat `pattern`. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const f = zonedFields(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      if (end < 0) throw new Error(`Illegal pattern: unterminated quote in "${pattern}"`);
      // '' inside quoted text is a literal apostrophe.
      let j = i + 1;
      let text = '';
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern[j];
        j += 1;
      }
      out += text;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n += 1;
    i += n;
    switch (ch) {
      case 'G':
        out += 'AD';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
        break;
      case 'M':
      case 'L':
        out +=
          n >= 4
            ? MONTHS[f.month - 1]
            : n === 3
              ? MONTHS[f.month - 1]!.slice(0, 3)
              : pad(f.month, n);
        break;
      case 'd':
        out += pad(f.day, n);
        break;
      case 'D': {
        const start = Date.UTC(f.year, 0, 1);
        out += pad(Math.round((Date.UTC(f.year, f.month - 1, f.day) - start) / 86400000) + 1, n);
        break;
      }
      case 'w':
        out += pad(weekOfYear(f), n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[f.weekday] : DAYS[f.weekday]!.slice(0, 3);
        break;
      case 'u':
        out += pad(f.weekday === 0 ? 7 : f.weekday, n);
        break;
      case 'a':
        out += f.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(f.hour, n);
        break;
      case 'k':
        out += pad(f.hour === 0 ? 24 : f.hour, n);
        break;
      case 'K':
        out += pad(f.hour % 12, n);
        break;
      case 'h':
        out += pad(f.hour % 12 === 0 ? 12 : f.hour % 12, n);
        break;
      case 'm':
        out += pad(f.minute, n);
        break;
      case 's':
        out += pad(f.second, n);
        break;
      case 'S':
        out += pad(f.millisecond, n);
        break;
      case 'z':
        out += n >= 4 ? timeZone : zoneName(date, timeZone);
        break;
      case 'Z':
        out += offset(f.offsetMinutes, 'Z');
        break;
      case 'X':
        out += offset(f.offsetMinutes, n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
