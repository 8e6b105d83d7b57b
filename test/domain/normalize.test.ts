import {
  asText,
  cleanLine,
  cleanText,
  foldLookalikes,
  matchKey,
  isBlank,
} from '../../src/domain/text/clean';
import {
  isPlausibleNamePart,
  normalizePersonName,
  personMatchKey,
  splitFullName,
  splitNameLines,
} from '../../src/domain/text/names';
import { daysBetween } from '../../src/domain/text/dates';
import {
  parseDateAnswer,
  parsePeriodAnswer,
  parseTimestamp,
} from '../../src/domain/text/dateAnswers';

const iso = (d: Date): string => d.toISOString();
/** 00:00 Moscow of a day is 21:00 UTC of the day before. */
const moscowMidnightIso = (y: number, m: number, d: number): string =>
  new Date(Date.UTC(y, m - 1, d) - 3 * 3600 * 1000).toISOString();

describe('text', () => {
  it('trims, collapses spaces and drops invisible characters, keeping line breaks', () => {
    expect(cleanText('  Иванова \u00A0 Анна\u200B ')).toBe('Иванова Анна');
    expect(cleanText('строка 1  \r\n  строка\t2')).toBe('строка 1\nстрока 2');
    expect(cleanLine('a\n  b')).toBe('a b');
    expect(cleanText(null)).toBe('');
  });

  it('folds Latin look-alikes only inside Cyrillic words', () => {
    expect(foldLookalikes('ГБOУ COШ')).toBe('ГБОУ СОШ');
    expect(foldLookalikes('Ивaнова')).toBe('Иванова');
    expect(foldLookalikes('KidSkills Мехатроника')).toBe('KidSkills Мехатроника');
    expect(foldLookalikes('Ивaнова')).not.toMatch(/[a-z]/);
  });

  it('compares with ё/е folded, case and quotes ignored', () => {
    expect(matchKey('  «Семёнова»  Анна ')).toBe('семенова анна');
    expect(matchKey('Семенова Анна')).toBe(matchKey('СЕМЁНОВА   анна'));
  });

  it('turns straight quotes into ёлочки', () => {});

  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+79110000000', "'+79110000000"],
    ['-5', "'-5"],
    ['@import', "'@import"],
    ['\tтаб', "'\tтаб"],
    ['\rcr', "'\rcr"],
    ['обычный текст', 'обычный текст'],
    ['5-А', '5-А'],
  ])('asText guards %j', (input, expected) => {
    expect(asText(input)).toBe(expected);
  });

  it('asText passes typed values through', () => {
    const d = new Date(0);
    expect(asText(-5)).toBe(-5);
    expect(asText(true)).toBe(true);
    expect(asText(d)).toBe(d);
    expect(asText(null)).toBe('');
  });
});

describe('people', () => {
  it.each([
    ['иванова', 'Иванова'],
    ['ИВАНОВА', 'Иванова'],
    ['  петрова-водкина ', 'Петрова-Водкина'],
    ['Петрова - водкина', 'Петрова-Водкина'],
    ['Петрова–Водкина', 'Петрова-Водкина'],
    ['анна мария', 'Анна Мария'],
    ['Семёнов', 'Семёнов'],
    ['Ивaнов', 'Иванов'], // Latin a
    ['мамедов оглы', 'Мамедов оглы'],
    ["д'артаньян", "Д'Артаньян"],
  ])('normalizePersonName(%j) = %j', (input, expected) => {
    expect(normalizePersonName(input)).toBe(expected);
  });

  it('judges name plausibility', () => {
    expect(isPlausibleNamePart('Анна')).toBe(true);
    expect(isPlausibleNamePart('Петрова-Водкина')).toBe(true);
    expect(isPlausibleNamePart('А1на')).toBe(false);
    expect(isPlausibleNamePart('-')).toBe(false);
  });

  it.each([
    ['Иванов Пётр', { surname: 'Иванов', name: 'Пётр', patronymic: '' }],
    ['1. иванов петр', { surname: 'Иванов', name: 'Петр', patronymic: '' }],
    ['2) ПЕТРОВА АННА СЕРГЕЕВНА', { surname: 'Петрова', name: 'Анна', patronymic: 'Сергеевна' }],
    ['– Сидорова Мария (5А)', { surname: 'Сидорова', name: 'Мария', patronymic: '' }],
    ['Сидорова Мария, 5 А класс', { surname: 'Сидорова', name: 'Мария', patronymic: '' }],
  ])('splitFullName(%j)', (line, expected) => {
    expect(splitFullName(line)).toEqual(expected);
  });

  it('rejects a single word as a full name', () => {
    expect(splitFullName('Иванов')).toBeNull();
    expect(splitFullName('  ')).toBeNull();
  });

  it('splits an order list by lines, semicolons and commas', () => {
    expect(splitNameLines('Иванов Пётр\n\nПетрова Анна; Сидоров Иван, Орлова Ольга')).toEqual([
      'Иванов Пётр',
      'Петрова Анна',
      'Сидоров Иван',
      'Орлова Ольга',
    ]);
  });

  it('matches a person with ё/е and case folded', () => {
    expect(personMatchKey('Семёнова', 'Алёна')).toBe(personMatchKey('СЕМЕНОВА', 'алена'));
    expect(personMatchKey('Иванова', 'Анна')).not.toBe(personMatchKey('Иванов', 'Анна'));
  });
});

