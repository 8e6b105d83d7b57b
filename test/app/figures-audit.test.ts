/**
 * An independent audit of a month's figures on a generated season played day by day (`npm start`'s
 * simulation: the daily job makes each month's note and summary on its day). The reference below
 * counts from the raw form answers and the dates staff typed in «Мероприятия», by DOMAIN.md «What a
 * period's figures mean», without the app's code: a participant belongs to the month its event
 * starts in (an undated event: the month of registration), results belong to the event, results
 * not yet in leave the event out of результативность's denominator, year to date is 1 September
 * to the month's end. «Статистика», the note (text and tables), the summary email and the
 * dashboard must all say what the reference says, as of the moment each was made.
 */
import { simulateSeason } from '../../scripts/start';
import type { GeneratedAnswer } from '../../scripts/district/generate';
import { OUTPUTS_RU } from '../../src/i18n/ru/outputs';
import { plain } from './harness';

const MONTHS = [
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
];

/** YYYY-MM of an instant in Moscow. */
const moscowMonth = (d: Date): string =>
  new Date(d.getTime() + 3 * 3600e3).toISOString().slice(0, 7);
const monthLabel = (period: string): string =>
  `${MONTHS[(Number(period.slice(5)) + 3) % 12]} ${period.slice(0, 4)}`;

/** A name as a school types it, reduced to what survives every slip: its letters, sorted. */
const LATIN: Record<string, string> = {
  a: 'а',
  o: 'о',
  e: 'е',
  c: 'с',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
};
function nameKey(name: string): string {
  return [...name.toLowerCase()]
    .map((c) => LATIN[c] ?? (c === 'ё' ? 'е' : c))
    .filter((c) => /[а-я]/.test(c))
    .sort()
    .join('');
}

interface Child {
  school: string;
  event: string;
  competency: string;
  category: string;
  key: string;
  registered: Date;
  /** The month the child counts in. */
  period: string;
}
interface Result {
  school: string;
  event: string;
  kind: 'winner' | 'prize' | 'medallion' | 'none';
  entered: Date;
  period: string;
}

