/**
 * Closing a school year as plain data: ids standing for names are read back as the same
 * participants, the pseudonymisation plan covers every name of the year and nothing of the next
 * one, free text loses children's names but keeps adults', the archive reads back, and the next
 * year's dynamics come from it.
 */
import type { ChampionshipEvent } from '../../src/domain/model';
import { projectIntake, type RawForms, type ReferenceData } from '../../src/domain/intake';
import type { RawResponse } from '../../src/domain/responses';
import {
  DEFAULT_AGE_CATEGORIES,
  DEFAULT_COMPETENCIES,
  SAMPLE_EVENTS,
} from '../../src/domain/reference';
import { FORMS_RU } from '../../src/i18n/ru/forms';
import {
  closeAllowedFrom,
  closingPeriods,
  parseSchoolYear,
  periodsDueNotes,
  planPseudonymisation,
  sweepNames,
  withoutClosedYears,
  type PseudonymisationPlan,
} from '../../src/domain/yearClose';
import { placeholderId, pseudonymIn, pseudonymsIn } from '../../src/domain/pseudonym';
import { validateRegistration } from '../../src/domain/validation';
import { personMatchKey } from '../../src/domain/text/names';
import { archiveTables, computeYearFigures, readArchivedYear } from '../../src/domain/annual';
import { buildAnnualNote } from '../../src/domain/annualNote';
import { computeStatistics, type StatisticsInput } from '../../src/domain/statistics';
import { SCHOOLS, context } from './fixtures';

const Q = FORMS_RU.questions;
const SALT = 'соль';
const at = (iso: string): Date => new Date(`${iso}T12:00:00+03:00`);
const NEXT_YEAR_EVENT: ChampionshipEvent = {
  name: 'Районный отборочный этап KidSkills 2022',
  programme: 'KidSkills',
  level: 'районный',
  format: 'очный',
  start: at('2022-09-20'),
  end: at('2022-09-21'),
  registrationDeadline: at('2022-09-10'),
};
const reference: ReferenceData = {
  schools: SCHOOLS,
  competencies: [...DEFAULT_COMPETENCIES],
  events: [...SAMPLE_EVENTS, NEXT_YEAR_EVENT],
  ageCategories: [...DEFAULT_AGE_CATEGORIES],
};
const JUNIOR = SAMPLE_EVENTS[1]!.name; // 6 December 2021

function response(prefix: string, row: number, when: string, answers: Record<string, string>) {
  return {
    id: `${prefix}-${row}`,
    row,
    timestamp: at(when),
    answers,
    respondent: '',
  } as RawResponse;
}

function reg(row: number, when: string, children: string[][], extra: Record<string, string> = {}) {
  const answers: Record<string, string> = {
    [Q.school]: 'Школа № 47',
    [Q.event]: JUNIOR,
    [Q.competency]: 'Мобильная робототехника',
    [Q.ageCategory]: '10+',
    [Q.mentorName]: 'Петрова Анна Сергеевна',
    [Q.mentorEmail]: 'petrova@school.example',
    [Q.consent]: 'Да, согласие получено',
    ...extra,
  };
  const slots = [
    [Q.p1Surname, Q.p1Name, Q.p1Class],
    [Q.p2Surname, Q.p2Name, Q.p2Class],
  ];
  children.forEach(([surname, name], i) => {
    answers[slots[i]![0]!] = surname!;
    answers[slots[i]![1]!] = name!;
    answers[slots[i]![2]!] = '5А';
  });
  return response('REG', row, when, answers);
}

