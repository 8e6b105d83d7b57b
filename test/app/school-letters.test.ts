/**
 * The monthly letter to every ОУ on the real bundle (issue 21): on the note day each ОУ of the
 * registry with an address gets exactly one letter, with its own figures equal to the note's and
 * «Статистика»'s, what it still owes with links to the forms (its ОУ already chosen), the next
 * events to register for, and an invitation when it took no part; ОУ without an address are listed
 * in «Требует проверки»; the letter counts as that day's reminder; with a quota below the number of
 * ОУ the rest arrive on the next days, once each.
 */
import {
  type App,
  registration,
  scheduleFirstEvent,
  setSetting,
  setUpDistrict,
  type Ws,
} from './harness';
import { SCHOOLS_SCHEMA, toRow } from '../../src/domain/schema';
import type { School } from '../../src/domain/model';

const BOSS = 'boss@center.example';
const REG = 'Регистрация участников';
const REPORT = 'Ежемесячный отчёт ОУ';
const ORDER = 'Приказы о направлении участников';
const RESULTS = 'Результаты участия';
const OCTOBER_SUBJECT = 'в чемпионатах: октябрь 2021\u00a0г.';
const ADDRESSES: Record<string, string> = {
  'ГБОУ СОШ № 47': 'школа-47@school.example',
  'ГБОУ СОШ № 51': 'школа-51@school.example',
  'ГБДОУ № 21': 'доу-21@school.example',
  'ГБДОУ № 106': 'доу-106@school.example',
};
const NBSP = '\u00a0';

/** The monthly letters of October in the outbox. */
function octoberLetters(ws: Ws) {
  return ws
    .outbox()
    .filter((m) => m.subject.startsWith('Участие ') && m.subject.endsWith(OCTOBER_SUBJECT));
}

/** Moscow day of a sent letter. */
const day = (at: Date): string => new Date(at.getTime() + 3 * 3600e3).toISOString().slice(0, 10);

/** Letters of the form links in a text letter, in order. */
const formLinks = (body: string): string[] => [...body.matchAll(/форма: (\S+)/g)].map((m) => m[1]!);

/**
 * A district set up on 1 November (so no September traffic): the first seeded event moved to
 * 25–27 October; answers typed from 1 to 4 November for October (late registrations count by the
 * event's date): ШКОЛА-47 three children, an order for them, a winner and a prize-winner and its
 * October report; ШКОЛА-51 one child without an order, no report, and one for December; ГБДОУ № 21
 * only a report; ГБДОУ № 106 nothing; ШКОЛА-74 (no address in the registry) one child.
 */
