import { computeStatistics, listWinners } from '../../src/domain/statistics';
import { DISTRICT, EMPTY_DISTRICT } from './district.fixture';

describe('computeStatistics on the hand-built district, October 2021', () => {
  const s = computeStatistics(DISTRICT, '2021-10');

  it('counts participants of the month on the Moscow calendar, once per id', () => {
    // p1 (twice), p2, p3, p4, p5, p6 (October events), p8 (an event not in «Мероприятия»,
    // registered 01.10 00:30 MSK); p7 is of a November event.
    expect(s.month.participants).toBe(7);
    expect(s.month.schoolsParticipating).toBe(4);
    expect(s.schoolsTotal).toBe(6);
    expect(s.month.coveragePercent).toBe(66.7);
  });

  it('takes each participant’s best result, results rows over the participant column', () => {
    // p1 winner; p2 (2nd beats «Участник») and p4 (3rd) prize-winners; p5 medallion.
    expect(s.month.winners).toBe(1);
    expect(s.month.prizeWinners).toBe(2);
    expect(s.month.medallions).toBe(1);
    expect(s.month.medalsConfirmed).toBe(3);
    // p8's event has no results yet: it is left out of the denominator (3 / 6, not 3 / 7).
    expect(s.month.participantsWithResults).toBe(6);
    expect(s.month.effectivenessPercent).toBe(50);
    expect(s.resultsAnalysis.awaiting.map((e) => e.event)).toEqual(['Неизвестное событие']);
  });

  it('computes the previous month, year to date and the same span a year ago', () => {
    expect(s.previousMonth).toEqual({
      participants: 4,
      schoolsParticipating: 2,
      coveragePercent: 33.3,
      winners: 1,
      prizeWinners: 1,
      medallions: 0,
      medalsConfirmed: 2,
      participantsWithResults: 4,
      effectivenessPercent: 50,
    });
    expect(s.yearToDate).toEqual({
      participants: 11,
      schoolsParticipating: 5,
      coveragePercent: 83.3,
      winners: 2,
      prizeWinners: 3,
      medallions: 1,
      medalsConfirmed: 5,
      participantsWithResults: 10,
      effectivenessPercent: 50,
    });
    expect(s.previousYearToDate.participants).toBe(1);
    expect(s.previousYearToDate.schoolsParticipating).toBe(1);
  });

  it('builds the month-on-month table', () => {
    const byKey = Object.fromEntries(s.monthOnMonth.map((r) => [r.indicator, r]));
    expect(byKey.participants).toMatchObject({
      previous: 4,
      current: 7,
      change: 3,
      changePercent: 75,
    });
    expect(byKey.schoolsParticipating).toMatchObject({ change: 2, changePercent: 100 });
    expect(byKey.coveragePercent).toMatchObject({
      previous: 33.3,
      current: 66.7,
      change: 33.4,
      changePercent: null,
    });
    expect(byKey.winners).toMatchObject({ change: 0, changePercent: 0 });
    expect(byKey.effectivenessPercent).toMatchObject({ previous: 50, current: 50, change: 0 });
    const yoy = s.yearOnYear.find((r) => r.indicator === 'participants')!;
    expect(yoy).toMatchObject({ previous: 1, current: 11, change: 10, changePercent: 1000 });
  });

  it('breaks the month down by ОУ type', () => {
    expect(s.bySchoolType).toEqual([
      { type: 'ДОУ', total: 2, participating: 1, sharePercent: 50, participants: 2 },
      { type: 'школа', total: 3, participating: 3, sharePercent: 100, participants: 5 },
      { type: 'ДО', total: 1, participating: 0, sharePercent: 0, participants: 0 },
    ]);
  });

  it('breaks the month down by competency, age category and event level', () => {
    expect(s.byCompetency.map((r) => [r.label, r.count])).toEqual([
      ['Электроника', 3],
      ['Мобильная робототехника', 2],
      ['Сити-фермерство', 2],
    ]);
    expect(s.byCompetency[0]!.sharePercent).toBe(42.9);
    expect(s.competencyByAge).toEqual({
      columns: ['5–7 лет', '10+', '14+'],
      rows: [
        { label: 'Электроника', counts: [0, 0, 3], total: 3 },
        { label: 'Мобильная робототехника', counts: [0, 2, 0], total: 2 },
        { label: 'Сити-фермерство', counts: [2, 0, 0], total: 2 },
      ],
      columnTotals: [2, 2, 3],
      total: 7,
    });
    expect(s.byEventLevel.map((r) => [r.label, r.count])).toEqual([
      ['районный', 2],
      ['городской/региональный', 4],
      ['не указано', 1],
    ]);
  });

  it('rates ОУ by participants, then medals, then name', () => {
    expect(
      s.ratingMonth.map((r) => [
        r.key,
        r.participants,
        r.winners,
        r.prizeWinners,
        r.effectivenessPercent,
      ]),
    ).toEqual([
      ['ШКОЛА-47', 3, 1, 1, 66.7],
      ['ДОУ-21', 2, 0, 0, 0],
      ['ШКОЛА-51', 1, 0, 1, 100],
      ['ШКОЛА-116', 1, 0, 0, null], // its only event's results are not in
    ]);
    expect(s.ratingMonth[0]!.name).toBe('ГБОУ СОШ № 47');
    expect(s.ratingYearToDate[0]).toMatchObject({ key: 'ШКОЛА-47', participants: 5, winners: 2 });
  });

  it('lists ОУ without participation in Russian order', () => {
    expect(s.schoolsWithoutParticipation.map((r) => r.name)).toEqual([
      'ГБДОУ № 106',
      'ЦДЮТТ «Охта»',
    ]);
  });

  it('reports executive discipline', () => {
    const d = s.discipline;
    expect(d.reportsExpected).toBe(6);
    expect(d.reportsReceived).toBe(4); // 47, 51, ДОУ-21, Охта; ШКОЛА-999 is not in the registry
    expect(d.reportsReceivedPercent).toBe(66.7);
    expect(d.reportsOnTime).toBe(3);
    expect(d.lateReports.map((r) => r.key)).toEqual(['ШКОЛА-51']);
    expect(d.missingReports.map((r) => r.name)).toEqual(['ГБДОУ № 106', 'ГБОУ гимназия № 116']);
    expect(d.ordersReceived).toBe(2);
    expect(d.participantsWithoutOrder).toBe(3);
    expect(d.schoolsWithoutOrders.map((r) => [r.name, r.participants])).toEqual([
      ['ГБДОУ № 21', 1],
      ['ГБОУ СОШ № 47', 1],
      ['ГБОУ СОШ № 51', 1],
    ]);
  });

  it('gives the school-year series through the month and data-quality counts', () => {
    expect(s.series).toEqual([
      {
        period: '2021-09',
        participants: 4,
        schoolsParticipating: 2,
        winners: 1,
        prizeWinners: 1,
        registrations: 4,
      },
      {
        period: '2021-10',
        participants: 7,
        schoolsParticipating: 4,
        winners: 1,
        prizeWinners: 2,
        registrations: 7, // p7 registered 01.11 MSK
      },
    ]);
    expect(s.dataQuality).toEqual({ participantsOutsideRegistry: 0, resultsWithoutParticipant: 1 });
    expect(s.schoolYear).toBe(2021);
    expect(s.previousPeriod).toBe('2021-09');
  });

  it('is deterministic regardless of row order', () => {
    const shuffled = {
      ...DISTRICT,
      schools: [...DISTRICT.schools].reverse(),
      participants: [...DISTRICT.participants].reverse(),
      reports: [...DISTRICT.reports].reverse(),
    };
    const again = computeStatistics(shuffled, '2021-10');
    expect(again.ratingMonth).toEqual(s.ratingMonth);
    expect(again.discipline).toEqual(s.discipline);
    expect(again.byCompetency).toEqual(s.byCompetency);
    expect(again.month).toEqual(s.month);
  });
});