/** A small season: a team, a repeat, a child in two competencies, an order, results, a report. */
function season(): RawForms {
  return {
    registration: [
      reg(2, '2021-11-01', [
        ['Иванова', 'Мария'],
        ['Соколов', 'Пётр'],
      ]),
      reg(3, '2021-11-02', [['иванова ', 'мария']]), // a repeat of the same child
      reg(4, '2021-11-03', [['Орлова', 'Вера']], { [Q.competency]: 'Электроника' }),
      reg(5, '2021-11-03', [['Орлова', 'Вера']]),
      reg(6, '2021-11-04', [['Кузнецов1', 'Олег']]), // refused: not a name
      reg(7, '2022-05-20', [['Сентябрёва', 'Злата']], { [Q.event]: NEXT_YEAR_EVENT.name }),
    ],
    order: [
      response('ORD', 2, '2021-11-20', {
        [Q.school]: 'Школа № 47',
        [Q.orderNumber]: '12-ОД',
        [Q.orderDate]: '19.11.2021',
        [Q.event]: JUNIOR,
        [Q.orderParticipants]: 'Иванова Мария\nПётр Соколов\nОрлова Вера\nНеизвестная Ксения',
        [Q.orderFileLink]: 'https://drive.example/order12',
      }),
    ],
    report: [
      response('REP', 2, '2021-12-03', {
        [Q.school]: 'Школа № 47',
        [Q.month]: 'ноябрь 2021',
        [Q.sessions]: '4',
        [Q.pupils]: '12',
        [Q.mentors]: '2',
        [Q.eventsHeld]:
          'Тренировка команды: Иванова Мария и Соколов Пётр; вела Петрова Анна Сергеевна',
        [Q.contests]: '',
        [Q.difficulties]: 'нет',
        [Q.postRelease]: '',
        [Q.contact]: 'Иванова Мария Петровна',
      }),
    ],
    results: [
      response('RES', 2, '2021-12-10', {
        [Q.school]: 'Школа № 47',
        [Q.event]: JUNIOR,
        [Q.competency]: 'Мобильная робототехника',
        [Q.resultParticipant]: 'Мария Иванова',
        [Q.result]: 'Победитель (1 место)',
        [Q.score]: '91',
      }),
      response('RES', 3, '2021-12-10', {
        [Q.school]: 'Школа № 47',
        [Q.event]: JUNIOR,
        [Q.competency]: 'Мобильная робототехника',
        [Q.resultParticipant]: 'Незнакомов Иван',
        [Q.result]: 'Участник',
        [Q.score]: '40',
      }),
    ],
  };
}

/** The responses with the plan's cells written in (what the response sheets then hold). */
function applied(raw: RawForms, plan: PseudonymisationPlan): RawForms {
  const out = {} as RawForms;
  for (const kind of ['registration', 'order', 'report', 'results'] as const) {
    out[kind] = raw[kind].map((r) => {
      const answers = { ...r.answers };
      for (const c of plan.changes[kind]) if (c.row === r.row) answers[c.title] = c.value;
      return { ...r, answers };
    });
  }
  return out;
}

const options = { reportDeadlineDay: 5, salt: SALT };

describe('ids standing for names', () => {
  test('an id is read back in any case, a name or a mixed line is not', () => {
    expect(pseudonymIn(' p-0123456789 ')).toBe('P-0123456789');
    expect(pseudonymIn('Иванова')).toBeNull();
    expect(pseudonymIn('P-01234')).toBeNull();
    expect(pseudonymsIn('P-0123456789 N-ABCDEFGHJK')).toEqual(['P-0123456789', 'N-ABCDEFGHJK']);
    expect(pseudonymsIn('P-0123456789 Иванова')).toBeNull();
  });

  test('a placeholder is stable for the same ОУ and name, whatever the case, and salted', () => {
    const a = placeholderId(SALT, 'Школа № 47', 'Неизвестная Ксения');
    expect(a).toMatch(/^N-[0-9A-Z]{10}$/);
    expect(placeholderId(SALT, 'школа № 47', 'неизвестная  ксения')).toBe(a);
    expect(placeholderId('другая', 'Школа № 47', 'Неизвестная Ксения')).not.toBe(a);
  });

  test('a registration whose surname cell holds a P-id gives that participant, class kept; an N-id is refused', () => {
    const id = 'P-ABCDEFGHJK';
    const ok = validateRegistration(
      reg(2, '2021-11-01', [[id, id]]).answers,
      context(at('2021-11-01')),
    );
    expect(ok.ok).toBe(true);
    expect(ok.draft.children).toEqual([{ surname: id, name: '', classOrGroup: '5А', id }]);
    const refused = validateRegistration(
      reg(2, '2021-11-01', [['N-ABCDEFGHJK', 'N-ABCDEFGHJK']]).answers,
      context(at('2021-11-01')),
    );
    expect(refused.ok).toBe(false);
    expect(refused.issues.map((i) => i.rule)).toContain('name-removed');
  });
});