function district(quotas?: { mailRecipientsPerDay: number }): {
  ws: Ws;
  app: App;
  october: string;
  december: string;
} {
  const { ws, app } = setUpDistrict('2021-11-01T09:00:00+03:00', quotas);
  setSetting(ws, 'recipients', BOSS);
  setSetting(ws, 'signatureName', 'Е. В. Французан');
  setSetting(ws, 'centreContact', 'тел. 8 (812) 000-00-00, center@center.example');
  const registry = ws.spreadsheet().getSheetByName('ОУ')!;
  const noEmail: School = {
    key: 'ШКОЛА-74',
    type: 'школа',
    number: '74',
    officialName: 'ГБОУ СОШ № 74 Невского района',
    shortName: 'ГБОУ СОШ № 74',
    district: 'Невский',
    emails: [],
    responsible: '',
    aliases: [],
  };
  registry
    .getRange(6, 1, 1, SCHOOLS_SCHEMA.columns.length)
    .setValues([toRow(SCHOOLS_SCHEMA, noEmail)] as never);
  scheduleFirstEvent(ws, '2021-10-25', '2021-10-27', '2021-10-20');
  app.call('setupSystem'); // the dropdowns take ШКОЛА-74
  const events = ws.sheetValues('Мероприятия').slice(1);
  const october = String(events[0]![0]);
  const december = String(events[1]![0]);
  const register = (school: string, name: string, event = october): void => {
    ws.submitForm(
      REG,
      registration({
        'Образовательное учреждение': school,
        Мероприятие: event,
        'Участник 1: фамилия': 'Петрова',
        'Участник 1: имя': name,
      }),
    );
  };
  ws.clock.advanceTo('2021-11-01T12:00:00+03:00');
  register('ГБОУ СОШ № 47', 'Анна');
  register('ГБОУ СОШ № 47', 'Вера');
  register('ГБОУ СОШ № 47', 'Зоя');
  register('ГБОУ СОШ № 51', 'Ольга');
  register('ГБОУ СОШ № 51', 'Дарья', december);
  register('ГБОУ СОШ № 74', 'Нина');
  ws.clock.advanceTo('2021-11-02T12:00:00+03:00');
  ws.submitForm(ORDER, {
    'Образовательное учреждение': 'ГБОУ СОШ № 47',
    'Номер приказа': '15-о',
    'Дата приказа': '20.10.2021',
    Мероприятие: october,
    'Участники (Фамилия Имя, по одному в строке)': 'Петрова Анна\nПетрова Вера\nПетрова Зоя',
  });
  for (const [school, sessions, pupils, mentors] of [
    ['ГБОУ СОШ № 47', '8', '25', '3'],
    ['ГБДОУ № 21', '5', '12', '2'],
  ] as const) {
    ws.submitForm(REPORT, {
      'Образовательное учреждение': school,
      'Отчётный месяц': 'октябрь 2021',
      'Проведено занятий по подготовке': sessions,
      'Обучающихся в подготовке': pupils,
      'Педагогов-наставников': mentors,
      'Контактное лицо': 'Смирнова О. В.',
    });
  }
  ws.clock.advanceTo('2021-11-03T12:00:00+03:00');
  for (const [name, result] of [
    ['Петрова Анна', 'Победитель (1 место)'],
    ['Петрова Вера', 'Призёр (2 место)'],
    ['Петрова Зоя', 'Участник'],
  ] as const) {
    ws.submitForm(RESULTS, {
      'Образовательное учреждение': 'ГБОУ СОШ № 47',
      Мероприятие: october,
      Компетенция: 'Мобильная робототехника',
      'Участник (Фамилия Имя)': name,
      Результат: result,
    });
  }
  return { ws, app, october, december };
}