describe('dates', () => {
  it.each([
    ['05.03.2021'],
    ['5.3.21'],
    ['5.3.2021'],
    ['5 марта 2021'],
    ['5 марта 2021 г.'],
    ['5 марта 2021 года'],
    ['«05» марта 2021 г.'],
    ['от 05.03.2021'],
    ['2021-03-05'],
    ['05/03/2021'],
    ['05-03-2021'],
    ['05.03.2021 г.'],
    ['05.03.2021 14:22:01'],
    ['5 мар. 2021'],
    ['2021-03-05T10:00:00Z'],
  ])('reads %j as 5 March 2021, Moscow midnight', (typed) => {
    const parsed = parseDateAnswer(typed);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(iso(parsed.date)).toBe(moscowMidnightIso(2021, 3, 5));
  });

  it('passes a Date through as its Moscow calendar day', () => {
    // 22:30 UTC on 4 March is 01:30 on 5 March in Moscow.
    const parsed = parseDateAnswer(new Date(Date.UTC(2021, 2, 4, 22, 30)));
    expect(parsed).toEqual({ ok: true, date: new Date(moscowMidnightIso(2021, 3, 5)) });
  });

  it.each([
    ['31.02.2021', 'нет в календаре'],
    ['29.02.2021', 'нет в календаре'],
    ['вчера', 'не удалось распознать дату «вчера»'],
    ['ок', 'не удалось распознать дату «ок»'],
    ['05.03.3021', 'невозможный год'],
    ['5 марта', 'не указан год'],
    ['', 'дата не указана'],
  ])('rejects %j in plain Russian', (typed, fragment) => {
    const parsed = parseDateAnswer(typed);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(fragment);
      expect(parsed.message).toMatch(/ДД\.ММ\.ГГГГ\.?$|ДД\.ММ\.ГГГГ, например/);
    }
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseDateAnswer('29.02.2024').ok).toBe(true);
  });

  it('reads Google timestamps as Moscow wall-clock instants', () => {
    expect(parseTimestamp('05.03.2021 14:22:01')?.toISOString()).toBe('2021-03-05T11:22:01.000Z');
    expect(parseTimestamp('5.3.2021 9:05:00')?.toISOString()).toBe('2021-03-05T06:05:00.000Z');
    expect(parseTimestamp('31.02.2021 10:00:00')).toBeNull();
    expect(parseTimestamp('вчера')).toBeNull();
    const d = new Date();
    expect(parseTimestamp(d)).toBe(d);
  });

  it('counts calendar days in Moscow', () => {
    const evening = new Date(Date.UTC(2021, 9, 31, 20, 59)); // 23:59 on 31.10 in Moscow
    const night = new Date(Date.UTC(2021, 9, 31, 21, 1)); // 00:01 on 01.11 in Moscow
    expect(daysBetween(evening, night)).toBe(1);
    expect(daysBetween(night, evening)).toBe(-1);
  });
});

describe('reporting month', () => {
  it.each([
    ['октябрь 2021', '2021-10'],
    ['Октябрь 2021 г.', '2021-10'],
    ['за октябрь 2021', '2021-10'],
    ['ОКТЯБРЯ 2021 года', '2021-10'],
    ['10.2021', '2021-10'],
    ['2021-10', '2021-10'],
    ['май 2022', '2022-05'],
    ['сентябрь 2021', '2021-09'],
  ])('%j → %s', (typed, period) => {
    expect(parsePeriodAnswer(typed)).toEqual({ ok: true, period });
  });

  it.each(['13.2021', 'октябрь', 'скоро', ''])('rejects %j', (typed) => {
    const parsed = parsePeriodAnswer(typed);
    expect(parsed.ok).toBe(false);
  });
});

test('isBlank: nothing but spaces is blank; a number, a boolean or a date never is', () => {
  for (const blank of [null, undefined, '', '   ', '\t\n']) expect(isBlank(blank)).toBe(true);
  for (const value of [0, NaN, false, 'x', ' x ', new Date(0), new Date(NaN)]) {
    expect(isBlank(value)).toBe(false);
  }
  expect(isBlank([''])).toBe(true); // its text is empty, as before
});
