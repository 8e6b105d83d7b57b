/**
 * Reporting periods: a month is the key 'YYYY-MM'; a school year runs from 1 September to
 * 31 August and is identified by its start year (2021 → «2021/2022 учебный год»). Instants
 * returned here are Moscow midnights (see dates.ts); ranges are half-open [start, end).
 */
import { moscowMidnight, monthName, toMoscowDate, daysInMonth } from './dates';
import { NBSP } from './numbers';
import { excerpt } from './clean';

/** A month, `month` 1–12. */
export interface YearMonth {
  year: number;
  month: number;
}

/** First month of the school year (September). */
export const SCHOOL_YEAR_START_MONTH = 9;

/** The years a period may name: the monitoring's own century, nothing like «0001» or «9999». */
export const MIN_PERIOD_YEAR = 2000;
export const MAX_PERIOD_YEAR = 2100;

/** Parses 'YYYY-MM' into a year and month, or null when malformed or outside 2000–2100. */
export function parsePeriod(key: string): YearMonth | null {
  const m = /^(\d{4})-(\d{2})$/.exec(key.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) return null;
  return { year, month };
}

/** Parses 'YYYY-MM' or throws: for callers whose input was validated already. */
export function requirePeriod(key: string): YearMonth {
  const ym = parsePeriod(key);
  if (!ym) throw new Error('Период должен иметь вид ГГГГ-ММ, получено: «' + excerpt(key) + '»');
  return ym;
}

/** 'YYYY-MM' of a year and month (month may overflow: 13 → January of the next year). */
export function formatPeriodKey(year: number, month: number): string {
  const total = year * 12 + (month - 1);
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return y + '-' + (m < 10 ? '0' + m : String(m));
}

/** The period containing an instant, on the Moscow calendar. */
export function periodOf(instant: Date): string {
  const d = toMoscowDate(instant);
  return formatPeriodKey(d.year, d.month);
}

/** Where a month stands on the calendar at `now`: over, under way, or not begun. */
export type PeriodTiming = 'finished' | 'current' | 'future';

/** Whether the month `key` is over, under way or still to come at `now` (Moscow calendar). */
export function periodTiming(key: string, now: Date): PeriodTiming {
  const current = periodOf(now);
  return key < current ? 'finished' : key === current ? 'current' : 'future';
}

/** The period `n` months after `key` (negative n goes back). */
export function addMonths(key: string, n: number): string {
  const ym = requirePeriod(key);
  return formatPeriodKey(ym.year, ym.month + n);
}

/** The month before `key`. */
export function previousPeriod(key: string): string {
  return addMonths(key, -1);
}

/** Moscow midnight of the first day of the month. */
export function periodStart(key: string): Date {
  const ym = requirePeriod(key);
  return moscowMidnight(ym.year, ym.month, 1);
}

/** Moscow midnight of the first day of the next month: the exclusive end of the month. */
export function periodEnd(key: string): Date {
  const ym = requirePeriod(key);
  return moscowMidnight(ym.year, ym.month + 1, 1);
}

/** Moscow midnight of the last day of the month (for «по 31.10.2021»). */
export function periodLastDay(key: string): Date {
  const ym = requirePeriod(key);
  return moscowMidnight(ym.year, ym.month, daysInMonth(ym.year, ym.month));
}

/** Whether `instant` lies in [from, toExclusive). */
export function isWithin(instant: Date, from: Date, toExclusive: Date): boolean {
  const t = instant.getTime();
  return t >= from.getTime() && t < toExclusive.getTime();
}

/** Start year of the school year of a Moscow calendar month. */
function schoolYearOfYearMonth(year: number, month: number): number {
  return month >= SCHOOL_YEAR_START_MONTH ? year : year - 1;
}

/** Start year of the school year containing an instant: 15.10.2021 → 2021, 15.03.2022 → 2021. */
export function schoolYearOf(instant: Date): number {
  const d = toMoscowDate(instant);
  return schoolYearOfYearMonth(d.year, d.month);
}

/** Start year of the school year containing a period: '2022-03' → 2021. */
export function schoolYearOfPeriod(key: string): number {
  const ym = requirePeriod(key);
  return schoolYearOfYearMonth(ym.year, ym.month);
}

/** Moscow midnight of 1 September opening the school year. */
export function schoolYearStart(startYear: number): Date {
  return moscowMidnight(startYear, SCHOOL_YEAR_START_MONTH, 1);
}

/** Moscow midnight of 1 September of the next school year: the exclusive end. */
export function schoolYearEnd(startYear: number): Date {
  return moscowMidnight(startYear + 1, SCHOOL_YEAR_START_MONTH, 1);
}

/** The twelve periods of a school year, September to August. */
export function schoolYearPeriods(startYear: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < 12; i++) out.push(formatPeriodKey(startYear, SCHOOL_YEAR_START_MONTH + i));
  return out;
}

/** The periods from September of the school year up to and including `key`. */
export function schoolYearPeriodsThrough(key: string): string[] {
  const all = schoolYearPeriods(schoolYearOfPeriod(key));
  return all.slice(0, all.indexOf(key) + 1);
}

/** «2021/2022» */
export function formatSchoolYearShort(startYear: number): string {
  return startYear + '/' + (startYear + 1);
}

/** «2021/2022 учебный год» */
export function formatSchoolYear(startYear: number): string {
  return formatSchoolYearShort(startYear) + ' учебный год';
}

/** «октябрь 2021» — the month as the report form's dropdown shows it. */
export function formatMonthYear(key: string): string {
  const ym = requirePeriod(key);
  return monthName(ym.month) + ' ' + ym.year;
}

/** «за октябрь 2021 г.» */
export function formatForMonth(key: string): string {
  return 'за ' + formatMonthYear(key) + NBSP + 'г.';
}

/** «в октябре 2021 г.» */
export function formatInMonth(key: string): string {
  const ym = requirePeriod(key);
  return 'в ' + monthName(ym.month, 'prepositional') + ' ' + ym.year + NBSP + 'г.';
}

/**
 * «ноября и декабря 2021 г.», «ноября, декабря 2021 г. и января 2022 г.»: months in the genitive
 * after «мероприятия», the year after the last month of each year; `join` makes the Russian list
 * («A, B и C»).
 */
export function formatMonthsGenitive(keys: string[], join: (items: string[]) => string): string {
  const months = keys.map(requirePeriod);
  return join(
    months.map((m, i) => {
      const name = monthName(m.month, 'genitive');
      const next = months[i + 1];
      return next && next.year === m.year ? name : name + ' ' + m.year + NBSP + 'г.';
    }),
  );
}
