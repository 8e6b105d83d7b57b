/** Issue 18 in the domain core: the one cleaner of headers and titles, excerpts, settings that fail closed. */
import { excerpt, hasUnsafeCharacters, oneLine } from '../../src/domain/text/clean';
import { MAX_LIST_CHARS, parseSettings, utf8Length } from '../../src/domain/settings';
import { parsePeriod, periodTiming } from '../../src/domain/text/periods';
import { isReportMonthOffered, reportMonthsOffered } from '../../src/domain/schedule';
import { computeStatistics } from '../../src/domain/statistics';
import { DISTRICT } from './district.fixture';
import { editionAt } from '../../src/domain/eventCalendar';
import type { ChampionshipEvent } from '../../src/domain/model';
import { moscowMidnight } from '../../src/domain/text';

describe('oneLine: what may reach a mail header, a file name or a title', () => {
  test.each([
    ['Центр\r\nBcc: spy@evil.example', 'Центр Bcc: spy@evil.example'],
    ['a\u0000b\u001Bc', 'a b c'],
    ['a\u2028b\u2029c', 'a b c'],
    ['bidi\u202Eevil\u2066x', 'bidi evil x'],
    ['  tabs\tand\u200Bzero  ', 'tabs and zero'],
    ['2021\u00A0г.', '2021\u00A0г.'],
  ])('%j → %j', (input, output) => {
    expect(oneLine(input)).toBe(output);
    expect(hasUnsafeCharacters(oneLine(input))).toBe(false);
  });

  test('cuts to the limit without splitting a surrogate pair', () => {
    expect(oneLine('a'.repeat(1000))).toHaveLength(250);
    const emoji = 'x'.repeat(9) + '😀';
    expect(oneLine(emoji, 10)).toBe('x'.repeat(9));
  });
});

describe('excerpt: what a message echoes of typed text', () => {
  test('short text stays as it is; long text is cut with «…»; control characters go', () => {
    expect(excerpt('2021-13')).toBe('2021-13');
    const long = excerpt('x'.repeat(10_000));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith('…')).toBe(true);
    expect(excerpt('a\r\nb')).toBe('a b');
  });
});

describe('parseSettings fails closed', () => {
  test('a list that would not fit in the property is refused, with the count', () => {
    const staff = Array.from({ length: 500 }, (_, i) => `p${i}@center.example`).join(', ');
    expect(utf8Length(JSON.stringify(staff.split(', ')))).toBeGreaterThan(MAX_LIST_CHARS);
    const { settings, errors } = parseSettings({ staff });
    expect(errors.staff).toContain('адресов: 500');
    expect(settings.staff).toEqual([]);
  });

  test('utf8Length counts as a property does', () => {
    expect(utf8Length('ab')).toBe(2);
    expect(utf8Length('яб')).toBe(4);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });

  test.each(['0x1a', '1e1', '５', '5,0', '5.0', '+5', '', ' '])(
    'day %j is not taken (empty keeps the default)',
    (typed) => {
      const { settings, errors } = parseSettings({ noteDay: typed });
      expect(settings.noteDay).toBe(5);
      expect(Boolean(errors.noteDay)).toBe(typed.trim() !== '');
    },
  );

  test('a key named like a prototype member is no setting', () => {
    const raw = JSON.parse('{"__proto__": {"staff": "x@y.example"}, "constructor": "1"}') as Record<
      string,
      unknown
    >;
    const { settings, errors } = parseSettings(raw);
    expect(settings.staff).toEqual([]);
    expect(errors).toEqual({});
  });

  test('an address with a control character is not an address', () => {
    expect(parseSettings({ recipients: 'a\u0001b@c.example' }).errors.recipients).toBeTruthy();
  });
});

describe('periods on the calendar', () => {
  test('years outside 2000–2100 are no period', () => {
    expect(parsePeriod('0001-01')).toBeNull();
    expect(parsePeriod('9999-12')).toBeNull();
    expect(parsePeriod('2099-01')).toEqual({ year: 2099, month: 1 });
  });

  test('finished, current, future', () => {
    const now = new Date('2021-10-04T09:00:00+03:00');
    expect(periodTiming('2021-09', now)).toBe('finished');
    expect(periodTiming('2021-10', now)).toBe('current');
    expect(periodTiming('2021-11', now)).toBe('future');
    // Moscow calendar: 31 October 22:00 UTC is already November in Moscow.
    expect(periodTiming('2021-10', new Date('2021-10-31T22:00:00Z'))).toBe('finished');
  });
});

