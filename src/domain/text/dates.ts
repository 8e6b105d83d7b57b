/**
 * Calendar dates in Europe/Moscow, independent of the host time zone: tests run in Node with
 * TZ=UTC, the script runs in Moscow. Moscow has been UTC+3 all year since 26 October 2014, so
 * an instant shifted by +3 h and read with the UTC getters gives the Moscow wall clock.
 * Formatting follows ГОСТ Р 7.0.97-2016: «05.06.2016», «5 июня 2016 г.».
 */
import { NBSP } from './numbers';

/** Offset of Moscow time from UTC. */
export const MSK_OFFSET_MS = 3 * 60 * 60 * 1000;
/** One day in milliseconds (no DST in Moscow, so every day has this length). */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A Moscow calendar day; `month` is 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Grammatical case of a month name. */
export type MonthCase = 'nominative' | 'genitive' | 'prepositional';

const MONTHS: Record<MonthCase, readonly string[]> = {
  nominative: [
    'январь',
    'февраль',
    'март',
    'апрель',
    'май',
    'июнь',
    'июль',
    'август',
    'сентябрь',
    'октябрь',
    'ноябрь',
    'декабрь',
  ],
  genitive: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
  prepositional: [
    'январе',
    'феврале',
    'марте',
    'апреле',
    'мае',
    'июне',
    'июле',
    'августе',
    'сентябре',
    'октябре',
    'ноябре',
    'декабре',
  ],
};

/** Lower-case month name (1–12) in the given case: monthName(10, 'genitive') → 'октября'. */
export function monthName(month: number, grammaticalCase: MonthCase = 'nominative'): string {
  const name = MONTHS[grammaticalCase][month - 1];
  if (name === undefined) throw new RangeError('Month out of range: ' + month);
  return name;
}

/** The Moscow calendar day of an instant. */
export function toMoscowDate(instant: Date): CalendarDate {
  const shifted = new Date(instant.getTime() + MSK_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** Hours and minutes of an instant on the Moscow clock. */
export function toMoscowTime(instant: Date): { hours: number; minutes: number } {
  const shifted = new Date(instant.getTime() + MSK_OFFSET_MS);
  return { hours: shifted.getUTCHours(), minutes: shifted.getUTCMinutes() };
}

/** The instant of Moscow midnight starting the given day (month 1–12; overflow rolls over). */
export function moscowMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - MSK_OFFSET_MS);
}

/** The instant of Moscow midnight starting the day that contains `instant`. */
export function startOfMoscowDay(instant: Date): Date {
  const d = toMoscowDate(instant);
  return moscowMidnight(d.year, d.month, d.day);
}

/** Number of days in a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the calendar date exists (31.02 does not). */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** «05.06.2016» — numeric date, ГОСТ Р 7.0.97-2016. */
export function formatDateNumeric(instant: Date): string {
  const d = toMoscowDate(instant);
  return pad2(d.day) + '.' + pad2(d.month) + '.' + d.year;
}

/** «5 июня 2016 г.» — verbal-numeric date; NBSP keeps «2016 г.» together. */
export function formatDateLong(instant: Date): string {
  const d = toMoscowDate(instant);
  return d.day + NBSP + monthName(d.month, 'genitive') + ' ' + d.year + NBSP + 'г.';
}

/** «05.06.2016 14:30» — for logs and «submitted at» columns. */
export function formatDateTime(instant: Date): string {
  const t = toMoscowTime(instant);
  return formatDateNumeric(instant) + ' ' + pad2(t.hours) + ':' + pad2(t.minutes);
}

/** «с 01.10.2021 по 31.10.2021» — both ends inclusive (pass the last day, not the day after). */
export function formatDateRange(from: Date, toInclusive: Date): string {
  return 'с ' + formatDateNumeric(from) + ' по ' + formatDateNumeric(toInclusive);
}

/** The instant of a Moscow wall-clock time (month 1–12). */
export function moscowDateTime(
  year: number,
  month: number,
  day: number,
  hours: number,
  minutes: number,
  seconds = 0,
): Date {
  return new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds) - MSK_OFFSET_MS);
}

/** Whole calendar days from one date to another in Moscow (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfMoscowDay(to).getTime() - startOfMoscowDay(from).getTime()) / DAY_MS);
}

/**
 * Month number from a Russian word in any case or abbreviation: «окт», «октября», «Октябрь» → 10.
 * «мар…» is March, «ма[йяе]» is May: the longer stem is tried first.
 */
export function monthFromWord(word: string): number | null {
  const w = word.toLowerCase().replace(/ё/g, 'е').replace(/\.$/, '');
  const stems: Array<[RegExp, number]> = [
    [/^янв/, 1],
    [/^фев/, 2],
    [/^мар/, 3],
    [/^апр/, 4],
    [/^ма[йяею]$/, 5],
    [/^июн/, 6],
    [/^июл/, 7],
    [/^авг/, 8],
    [/^сен/, 9],
    [/^окт/, 10],
    [/^ноя/, 11],
    [/^дек/, 12],
  ];
  for (const [re, month] of stems) if (re.test(w)) return month;
  return null;
}