describe('the pseudonymisation plan', () => {
  const raw = season();
  const plan = planPseudonymisation(raw, reference, SALT, 2021);
  const before = projectIntake(raw, reference, options);
  const after = projectIntake(applied(raw, plan), reference, options);

  test('a projection of the pseudonymised responses gives the same participants, orders and results', () => {
    expect(
      after.participants.map((p) => [p.id, p.team, p.orderStatus, p.result, p.classOrGroup]),
    ).toEqual(
      before.participants.map((p) => [p.id, p.team, p.orderStatus, p.result, p.classOrGroup]),
    );
    expect(after.orders.map((o) => [o.matched, o.unmatched.length])).toEqual(
      before.orders.map((o) => [o.matched, o.unmatched.length]),
    );
    expect(after.results.map((r) => [r.participantId, r.result])).toEqual(
      before.results.map((r) => [r.participantId, r.result]),
    );
    // The fixture covers what matters: a matched order line of a child in two competencies.
    expect(before.orders[0]!.matched).toBe(4);
    expect(before.results.filter((r) => r.participantId !== '')).toHaveLength(1);
  });

  test('no name of the year is left in the year’s responses; the next year’s registration and adults are kept', () => {
    const text = JSON.stringify(applied(raw, plan).registration.slice(0, 5));
    for (const name of ['Иванова', 'Соколов', 'Орлова', 'Кузнецов1', 'иванова']) {
      expect(text).not.toContain(name);
    }
    const rest = JSON.stringify([applied(raw, plan).order, applied(raw, plan).results]);
    for (const name of ['Иванова', 'Соколов', 'Орлова', 'Неизвестная', 'Незнакомов']) {
      expect(rest).not.toContain(name);
    }
    const report = applied(raw, plan).report[0]!.answers;
    expect(report[Q.eventsHeld]).toMatch(
      /^Тренировка команды: P-\w{10} и P-\w{10}; вела Петрова Анна Сергеевна$/,
    );
    expect(report[Q.contact]).toBe('Иванова Мария Петровна');
    expect(applied(raw, plan).registration[5]!.answers[Q.p1Surname]).toBe('Сентябрёва');
    expect(applied(raw, plan).registration[0]!.answers[Q.p1Class]).toBe('5А');
    expect(plan.responses).toEqual({ registration: 5, order: 1, report: 1, results: 2 });
  });

  test('a plan made again over the pseudonymised responses has nothing left to change', () => {
    const again = planPseudonymisation(applied(raw, plan), reference, SALT, 2021);
    expect(again.changes).toEqual({ registration: [], order: [], report: [], results: [] });
  });

  test('a closed year’s responses leave the projection; the next year’s stay', () => {
    const open = projectIntake(raw, reference, { ...options, closedYears: [2021] });
    expect(open.participants.map((p) => p.surname)).toEqual(['Сентябрёва']);
    expect(withoutClosedYears(raw, reference.events, [2021]).report).toEqual([]);
  });
});

describe('names in free text', () => {
  const names = new Map([
    [personMatchKey('Иванова', 'Мария'), 'P-1111111111'],
    [personMatchKey('Соколов', 'Пётр'), 'P-2222222222'],
  ]);
  test('a pair in either order becomes its id; a pair followed by a patronymic is an adult and stays', () => {
    expect(sweepNames('Мария Иванова и СОКОЛОВ Петр — призёры', names)).toBe(
      'P-1111111111 и P-2222222222 — призёры',
    );
    expect(sweepNames('наставник Иванова Мария Петровна', names)).toBe(
      'наставник Иванова Мария Петровна',
    );
    expect(sweepNames('Иванова пришла', names)).toBe('Иванова пришла');
  });
});

describe('when a year may be closed', () => {
  test('school years as staff type them', () => {
    expect(parseSchoolYear('2021/2022')).toBe(2021);
    expect(parseSchoolYear('2021-22')).toBe(2021);
    expect(parseSchoolYear('2021/2022 учебный год')).toBe(2021);
    expect(parseSchoolYear('2021')).toBe(2021);
    expect(parseSchoolYear('2021/2023')).toBeNull();
    expect(parseSchoolYear('прошлый')).toBeNull();
  });

  test('from 1 June Moscow time; notes due for every month that has ended', () => {
    expect(closeAllowedFrom(2021).toISOString()).toBe('2022-05-31T21:00:00.000Z');
    expect(periodsDueNotes(2021, at('2022-06-02'))).toEqual([
      '2021-09',
      '2021-10',
      '2021-11',
      '2021-12',
      '2022-01',
      '2022-02',
      '2022-03',
      '2022-04',
      '2022-05',
    ]);
    expect(periodsDueNotes(2021, at('2022-09-10'))).toHaveLength(12);
    expect(closingPeriods(2021, at('2022-06-02'), ['2022-06']).slice(-1)).toEqual(['2022-06']);
  });
});

