/**
 * A season on the real bundle where registrations, events and results fall in different months:
 * September registrations for the November event, October ones for November and December, results
 * of the November event entered in December. For every month the note, «Статистика», the summary
 * email and the sidebar dashboard give exactly the participants, winners and охват an independent
 * count by event date gives (DOMAIN.md «What a period's figures mean»).
 */
import { plain, registration, SCHOOLS, setSetting, setUpDistrict, type Ws } from './harness';
import { OUTPUTS_RU } from '../../src/i18n/ru/outputs';

const BOSS = 'boss@center.example';
const PERIODS = ['2021-09', '2021-10', '2021-11', '2021-12'] as const;

/** What the test submits: who registered when, for which event's month, and the result. */
interface Entry {
  school: string;
  name: string;
  registered: string;
  eventMonth: string;
  winner: boolean;
}

/** The season; returns the workspace, the bundle and the independent list of entries. */
function season() {
  const { ws, app } = setUpDistrict('2021-09-06T09:00:00+03:00');
  setSetting(ws, 'recipients', BOSS);
  setSetting(ws, 'signatureName', 'Е.В. Французан');
  const events = ws.sheetValues('Мероприятия').slice(1);
  // The seeded calendar: the district KidSkills event on 15 November, the JuniorSkills tour on
  // 6 December.
  const november = String(events[0]![0]);
  const december = String(events[1]![0]);
  expect(events[0]![4]).toEqual(new Date('2021-11-15T00:00:00+03:00'));
  expect(events[1]![4]).toEqual(new Date('2021-12-06T00:00:00+03:00'));
  const entries: Entry[] = [];
  const register = (school: string, name: string, event: string, eventMonth: string): void => {
    ws.submitForm(
      'Регистрация участников',
      registration({
        'Образовательное учреждение': school,
        Мероприятие: event,
        'Участник 1: фамилия': 'Петрова',
        'Участник 1: имя': name,
      }),
    );
    const at = ws.clock.now();
    const registered = new Date(at.getTime() + 3 * 3600e3).toISOString().slice(0, 7);
    entries.push({ school, name, registered, eventMonth, winner: false });
  };
  // September registrations for the November event.
  register('ГБОУ СОШ № 47', 'Анна', november, '2021-11');
  register('ГБОУ СОШ № 47', 'Вера', november, '2021-11');
  ws.clock.advanceTo('2021-10-12T10:00:00+03:00');
  register('ГБОУ СОШ № 51', 'Ольга', november, '2021-11');
  register('ГБОУ СОШ № 51', 'Дарья', december, '2021-12');
  ws.clock.advanceTo('2021-12-02T10:00:00+03:00');
  // Results of the November event entered in December.
  ws.submitForm('Результаты участия', {
    'Образовательное учреждение': 'ГБОУ СОШ № 47',
    Мероприятие: november,
    Компетенция: 'Мобильная робототехника',
    'Участник (Фамилия Имя)': 'Петрова Анна',
    Результат: 'Победитель (1 место)',
  });
  entries.find((e) => e.name === 'Анна')!.winner = true;
  ws.clock.advanceTo('2022-01-10T10:00:00+03:00');
  return { ws, app, entries };
}

/** The independent count by event month. */
function expected(entries: Entry[], period: string) {
  const mine = entries.filter((e) => e.eventMonth === period);
  const schools = new Set(mine.map((e) => e.school)).size;
  return {
    participants: mine.length,
    schools,
    winners: mine.filter((e) => e.winner).length,
    coverage: Math.round((schools / SCHOOLS.length) * 1000) / 10,
  };
}

/** The key figures of «Статистика» for the month it shows. */
function tabFigures(ws: Ws) {
  const values = ws.sheetValues('Статистика');
  const value = (label: string): unknown => values.find((r) => r[0] === label)![1];
  const i = OUTPUTS_RU.stats.indicators;
  const coverage = value(i.coveragePercent);
  return {
    participants: value(i.participants),
    schools: value(i.schoolsParticipating),
    winners: value(i.winners),
    coverage: coverage === '—' ? 0 : coverage,
  };
}

/** The figures the summary email prints. */
function mailFigures(body: string) {
  const line = (label: string): string =>
    plain(
      body
        .split('\n')
        .find((l) => l.startsWith(label + ': '))!
        .slice(label.length + 2),
    );
  const s = OUTPUTS_RU.summary;
  return {
    participants: Number(line(s.participants)),
    schools: Number(line(s.schools).split(' ')[0]),
    winners: Number(line(s.winners)),
    coverage: Number(line(s.coverage).replace(' %', '').replace(',', '.')),
  };
}

/** The participants, ОУ and winners the note's text states. */
function noteFigures(text: string) {
  const t = plain(text);
  const took = /приняли? участие (\d+) обучающи\S+ из (\d+) образовательн/.exec(t);
  const won = /Победител(?:ем|ями) \(1 место\) стал[и]? (\d+)/.exec(t);
  const coverage = /Охват составил (\d+,\d) %/.exec(t);
  return {
    participants: took ? Number(took[1]) : 0,
    schools: took ? Number(took[2]) : 0,
    winners: won ? Number(won[1]) : 0,
    coverage: coverage ? Number(coverage[1]!.replace(',', '.')) : 0,
  };
}

describe('figures by event date agree everywhere with an independent count', () => {
  const { ws, app, entries } = season();

  test.each(PERIODS)('%s: the note, «Статистика» and the summary email', (period) => {
    const want = expected(entries, period);
    const id = app.call('generateMonthlyNote', period) as string;
    const note = ws.documents().find((d) => d.id === id)!;
    expect(noteFigures(note.text())).toEqual(want);

    app.call('refreshStatistics', period);
    expect(tabFigures(ws)).toEqual(want);

    const sentBefore = ws.outbox().length;
    app.call('sendMonthlySummary', period);
    const mail = ws.outbox()[sentBefore]!;
    expect(mail.subject).toContain(
      plain(['сентябрь', 'октябрь', 'ноябрь', 'декабрь'][PERIODS.indexOf(period)]!),
    );
    expect(mailFigures(mail.body)).toEqual(want);
  });

  test('the dashboard’s months and year to date', () => {
    const data = app.call('getDashboard');
    expect(
      data.series.map((p: { period: string; participants: number }) => [p.period, p.participants]),
    ).toEqual([...PERIODS.map((p) => [p, expected(entries, p).participants]), ['2022-01', 0]]);
    expect(data.year).toEqual({
      participants: entries.length,
      schoolsParticipating: new Set(entries.map((e) => e.school)).size,
      winners: entries.filter((e) => e.winner).length,
      prizeWinners: 0,
    });
  });

  test('September’s registrations are September’s pipeline, not its participants', () => {
    app.call('refreshStatistics', '2021-09');
    const values = ws.sheetValues('Статистика');
    const at = values.findIndex((r) => r[0] === OUTPUTS_RU.stats.registrations);
    expect(values[at + 2]!.slice(0, 2)).toEqual(['ноябрь 2021', 2]);
    expect(expected(entries, '2021-09').participants).toBe(0);
    // The December note reports the November results that arrived in December.
    const id = app.call('generateMonthlyNote', '2021-12') as string;
    const text = plain(
      ws
        .documents()
        .find((d) => d.id === id)!
        .text(),
    );
    expect(text).toContain('(ноябрь 2021): 1 победитель');
  });
});
