import {
  plural,
  pluralAnimateAccusative,
  pluralCategory,
  formatNumber,
  formatPercent,
  formatSignedNumber,
  formatSignedPercent,
  formatDecimal,
  percentOf,
  roundTo,
  NBSP,
  MINUS,
  keepNumberSign,
  formatDateNumeric,
  formatDateLong,
  formatDateRange,
  formatDateTime,
  moscowMidnight,
  toMoscowDate,
  monthName,
  monthFromWord,
  parsePeriod,
  periodOf,
  periodStart,
  periodEnd,
  periodLastDay,
  previousPeriod,
  addMonths,
  schoolYearOf,
  schoolYearOfPeriod,
  schoolYearPeriods,
  schoolYearPeriodsThrough,
  formatSchoolYear,
  formatMonthYear,
  formatForMonth,
  formatInMonth,
  compareRu,
} from '../../src/domain/text';
import { parseDateAnswer } from '../../src/domain/text/dateAnswers';

const PARTICIPANT = ['участник', 'участника', 'участников'] as const;

describe('plural (CLDR ru)', () => {
  // The table of DOMAIN.md: 1, 21 участник; 2–4, 22 участника; 5–20, 11–14, 25 участников.
  it.each([
    [1, 'участник'],
    [21, 'участник'],
    [101, 'участник'],
    [2, 'участника'],
    [3, 'участника'],
    [4, 'участника'],
    [22, 'участника'],
    [24, 'участника'],
    [0, 'участников'],
    [5, 'участников'],
    [11, 'участников'],
    [12, 'участников'],
    [14, 'участников'],
    [20, 'участников'],
    [25, 'участников'],
    [111, 'участников'],
    [112, 'участников'],
    [1.5, 'участника'],
    [0.5, 'участника'],
  ])('%p → %s', (n, form) => {
    expect(plural(n, PARTICIPANT)).toBe(form);
  });

  it('gives CLDR categories, fractions are "other"', () => {
    expect([1, 2, 5, 11, 21, 1.5, -1, -3].map(pluralCategory)).toEqual([
      'one',
      'few',
      'many',
      'many',
      'one',
      'other',
      'one',
      'few',
    ]);
  });

  it('handles «человек» style forms', () => {
    const man = ['человек', 'человека', 'человек'] as const;
    expect(plural(5, man)).toBe('человек');
    expect(plural(3, man)).toBe('человека');
  });
});

describe('plural after «на» (accusative of an animate noun)', () => {
  // «заявки на одного участника, на трёх участников, на пять участников», but a compound numeral
  // ending in два, три, четыре keeps its nominative form: «на двадцать два участника».
  it.each([
    [1, 'участника'],
    [21, 'участника'],
    [2, 'участников'],
    [4, 'участников'],
    [5, 'участников'],
    [12, 'участников'],
    [14, 'участников'],
    [22, 'участника'],
    [64, 'участника'],
    [73, 'участника'],
    [112, 'участников'],
    [102, 'участника'],
    [0, 'участников'],
    [1.5, 'участника'],
  ])('на %p → %s', (n, form) => {
    expect(pluralAnimateAccusative(n, ['участника', 'участников'])).toBe(form);
  });
});

describe('numbers', () => {
  it('uses decimal comma and NBSP thousands groups', () => {
    expect(formatNumber(1234.5, 1)).toBe(`1${NBSP}234,5`);
    expect(formatNumber(1234567)).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(0, 1)).toBe('0,0');
    expect(formatNumber(-1234)).toBe(`${MINUS}1${NBSP}234`);
  });

  it('rounds half away from zero, even for binary-unfriendly values', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(formatNumber(19.65, 1)).toBe('19,7');
  });

  it('formats percents with NBSP before %', () => {
    expect(formatPercent(15.4)).toBe(`15,4${NBSP}%`);
    expect(formatPercent(50)).toBe(`50,0${NBSP}%`);
    expect(formatPercent(null)).toBe('—');
  });

  it('formats signed changes with + and true minus', () => {
    expect(formatSignedNumber(12)).toBe('+12');
    expect(formatSignedNumber(-5)).toBe(`${MINUS}5`);
    expect(formatSignedNumber(0)).toBe('0');
    expect(formatSignedPercent(19.7)).toBe(`+19,7${NBSP}%`);
    expect(formatSignedPercent(-8.1)).toBe(`${MINUS}8,1${NBSP}%`);
  });

  it('drops trailing zeros in formatDecimal and computes shares', () => {
    expect(formatDecimal(2)).toBe('2');
    expect(formatDecimal(1.5)).toBe('1,5');
    expect(percentOf(16, 30)).toBe(53.3);
    expect(percentOf(1, 0)).toBeNull();
  });
});

describe('keepNumberSign', () => {
  test('the spaces after «№» become one no-break space; nothing else changes', () => {
    expect(keepNumberSign('ГБОУ СОШ № 47')).toBe(`ГБОУ СОШ №${NBSP}47`);
    expect(keepNumberSign('приказ от 05.10.2021 №  3, № 12-о')).toBe(
      `приказ от 05.10.2021 №${NBSP}3, №${NBSP}12-о`,
    );
    expect(keepNumberSign(`№${NBSP}5`)).toBe(`№${NBSP}5`);
    expect(keepNumberSign('ГБДОУ №128')).toBe('ГБДОУ №128'); // typed without a space: left so
    expect(keepNumberSign('Школа 47, 1 234')).toBe('Школа 47, 1 234');
  });
});

