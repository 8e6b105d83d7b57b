/**
 * The centre's work plan («План работы»): import of the seed plans' tab-separated text,
 * free Russian deadlines, overdue detection and the plan execution analysis document.
 *
 * Layouts met in the seeds: a table with one row per item and a header row (000, 003, 004),
 * where a row with empty leading cells continues the previous item's cells (multi-line cells
 * split by a PDF export) and section headings are numbered rows («1. …»), rows whose number
 * owns the next items («1» before «1.1»), or unnumbered rows, sometimes torn across cells
 * («Повышен|ие квалификации»); and a vertical layout (002), one cell per line prefixed by a
 * tab, items separated by blank lines, untabbed lines continuing the last cell.
 *
 * Deadlines: `deadlineFrom`/`deadlineTo` are Moscow midnights of the first and the LAST day
 * (inclusive). An item is overdue when it has no mark and `asOf` is on or after the day after
 * `deadlineTo`. Months written without a year are placed in the plan period (a school year:
 * September–December of the start year, January–August of the next; a calendar year: that
 * year) and flagged `yearAssumed`.
 */
import type { PlanItem, PlanMark } from './model';
import type { DocumentModel, DocumentSection } from './document';
import { paragraph, table } from './document';
import { PLAN_RU, fillPhrase } from '../i18n/ru/note';
import {
  DAY_MS,
  daysInMonth,
  formatDateNumeric,
  monthFromWord,
  moscowMidnight,
} from './text/dates';
import { formatSchoolYear, schoolYearEnd, schoolYearStart } from './text/periods';
import { formatNumber, percentOf } from './text/numbers';
import { plural } from './text/plural';
import { quote } from './text/quotes';

/** The span a plan covers: a school year or a calendar year. */
export interface PlanPeriod {
  kind: 'schoolYear' | 'calendarYear';
  startYear: number;
  /** Month (1–12) the period starts with: 9 for a school year, 1 for a calendar year. */
  startMonth: number;
  from: Date;
  /** Moscow midnight of the last day. */
  to: Date;
  /** «2021/2022 учебный год», «2017 год». */
  label: string;
}

/** How a deadline text was understood. */
export type DeadlineKind = 'date' | 'month' | 'range' | 'until' | 'year' | 'recurring' | 'unparsed';

/** A parsed deadline; `reason` explains in Russian why it is unparsed or what was assumed. */
export interface ParsedDeadline {
  text: string;
  kind: DeadlineKind;
  from: Date | null;
  to: Date | null;
  /** Repeats or continues through the period («ежемесячно», «далее постоянно»). */
  recurring: boolean;
  yearAssumed: boolean;
  reason: string;
}

/** A plan item as imported, with the columns PlanItem has no room for. */
export interface ParsedPlanItem extends PlanItem {
  audience: string;
  deadline: ParsedDeadline;
}

/** An imported plan. */
export interface ParsedPlan {
  title: string;
  period: PlanPeriod;
  sections: string[];
  items: ParsedPlanItem[];
}

/** Status of an item for the analysis. */
export type PlanStatus = 'done' | 'partial' | 'notDone' | 'overdue' | 'inProgress' | 'noMark';

/** The plan period of the school year starting in September of `startYear`. */
export function schoolYearPlanPeriod(startYear: number): PlanPeriod {
  return {
    kind: 'schoolYear',
    startYear,
    startMonth: 9,
    from: schoolYearStart(startYear),
    to: new Date(schoolYearEnd(startYear).getTime() - DAY_MS),
    label: formatSchoolYear(startYear),
  };
}

/** The plan period of a calendar year. */
export function calendarYearPlanPeriod(year: number): PlanPeriod {
  return {
    kind: 'calendarYear',
    startYear: year,
    startMonth: 1,
    from: moscowMidnight(year, 1, 1),
    to: moscowMidnight(year, 12, 31),
    label: year + ' год',
  };
}

const DASHES = /[\u2010-\u2015\u2212]/g;

/** Finds «на 2021 – 2022 учебный год», «2021/2022 уч. год» or «на 2017 год» in a plan's heading. */
export function detectPlanPeriod(text: string): PlanPeriod | null {
  const s = text.replace(DASHES, '-').replace(/\s+/g, ' ').toLowerCase();
  let m = /(\d{4}) ?[-/] ?(\d{4}) ?(?:уч\.|учебн)/.exec(s);
  if (m && Number(m[2]) === Number(m[1]) + 1) return schoolYearPlanPeriod(Number(m[1]));
  m = /на (\d{4}) год/.exec(s);
  if (m) return calendarYearPlanPeriod(Number(m[1]));
  return null;
}

interface Point {
  day: number | null;
  month: number;
  year: number | null;
}

function unparsed(text: string, reason: string): ParsedDeadline {
  return {
    text,
    kind: 'unparsed',
    from: null,
    to: null,
    recurring: false,
    yearAssumed: false,
    reason,
  };
}

