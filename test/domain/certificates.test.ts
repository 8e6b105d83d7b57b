/** The certificate plan of an event: which documents, which pages, what each field says. */
import {
  certificateFields,
  fillUnit,
  formatEventDate,
  planCertificates,
  unitFingerprint,
  type CertificateInput,
  type CertificatePlan,
  type CertificateUnit,
} from '../../src/domain/certificates';
import type {
  ChampionshipEvent,
  Participant,
  ParticipantResult,
  ResultKind,
} from '../../src/domain/model';
import { parseTemplate } from '../../src/domain/template';
import { moscowMidnight, NBSP } from '../../src/domain/text';
import { SCHOOLS } from './fixtures';

const EVENT = 'Районный отборочный этап KidSkills';

function event(start: Date, end: Date | null): ChampionshipEvent {
  return {
    name: EVENT,
    programme: 'KidSkills',
    level: 'районный',
    format: 'очный',
    start,
    end,
    registrationDeadline: null,
  };
}

const THIS_YEAR = event(moscowMidnight(2021, 11, 15), moscowMidnight(2021, 11, 19));
const LAST_YEAR = event(moscowMidnight(2020, 11, 16), moscowMidnight(2020, 11, 20));

let nextId = 0;
function child(
  surname: string,
  name: string,
  schoolKey: string,
  mentor: string,
  extra: Partial<Participant> = {},
): Participant {
  nextId++;
  return {
    id: `P-${surname}-${name}-${nextId}`,
    surname,
    name,
    schoolKey,
    classOrGroup: '3 «А»',
    ageCategory: '8–10 лет',
    competency: 'Сити-фермерство',
    event: EVENT,
    team: '',
    mentor,
    consent: true,
    registeredAt: new Date('2021-10-20T10:00:00+03:00'),
    orderStatus: 'есть',
    result: '',
    sourceResponseId: `REG-${nextId}`,
    ...extra,
  };
}

function result(p: Participant, kind: ResultKind, confirmed: boolean): ParticipantResult {
  return {
    participantId: p.id,
    schoolKey: p.schoolKey,
    event: p.event,
    competency: p.competency,
    participantName: `${p.surname} ${p.name}`,
    result: kind,
    score: 90,
    confirmed,
    submittedAt: new Date('2021-11-20T10:00:00+03:00'),
    sourceResponseId: `RES-${p.id}`,
  };
}

const orlova = child('Орлова', 'Ирина', 'ШКОЛА-47', 'Кузьмич Олег Иванович');
const sorokin = child('Сорокин', 'Илья', 'ШКОЛА-47', 'Кузьмич Олег Иванович');
const belykh = child('Белых', 'Саша', 'ШКОЛА-47', 'Кузьмич Олег Иванович');
const kozlova = child('Козлова', 'Анна', 'ШКОЛА-47', 'Орлова Ирина Петровна');
const petrov = child('Петров', 'Глеб', 'ДОУ-21', 'Смирнова Анна Сергеевна');
const noConsent = child('Тихонов', 'Марк', 'ДОУ-21', 'Смирнова Анна Сергеевна', {
  consent: false,
});
const lastYear = child('Старова', 'Вера', 'ШКОЛА-47', 'Кузьмич Олег Иванович', {
  registeredAt: new Date('2020-10-20T10:00:00+03:00'),
});

function input(overrides: Partial<CertificateInput> = {}): CertificateInput {
  return {
    eventName: EVENT,
    events: [LAST_YEAR, THIS_YEAR],
    schools: SCHOOLS,
    participants: [orlova, sorokin, belykh, kozlova, petrov, noConsent, lastYear],
    results: [
      result(orlova, 'Победитель (1 место)', true),
      result(sorokin, 'Призёр (2 место)', false),
      result(kozlova, 'Медальон за профессионализм', true),
      result(petrov, 'Призёр (3 место)', true),
      { ...result(orlova, 'Участник', true), participantId: '', participantName: 'Орлова Ира' },
    ],
    signaturePosition: 'Руководитель опорного центра',
    signatureName: 'Е. В. Николаева',
    issuedOn: new Date('2021-11-25T10:00:00+03:00'),
    ...overrides,
  };
}