describe('the archive and the next year', () => {
  const raw = season();
  const projection = projectIntake(raw, reference, options);
  const input: StatisticsInput = {
    schools: SCHOOLS,
    events: reference.events,
    participants: projection.participants,
    results: projection.results,
    reports: projection.reports,
    orders: projection.orders,
  };
  const periods = closingPeriods(2021, at('2022-06-02'), []);
  const year = computeYearFigures(input, 2021, periods);
  const tables = archiveTables(year);
  const values = (name: string) =>
    tables.filter((t) => t.name === name).flatMap((t) => [t.header, ...t.rows]);

  test('the archive’s year equals the statistics of its last month; no name is in it', () => {
    const stats = computeStatistics(input, '2022-05');
    expect(year.year).toEqual(stats.yearToDate);
    expect(year.year.participants).toBe(4);
    const text = JSON.stringify(tables);
    for (const name of ['Иванова', 'Соколов', 'Орлова', 'Сентябрёва'])
      expect(text).not.toContain(name);
    expect(text).toContain(projection.participants[0]!.id);
  });

  test('read back, it gives the next year its «same period last year» and the month before September', () => {
    const archived = readArchivedYear(values('Год'), values('Месяцы'))!;
    expect(archived.schoolYear).toBe(2021);
    expect(archived.year).toEqual(year.year);
    const next: StatisticsInput = {
      ...input,
      participants: [],
      results: [],
      reports: [],
      orders: [],
      previousYear: archived,
    };
    const december = computeStatistics(next, '2022-12');
    expect(december.previousYearToDate).toEqual(computeStatistics(input, '2021-12').yearToDate);
    const september = computeStatistics(next, '2022-09');
    expect(september.previousMonth.participants).toBe(0);
    expect(
      computeStatistics({ ...next, previousYear: null }, '2022-12').previousYearToDate.participants,
    ).toBe(0);
  });

  test('the annual note: numbered sections, the year by month as table and chart, the comparison when an archive exists', () => {
    const settings = {
      districtName: 'Невского',
      centreName: 'Районный опорный центр',
      signaturePosition: 'Руководитель',
      signatureName: 'Е. В. Французан',
    };
    const note = buildAnnualNote(year, settings, 'Архив 2021/2022', null, at('2022-06-02'));
    expect(note.title).toContain('Невского района');
    expect(note.title.endsWith('за 2021/2022 учебный год')).toBe(true);
    expect(note.sections.map((s) => s.heading)).toEqual([
      '1. Основание',
      '2. Цель',
      '3. Отчётный период',
      '4. Источники данных',
      '5. Участие по месяцам',
      '6. Мероприятия и их результаты',
      '7. Подготовка участников',
      '8. Рейтинг ОУ за учебный год',
      '9. Исполнительская дисциплина',
      '10. Сравнение с прошлым учебным годом',
    ]);
    const byMonth = note.sections[4]!.blocks;
    expect(byMonth.some((b) => b.type === 'chart')).toBe(true);
    const table = byMonth.find((b) => b.type === 'table');
    expect(table && table.type === 'table' && table.rows.slice(-1)[0]!.slice(0, 2)).toEqual([
      'За учебный год',
      '4',
    ]);
    expect(JSON.stringify(note.sections[9])).toContain(
      'Архива прошлого учебного года в сервисе нет',
    );
    const archived = readArchivedYear(values('Год'), values('Месяцы'));
    const compared = buildAnnualNote(year, settings, 'Архив 2021/2022', archived, at('2022-06-02'));
    expect(JSON.stringify(compared.sections[9])).toContain('Показатели 2021/2022 и 2021/2022');
    expect(compared.conclusions.join(' ')).toContain('не изменилось');
    expect(note.conclusions[0]!.replace(/\u00a0/g, ' ')).toBe(
      'За 2021/2022 учебный год в чемпионатах приняли участие 4 обучающихся из 1 ОУ района; охват составил 12,5 %.',
    );
  });
});