describe('dates (Europe/Moscow, host-independent)', () => {
  it('reads the Moscow calendar day of an instant near midnight', () => {
    // 31.10.2021 22:30 UTC is already 01.11.2021 01:30 in Moscow.
    const instant = new Date(Date.UTC(2021, 9, 31, 22, 30));
    expect(toMoscowDate(instant)).toEqual({ year: 2021, month: 11, day: 1 });
    expect(periodOf(instant)).toBe('2021-11');
    expect(formatDateTime(instant)).toBe('01.11.2021 01:30');
  });

  it('formats ГОСТ dates', () => {
    const d = moscowMidnight(2016, 6, 5);
    expect(d.toISOString()).toBe('2016-06-04T21:00:00.000Z');
    expect(formatDateNumeric(d)).toBe('05.06.2016');
    expect(formatDateLong(d)).toBe(`5${NBSP}июня 2016${NBSP}г.`);
    expect(formatDateRange(periodStart('2021-10'), periodLastDay('2021-10'))).toBe(
      'с 01.10.2021 по 31.10.2021',
    );
  });

  it('knows month names in three cases and parses month words', () => {
    expect(monthName(10)).toBe('октябрь');
    expect(monthName(10, 'genitive')).toBe('октября');
    expect(monthName(10, 'prepositional')).toBe('октябре');
    expect(monthName(5, 'genitive')).toBe('мая');
    expect(monthFromWord('Март')).toBe(3);
    expect(monthFromWord('мая')).toBe(5);
    expect(monthFromWord('май')).toBe(5);
    expect(monthFromWord('сент.')).toBe(9);
    expect(monthFromWord('понедельник')).toBeNull();
  });

  it('parses typed dates (one parser: parseDateAnswer)', () => {
    const day = (typed: string) => {
      const parsed = parseDateAnswer(typed);
      return parsed.ok ? parsed.date : null;
    };
    expect(day('05.06.2016')).toEqual(moscowMidnight(2016, 6, 5));
    expect(day('5.6.16')).toEqual(moscowMidnight(2016, 6, 5));
    expect(day('2016-06-05')).toEqual(moscowMidnight(2016, 6, 5));
    expect(day('5 июня 2016 г.')).toEqual(moscowMidnight(2016, 6, 5));
    expect(day('31.02.2021')).toBeNull();
    expect(day('вчера')).toBeNull();
  });
});

describe('periods and school years', () => {
  it('parses and steps months', () => {
    expect(parsePeriod('2021-10')).toEqual({ year: 2021, month: 10 });
    expect(parsePeriod('2021-13')).toBeNull();
    expect(parsePeriod('октябрь')).toBeNull();
    expect(previousPeriod('2022-01')).toBe('2021-12');
    expect(addMonths('2021-10', 14)).toBe('2022-12');
  });

  it('gives half-open month ranges as Moscow midnights', () => {
    expect(periodStart('2021-10').toISOString()).toBe('2021-09-30T21:00:00.000Z');
    expect(periodEnd('2021-10').toISOString()).toBe('2021-10-31T21:00:00.000Z');
    expect(formatDateNumeric(periodLastDay('2024-02'))).toBe('29.02.2024');
    expect(periodEnd('2021-12')).toEqual(periodStart('2022-01'));
  });

  it('finds the school year', () => {
    expect(schoolYearOf(moscowMidnight(2021, 9, 1))).toBe(2021);
    expect(schoolYearOf(moscowMidnight(2022, 8, 31))).toBe(2021);
    // 31.08.2022 21:30 UTC is 01.09.2022 in Moscow: the new school year.
    expect(schoolYearOf(new Date(Date.UTC(2022, 7, 31, 21, 30)))).toBe(2022);
    expect(schoolYearOfPeriod('2022-03')).toBe(2021);
    expect(schoolYearPeriods(2021)).toEqual([
      '2021-09',
      '2021-10',
      '2021-11',
      '2021-12',
      '2022-01',
      '2022-02',
      '2022-03',
      '2022-04',
      '2022-05',
      '2022-06',
      '2022-07',
      '2022-08',
    ]);
    expect(schoolYearPeriodsThrough('2021-11')).toEqual(['2021-09', '2021-10', '2021-11']);
    expect(formatSchoolYear(2021)).toBe('2021/2022 учебный год');
  });

  it('words months for documents and forms', () => {
    expect(formatMonthYear('2021-10')).toBe('октябрь 2021');
    expect(formatForMonth('2021-10')).toBe(`за октябрь 2021${NBSP}г.`);
    expect(formatInMonth('2021-10')).toBe(`в октябре 2021${NBSP}г.`);
  });
});

describe('compareRu', () => {
  it('orders Cyrillic with ё after е, case-insensitively', () => {
    const words = ['Ёлка', 'ель', 'Жук', 'еж', 'Ежевика', 'абрикос'];
    expect([...words].sort(compareRu)).toEqual(['абрикос', 'еж', 'Ежевика', 'ель', 'Ёлка', 'Жук']);
  });

  it('compares numbers inside names numerically', () => {
    const names = ['ГБОУ СОШ № 47', 'ГБОУ СОШ № 5', 'ГБОУ гимназия № 116', 'ГБОУ СОШ № 51'];
    expect([...names].sort(compareRu)).toEqual([
      'ГБОУ гимназия № 116',
      'ГБОУ СОШ № 5',
      'ГБОУ СОШ № 47',
      'ГБОУ СОШ № 51',
    ]);
  });
});