function plan(overrides: Partial<CertificateInput> = {}): CertificatePlan {
  const outcome = planCertificates(input(overrides));
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.plan;
}

function unit(p: CertificatePlan, schoolKey: string, kind: CertificateUnit['kind']) {
  const found = p.units.find((u) => u.schoolKey === schoolKey && u.kind === kind);
  if (!found) throw new Error(`no ${kind} for ${schoolKey}`);
  return found;
}

describe('planCertificates', () => {
  test('one document per ОУ and kind, one page per person, confirmed results only', () => {
    const p = plan();
    expect(p.units.map((u) => [u.schoolKey, u.kind, u.pages.map((pg) => pg.label)])).toEqual([
      ['ДОУ-21', 'prize', ['Петров Глеб (Сити-фермерство)']],
      ['ДОУ-21', 'mentor', ['Смирнова Анна Сергеевна']],
      ['ШКОЛА-47', 'winner', ['Орлова Ирина (Сити-фермерство)']],
      [
        'ШКОЛА-47',
        'participant',
        ['Белых Саша (Сити-фермерство)', 'Козлова Анна (Сити-фермерство)'],
      ],
      ['ШКОЛА-47', 'mentor', ['Кузьмич Олег Иванович', 'Орлова Ирина Петровна']],
    ]);
    // Sorokin's silver is not confirmed yet: no page anywhere, named in the answer.
    expect(p.unconfirmed).toEqual([
      { name: 'Сорокин Илья', schoolKey: 'ШКОЛА-47', result: 'Призёр (2 место)' },
    ]);
    expect(p.unmatchedResults).toBe(1);
  });

  test('the latest edition of a repeated name is used; earlier registrations stay out', () => {
    const p = plan();
    expect(p.event).toBe(THIS_YEAR);
    expect(p.otherEditions).toEqual([LAST_YEAR]);
    expect(p.schoolYear).toBe(2021);
    const labels = p.units.flatMap((u) => u.pages.map((pg) => pg.label));
    expect(labels.some((l) => l.startsWith('Старова'))).toBe(false);
  });

  test('only participants with the consent tick are named anywhere', () => {
    const labels = plan().units.flatMap((u) => u.pages.map((pg) => JSON.stringify(pg.data.values)));
    expect(labels.join(' ')).not.toContain('Тихонов');
  });

  test('fields of a diploma, a certificate with a medallion, and a letter of thanks', () => {
    const p = plan();
    const diploma = unit(p, 'ШКОЛА-47', 'winner');
    expect(diploma.documentName).toBe(`Дипломы победителей — ШКОЛА-47 — ${EVENT}`);
    expect(diploma.pages[0]!.data.gender).toBe('female');
    expect(diploma.pages[0]!.data.values).toMatchObject({
      ОУ: 'ГБОУ СОШ № 47 имени Д.С. Лихачева',
      Мероприятие: EVENT,
      Место: '1 место',
      Компетенция: 'Сити-фермерство',
      'Возрастная категория': '8–10 лет',
      'Дата мероприятия': `15–19${NBSP}ноября 2021${NBSP}г.`,
      'Дата выдачи': `25${NBSP}ноября 2021${NBSP}г.`,
      'Должность подписывающего': 'Руководитель опорного центра',
      'ФИО подписывающего': 'Е. В. Николаева',
    });
    const medallion = unit(p, 'ШКОЛА-47', 'participant').pages[1]!;
    expect(medallion.data.values['Место']).toBe('Медальон за профессионализм');
    const letter = unit(p, 'ШКОЛА-47', 'mentor').pages[0]!;
    expect(letter.data.gender).toBe('male');
    expect(letter.data.values['Участники и результаты']).toBe(
      'Белых Саша (Сити-фермерство) — участник; Орлова Ирина (Сити-фермерство) — победитель (1 место)',
    );
  });

  test('a confirmed silver later moves the child from nothing to a prize diploma', () => {
    const before = plan();
    const after = plan({
      results: input().results.map((r) =>
        r.participantId === sorokin.id ? { ...r, confirmed: true } : r,
      ),
    });
    expect(before.units.some((u) => u.schoolKey === 'ШКОЛА-47' && u.kind === 'prize')).toBe(false);
    expect(unit(after, 'ШКОЛА-47', 'prize').pages.map((pg) => pg.label)).toEqual([
      'Сорокин Илья (Сити-фермерство)',
    ]);
    expect(after.unconfirmed).toEqual([]);
  });

  test('an unknown event is named with the closest one', () => {
    const outcome = planCertificates(input({ eventName: 'Районный отборочный этап KidSkils' }));
    expect(outcome).toEqual({
      ok: false,
      message: `Мероприятие «Районный отборочный этап KidSkils» не найдено на вкладке «Мероприятия» — возможно, «${EVENT}».`,
    });
    expect(planCertificates(input({ eventName: '  ' })).ok).toBe(false);
  });
});

