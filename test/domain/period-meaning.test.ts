/**
 * «What a period's figures mean» (DOMAIN.md) on a small season where the two readings differ: a
 * September registration for a November event, results for that event entered in December, a
 * late registration without a mentor, an event nobody dated. Every month's figures are compared
 * with an independent count by event date written here from the raw rows alone.
 */
import { computeStatistics, type StatisticsInput } from '../../src/domain/statistics';
import { buildMonthlyNote } from '../../src/domain/note';
import { documentText } from '../../src/domain/document';
import { undatedEventIssues } from '../../src/domain/intake';
import type {
  ChampionshipEvent,
  Participant,
  ParticipantResult,
  ResultKind,
} from '../../src/domain/model';
import { NBSP } from '../../src/domain/text';
import { msk, SCHOOLS } from './district.fixture';

const NOV = 'Районный этап KidSkills';
const DEC = 'Региональный отборочный этап JuniorSkills';
const SEP = 'Сентябрьский турнир';
const FEST = 'Фестиваль «Мы – команда»';

function event(name: string, start: Date | null, deadline: Date | null = null): ChampionshipEvent {
  return {
    name,
    programme: '',
    level: 'районный',
    format: 'очный',
    start,
    end: start,
    registrationDeadline: deadline,
  };
}

const EVENTS: ChampionshipEvent[] = [
  event(NOV, msk(2021, 11, 15), msk(2021, 11, 1, 0, 0)),
  event(DEC, msk(2021, 12, 6)),
  event(SEP, msk(2021, 9, 25)),
  event(FEST, null), // nobody filled the date in
];

function participant(
  id: string,
  schoolKey: string,
  eventName: string,
  registeredAt: Date,
  extra: Partial<Participant> = {},
): Participant {
  return {
    id,
    surname: 'Фамилия',
    name: id,
    schoolKey,
    classOrGroup: '',
    ageCategory: '10+',
    competency: 'Мобильная робототехника',
    event: eventName,
    team: '',
    mentor: 'Петрова Анна Сергеевна',
    consent: true,
    registeredAt,
    orderStatus: 'нет',
    result: '',
    sourceResponseId: 'REG-' + id,
    ...extra,
  };
}

const PARTICIPANTS: Participant[] = [
  // Registered in September for the November event.
  participant('a1', 'ШКОЛА-47', NOV, msk(2021, 9, 20)),
  participant('a2', 'ШКОЛА-47', NOV, msk(2021, 9, 20)),
  participant('a3', 'ДОУ-21', NOV, msk(2021, 10, 10)),
  // After the registration deadline (1 November), no mentor named.
  participant('a4', 'ШКОЛА-51', NOV, msk(2021, 11, 3), { mentor: '' }),
  participant('b1', 'ШКОЛА-47', DEC, msk(2021, 10, 25)),
  participant('c1', 'ДОУ-106', FEST, msk(2021, 10, 5)),
  participant('d1', 'ШКОЛА-51', SEP, msk(2021, 9, 5), { orderStatus: 'есть' }),
];

function result(id: string, kind: ResultKind, at: Date, confirmed: boolean): ParticipantResult {
  const p = PARTICIPANTS.find((x) => x.id === id)!;
  return {
    participantId: id,
    schoolKey: p.schoolKey,
    event: p.event,
    competency: p.competency,
    participantName: id,
    result: kind,
    score: null,
    confirmed,
    confirmedAs: '',
    submittedAt: at,
    sourceResponseId: 'RES-' + id,
  };
}

const RESULTS: ParticipantResult[] = [
  result('a1', 'Победитель (1 место)', msk(2021, 12, 2), false), // entered in December
  result('a2', 'Призёр (2 место)', msk(2021, 11, 20), true),
  result('a3', 'Участник', msk(2021, 12, 3), false),
  result('d1', 'Призёр (3 место)', msk(2021, 9, 28), true),
];

const SEASON: StatisticsInput = {
  schools: SCHOOLS,
  participants: PARTICIPANTS,
  results: RESULTS,
  reports: [],
  orders: [],
  events: EVENTS,
};

/** The independent count: month of the event's start, else of the registration; raw rows only. */
function countByEventDate(period: string): {
  participants: number;
  schools: number;
  winners: number;
  prizeWinners: number;
} {
  const monthOf = (d: Date): string => new Date(d.getTime() + 3 * 3600e3).toISOString().slice(0, 7);
  const mine = PARTICIPANTS.filter((p) => {
    const e = EVENTS.find((x) => x.name === p.event);
    return monthOf(e && e.start ? e.start : p.registeredAt) === period;
  });
  const kinds = mine.map((p) => RESULTS.find((r) => r.participantId === p.id)?.result);
  return {
    participants: mine.length,
    schools: new Set(mine.map((p) => p.schoolKey)).size,
    winners: kinds.filter((k) => k === 'Победитель (1 место)').length,
    prizeWinners: kinds.filter((k) => k === 'Призёр (2 место)' || k === 'Призёр (3 место)').length,
  };
}