const RECURRING =
  /ежемесячн|еженедельн|ежекварт|ежегодн|постоянн|раз в (?:\d+ )?(?:недел|месяц|четверт|квартал|полугод|год)|в течение (?:всего )?(?:учебного )?(?:года|периода)/;

/** Quarters, half-years and school terms of a deadline. */
type PartKind = 'quarter' | 'half' | 'term';

/** An ordinal as written: «I», «2», «2-й», «второе», «III», «четвёртый». */
const ORDINAL =
  '(iv|iii|ii|i|[1-4](?:-?(?:й|я|е|ый|ая|ое|ом|ой|го|м))?|перв[а-я]*|втор[а-я]*|трет[а-я]*|четверт(?:ый|ая|ое|ом|ого|ой|ую))';
const PART = '(квартал[а-я]*|полугоди[а-я]*|четверт(?:ь|и|ей|ям|ью|ях))(?![а-я])';
const PART_DEADLINE = new RegExp(
  `(?:^|[^a-zа-я0-9])${ORDINAL}(?:\\s*(?:-|,|и|по)\\s*${ORDINAL})?\\s+${PART}`,
);

function ordinalOf(word: string): number {
  if (/^(iv|4|четверт)/.test(word)) return 4;
  if (/^(iii|3|трет)/.test(word)) return 3;
  if (/^(ii|2|втор)/.test(word)) return 2;
  return 1;
}

/** First and last month of a part, as [year offset from the school year's start, month]. */
function partMonths(kind: PartKind, n: number): { from: [number, number]; to: [number, number] } {
  if (kind === 'half')
    return n === 1 ? { from: [0, 9], to: [0, 12] } : { from: [1, 1], to: [1, 5] };
  // School terms: September–October, November–December, January–March, April–May.
  const terms: Array<{ from: [number, number]; to: [number, number] }> = [
    { from: [0, 9], to: [0, 10] },
    { from: [0, 11], to: [0, 12] },
    { from: [1, 1], to: [1, 3] },
    { from: [1, 4], to: [1, 5] },
  ];
  return terms[n - 1]!;
}

/**
 * «I квартал 2022», «III–IV квартал», «первое полугодие 2021/2022 уч. г.», «2 четверть»: a
 * quarter is a calendar quarter; a half-year and a term («четверть») are of the school year
 * (first half: 1 September – 31 December; second: 1 January – 31 May; terms: September–October,
 * November–December, January–March, April–May). A year names the calendar year of a quarter and
 * the year a half or term falls in; a school year names it outright; without either the plan's
 * period decides. Null when the text names no such part.
 */
function parsePartDeadline(text: string, s: string, period: PlanPeriod): ParsedDeadline | null {
  const m = PART_DEADLINE.exec(s);
  if (!m) return null;
  const first = ordinalOf(m[1]!);
  const last = m[2] ? ordinalOf(m[2]) : first;
  const kind: PartKind = /^квартал/.test(m[3]!)
    ? 'quarter'
    : /^полугод/.test(m[3]!)
      ? 'half'
      : 'term';
  if (last < first || (kind === 'half' && last > 2))
    return unparsed(text, 'Не удалось распознать срок.');
  const schoolYear = /(\d{4}) ?[-/] ?(\d{4})/.exec(s);
  const year =
    /(?:^|[^0-9])(\d{4})(?![0-9])/.exec(s.slice(m.index + m[0].length)) ?? /(\d{4})/.exec(s);
  let from: Date;
  let to: Date;
  let yearAssumed = false;
  if (kind === 'quarter') {
    let y: number;
    if (schoolYear && Number(schoolYear[2]) === Number(schoolYear[1]) + 1) {
      y = last === 4 ? Number(schoolYear[1]) : Number(schoolYear[2]);
    } else if (year) y = Number(year[1]);
    else {
      yearAssumed = true;
      // In a school year: the fourth quarter is in its first calendar year, the others in its
      // second (the third quarter, July–September, overlaps the plan most there).
      y = period.kind === 'calendarYear' || last === 4 ? period.startYear : period.startYear + 1;
    }
    to = moscowMidnight(y, last * 3, daysInMonth(y, last * 3));
    from = moscowMidnight(y, first * 3 - 2, 1);
  } else {
    let start: number;
    const inFirstYear = (n: number): boolean => partMonths(kind, n).to[0] === 0;
    if (schoolYear && Number(schoolYear[2]) === Number(schoolYear[1]) + 1)
      start = Number(schoolYear[1]);
    else if (year) start = inFirstYear(last) ? Number(year[1]) : Number(year[1]) - 1;
    else {
      yearAssumed = true;
      // A calendar-year plan takes the part whose months fall in its year.
      start =
        period.kind === 'schoolYear' || inFirstYear(last) ? period.startYear : period.startYear - 1;
    }
    const a = partMonths(kind, first).from;
    const b = partMonths(kind, last).to;
    from = moscowMidnight(start + a[0], a[1], 1);
    to = moscowMidnight(start + b[0], b[1], daysInMonth(start + b[0], b[1]));
  }
  const continuing = /далее|постоянн/.test(s);
  if (continuing && to.getTime() < period.to.getTime()) to = period.to;
  const until = /^до /.test(s);
  const reasons: string[] = [];
  if (yearAssumed) reasons.push('Год не указан: принят по периоду плана (' + period.label + ').');
  if (kind !== 'quarter')
    reasons.push(
      (kind === 'half' ? 'Полугодие' : 'Четверть') +
        ' учебного года: с ' +
        formatDateNumeric(from) +
        ' по ' +
        formatDateNumeric(to) +
        '.',
    );
  return {
    text,
    kind: continuing ? 'recurring' : until ? 'until' : 'range',
    from: until ? null : from,
    to,
    recurring: continuing,
    yearAssumed,
    reason: reasons.join(' '),
  };
}