describe('filling and fingerprints', () => {
  const template = [
    'Диплом вручается {{Фамилия Имя:дательный}}, {{ученику/ученице}} {{ОУ}}',
    'Наставник: {{ФИО наставника}}. {{Дата выдачи}}',
  ];
  const tokens = parseTemplate(template, certificateFields('participant')).tokens;

  test('pages are filled in the right case; an undeterminable gender is listed', () => {
    const u = unit(plan(), 'ШКОЛА-47', 'participant');
    const filled = fillUnit(u, tokens);
    expect(filled.pages.map((page) => page[0]!.text)).toEqual(['Белых Саша', 'Козловой Анне']);
    expect(filled.unresolved).toEqual(['Белых Саша (Сити-фермерство)']);
  });

  test('the same inputs on another day give the same fingerprint; a changed name does not', () => {
    const fingerprint = (p: CertificatePlan) => {
      const u = unit(p, 'ШКОЛА-47', 'participant');
      return unitFingerprint(u, tokens, fillUnit(u, tokens), 'template-1@1');
    };
    const today = fingerprint(plan());
    expect(fingerprint(plan({ issuedOn: new Date('2021-12-01T10:00:00+03:00') }))).toBe(today);
    const renamed = plan({
      participants: input().participants.map((p) =>
        p === kozlova ? { ...p, name: 'Анастасия' } : p,
      ),
    });
    expect(fingerprint(renamed)).not.toBe(today);
    const u = unit(plan(), 'ШКОЛА-47', 'participant');
    expect(unitFingerprint(u, tokens, fillUnit(u, tokens), 'template-1@2')).not.toBe(today);
  });
});

test('quotes inside an event name are nested for a template that quotes the name', () => {
  const festival = { ...THIS_YEAR, name: 'Фестиваль «Мы – команда»' };
  const p = plan({
    eventName: festival.name,
    events: [festival],
    participants: [{ ...orlova, event: festival.name }],
    results: [],
  });
  expect(p.units[0]!.pages[0]!.data.values['Мероприятие']).toBe('Фестиваль „Мы – команда“');
});

describe('formatEventDate', () => {
  test('one day, days of one month, a span across months and years', () => {
    const e = (from: Date, to: Date | null) => formatEventDate(event(from, to));
    expect(e(moscowMidnight(2022, 3, 14), null)).toBe(`14${NBSP}марта 2022${NBSP}г.`);
    expect(e(moscowMidnight(2022, 3, 14), moscowMidnight(2022, 3, 14))).toBe(
      `14${NBSP}марта 2022${NBSP}г.`,
    );
    expect(e(moscowMidnight(2022, 3, 30), moscowMidnight(2022, 4, 2))).toBe(
      `30${NBSP}марта – 2${NBSP}апреля 2022${NBSP}г.`,
    );
    expect(e(moscowMidnight(2021, 12, 30), moscowMidnight(2022, 1, 2))).toBe(
      `30${NBSP}декабря 2021${NBSP}г. – 2${NBSP}января 2022${NBSP}г.`,
    );
  });
});
