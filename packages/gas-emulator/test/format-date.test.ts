/**
 * Utilities.formatDate follows java.text.SimpleDateFormat (Locale.US, the JVM default of Apps
 * Script). The first test is the table of examples in SimpleDateFormat's Javadoc
 * (docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html, "Examples"): 2001-07-04
 * 12:08:56.235 local time in the U.S. Pacific Time zone.
 */
import { formatDate } from '../src';

const JAVADOC_INSTANT = new Date('2001-07-04T12:08:56.235-07:00');
const LA = 'America/Los_Angeles';

test.each([
  ["yyyy.MM.dd G 'at' HH:mm:ss z", '2001.07.04 AD at 12:08:56 PDT'],
  ["EEE, MMM d, ''yy", "Wed, Jul 4, '01"],
  ['h:mm a', '12:08 PM'],
  ["hh 'o''clock' a, zzzz", "12 o'clock PM, Pacific Daylight Time"],
  ['K:mm a, z', '0:08 PM, PDT'],
  ['yyyyy.MMMMM.dd GGG hh:mm aaa', '02001.July.04 AD 12:08 PM'],
  ['EEE, d MMM yyyy HH:mm:ss Z', 'Wed, 4 Jul 2001 12:08:56 -0700'],
  ['yyMMddHHmmssZ', '010704120856-0700'],
  ["yyyy-MM-dd'T'HH:mm:ss.SSSZ", '2001-07-04T12:08:56.235-0700'],
  ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", '2001-07-04T12:08:56.235-07:00'],
  ["YYYY-'W'ww-u", '2001-W27-3'],
])('Javadoc example %s → %s', (pattern, expected) => {
  expect(formatDate(JAVADOC_INSTANT, LA, pattern)).toBe(expected);
});

test('zone names: z is the short name Java prints (MSK for Moscow), zzzz the long one', () => {
  const d = new Date('2021-09-01T09:00:00+03:00');
  expect(formatDate(d, 'Europe/Moscow', 'z')).toBe('MSK');
  expect(formatDate(d, 'Europe/Moscow', 'zzzz')).toBe('Moscow Standard Time');
  expect(formatDate(new Date('2021-01-15T12:00:00Z'), 'America/New_York', 'z zzzz')).toBe(
    'EST Eastern Standard Time',
  );
  expect(formatDate(new Date('2021-07-15T12:00:00Z'), 'Europe/London', 'z')).toBe('BST');
  expect(formatDate(d, 'UTC', 'z X')).toBe('UTC Z');
  expect(formatDate(d, 'GMT+3', 'z')).toBe('GMT+03:00');
});

test('week fields follow the US week (Sunday first, week 1 holds 1 January), not ISO', () => {
  // Friday 31 December 2021: its Sunday–Saturday week holds 1 January 2022 → week 1 of 2022.
  const nye = new Date('2021-12-31T12:00:00Z');
  expect(formatDate(nye, 'UTC', 'YYYY ww yyyy')).toBe('2022 01 2021');
  // Sunday 3 January 2021 starts week 2 (ISO would say week 53 of 2020).
  expect(formatDate(new Date('2021-01-03T12:00:00Z'), 'UTC', 'YYYY-w u E')).toBe('2021-2 7 Sun');
  // Saturday 2 January 2021 is still week 1.
  expect(formatDate(new Date('2021-01-02T12:00:00Z'), 'UTC', 'w W F D')).toBe('1 1 1 2');
  // 15 September 2021 (Wednesday): third week of the month, third Wednesday.
  expect(formatDate(new Date('2021-09-15T12:00:00Z'), 'UTC', 'W F')).toBe('3 3');
});

test('X with more than three letters is an illegal pattern, as in Java', () => {
  expect(() => formatDate(JAVADOC_INSTANT, LA, 'XXXX')).toThrow(/ISO 8601/);
});

test('wall-clock fields around a change of summer time agree with Intl minute by minute', () => {
  // New York left summer time at 06:00 UTC on 7 November 2021 (02:00 EDT → 01:00 EST).
  const from = Date.UTC(2021, 10, 7, 4, 0);
  const intl = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  for (let m = 0; m < 4 * 60; m += 7) {
    const at = new Date(from + m * 60000);
    const parts = Object.fromEntries(intl.formatToParts(at).map((p) => [p.type, p.value]));
    const expected = `${parts.month}/${parts.day}/${parts.year} ${parts.hour}:${parts.minute}`;
    expect(formatDate(at, 'America/New_York', 'MM/dd/yyyy HH:mm')).toBe(expected);
  }
});

test('a change of offset off the quarter hour (Monrovia, January 1972) agrees with Intl by the second', () => {
  // Liberia moved from UTC−0:44:30 to UTC at 00:44:30 UTC on 7 January 1972.
  const change = Date.UTC(1972, 0, 7, 0, 44, 30);
  const intl = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Africa/Monrovia',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  for (const s of [-900, -61, -1, 0, 1, 60, 899]) {
    const at = new Date(change + s * 1000);
    const parts = Object.fromEntries(intl.formatToParts(at).map((p) => [p.type, p.value]));
    const expected = `${parts.month}/${parts.day}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
    expect(formatDate(at, 'Africa/Monrovia', 'MM/dd/yyyy HH:mm:ss')).toBe(expected);
  }
});