/** Understands a free Russian deadline («Октябрь-декабрь 2021», «ежемесячно», «до 15 октября 2021»). */
export function parseDeadline(text: string, period: PlanPeriod): ParsedDeadline {
  const s = text.toLowerCase().replace(/ё/g, 'е').replace(DASHES, '-').replace(/\s+/g, ' ').trim();
  if (s === '' || /^[-•.\s]+$/.test(s)) return unparsed(text, 'Срок не указан.');
  if (/по графику/.test(s)) {
    return unparsed(text, 'Срок определяется графиком: укажите месяц или даты.');
  }
  const part = parsePartDeadline(text, s, period);
  if (part) return part;
  const schoolYear = /(\d{4}) ?[-/] ?(\d{4}) ?(?:уч|учебн)/.exec(s);
  if (schoolYear && Number(schoolYear[2]) === Number(schoolYear[1]) + 1) {
    const p = schoolYearPlanPeriod(Number(schoolYear[1]));
    return {
      text,
      kind: 'year',
      from: p.from,
      to: p.to,
      recurring: false,
      yearAssumed: false,
      reason: '',
    };
  }

  const points = extractPoints(s);
  const continuing = /далее|постоянн/.test(s);
  if (points.length === 0) {
    if (RECURRING.test(s)) {
      const whole = /в течение/.test(s) && !/ежемесячн|раз в/.test(s);
      return {
        text,
        kind: whole ? 'year' : 'recurring',
        from: period.from,
        to: period.to,
        recurring: !whole,
        yearAssumed: false,
        reason: '',
      };
    }
    const year = /^(?:в )?(\d{4})(?: г\.?| год)?$/.exec(s);
    if (year) {
      const y = Number(year[1]);
      return {
        text,
        kind: 'year',
        from: moscowMidnight(y, 1, 1),
        to: moscowMidnight(y, 12, 31),
        recurring: false,
        yearAssumed: false,
        reason: '',
      };
    }
    return unparsed(
      text,
      'Не удалось распознать срок: укажите месяц и год, например «октябрь 2021».',
    );
  }

  const yearAssumed = fillYears(points, period);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const from = moscowMidnight(first.year!, first.month, first.day ?? 1);
  let to = moscowMidnight(last.year!, last.month, last.day ?? daysInMonth(last.year!, last.month));
  if (from.getTime() > to.getTime()) {
    return unparsed(text, 'Начало срока позже его окончания.');
  }
  const until = /^до /.test(s) && points.length === 1;
  let kind: DeadlineKind = points.length > 1 ? 'range' : first.day !== null ? 'date' : 'month';
  const recurring = continuing || RECURRING.test(s);
  if (continuing && to.getTime() < period.to.getTime()) to = period.to;
  if (until) kind = 'until';
  return {
    text,
    kind: recurring ? 'recurring' : kind,
    from: until ? null : from,
    to,
    recurring,
    yearAssumed,
    reason: yearAssumed ? 'Год не указан: принят по периоду плана (' + period.label + ').' : '',
  };
}

/** Dates, «15 октября», month words and years in reading order; a year binds to the point before it. */
function extractPoints(s: string): Point[] {
  const points: Point[] = [];
  const token = /(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})|(\d{1,2}) ([а-я]+)|([а-я]+\.?)|(\d{4})/g;
  let m: RegExpExecArray | null;
  let lastWithoutYear: Point | null = null;
  while ((m = token.exec(s)) !== null) {
    if (m[1] !== undefined) {
      const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
      points.push({ day: Number(m[1]), month: Number(m[2]), year });
      lastWithoutYear = null;
    } else if (m[4] !== undefined) {
      const month = monthFromWord(m[5]!);
      if (month === null) continue;
      const p = { day: Number(m[4]), month, year: null };
      points.push(p);
      lastWithoutYear = p;
    } else if (m[6] !== undefined) {
      const month = monthFromWord(m[6]);
      if (month === null) continue;
      const p = { day: null, month, year: null };
      points.push(p);
      lastWithoutYear = p;
    } else if (m[7] !== undefined && lastWithoutYear) {
      lastWithoutYear.year = Number(m[7]);
      lastWithoutYear = null;
    }
  }
  return points;
}