const SETTINGS = {
  districtName: 'Невского',
  centreName: 'Опорный центр',
  signaturePosition: 'Руководитель опорного центра',
  signatureName: 'Е.В. Французан',
  nameWinners: false,
};

function plain(s: string): string {
  return s.split(NBSP).join(' ');
}

describe('figures of a period belong to the events that start in it', () => {
  test.each(['2021-09', '2021-10', '2021-11', '2021-12'])(
    '%s equals the independent count by event date',
    (period) => {
      const s = computeStatistics(SEASON, period);
      const expected = countByEventDate(period);
      expect({
        participants: s.month.participants,
        schools: s.month.schoolsParticipating,
        winners: s.month.winners,
        prizeWinners: s.month.prizeWinners,
      }).toEqual(expected);
      expect(s.month.coveragePercent).toBe(
        Math.round((expected.schools / SCHOOLS.length) * 1000) / 10,
      );
    },
  );

  test('a September registration for a November event is November’s participant, September’s registration', () => {
    const september = computeStatistics(SEASON, '2021-09');
    expect(september.month.participants).toBe(1); // d1 of the September tournament only
    expect(september.registrations).toEqual({
      participants: 3,
      schools: 2,
      byEventPeriod: [
        { period: '2021-09', participants: 1 },
        { period: '2021-11', participants: 2 },
      ],
    });
    const november = computeStatistics(SEASON, '2021-11');
    expect(november.month.participants).toBe(4);
    expect(november.registrations.participants).toBe(1); // a4, late
    expect(november.series.map((p) => [p.period, p.participants, p.registrations])).toEqual([
      ['2021-09', 1, 3],
      ['2021-10', 1, 3],
      ['2021-11', 4, 1],
    ]);
  });

  test('December results for a November event count in November and are reported in December', () => {
    const november = computeStatistics(SEASON, '2021-11');
    expect(november.month).toMatchObject({
      winners: 1,
      prizeWinners: 1,
      medalsConfirmed: 1, // a2 ticked, a1 not yet: it still counts
      participantsWithResults: 4,
      effectivenessPercent: 50,
    });
    const december = computeStatistics(SEASON, '2021-12');
    expect(december.lateResults).toEqual([
      {
        event: NOV,
        period: '2021-11',
        participants: 2,
        winners: 1,
        prizeWinners: 0,
        medallions: 0,
      },
    ]);
    // December's own event has no results yet: «—», never 0 %.
    expect(december.month.effectivenessPercent).toBeNull();
    expect(december.resultsAnalysis.awaiting.map((e) => e.event)).toEqual([DEC]);
    // The year to date includes the late results.
    expect(december.yearToDate.winners).toBe(1);
    expect(december.yearToDate.prizeWinners).toBe(2);
  });

  test('an event without a date counts by registration, is named and is queued for staff', () => {
    const october = computeStatistics(SEASON, '2021-10');
    expect(october.month.participants).toBe(1);
    expect(october.undatedEvents).toEqual([{ name: FEST, participants: 1 }]);
    expect(october.month.effectivenessPercent).toBeNull();
    const note = buildMonthlyNote(october, SETTINGS, msk(2021, 11, 5));
    const sources = note.sections.find((s) => s.heading.endsWith('Источники данных'))!;
    expect(documentText({ ...note, sections: [sources] }).map(plain)).toContain(
      // Quotes inside «…» nest as „…“: «Фестиваль „Мы – команда“», never «…»».
      'У мероприятия «Фестиваль „Мы – команда“» (1 участник) не указана дата начала, поэтому его участники учтены по дате регистрации.',
    );
    const issues = undatedEventIssues(EVENTS);
    expect(issues.map((i) => [i.form, i.field, i.value])).toEqual([
      ['Мероприятия', 'Дата начала', FEST],
    ]);
    expect(issues[0]!.suggestion).toContain('ДД.ММ.ГГГГ');
    expect(undatedEventIssues(EVENTS)[0]!.key).toBe(issues[0]!.key); // stable across rebuilds
  });

  test('orders are owed at the end of October for events started or within 14 days only', () => {
    const october = computeStatistics(SEASON, '2021-10');
    // a1, a2, a3: the November event starts 14 days after 1 November; c1: undated, registered.
    // b1's event is in December; a4 registered only in November; d1 has its order.
    expect(october.discipline.participantsWithoutOrder).toBe(4);
    expect(october.discipline.schoolsWithoutOrders.map((s) => [s.key, s.participants])).toEqual([
      ['ШКОЛА-47', 2],
      ['ДОУ-21', 1], // «ГБДОУ № 21» before «ГБДОУ № 106»: numbers compare as numbers
      ['ДОУ-106', 1],
    ]);
  });

  test('the note words November by event date and says what was confirmed', () => {
    const note = buildMonthlyNote(computeStatistics(SEASON, '2021-11'), SETTINGS, msk(2021, 12, 5));
    const text = documentText(note).map(plain);
    expect(text).toContain(
      'В отчётном периоде в чемпионатах приняли участие 4 обучающихся из 3 образовательных учреждений. Охват составил 50,0 % (3 из 6 ОУ района).',
    );
    expect(text.join('\n')).toContain('Из них подтверждено сотрудниками центра 1.');
    expect(text).toContain(
      'В отчётном периоде подано заявок на 1 участника (на мероприятия ноября 2021 г.).',
    );
    const december = buildMonthlyNote(
      computeStatistics(SEASON, '2021-12'),
      SETTINGS,
      msk(2022, 1, 5),
    );
    expect(documentText(december).map(plain)).toContain(`«${NOV}» (ноябрь 2021): 1 победитель`);
  });

  test('the results analysis hypothesises, never judges', () => {
    const november = computeStatistics(SEASON, '2021-11');
    const [analysis] = november.resultsAnalysis.events;
    expect(analysis!.event).toBe(NOV);
    expect(analysis!.withoutPlace).toBe(2); // a3 «Участник», a4 no result
    expect(analysis!.hypotheses.map((h) => [h.kind, h.participants])).toEqual([
      ['noReports', 2],
      ['noMentor', 1],
      ['lateRegistration', 1],
      ['newCompetency', 1], // a3: the first robotics entry of ДОУ-21
    ]);
    const note = buildMonthlyNote(november, SETTINGS, msk(2021, 12, 5));
    const analysisText = documentText({
      ...note,
      sections: note.sections.filter((s) => s.heading.endsWith('Анализ результатов')),
      conclusions: [],
      recommendations: [],
      appendices: [],
    })
      .map(plain)
      .join('\n');
    expect(analysisText).toContain('возможно');
    expect(analysisText).not.toMatch(/виноват|плохо|неудовлетворительн|слаб[аоы]я? школ/i);
  });
});

