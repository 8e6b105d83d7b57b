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

/**
 * A zone's offset from UTC (ms) for each quarter hour since 1970 already asked for — asking Intl
 * for the parts of a date costs far more than a Map lookup. Zones change their offset at a whole
 * quarter hour almost always; a quarter hour whose two ends differ (a change at another minute,
 * as Monrovia's in 1972) is marked null and each instant in it asked of Intl.
 */
const QUARTER_HOUR_MS = 900_000;
const offsetCache = new Map<string, Map<number, number | null>>();

function cachedOffset(ms: number, timeZone: string): number | null {
  let zone = offsetCache.get(timeZone);
  if (!zone) offsetCache.set(timeZone, (zone = new Map()));
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    const start = partsOf(bucket * QUARTER_HOUR_MS, timeZone).offsetMs;
    const end = partsOf((bucket + 1) * QUARTER_HOUR_MS - 1, timeZone).offsetMs;
    offset = start === end ? start : null;
    if (zone.size > 100_000) zone.clear();
    zone.set(bucket, offset);
  }
  return offset;
}

/** The wall-clock fields of `date` in `timeZone` (IANA name, or 'GMT+3' style). */
export function zonedFields(date: Date, timeZone: string): ZonedFields {
  const fixed = fixedOffsetMinutes(timeZone);
  if (fixed !== null) {
    // Java's custom zones (GMT+3, GMT+03:00): UTC fields of the shifted instant.
    const fields = zonedFields(new Date(date.getTime() + fixed * 60000), 'UTC');
    return { ...fields, offsetMinutes: fixed };
  }
  const ms = date.getTime();
  const offsetMs = ms >= 0 ? cachedOffset(ms, timeZone) : null;
  if (offsetMs === null) return partsOf(ms, timeZone).fields;
  const shifted = new Date(ms + offsetMs);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
    offsetMinutes: Math.round(offsetMs / 60000),
  };
}

/** The fields of an instant as Intl gives them, and the zone's exact offset then. */
function partsOf(ms: number, timeZone: string): { fields: ZonedFields; offsetMs: number } {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return {
    fields: {
      year,
      month,
      day,
      hour,
      minute,
      second,
      millisecond,
      weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
      offsetMinutes: Math.round((asUtc - ms) / 60000),
    },
    offsetMs: asUtc - ms,
  };
}