/** Gives every point a year: from the next point that has one, else from the plan period. */
function fillYears(points: Point[], period: PlanPeriod): boolean {
  let assumed = false;
  const last = points[points.length - 1]!;
  if (last.year === null) {
    last.year = last.month >= period.startMonth ? period.startYear : period.startYear + 1;
    assumed = true;
  }
  for (let i = points.length - 2; i >= 0; i--) {
    const p = points[i]!;
    if (p.year !== null) continue;
    const next = points[i + 1]!;
    // «ноябрь-январь 2022»: a later month in the text but earlier in the year wraps back a year.
    p.year = p.month <= next.month ? next.year! : next.year! - 1;
  }
  return assumed;
}

/** Reads a completion mark typed in any case: «выполнено частично» → 'Выполнено частично'. */
export function parsePlanMark(text: string): PlanMark {
  const s = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (s === '') return '';
  if (/^не ?выполн/.test(s)) return 'Не выполнено';
  if (/частичн/.test(s)) return 'Выполнено частично';
  if (/^выполн/.test(s)) return 'Выполнено';
  return '';
}

type Column =
  | 'number'
  | 'title'
  | 'deadline'
  | 'responsible'
  | 'audience'
  | 'result'
  | 'achieved'
  | 'document'
  | 'note'
  | 'mark';

function columnOf(header: string, index: number): Column | null {
  const h = header.toLowerCase();
  if (/отметк|выполнени/.test(h)) return 'mark';
  if (/мероприят|наименован|задач/.test(h)) return 'title';
  if (/срок/.test(h)) return 'deadline';
  if (/ответствен/.test(h)) return 'responsible';
  if (/аудитор|участник/.test(h)) return 'audience';
  // «Результат» alone, «Достигнутый результат»: what was done; «Ожидаемый результат»: the plan.
  if (/достигнут|фактическ|^результат\s*$/.test(h)) return 'achieved';
  if (/результат/.test(h)) return 'result';
  if (/документ/.test(h)) return 'document';
  if (/примечан/.test(h)) return 'note';
  if (index === 0 || /№|проект/.test(h)) return 'number';
  return null;
}

function isHeaderCells(cells: string[]): boolean {
  const cols = cells.map((c, i) => (c ? columnOf(c, i) : null));
  return (
    cols.indexOf('title') >= 0 &&
    cols.some((c) => c === 'deadline' || c === 'responsible' || c === 'mark')
  );
}

const ITEM_NUMBER = /^\d+(?:\.\d+)*\.?$/;

interface RawRow {
  kind: 'item' | 'heading' | 'continuation';
  number: string;
  cells: string[];
  text: string;
}

/** Letters a PDF export put in from the Ukrainian/Belarusian alphabet: «Организаціонно». */
function fixLetters(s: string): string {
  return s.replace(/і/g, 'и').replace(/І/g, 'И');
}

function clean(s: string): string {
  return fixLetters(s.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim());
}

function stripNumberDot(n: string): string {
  return n.replace(/\.$/, '');
}

/** Parse a plan pasted as tab-separated text (the seeds' layouts) into items with deadlines. */
export function parsePlanText(text: string, fallbackPeriod?: PlanPeriod): ParsedPlan {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const headerIndex = lines.findIndex(
    (l) => l.indexOf('\t') >= 0 && isHeaderCells(l.split('\t').map(clean)),
  );
  const verticalHeader = headerIndex < 0 ? findVerticalHeader(lines) : null;
  const headStop =
    headerIndex >= 0 ? headerIndex : verticalHeader ? verticalHeader.start : lines.length;
  const headText = lines.slice(0, headStop).join('\n');
  const period =
    detectPlanPeriod(headText) ??
    fallbackPeriod ??
    schoolYearPlanPeriod(new Date().getUTCFullYear());
  const title = planTitle(lines.slice(0, headStop));

  let columns: Array<Column | null>;
  let rows: RawRow[];
  if (headerIndex >= 0) {
    columns = lines[headerIndex]!.split('\t').map((c, i) => columnOf(clean(c), i));
    rows = tableRows(lines.slice(headerIndex + 1));
  } else if (verticalHeader) {
    columns = verticalHeader.names.map((c, i) => columnOf(c, i));
    rows = verticalRows(lines.slice(verticalHeader.end));
  } else {
    return { title, period, sections: [], items: [] };
  }
  return assemble(title, period, columns, rows);
}

