/**
 * Dates and reporting periods as people type them into forms: «05.03.2021», «5.3.21»,
 * «5 марта 2021 г.», «2021-03-05», «05/03/2021», Google's «05.03.2021 14:22:01», a Date.
 * Parsing says in Russian why a value is rejected; the calendar itself (Moscow midnight as the
 * instant of a day, periods `YYYY-MM`, school years) is dates.ts and periods.ts beside it.
 */
import { DOMAIN_RU } from '../../i18n/ru/domain';
import {
  isValidCalendarDate,
  monthFromWord,
  moscowDateTime,
  moscowMidnight,
  startOfMoscowDay,
} from './dates';
import { formatPeriodKey, periodOf } from './periods';
import { cleanLine, foldYo } from './clean';

export type DateParse = { ok: true; date: Date } | { ok: false; message: string };

function fullYear(text: string): number {
  const n = parseInt(text, 10);
  return text.length <= 2 ? 2000 + n : n;
}

/** Years outside this range are typos («2201», «1921»), not historic records. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function build(year: number, month: number, day: number, typed: string): DateParse {
  const messages = DOMAIN_RU.dates;
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, message: messages.badYear(typed) };
  if (!isValidCalendarDate(year, month, day))
    return { ok: false, message: messages.noSuchDay(typed) };
  return { ok: true, date: moscowMidnight(year, month, day) };
}

const NUMERIC_DMY = /^(\d{1,2})[./\-, ](\d{1,2})[./\-, ](\d{4}|\d{2})(?:\s*г(?:\.|ода)?)?$/;
const NUMERIC_YMD = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/;
const WORD_DMY = /^(\d{1,2})\s+([а-я]+\.?)\s+(\d{4}|\d{2})(?:\s*г(?:\.|ода|од)?\.?)?$/;
const TIME_TAIL = /[ T,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * A calendar date from a sheet value or typed text: «05.03.2021», «5.3.21», «5 марта 2021 г.»,
 * «2021-03-05», «05/03/2021», a Google timestamp «05.03.2021 14:22:01», an ISO instant, or a Date
 * (taken as the Moscow day of that instant). Day-month order is Russian, never American.
 */
export function parseDateAnswer(value: unknown): DateParse {
  const messages = DOMAIN_RU.dates;
  if (value instanceof Date) {
    if (isNaN(value.getTime())) return { ok: false, message: messages.unreadable('') };
    return { ok: true, date: startOfMoscowDay(value) };
  }
  const typed = cleanLine(value);
  if (!typed) return { ok: false, message: messages.empty };
  if (ISO_INSTANT.test(typed)) {
    const instant = new Date(typed);
    if (!isNaN(instant.getTime())) return { ok: true, date: startOfMoscowDay(instant) };
  }
  const text = foldYo(typed.toLowerCase())
    .replace(/^(от|с|по|дата:?)\s+/, '')
    .replace(/[«»"']/g, '')
    .replace(TIME_TAIL, '')
    .trim();

  let found = NUMERIC_DMY.exec(text);
  if (found) return build(fullYear(found[3] ?? ''), Number(found[2]), Number(found[1]), typed);
  found = NUMERIC_YMD.exec(text);
  if (found) return build(Number(found[1]), Number(found[2]), Number(found[3]), typed);
  found = WORD_DMY.exec(text);
  if (found) {
    const month = monthFromWord(found[2] ?? '');
    if (month !== null) return build(fullYear(found[3] ?? ''), month, Number(found[1]), typed);
  }
  if (/^\d{1,2}\s+[а-я]+\.?$/.test(text) && monthFromWord(text.split(/\s+/)[1] ?? '') !== null) {
    return { ok: false, message: messages.noYear(typed) };
  }
  return { ok: false, message: messages.unreadable(typed) };
}

/**
 * The instant of a Google Forms timestamp: a Date as Sheets returns it, or its text form
 * «dd.MM.yyyy H:mm:ss» in Moscow time. Null when the value is not a timestamp.
 */
export function parseTimestamp(value: unknown): Date | null {
  if (value instanceof Date) return isNaN(value.getTime()) ? null : value;
  const text = cleanLine(value);
  const found = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
    text,
  );
  if (found) {
    const [day, month, year] = [Number(found[1]), Number(found[2]), Number(found[3])];
    if (!isValidCalendarDate(year, month, day)) return null;
    const [h, m, s] = [Number(found[4] ?? 0), Number(found[5] ?? 0), Number(found[6] ?? 0)];
    if (h > 23 || m > 59 || s > 59) return null;
    return moscowDateTime(year, month, day, h, m, s);
  }
  if (ISO_INSTANT.test(text)) {
    const instant = new Date(text);
    return isNaN(instant.getTime()) ? null : instant;
  }
  return null;
}

export type PeriodParse = { ok: true; period: string } | { ok: false; message: string };

/** A «Отчётный месяц» answer as a period: «октябрь 2021», «Октябрь 2021 г.», «10.2021», «2021-10». */
export function parsePeriodAnswer(value: unknown): PeriodParse {
  const messages = DOMAIN_RU.dates;
  if (value instanceof Date) return { ok: true, period: periodOf(value) };
  const typed = cleanLine(value);
  if (!typed) return { ok: false, message: messages.empty };
  const text = foldYo(typed.toLowerCase())
    .replace(/^за\s+/, '')
    .replace(/\s*г(ода|од)?\.?$/, '')
    .trim();
  let year = 0;
  let month: number | null = 0;
  let found = /^([а-я]+\.?)\s+(\d{4})$/.exec(text);
  if (found) {
    month = monthFromWord(found[1] ?? '');
    year = Number(found[2]);
  } else if ((found = /^(\d{1,2})[./-](\d{4})$/.exec(text))) {
    month = Number(found[1]);
    year = Number(found[2]);
  } else if ((found = /^(\d{4})-(\d{1,2})$/.exec(text))) {
    month = Number(found[2]);
    year = Number(found[1]);
  }
  if (!month || month > 12 || year < MIN_YEAR || year > MAX_YEAR) {
    return { ok: false, message: messages.badPeriod(typed) };
  }
  return { ok: true, period: formatPeriodKey(year, month) };
}