/** The offset of a Java custom zone ('GMT+3', 'GMT+03:00', 'UTC-5'), or null for a named zone. */
function fixedOffsetMinutes(timeZone: string): number | null {
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
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

/**
 * Java's short zone names (Locale.US) where the CLDR short name Intl gives is only "GMT+3":
 * Java falls back to its own abbreviations for these zones. [standard, daylight].
 */
const JAVA_SHORT_NAMES: Record<string, readonly [string, string]> = {
  'Europe/Moscow': ['MSK', 'MSD'],
  'Europe/Simferopol': ['MSK', 'MSD'],
  'Europe/Kaliningrad': ['EET', 'EEST'],
  'Europe/Samara': ['SAMT', 'SAMST'],
  'Asia/Yekaterinburg': ['YEKT', 'YEKST'],
  'Asia/Omsk': ['OMST', 'OMSST'],
  'Asia/Novosibirsk': ['NOVT', 'NOVST'],
  'Asia/Krasnoyarsk': ['KRAT', 'KRAST'],
  'Asia/Irkutsk': ['IRKT', 'IRKST'],
  'Asia/Yakutsk': ['YAKT', 'YAKST'],
  'Asia/Vladivostok': ['VLAT', 'VLAST'],
  'Asia/Magadan': ['MAGT', 'MAGST'],
  'Asia/Kamchatka': ['PETT', 'PETST'],
  'Europe/London': ['GMT', 'BST'],
  'Europe/Dublin': ['GMT', 'IST'],
  'Europe/Paris': ['CET', 'CEST'],
  'Europe/Berlin': ['CET', 'CEST'],
  'Europe/Rome': ['CET', 'CEST'],
  'Europe/Madrid': ['CET', 'CEST'],
  'Europe/Warsaw': ['CET', 'CEST'],
  'Europe/Kiev': ['EET', 'EEST'],
  'Europe/Kyiv': ['EET', 'EEST'],
  'Europe/Helsinki': ['EET', 'EEST'],
  'Asia/Tokyo': ['JST', 'JDT'],
  'Asia/Kolkata': ['IST', 'IST'],
  'Asia/Shanghai': ['CST', 'CDT'],
  UTC: ['UTC', 'UTC'],
  'Etc/UTC': ['UTC', 'UTC'],
  GMT: ['GMT', 'GMT'],
  'Etc/GMT': ['GMT', 'GMT'],
};

/** The zone's name at `date` as Intl spells it ('short' or 'long', en-US). */
function intlZoneName(date: Date, timeZone: string, style: 'short' | 'long'): string | undefined {
  return new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value;
}

/** Java's `z` (short) and `zzzz` (long) zone names; custom GMT offsets print as GMT+03:00. */
function zoneName(date: Date, timeZone: string, f: ZonedFields, long: boolean): string {
  if (/^(?:GMT|UTC)[+-]/.test(timeZone)) return `GMT${offset(f.offsetMinutes, 'XXX')}`;
  if (long) {
    if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'Coordinated Universal Time';
    return intlZoneName(date, timeZone, 'long') ?? timeZone;
  }
  const java = JAVA_SHORT_NAMES[timeZone];
  if (java) {
    const january = zonedFields(new Date(Date.UTC(f.year, 0, 1)), timeZone).offsetMinutes;
    const july = zonedFields(new Date(Date.UTC(f.year, 6, 1)), timeZone).offsetMinutes;
    const daylight = january !== july && f.offsetMinutes === Math.max(january, july);
    return daylight ? java[1] : java[0];
  }
  const name = intlZoneName(date, timeZone, 'short');
  return name && !/^GMT[+-]/.test(name) ? name : `GMT${offset(f.offsetMinutes, 'XXX')}`;
}

/**
 * Week fields as Java's GregorianCalendar computes them in Locale.US (the JVM default of Apps
 * Script): weeks start on Sunday and week 1 is the week holding 1 January (minimal days 1).
 */
function usWeek(f: ZonedFields): { week: number; weekYear: number } {
  const today = Date.UTC(f.year, f.month - 1, f.day);
  const nextJan1 = new Date(Date.UTC(f.year + 1, 0, 1));
  const daysToNextJan1 = (nextJan1.getTime() - today) / 86400000;
  // The week holding next 1 January is already week 1 of the next week-year.
  if (daysToNextJan1 <= nextJan1.getUTCDay()) return { week: 1, weekYear: f.year + 1 };
  const dayOfYear = (today - Date.UTC(f.year, 0, 1)) / 86400000;
  const jan1Weekday = new Date(Date.UTC(f.year, 0, 1)).getUTCDay();
  return { week: Math.floor((dayOfYear + jan1Weekday) / 7) + 1, weekYear: f.year };
}

/** Week of the month (Java's `W`, Locale.US): the week holding the 1st is week 1. */
function usWeekOfMonth(f: ZonedFields): number {
  const firstWeekday = new Date(Date.UTC(f.year, f.month - 1, 1)).getUTCDay();
  return Math.floor((f.day - 1 + firstWeekday) / 7) + 1;
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
        out += n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
        break;
      case 'Y': {
        const { weekYear } = usWeek(f);
        out += n === 2 ? pad(weekYear % 100, 2) : pad(weekYear, n);
        break;
      }
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
        out += pad(usWeek(f).week, n);
        break;
      case 'W':
        out += pad(usWeekOfMonth(f), n);
        break;
      case 'F':
        out += pad(Math.floor((f.day - 1) / 7) + 1, n);
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
        out += zoneName(date, timeZone, f, n >= 4);
        break;
      case 'Z':
        out += offset(f.offsetMinutes, 'Z');
        break;
      case 'X':
        if (n > 3) throw new Error(`invalid ISO 8601 format: length=${n}`);
        out += offset(f.offsetMinutes, n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