function planTitle(head: string[]): string {
  // The title is the line that names the plan («План …», «Анализ …», «… карта …»).
  const idx = head.findIndex((l) => /план|анализ|карт/i.test(l) && !/приказ/i.test(l));
  if (idx < 0) return '';
  let title = clean(head[idx]!);
  for (let i = idx + 1; i < head.length && head[i]!.trim() !== ''; i++)
    title += ' ' + clean(head[i]!);
  return title;
}

function findVerticalHeader(
  lines: string[],
): { names: string[]; start: number; end: number } | null {
  for (let i = 0; i < lines.length; i++) {
    if (!/^\t\s*№\s*$/.test(lines[i]!)) continue;
    const names: string[] = [];
    let j = i;
    while (j < lines.length && /^\t\S/.test(lines[j]!.replace(/^\t\s+/, '\t')))
      names.push(clean(lines[j++]!));
    if (isHeaderCells(names)) return { names, start: i, end: j };
  }
  return null;
}

function tableRows(lines: string[]): RawRow[] {
  const rows: RawRow[] = [];
  for (const line of lines) {
    if (line.trim() === '' || /^[-\s]+$/.test(line)) continue;
    const cells = line.split('\t').map(clean);
    const first = cells[0]!;
    if (ITEM_NUMBER.test(first)) {
      rows.push({ kind: 'item', number: stripNumberDot(first), cells, text: '' });
    } else if (first !== '') {
      const numbered = /^(\d+)\.\s+(.+)$/.exec(first);
      if (numbered && cells.slice(1).every((c) => c === '')) {
        rows.push({
          kind: 'heading',
          number: numbered[1]!,
          cells,
          text: stripHeading(numbered[2]!),
        });
      } else if (line.indexOf('\t') < 0 && rows.length > 0 && !numbered) {
        rows.push({ kind: 'continuation', number: '', cells: ['', '', '', '', first], text: '' });
      } else {
        rows.push({ kind: 'heading', number: '', cells, text: tornHeading(cells) });
      }
    } else {
      rows.push({ kind: 'continuation', number: '', cells, text: '' });
    }
  }
  return rows;
}

function stripHeading(s: string): string {
  return s.replace(/\.$/, '').trim();
}

/** «Повышен», «ие квалификации», «-», «•» → «Повышение квалификации». */
function tornHeading(cells: string[]): string {
  const parts = cells.filter((c) => c !== '' && !/^[-•]+$/.test(c));
  let out = '';
  for (const part of parts) {
    // A part starting in lower case continues a word the export cut in two.
    out += out === '' || /^[а-яё]/.test(part) ? part : ' ' + part;
  }
  return stripHeading(out);
}

function verticalRows(lines: string[]): RawRow[] {
  const rows: RawRow[] = [];
  let current: RawRow | null = null;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const tabbed = line.charAt(0) === '\t';
    const value = clean(line);
    if (tabbed && ITEM_NUMBER.test(value) && (current === null || current.cells.length >= 3)) {
      current = { kind: 'item', number: stripNumberDot(value), cells: [value], text: '' };
      rows.push(current);
    } else if (current && tabbed) {
      current.cells.push(value);
    } else if (current) {
      const i = current.cells.length - 1;
      current.cells[i] = (current.cells[i] + ' ' + value).trim();
    }
  }
  return rows;
}

function assemble(
  title: string,
  period: PlanPeriod,
  columns: Array<Column | null>,
  raw: RawRow[],
): ParsedPlan {
  const rows = raw.slice();
  // A numbered row owning the next numbers («1» before «1.1») is a section heading.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.kind !== 'item') continue;
    const next = rows.slice(i + 1).find((r) => r.kind === 'item');
    if (next && next.number.indexOf(row.number + '.') === 0) {
      rows[i] = {
        kind: 'heading',
        number: row.number,
        cells: row.cells,
        text: stripHeading(cellOf(row.cells, columns, 'title') || row.cells[1] || ''),
      };
    }
  }
  // A lone fragment right before numbering restarts at 1 is a heading the export tore apart.
  for (let i = 0; i < rows.length - 1; i++) {
    const row = rows[i]!;
    const next = rows[i + 1]!;
    const filled = row.cells.filter((c) => c !== '');
    if (
      row.kind === 'continuation' &&
      filled.length === 1 &&
      next.kind === 'item' &&
      next.number === '1'
    ) {
      rows[i] = { kind: 'heading', number: '', cells: row.cells, text: '…' + filled[0] };
    }
  }

  const sections: string[] = [];
  const items: ParsedPlanItem[] = [];
  let section = '';
  let last: string[] | null = null;
  for (const row of rows) {
    if (row.kind === 'heading') {
      section = row.text;
      if (sections.indexOf(section) < 0) sections.push(section);
      last = null;
    } else if (row.kind === 'item') {
      last = row.cells.slice();
      items.push(toItem(section, row.number, last, columns, period));
    } else if (last) {
      row.cells.forEach((c, i) => {
        if (c !== '') last![i] = ((last![i] ?? '') + ' ' + c).trim();
      });
      const prev = items[items.length - 1]!;
      items[items.length - 1] = toItem(prev.section, prev.number, last, columns, period);
    }
  }
  return { title, period, sections, items };
}