/** The reference count of everything answered up to `asOf`. */
function reference(
  answers: GeneratedAnswer[],
  schools: { shortName: string; type: string }[],
  eventStart: Map<string, Date | null>,
  asOf: Date,
) {
  const upTo = answers.filter((a) => new Date(a.at) <= asOf);
  const children = new Map<string, Child>();
  for (const a of upTo.filter((x) => x.form === 'registration')) {
    const v = a.answers as Record<string, string>;
    // A «class» that is markup or a formula holds the answer in «Требует проверки».
    if (/^[=+]|</.test(v['Участник 1: класс / группа'] ?? '')) continue;
    for (const n of [1, 2]) {
      const surname = v[`Участник ${n}: фамилия`];
      if (!surname) continue;
      const key = nameKey(surname + v[`Участник ${n}: имя`]);
      const id = `${v['Образовательное учреждение']}|${v['Мероприятие']}|${key}`;
      if (children.has(id)) continue; // the same child sent again
      const registered = new Date(a.at);
      const start = eventStart.get(v['Мероприятие']!) ?? null;
      children.set(id, {
        school: v['Образовательное учреждение']!,
        event: v['Мероприятие']!,
        competency: v['Компетенция']!,
        category: v['Возрастная категория']!,
        key,
        registered,
        period: moscowMonth(start ?? registered),
      });
    }
  }
  const results: Result[] = [];
  for (const a of upTo.filter((x) => x.form === 'results')) {
    const v = a.answers as Record<string, string>;
    const id = `${v['Образовательное учреждение']}|${v['Мероприятие']}|${nameKey(v['Участник (Фамилия Имя)']!)}`;
    const start = eventStart.get(v['Мероприятие']!) ?? null;
    const child = children.get(id);
    const period = start ? moscowMonth(start) : child ? child.period : null;
    if (!period) continue;
    const r = v['Результат']!;
    results.push({
      school: v['Образовательное учреждение']!,
      event: v['Мероприятие']!,
      kind: r.startsWith('Победитель')
        ? 'winner'
        : r.startsWith('Призёр')
          ? 'prize'
          : r.startsWith('Медальон')
            ? 'medallion'
            : 'none',
      entered: new Date(a.at),
      period,
    });
  }
  const all = [...children.values()];

  /** Figures of a set of months (one month, or September to the month). */
  function figures(inPeriod: (p: string) => boolean) {
    const mine = all.filter((c) => inPeriod(c.period));
    const res = results.filter((r) => inPeriod(r.period));
    // An event (of a month, for an undated one) has results when any of them is in.
    const withResults = new Set(res.map((r) => `${r.event}|${r.period}`));
    const count = (kind: Result['kind'], list = res): number =>
      list.filter((r) => r.kind === kind).length;
    const schoolsIn = new Set(mine.map((c) => c.school));
    const denominator = mine.filter((c) => withResults.has(`${c.event}|${c.period}`)).length;
    const winners = count('winner');
    const prizeWinners = count('prize');
    const perSchool = schools
      .map((s) => {
        const own = mine.filter((c) => c.school === s.shortName);
        const ownRes = res.filter((r) => r.school === s.shortName);
        const d = own.filter((c) => withResults.has(`${c.event}|${c.period}`)).length;
        const medals = count('winner', ownRes) + count('prize', ownRes);
        return {
          school: s.shortName,
          participants: own.length,
          winners: count('winner', ownRes),
          prizeWinners: count('prize', ownRes),
          medallions: count('medallion', ownRes),
          effectiveness: d ? round1((medals / d) * 100) : '—',
        };
      })
      .filter((s) => s.participants > 0);
    return {
      participants: mine.length,
      schools: schoolsIn.size,
      coverage: round1((schoolsIn.size / schools.length) * 100),
      winners,
      prizeWinners,
      medallions: count('medallion'),
      withResults: denominator,
      effectiveness: denominator ? round1(((winners + prizeWinners) / denominator) * 100) : '—',
      perSchool,
      byType: ['ДОУ', 'школа', 'ДО'].map((type) => {
        const ofType = schools.filter((s) => s.type === type);
        const taking = ofType.filter((s) => schoolsIn.has(s.shortName)).length;
        return {
          type,
          total: ofType.length,
          taking,
          share: ofType.length ? round1((taking / ofType.length) * 100) : 0,
          participants: mine.filter((c) => ofType.some((s) => s.shortName === c.school)).length,
        };
      }),
      absent: schools.filter((s) => !schoolsIn.has(s.shortName)).map((s) => s.shortName),
      byCompetencyCategory: tally(mine.map((c) => `${c.competency}|${c.category}`)),
      awaited: [...new Set(mine.map((c) => c.event))].filter((e) =>
        mine.some((c) => c.event === e && !withResults.has(`${c.event}|${c.period}`)),
      ),
    };
  }

  return {
    month: (period: string) => figures((p) => p === period),
    yearToDate: (period: string) => figures((p) => p >= '2021-09' && p <= period),
    /** Registrations received in the month, by the month their event counts in. */
    pipeline(period: string): Record<string, number> {
      return tally(
        all
          .filter((c) => moscowMonth(c.registered) === period)
          .map((c) => (eventStart.get(c.event) ? c.period : 'дата не указана')),
      );
    },
    /** Winners and prize-winners of earlier months' events entered in the month. */
    lateResults(period: string): Record<string, [number, number]> {
      const out: Record<string, [number, number]> = {};
      for (const r of results) {
        if (moscowMonth(r.entered) !== period || r.period >= period) continue;
        const medals = (out[`${r.event}|${r.period}`] ??= [0, 0]);
        if (r.kind === 'winner') medals[0]++;
        if (r.kind === 'prize') medals[1]++;
      }
      return out;
    },
  };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
function tally(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/** The rows of a «Статистика» section below its header row, up to the next empty row. */
function section(values: unknown[][], title: string): unknown[][] {
  const at = values.findIndex((r) => r[0] === title);
  if (at < 0) throw new Error('no section ' + title);
  const rows: unknown[][] = [];
  for (let i = at + 2; i < values.length && values[i]![0] !== ''; i++) rows.push(values[i]!);
  return rows;
}

describe('a generated season: every figure against an independent count', () => {
  const season = simulateSeason({
    seed: 11,
    schools: 16,
    participants: 260,
    from: '2021-09-01',
    to: '2022-02-20',
  });
  const { ws, app, answers } = season;
  const registry = ws
    .sheetValues('ОУ')
    .slice(1)
    .map((r) => ({ shortName: String(r[4]), type: String(r[1]) }));
  const eventStart = new Map(
    ws
      .sheetValues('Мероприятия')
      .slice(1)
      .map((r) => [String(r[0]), r[4] instanceof Date ? r[4] : null] as const),
  );
  const refNow = reference(answers, registry, eventStart, ws.clock.now());
  const stats = OUTPUTS_RU.stats;
  const i = stats.indicators;

  test.each(['2021-09', '2021-10', '2021-11', '2021-12', '2022-01', '2022-02'])(
    '%s: «Статистика»',
    (period) => {
      app.call('refreshStatistics', period);
      const values = ws.sheetValues('Статистика');
      const row = (label: string) => values.find((r) => r[0] === label)!.slice(1, 4);
      const m = refNow.month(period);
      const ytd = refNow.yearToDate(period);
      const prevPeriod = period === '2021-09' ? '2021-08' : prevMonth(period);
      const prev = refNow.month(prevPeriod);
      const pick = (f: ReturnType<typeof refNow.month>) => [
        f.participants,
        f.schools,
        f.coverage,
        f.winners,
        f.prizeWinners,
        f.medallions,
        f.withResults,
        f.effectiveness,
      ];
      const labels = [
        i.participants,
        i.schoolsParticipating,
        i.coveragePercent,
        i.winners,
        i.prizeWinners,
        i.medallions,
        i.participantsWithResults,
        i.effectivenessPercent,
      ];
      // The pipeline: registrations received in the month, by their event's month.
      expect(
        Object.fromEntries(
          section(values, stats.registrations)
            .filter((r) => r[1] !== '')
            .map((r) => [r[0], r[1]]),
        ),
      ).toEqual(
        Object.fromEntries(
          Object.entries(refNow.pipeline(period)).map(([p, n]) => [
            p === 'дата не указана' ? p : plain(monthLabel(p)),
            n,
          ]),
        ),
      );
      // Medals of earlier months' (dated) events entered in this month. (The «Участников» column
      // counts the participants the results were matched to, and an undated event's late results
      // are labelled with one month: see the audit report.)
      const dated = (event: string): boolean => Boolean(eventStart.get(event));
      expect(
        Object.fromEntries(
          section(values, stats.lateResults)
            .filter((r) => r[1] !== '' && dated(String(r[0])))
            .map((r) => [`${r[0]}|${plain(String(r[1]))}`, [r[3], r[4]]]),
        ),
      ).toEqual(
        Object.fromEntries(
          Object.entries(refNow.lateResults(period))
            .filter(([k]) => dated(k.split('|')[0]!))
            .map(([k, medals]) => {
              const [event, p] = k.split('|') as [string, string];
              return [`${event}|${monthLabel(p)}`, medals];
            }),
        ),
      );
      expect(Object.fromEntries(labels.map((l) => [l, row(l)]))).toEqual(
        Object.fromEntries(labels.map((l, k) => [l, [pick(m)[k], pick(prev)[k], pick(ytd)[k]]])),
      );
    },
  );

  /** The notes the daily job made on the 5th of the next month, with what was answered by then. */
  test.each(['2021-09', '2021-10', '2021-11', '2021-12', '2022-01'])(
    '%s: the note made on its day and the summary sent with it',
    (period) => {
      const next =
        period === '2021-12'
          ? '2022-01'
          : `${period.slice(0, 5)}${String(Number(period.slice(5)) + 1).padStart(2, '0')}`;
      const ref = reference(answers, registry, eventStart, new Date(`${next}-05T06:00:00+03:00`));
      const m = ref.month(period);
      const ytd = ref.yearToDate(period);
      const prev = ref.month(prevMonth(period));
      const label = monthLabel(period);
      const doc = ws
        .documents()
        .find(
          (d) => plain(d.name).endsWith(`за ${label} г.`) && !d.folderPath.endsWith('Шаблоны'),
        )!;
      const text = plain(doc.text());
      const got = {
        took: /приняли? участие (\d+) обучающ\S+ из (\d+) образовательн/.exec(text)?.slice(1, 3),
        coverage: /Охват составил (\S+ %) \((\d+) из (\d+) ОУ района\)/.exec(text)?.slice(1, 4),
        effectiveness: /результаты которых поступили\) составила (\S+ %)/.exec(text)?.[1],
        ytd: /С начала учебного года \(с 01\.09\.2021 по [\d.]+\) число участников чемпионатов — (\d+)/.exec(
          text,
        )?.[1],
        pipeline: /подано заявок на (\d+) /.exec(text)?.[1],
        absent: /не зафиксировано у (\d+) ОУ из (\d+)/.exec(text)?.slice(1, 3),
        awaited: [...text.matchAll(/Результаты мероприятия «(.+?)» ожидаются;/g)].map((x) => x[1]),
      };
      const pipelineTotal = Object.values(ref.pipeline(period)).reduce((a, b) => a + b, 0);
      expect(got).toEqual({
        took: [String(m.participants), String(m.schools)],
        coverage: [formatted(m.coverage), String(m.schools), String(registry.length)],
        effectiveness: m.effectiveness === '—' ? undefined : formatted(m.effectiveness),
        ytd: String(ytd.participants),
        pipeline: pipelineTotal ? String(pipelineTotal) : undefined,
        absent: m.absent.length ? [String(m.absent.length), String(registry.length)] : undefined,
        awaited: m.awaited.map((e) => e.replace(/«(.*)»/, '„$1“')),
      });
      // «подано заявок на 73 участника», «на 3 участников»: every «на N участник…» agrees with N.
      for (const [, n, word] of text.matchAll(/на (\d+) (участник[а-я]*)/g)) {
        const k = Number(n);
        const compoundFew = k > 20 && k % 10 >= 2 && k % 10 <= 4 && (k % 100 < 12 || k % 100 > 14);
        const one = k % 10 === 1 && k % 100 !== 11;
        expect(`на ${n} ${word}`).toBe(
          `на ${n} ${one || compoundFew ? 'участника' : 'участников'}`,
        );
      }
      // Winners and prize-winners as the text says them.
      const winners = /Победител(?:ем|ями) \(1 место\) стал[и]? (\d+)/.exec(text)?.[1] ?? '0';
      const prizes = /призёр(?:ом|ами) \(2–3 место\) стал[и]? (\d+)/.exec(text)?.[1] ?? '0';
      expect([winners, prizes]).toEqual([String(m.winners), String(m.prizeWinners)]);
      // Table 1: ОУ by type.
      const byType = doc.tables().find((t) => t[0]![0] === 'Тип ОУ' && t[0]![1] === 'Всего')!;
      expect(byType.slice(1, -1).map((r) => r.slice(1).map(plain))).toEqual(
        m.byType
          .filter((r) => r.total > 0)
          .map((r) => [String(r.total), String(r.taking), r.share.toFixed(1).replace('.', ',')]),
      );
      // The full rating (appendix when long, else the body's table).
      const ratings = doc.tables().filter((t) => t[0]![0] === 'ОУ' && t[0]![1] === 'Участников');
      const rating = ratings[ratings.length - 1]!;
      expect(
        Object.fromEntries(rating.slice(1).map((r) => [plain(r[0]!), r.slice(1, 5).map(plain)])),
      ).toEqual(
        Object.fromEntries(
          m.perSchool.map((s) => [
            s.school,
            [
              String(s.participants),
              String(s.winners),
              String(s.prizeWinners),
              typeof s.effectiveness === 'number'
                ? s.effectiveness.toFixed(1).replace('.', ',')
                : '—',
            ],
          ]),
        ),
      );
      // Dynamics table: the previous month and this one.
      const dyn = doc
        .tables()
        .find((t) => t[0]![0] === 'Показатель' && t[0]![1] === 'Прошлый период')!;
      const dynRow = (l: string) =>
        dyn
          .find((r) => r[0] === l)!
          .slice(1, 3)
          .map(plain);
      expect([
        dynRow('Участники, чел.'),
        dynRow('ОУ-участники'),
        dynRow('Победители'),
        dynRow('Призёры'),
      ]).toEqual([
        [String(prev.participants), String(m.participants)],
        [String(prev.schools), String(m.schools)],
        [String(prev.winners), String(m.winners)],
        [String(prev.prizeWinners), String(m.prizeWinners)],
      ]);
      // The summary sent that day.
      const mail = ws.outbox().find((x) => plain(x.subject).endsWith(`сводка за ${label} г.`))!;
      const line = (l: string): string =>
        plain(
          mail.body
            .split('\n')
            .find((x) => x.startsWith(l + ': '))!
            .slice(l.length + 2),
        );
      const s = OUTPUTS_RU.summary;
      expect({
        participants: line(s.participants),
        schools: line(s.schools),
        coverage: line(s.coverage),
        winners: line(s.winners),
        prizes: line(s.prizeWinners),
        effectiveness: line(s.effectiveness),
        ytd: line(s.yearToDate),
        registrations: line(s.registrations),
      }).toEqual({
        participants: String(m.participants),
        schools: `${m.schools} из ${registry.length}`,
        coverage: formatted(m.coverage),
        winners: String(m.winners),
        prizes: String(m.prizeWinners),
        effectiveness: formatted(m.effectiveness),
        ytd: String(ytd.participants),
        registrations: String(pipelineTotal),
      });
    },
  );

  test('the dashboard’s months and year to date', () => {
    const data = app.call('getDashboard');
    const months = ['2021-09', '2021-10', '2021-11', '2021-12', '2022-01', '2022-02'];
    expect(
      data.series.map((p: { period: string; participants: number }) => [p.period, p.participants]),
    ).toEqual(months.map((p) => [p, refNow.month(p).participants]));
    const y = refNow.yearToDate('2022-02');
    expect(data.year).toEqual({
      participants: y.participants,
      schoolsParticipating: y.schools,
      winners: y.winners,
      prizeWinners: y.prizeWinners,
    });
  });
});

const formatted = (x: number | string): string =>
  typeof x === 'number' ? x.toFixed(1).replace('.', ',') + ' %' : x;

function prevMonth(period: string): string {
  const [y, mo] = period.split('-').map(Number) as [number, number];
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}
void plain;