describe('computeStatistics edge cases', () => {
  it('gives zeros and nulls for an empty month', () => {
    const s = computeStatistics(EMPTY_DISTRICT, '2021-12');
    expect(s.month).toEqual({
      participants: 0,
      schoolsParticipating: 0,
      coveragePercent: 0,
      winners: 0,
      prizeWinners: 0,
      medallions: 0,
      medalsConfirmed: 0,
      participantsWithResults: 0,
      effectivenessPercent: null,
    });
    expect(s.schoolsWithoutParticipation).toHaveLength(6);
    expect(s.discipline.missingReports).toHaveLength(6);
    expect(s.monthOnMonth.find((r) => r.indicator === 'participants')!.changePercent).toBeNull();
  });

  it('rejects a malformed period', () => {
    expect(() => computeStatistics(DISTRICT, '10.2021')).toThrow(/ГГГГ-ММ/);
  });
});

describe('listWinners', () => {
  it('lists winners first, then prize-winners, with names', () => {
    const list = listWinners(DISTRICT, '2021-10');
    expect(list.map((w) => [w.participantId, w.result, w.schoolName])).toEqual([
      ['p1', 'Победитель (1 место)', 'ГБОУ СОШ № 47'],
      ['p2', 'Призёр (2 место)', 'ГБОУ СОШ № 47'],
      ['p4', 'Призёр (3 место)', 'ГБОУ СОШ № 51'],
    ]);
    expect(listWinners(DISTRICT, '2021-10', 'yearToDate')).toHaveLength(5);
  });
});