function cellOf(cells: string[], columns: Array<Column | null>, column: Column): string {
  const parts: string[] = [];
  columns.forEach((c, i) => {
    if (c === column && cells[i]) parts.push(cells[i]!);
  });
  return parts.join(' ').trim();
}

function toItem(
  section: string,
  number: string,
  cells: string[],
  columns: Array<Column | null>,
  period: PlanPeriod,
): ParsedPlanItem {
  const deadlineText = cellOf(cells, columns, 'deadline');
  const deadline = parseDeadline(deadlineText, period);
  const audience = cellOf(cells, columns, 'audience');
  const responsible = cellOf(cells, columns, 'responsible');
  return {
    section,
    number,
    title: cellOf(cells, columns, 'title'),
    deadlineText,
    deadlineFrom: deadline.from,
    deadlineTo: deadline.to,
    // Plans without a «responsible» column name the executors under «целевая аудитория».
    responsible: responsible || audience,
    expectedResult: cellOf(cells, columns, 'result'),
    document: cellOf(cells, columns, 'document'),
    mark: parsePlanMark(cellOf(cells, columns, 'mark')),
    result: cellOf(cells, columns, 'achieved'),
    comment: cellOf(cells, columns, 'note'),
    audience,
    deadline,
  };
}

/** Status of an item on `asOf`: its mark, or overdue / in progress / no mark from the deadline. */
export function planItemStatus(item: PlanItem, asOf: Date): PlanStatus {
  if (item.mark === 'Выполнено') return 'done';
  if (item.mark === 'Выполнено частично') return 'partial';
  if (item.mark === 'Не выполнено') return 'notDone';
  if (item.deadlineTo === null) return 'noMark';
  return isOverdue(item, asOf) ? 'overdue' : 'inProgress';
}

/** Whether the deadline has passed (from the day after deadlineTo) and there is no mark. */
export function isOverdue(item: PlanItem, asOf: Date): boolean {
  if (item.mark !== '' || item.deadlineTo === null) return false;
  return asOf.getTime() >= item.deadlineTo.getTime() + DAY_MS;
}

/** Counts of statuses. */
export type PlanTotals = Record<PlanStatus, number> & { total: number };

/** The plan execution analysis: the shared document model plus the figures it was built from. */
export interface PlanAnalysisModel extends DocumentModel {
  totals: PlanTotals;
  overdue: PlanItem[];
}

/** Settings of the plan analysis document. */
export interface PlanAnalysisSettings {
  /** The centre in the genitive: «опорного центра …». */
  centreName: string;
  /** «2021/2022 учебный год» or PlanPeriod.label. */
  periodLabel: string;
  signaturePosition: string;
  signatureName: string;
}

const STATUS_ORDER: readonly PlanStatus[] = [
  'done',
  'partial',
  'notDone',
  'overdue',
  'inProgress',
  'noMark',
];

/** Colours of the statuses in the figures: done green, unfulfilled red, not yet due blue. */
const STATUS_COLOUR: Record<PlanStatus, string> = {
  done: '#34a853',
  partial: '#fbbc04',
  notDone: '#ea4335',
  overdue: '#a61c00',
  inProgress: '#4285f4',
  noMark: '#9e9e9e',
};

const STATUS_LABEL: Record<PlanStatus, string> = {
  done: PLAN_RU.status.done,
  partial: PLAN_RU.status.partial,
  notDone: PLAN_RU.status.notDone,
  overdue: PLAN_RU.status.overdue,
  inProgress: PLAN_RU.status.inProgress,
  noMark: PLAN_RU.status.noMark,
};

/** A section's heading: long headings of the seeds lose their parenthetical list of examples. */
function sectionName(section: string): string {
  const name = section || PLAN_RU.noSection;
  const short = name.replace(/\s*\([^()]*\)\s*$/, '').trim();
  return short.length >= 12 ? short : name;
}

/** «2.5 «Поиск партнёров …» (срок — июнь 2021 – май 2022)». */
function namedItem(item: PlanItem, withDeadline: boolean): string {
  const values = { number: item.number, title: quote(item.title), deadline: item.deadlineText };
  return fillPhrase(
    withDeadline && item.deadlineText ? PLAN_RU.namedItemDeadline : PLAN_RU.namedItem,
    values,
  );
}

/**
 * The paragraph of one section, as seed 004 writes one per key direction: «Выполнено N из M
 * мероприятий», the overdue, unfulfilled and partly fulfilled items named, the results achieved
 * and staff's comments quoted — or «Комментарии … не внесены» where there are none.
 */