describe('the months the report form offers', () => {
  const at = (iso: string) => new Date(`${iso}T10:00:00+03:00`);
  test('August of the previous school year until its deadline day, then only the new year', () => {
    expect(reportMonthsOffered(at('2022-09-01'), 5)[0]).toBe('2022-08');
    expect(reportMonthsOffered(at('2022-09-05'), 5)[0]).toBe('2022-08');
    expect(reportMonthsOffered(at('2022-09-06'), 5)[0]).toBe('2022-09');
    expect(reportMonthsOffered(at('2022-09-06'), 5)).toHaveLength(12);
    expect(reportMonthsOffered(at('2022-10-03'), 5)[0]).toBe('2022-09');
  });

  test('a reminder may ask only for a month the form offers', () => {
    expect(isReportMonthOffered('2022-08', at('2022-09-06'), 5)).toBe(false);
    expect(isReportMonthOffered('2022-08', at('2022-09-06'), 10)).toBe(true);
    expect(isReportMonthOffered('2022-10', at('2022-11-06'), 5)).toBe(true);
  });
});

describe('statistics keyed by names: the prototype names are names', () => {
  const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  test('competencies, categories, ОУ keys and levels named like Object members count once each', () => {
    const base = DISTRICT.participants[0]!;
    const schools = NAMES.map((key) => ({ ...DISTRICT.schools[0]!, key, shortName: key }));
    const participants = NAMES.map((name, i) => ({
      ...base,
      id: `P-${i}`,
      schoolKey: name,
      competency: name,
      ageCategory: name,
      result: '' as const,
    }));
    const results = [{ ...DISTRICT.results[0]!, participantId: 'P-1' }];
    const s = computeStatistics({ ...DISTRICT, schools, participants, results }, '2021-10');
    expect(s.month.participants).toBe(5);
    expect(s.month.schoolsParticipating).toBe(5);
    expect(s.byCompetency.map((r) => [r.label, r.count]).sort()).toEqual(
      NAMES.map((n) => [n, 1]).sort(),
    );
    expect(s.byCompetency.reduce((sum, r) => sum + r.count, 0)).toBe(5);
    expect(s.ratingMonth.map((r) => r.key).sort()).toEqual([...NAMES].sort());
    expect(JSON.stringify(s)).not.toMatch(/native code|NaN/);
  });
});

describe('editionAt: which of the rows of one name an answer belongs to', () => {
  const edition = (start: Date | null, deadline: Date | null): ChampionshipEvent => ({
    name: 'Районный отборочный этап KidSkills',
    programme: 'KidSkills',
    level: 'районный',
    format: 'очный',
    start,
    end: start,
    registrationDeadline: deadline,
  });
  const LAST = edition(moscowMidnight(2020, 11, 16), moscowMidnight(2020, 11, 2));
  const THIS = edition(moscowMidnight(2021, 11, 15), moscowMidnight(2021, 11, 1));
  const SPRING = edition(moscowMidnight(2022, 4, 12), moscowMidnight(2022, 3, 25));
  const at = (iso: string) => new Date(`${iso}T10:00:00+03:00`);

  test('the school year and the open registration decide, whatever the row order', () => {
    expect(editionAt([LAST, THIS], at('2020-10-20')).event).toBe(LAST);
    expect(editionAt([LAST, THIS], at('2021-10-20')).event).toBe(THIS);
    expect(editionAt([THIS, LAST], at('2021-10-20')).event).toBe(THIS);
    // Late for this year's (after 1 November, before it starts): still this year's.
    expect(editionAt([LAST, THIS], at('2021-11-05')).event).toBe(THIS);
    // Ahead of the school year (registration in August for November): the next to start.
    expect(editionAt([LAST, THIS], at('2021-08-25')).event).toBe(THIS);
    // Two in one year: the one whose registration is open and closes first, then the next.
    expect(editionAt([THIS, SPRING], at('2021-10-20')).event).toBe(THIS);
    expect(editionAt([THIS, SPRING], at('2021-12-01')).event).toBe(SPRING);
    // Long after both: the latest.
    expect(editionAt([LAST, THIS], at('2022-06-01')).event).toBe(THIS);
  });

  test('only rows the date cannot tell apart are ambiguous', () => {
    const undated = edition(null, null);
    expect(editionAt([THIS, undated], at('2021-10-20')).ambiguous).toEqual([THIS, undated]);
    const twin = { ...THIS, level: 'городской/региональный' as const };
    expect(editionAt([THIS, twin], at('2021-10-20')).ambiguous).toEqual([THIS, twin]);
    expect(editionAt([undated], at('2021-10-20')).event).toBe(undated);
  });
});