describe('achievements of an event', () => {
  test('growth on the same event a year before, and a first medal of an ОУ', () => {
    const y2020 = 'Районный этап KidSkills 2020';
    const y2021 = 'Районный этап KidSkills 2021';
    const events = [event(y2020, msk(2020, 11, 16)), event(y2021, msk(2021, 11, 15))];
    const participants = [
      participant('o1', 'ШКОЛА-47', y2020, msk(2020, 10, 1)),
      participant('o2', 'ШКОЛА-51', y2020, msk(2020, 10, 1)),
      participant('n1', 'ШКОЛА-47', y2021, msk(2021, 10, 1)),
      participant('n2', 'ДОУ-21', y2021, msk(2021, 10, 1)),
    ];
    const kind = (id: string): ResultKind =>
      id === 'o2' ? 'Участник' : id === 'n2' ? 'Призёр (3 место)' : 'Победитель (1 место)';
    const results = participants.map((p) => ({
      participantId: p.id,
      schoolKey: p.schoolKey,
      event: p.event,
      competency: p.competency,
      participantName: p.id,
      result: kind(p.id),
      score: null,
      confirmed: false,
      confirmedAs: '',
      submittedAt: p.registeredAt,
      sourceResponseId: 'RES-' + p.id,
    }));
    const stats = computeStatistics(
      { schools: SCHOOLS, participants, results, reports: [], orders: [], events },
      '2021-11',
    );
    const [analysis] = stats.resultsAnalysis.events;
    expect(analysis!.achievements).toEqual([
      { kind: 'firstMedal', schools: [expect.objectContaining({ key: 'ДОУ-21' })] },
      { kind: 'growth', previousEvent: y2020, previousMedals: 1, medals: 2 },
    ]);
    const note = buildMonthlyNote(stats, SETTINGS, msk(2021, 12, 5));
    expect(documentText(note).map(plain)).toContain(
      `рост по сравнению с мероприятием прошлого года «${y2020}»: призовых мест — 2, годом ранее — 1;`,
    );
  });
});