function sectionParagraph(entries: Array<{ item: PlanItem; status: PlanStatus }>): string {
  const count = (status: PlanStatus): number => entries.filter((e) => e.status === status).length;
  const named = (status: PlanStatus, deadline: boolean): string =>
    entries
      .filter((e) => e.status === status)
      .map((e) => namedItem(e.item, deadline))
      .join(PLAN_RU.listSeparator);
  const total = entries.length;
  const sentences: string[] = [];
  if (count('done') === total) {
    sentences.push(
      total === 1
        ? PLAN_RU.sectionOneDone
        : fillPhrase(PLAN_RU.sectionAllDone, {
            total: formatNumber(total),
            items: plural(total, PLAN_RU.items),
          }),
    );
  } else {
    const clauses: Array<[PlanStatus, string]> = [
      ['partial', PLAN_RU.clausePartial],
      ['notDone', PLAN_RU.clauseNotDone],
      ['overdue', PLAN_RU.clauseOverdue],
      ['inProgress', PLAN_RU.clauseInProgress],
      ['noMark', PLAN_RU.clauseNoMark],
    ];
    sentences.push(
      fillPhrase(PLAN_RU.sectionMarks, {
        done: formatNumber(count('done')),
        total: formatNumber(total),
        // «из 4 мероприятий», «из 21 мероприятия»: after «из» the noun is genitive.
        items: plural(total, PLAN_RU.itemsGenitive),
        rest: clauses
          .filter(([status]) => count(status) > 0)
          .map(([status, phrase]) => fillPhrase(phrase, { n: formatNumber(count(status)) }))
          .join(''),
      }),
    );
  }
  if (count('overdue') > 0)
    sentences.push(fillPhrase(PLAN_RU.sectionOverdue, { items: named('overdue', true) }));
  if (count('notDone') > 0)
    sentences.push(
      fillPhrase(count('notDone') === 1 ? PLAN_RU.sectionNotDoneOne : PLAN_RU.sectionNotDoneMany, {
        items: named('notDone', false),
      }),
    );
  if (count('partial') > 0)
    sentences.push(fillPhrase(PLAN_RU.sectionPartial, { items: named('partial', false) }));
  const quoted = (pick: (item: PlanItem) => string): string =>
    entries
      .filter((e) => pick(e.item).trim() !== '')
      .map((e) =>
        fillPhrase(PLAN_RU.quotedItem, { number: e.item.number, text: quote(pick(e.item)) }),
      )
      .join(PLAN_RU.listSeparator);
  const results = quoted((item) => item.result);
  if (results) sentences.push(fillPhrase(PLAN_RU.sectionResults, { items: results }));
  const comments = quoted((item) => item.comment);
  sentences.push(
    comments ? fillPhrase(PLAN_RU.sectionComments, { items: comments }) : PLAN_RU.sectionNoComments,
  );
  return sentences.join(' ');
}