describe('the monthly letter to every ОУ', () => {
  it('on the note day reaches every ОУ with an address exactly once, and none without one', () => {
    const { ws } = district();
    ws.clock.advanceTo('2021-11-05T09:00:00+03:00');
    const letters = octoberLetters(ws);
    expect(letters.map((m) => m.to).sort()).toEqual(Object.values(ADDRESSES).sort());
    for (const [school, address] of Object.entries(ADDRESSES)) {
      const mine = letters.filter((m) => m.to === address);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.subject).toBe(`Участие ${school} ${OCTOBER_SUBJECT}`);
      expect(day(mine[0]!.at)).toBe('2021-11-05');
    }
    // No ОУ got a second letter that day, and nothing went to the ОУ without an address.
    const that = ws.outbox().filter((m) => day(m.at) === '2021-11-05');
    for (const address of Object.values(ADDRESSES))
      expect(that.filter((m) => m.to === address)).toHaveLength(1);
    expect(ws.outbox().some((m) => m.body.includes('ГБОУ СОШ № 74 в чемпионатах'))).toBe(false);
    const quality = ws.sheetValues('Требует проверки');
    const line = quality.find((r) => String(r[3]).startsWith('ОУ-') && r.includes('Email'));
    expect(line).toBeDefined();
    expect(line!.join(' ')).toContain('ГБОУ СОШ № 74');
    expect(line!.join(' ')).toContain('не указан адрес электронной почты');

    // The days after: none of them again.
    ws.clock.advanceTo('2021-11-09T09:00:00+03:00');
    expect(octoberLetters(ws)).toHaveLength(4);
  });

  it("gives each ОУ its own figures, equal to the note's rating and «Статистика»", () => {
    const { ws, app } = district();
    ws.clock.advanceTo('2021-11-05T09:00:00+03:00');
    const to47 = octoberLetters(ws).find((m) => m.to === ADDRESSES['ГБОУ СОШ № 47'])!;
    const note = ws.documents().find((d) => !d.trashed && d.name.includes('за октябрь 2021'))!;
    const rating = note
      .tables()
      .find((t) => t[0]?.[0] === 'ОУ' && t[0]?.[1] === 'Участников')!
      .find((r) => r[0] === `ГБОУ СОШ №${NBSP}47`)!;
    // The note keeps «№» on the line of its number; the tab and the letter keep the name as typed.
    expect(rating).toEqual([`ГБОУ СОШ №${NBSP}47`, '3', '1', '1', `66,7`]);
    app.call('refreshStatistics', '2021-10');
    const tab = ws.sheetValues('Статистика');
    const from = tab.findIndex((r) => r[0] === 'Рейтинг ОУ (отчётный месяц)');
    const row = tab.slice(from).find((r) => r[0] === 'ГБОУ СОШ № 47')!;
    expect(row.slice(0, 4)).toEqual(['ГБОУ СОШ № 47', 3, 1, 1]);
    expect(to47.body).toContain(
      `приняли участие ${rating[1]} обучающихся ГБОУ СОШ № 47: 1 победитель и 1 призёр, результативность — ${rating[4]}${NBSP}%.`,
    );
    expect(to47.body).toContain('Место в рейтинге образовательных учреждений района — 1 из 3.');
    // The district: 5 October participants of 3 ОУ of the registry.
    expect(to47.body).toContain(
      'По району в чемпионатах приняли участие 5 обучающихся из 3 образовательных учреждений; в среднем на одно участвовавшее учреждение — 1,7',
    );
    // Its report beside the median of reporting schools: only one school reported, so no median.
    expect(to47.body).toContain('— проведено занятий по подготовке: 8;');
    expect(to47.body).toContain('Все сведения за октябрь 2021' + NBSP + 'г. представлены');
    expect(to47.htmlBody).toContain('<p>');
  });

  it('lists what is missing with links to the forms, its ОУ chosen, and the events to register for', () => {
    const { ws, december } = district();
    ws.clock.advanceTo('2021-11-05T09:00:00+03:00');
    const to51 = octoberLetters(ws).find((m) => m.to === ADDRESSES['ГБОУ СОШ № 51'])!;
    expect(to51.body).toContain(
      `— ежемесячный отчёт за октябрь 2021${NBSP}г. ожидается до 5${NBSP}ноября 2021${NBSP}г. включительно;`,
    );
    expect(to51.body).toContain('без приказа 1 участник мероприятия «');
    expect(to51.body).not.toContain('Ольга'); // counts, never names
    const links = formLinks(to51.body);
    expect(ws.prefilledAnswers(links[0]!)).toEqual({
      form: REPORT,
      answers: { 'Образовательное учреждение': 'ГБОУ СОШ № 51', 'Отчётный месяц': 'октябрь 2021' },
    });
    expect(ws.prefilledAnswers(links[1]!)).toEqual({
      form: ORDER,
      answers: { 'Образовательное учреждение': 'ГБОУ СОШ № 51' },
    });
    // The next events open for registration, soonest first: December's tour is the first.
    expect(to51.body).toContain(`«${december}» (6–10${NBSP}декабря 2021${NBSP}г.;`);
    expect(to51.body).toContain(`регистрация до 22${NBSP}ноября 2021${NBSP}г.`);
    expect(ws.prefilledAnswers(links[2]!)).toEqual({
      form: REG,
      answers: { 'Образовательное учреждение': 'ГБОУ СОШ № 51', Мероприятие: december },
    });
    expect(
      to51.htmlBody.match(/<a href="https:\/\/docs\.google\.com\/forms\/d\/e\//g)!.length,
    ).toBe(links.length);
  });

  it('invites an ОУ that took no part: the events come right after its figures', () => {
    const { ws } = district();
    ws.clock.advanceTo('2021-11-05T09:00:00+03:00');
    const to21 = octoberLetters(ws).find((m) => m.to === ADDRESSES['ГБДОУ № 21'])!;
    expect(to21.body).toContain(
      `В октябре 2021${NBSP}г. обучающиеся ГБДОУ № 21 в чемпионатах не участвовали.`,
    );
    const invitation = to21.body.indexOf('Приглашаем принять участие\n');
    expect(invitation).toBeGreaterThan(0);
    expect(invitation).toBeLessThan(to21.body.indexOf('Подготовка участников'));
    const links = formLinks(to21.body);
    expect(ws.prefilledAnswers(links[0]!).answers['Образовательное учреждение']).toBe('ГБДОУ № 21');
    expect(to21.body).toContain('проведено занятий по подготовке: 5');
  });

  it('counts as the reminder of what it carries: after the deadline nothing is said twice', () => {
    const { ws } = district();
    ws.clock.advanceTo('2021-11-05T09:00:00+03:00');
    ws.clock.advanceTo('2021-11-06T09:00:00+03:00');
    const reminders = ws.outbox().filter((m) => m.subject.startsWith('Напоминание о сведениях'));
    // 51: the report only (the letter carried its orders); 106: the report; 47 and 21 reported.
    expect(reminders.map((m) => m.to).sort()).toEqual(
      [ADDRESSES['ГБОУ СОШ № 51'], ADDRESSES['ГБДОУ № 106']].sort(),
    );
    const to51 = reminders.find((m) => m.to === ADDRESSES['ГБОУ СОШ № 51'])!;
    expect(to51.body).toContain('ежемесячный отчёт за октябрь 2021');
    expect(to51.body).not.toContain('приказ');
    ws.clock.advanceTo('2021-11-12T09:00:00+03:00');
    expect(ws.outbox().filter((m) => m.subject.startsWith('Напоминание о сведениях'))).toHaveLength(
      2,
    );
  });

  it('with a quota below the number of ОУ: the rest arrive on the next days, once each, one letter an ОУ a day', () => {
    const { ws } = district({ mailRecipientsPerDay: 2 });
    for (const date of ['05', '06', '07', '08', '09', '10', '11', '12'])
      ws.clock.advanceTo(`2021-11-${date}T09:00:00+03:00`);
    const letters = octoberLetters(ws);
    expect(letters.map((m) => m.to).sort()).toEqual(Object.values(ADDRESSES).sort());
    // The summary first, then letters; two a day, so they arrive over several days.
    expect(new Set(letters.map((m) => day(m.at))).size).toBeGreaterThan(1);
    expect(day(letters[0]!.at)).toBe('2021-11-05');
    const perDay = new Map<string, number>();
    for (const m of ws.outbox()) {
      const key = `${day(m.at)} ${m.to}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    expect([...perDay.values()].every((n) => n === 1)).toBe(true);
    // The reminder of ГБДОУ № 106's report comes after its letter, on a later day.
    const to106 = ws.outbox().filter((m) => m.to === ADDRESSES['ГБДОУ № 106']);
    expect(to106.map((m) => m.subject.slice(0, 10))).toEqual(['Участие ГБ', 'Напоминани']);
    const journal = ws.sheetValues('Журнал').map((r) => r.map(String));
    expect(journal.some((r) => r[1] === 'Почта' && r[2] === 'отложено')).toBe(true);
  });

  it('is off when staff turn «Письма ОУ» off; a copy goes to the centre when asked for', () => {
    const off = district();
    setSetting(off.ws, 'schoolLetters', 'нет');
    off.ws.clock.advanceTo('2021-11-05T09:00:00+03:00');
    expect(octoberLetters(off.ws)).toHaveLength(0);
    const journal = off.ws.sheetValues('Журнал').map((r) => r.map(String));
    expect(
      journal.some(
        (r) =>
          (r[3] ?? '').includes('Письма ОУ за октябрь 2021') && (r[3] ?? '').includes('выключены'),
      ),
    ).toBe(true);

    const copied = district();
    setSetting(copied.ws, 'schoolLettersCopy', 'copy@center.example');
    copied.ws.clock.advanceTo('2021-11-05T09:00:00+03:00');
    const copies = copied.ws.outbox().filter((m) => m.to === 'copy@center.example');
    expect(copies).toHaveLength(4);
    expect(copies[0]!.subject).toContain('(копия для опорного центра)');
  });

  it('the sidebar says when the letters of the month went out and how many wait', () => {
    const { ws, app } = district({ mailRecipientsPerDay: 3 });
    ws.clock.advanceTo('2021-11-05T09:00:00+03:00');
    const health = app.call('getHealth') as { schoolLetters: string };
    expect(health.schoolLetters).toBe(
      'Письма ОУ за октябрь 2021' + NBSP + 'г.: отправлено 2 из 4 (05.11.2021), в очереди 2.',
    );
  });
});