/** Build the plan execution analysis (the form of seed 004) for `items` as of `asOf`. */
export function buildPlanAnalysis(
  items: PlanItem[],
  settings: PlanAnalysisSettings,
  asOf: Date,
): PlanAnalysisModel {
  const totals = { total: items.length } as PlanTotals;
  for (const s of STATUS_ORDER) totals[s] = 0;
  const statuses = items.map((item) => planItemStatus(item, asOf));
  statuses.forEach((s) => totals[s]++);
  const overdue = items.filter((_, i) => statuses[i] === 'overdue');

  let tableNo = 0;
  let figureNo = 0;
  const order: string[] = [];
  for (const item of items) if (order.indexOf(item.section) < 0) order.push(item.section);
  const sectionsWithoutComments: string[] = [];
  const sections: DocumentSection[] = order.map((name, k) => {
    const entries = items
      .map((item, i) => ({ item, status: statuses[i]! }))
      .filter((x) => x.item.section === name);
    if (!entries.some((e) => e.item.comment.trim() !== ''))
      sectionsWithoutComments.push(String(k + 1));
    const heading = fillPhrase(PLAN_RU.sectionHeading, { n: k + 1, section: sectionName(name) });
    return {
      heading,
      blocks: [
        paragraph(sectionParagraph(entries)),
        table(
          fillPhrase(PLAN_RU.sectionTable, { n: ++tableNo, section: sectionName(name) }),
          // The results achieved are quoted in the paragraph above: a sixth column would leave
          // «Мероприятие» a word per line on a portrait page (seed 004 has four).
          [...PLAN_RU.headerItems],
          entries.map(({ item, status }) => [
            item.number,
            item.title,
            item.deadlineText,
            item.responsible,
            item.mark || STATUS_LABEL[status],
          ]),
        ),
      ],
    };
  });
  const present = STATUS_ORDER.filter((s) => totals[s] > 0);
  sections.push({
    heading: fillPhrase(PLAN_RU.sectionHeading, {
      n: order.length + 1,
      section: PLAN_RU.totalsHeading,
    }),
    blocks: [
      table(
        fillPhrase(PLAN_RU.totalsTable, { n: ++tableNo }),
        [...PLAN_RU.totalsHeader],
        [
          ...STATUS_ORDER.filter(
            (s) => totals[s] > 0 || s === 'done' || s === 'partial' || s === 'notDone',
          ).map((s) => [
            STATUS_LABEL[s],
            formatNumber(totals[s]),
            shareCell(totals[s], totals.total),
          ]),
          [PLAN_RU.total, formatNumber(totals.total), shareCell(totals.total, totals.total)],
        ],
      ),
      {
        type: 'chart',
        kind: 'pie',
        caption: fillPhrase(PLAN_RU.chartTotals, { n: ++figureNo }),
        categories: present.map((s) => STATUS_LABEL[s]),
        series: [{ name: PLAN_RU.totalsHeader[1], values: present.map((s) => totals[s]) }],
        colors: present.map((s) => STATUS_COLOUR[s]),
      },
      {
        type: 'chart',
        kind: 'bar',
        stacked: true,
        caption: fillPhrase(PLAN_RU.chartSections, { n: figureNo + 1 }),
        // Section names are long: the bars are labelled by number, as the headings are.
        categories: order.map((_, k) => fillPhrase(PLAN_RU.chartSection, { n: k + 1 })),
        series: present.map((s) => ({
          name: STATUS_LABEL[s],
          values: order.map(
            (name) => items.filter((item, i) => item.section === name && statuses[i] === s).length,
          ),
        })),
        colors: present.map((s) => STATUS_COLOUR[s]),
      },
    ],
  });
  sections.push({
    heading: fillPhrase(PLAN_RU.sectionHeading, {
      n: order.length + 2,
      section: PLAN_RU.overdueHeading,
    }),
    blocks:
      overdue.length === 0
        ? [paragraph(PLAN_RU.overdueNone)]
        : [
            paragraph(fillPhrase(PLAN_RU.overdueIntro, { n: formatNumber(overdue.length) })),
            {
              type: 'bullets',
              items: overdue.map(
                (i) =>
                  i.number +
                  ' ' +
                  i.title +
                  ' (' +
                  i.deadlineText +
                  (i.responsible ? '; ' + i.responsible : '') +
                  ')',
              ),
            },
          ],
  });

  const itemsWord = (n: number): string => plural(n, PLAN_RU.items);
  const conclusions: string[] = [];
  const donePercent = percentOf(totals.done, totals.total);
  conclusions.push(
    fillPhrase(PLAN_RU.conclusionTotal, {
      n: formatNumber(totals.total),
      items: itemsWord(totals.total),
      done: formatNumber(totals.done),
      donePercent: donePercent === null ? '—' : formatNumber(donePercent, 1) + '\u00A0%',
      partial: formatNumber(totals.partial),
      notDone: formatNumber(totals.notDone),
    }),
  );
  if (totals.total > 0 && totals.done === totals.total) conclusions.push(PLAN_RU.conclusionAllDone);
  if (totals.overdue > 0) {
    conclusions.push(
      fillPhrase(PLAN_RU.conclusionOverdue, {
        n: formatNumber(totals.overdue),
        items: itemsWord(totals.overdue),
      }),
    );
  }
  if (totals.noMark > 0) {
    conclusions.push(
      fillPhrase(PLAN_RU.conclusionUnparsed, {
        n: formatNumber(totals.noMark),
        // «для 2 мероприятий»: after «для» the noun is genitive.
        items: plural(totals.noMark, PLAN_RU.itemsGenitive),
      }),
    );
  }
  const recommendations: string[] = [];
  if (totals.notDone + totals.partial > 0) recommendations.push(PLAN_RU.recommendNotDone);
  if (totals.overdue > 0) recommendations.push(PLAN_RU.recommendOverdue);
  if (sectionsWithoutComments.length > 0) {
    recommendations.push(
      fillPhrase(
        sectionsWithoutComments.length === 1
          ? PLAN_RU.recommendCommentsOne
          : PLAN_RU.recommendCommentsMany,
        { sections: sectionsWithoutComments.join(', ') },
      ),
    );
  }
  recommendations.push(PLAN_RU.recommendContinue);

  return {
    title: fillPhrase(PLAN_RU.title, { centre: settings.centreName, period: settings.periodLabel }),
    subtitle: fillPhrase(PLAN_RU.subtitle, { date: formatDateNumeric(asOf) }),
    sections,
    conclusions,
    recommendations,
    signature: {
      position: settings.signaturePosition,
      name: settings.signatureName,
      date: formatDateNumeric(asOf),
    },
    totals,
    overdue,
  };
}

function shareCell(part: number, whole: number): string {
  const p = percentOf(part, whole);
  return p === null ? '—' : formatNumber(p, 1);
}
