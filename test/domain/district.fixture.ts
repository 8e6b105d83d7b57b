/**
 * A small hand-built district for statistics and note tests. Expected figures are worked out by
 * hand in statistics.test.ts; change this file only together with them. Each event here starts in
 * the month its participants registered, so the counting mechanics are tested apart from the
 * event-date rule (period-meaning.test.ts tests that on a season where the months differ).
 */
import type {
  ChampionshipEvent,
  MonthlyReport,
  Participant,
  ParticipantResult,
  ResultKind,
  School,
  SchoolOrder,
  SchoolType,
} from '../../src/domain/model';
import type { StatisticsInput } from '../../src/domain/statistics';

/** Moscow wall-clock time as an instant (UTC+3). */
export function msk(y: number, m: number, d: number, hh = 12, mm = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, hh - 3, mm));
}

function school(key: string, type: SchoolType, shortName: string): School {
  return {
    key,
    type,
    number: key.replace(/\D/g, ''),
    officialName: shortName + ' Невского района',
    shortName,
    district: 'Невский',
    emails: [],
    responsible: '',
    aliases: [],
  };
}

export const SCHOOLS: School[] = [
  school('ШКОЛА-47', 'школа', 'ГБОУ СОШ № 47'),
  school('ШКОЛА-51', 'школа', 'ГБОУ СОШ № 51'),
  school('ШКОЛА-116', 'школа', 'ГБОУ гимназия № 116'),
  school('ДОУ-21', 'ДОУ', 'ГБДОУ № 21'),
  school('ДОУ-106', 'ДОУ', 'ГБДОУ № 106'),
  school('ДО-ОХТА', 'ДО', 'ЦДЮТТ «Охта»'),
];

const JR = 'JuniorSkills региональный';
const KID = 'KidSkills районный';
const JR_SEP = 'JuniorSkills региональный, сентябрь';
const KID_SEP = 'KidSkills районный, сентябрь';
const JR_NOV = 'JuniorSkills региональный, ноябрь';
const JR_2020 = 'JuniorSkills региональный 2020';

function event(
  name: string,
  programme: string,
  level: ChampionshipEvent['level'],
  start: Date,
): ChampionshipEvent {
  return { name, programme, level, format: 'очный', start, end: start, registrationDeadline: null };
}

export const EVENTS: ChampionshipEvent[] = [
  event(JR, 'JuniorSkills', 'городской/региональный', msk(2021, 10, 20)),
  event(KID, 'KidSkills', 'районный', msk(2021, 10, 26)),
  event(JR_SEP, 'JuniorSkills', 'городской/региональный', msk(2021, 9, 25)),
  event(KID_SEP, 'KidSkills', 'районный', msk(2021, 9, 28)),
  event(JR_NOV, 'JuniorSkills', 'городской/региональный', msk(2021, 11, 20)),
  event(JR_2020, 'JuniorSkills', 'городской/региональный', msk(2020, 10, 15)),
];

function participant(
  id: string,
  schoolKey: string,
  competency: string,
  ageCategory: string,
  event: string,
  registeredAt: Date,
  extra: Partial<Participant> = {},
): Participant {
  return {
    id,
    surname: 'Фамилия' + id,
    name: 'Имя' + id,
    schoolKey,
    classOrGroup: '',
    ageCategory,
    competency,
    event,
    team: '',
    mentor: '',
    consent: true,
    registeredAt,
    orderStatus: 'есть',
    result: '',
    sourceResponseId: 'r-' + id,
    ...extra,
  };
}

const ROBOT = 'Мобильная робототехника';
const ELEC = 'Электроника';
const FARM = 'Сити-фермерство';

export const PARTICIPANTS: Participant[] = [
  // October 2021 (Moscow calendar)
  participant('p1', 'ШКОЛА-47', ROBOT, '10+', JR, msk(2021, 10, 5)),
  participant('p1', 'ШКОЛА-47', ROBOT, '10+', JR, msk(2021, 10, 6)), // same id again: one child
  participant('p2', 'ШКОЛА-47', ROBOT, '10+', JR, msk(2021, 10, 5), { result: 'Участник' }),
  participant('p3', 'ШКОЛА-47', ELEC, '14+', JR, msk(2021, 10, 7), {
    result: 'Участник',
    orderStatus: 'нет',
  }),
  participant('p4', 'ШКОЛА-51', ELEC, '14+', JR, msk(2021, 10, 8), { orderStatus: 'нет' }),
  participant('p5', 'ДОУ-21', FARM, '5–7 лет', KID, msk(2021, 10, 12)),
  participant('p6', 'ДОУ-21', FARM, '5–7 лет', KID, msk(2021, 10, 12), { orderStatus: 'нет' }),
  // An event not in «Мероприятия» cannot be placed in time: it counts by registration, and
  // 01.10.2021 00:30 MSK is still October although it is 30 September in UTC.
  participant('p8', 'ШКОЛА-116', ELEC, '14+', 'Неизвестное событие', msk(2021, 10, 1, 0, 30)),
  // A November event; registered 01.11.2021 01:30 MSK, which is 31 October in UTC.
  participant('p7', 'ШКОЛА-51', ROBOT, '10+', JR_NOV, msk(2021, 11, 1, 1, 30)),
  // September 2021
  participant('s1', 'ШКОЛА-47', ELEC, '14+', JR_SEP, msk(2021, 9, 10)),
  participant('s2', 'ДОУ-106', FARM, '5–7 лет', KID_SEP, msk(2021, 9, 15), { result: 'Участник' }),
  participant('s3', 'ДОУ-106', FARM, '5–7 лет', KID_SEP, msk(2021, 9, 15)),
  participant('s4', 'ШКОЛА-47', ROBOT, '10+', JR_SEP, msk(2021, 9, 20)),
  // October 2020: the previous school year
  participant('y1', 'ШКОЛА-47', ROBOT, '10+', JR_2020, msk(2020, 10, 10)),
];

function result(participantId: string, kind: ResultKind): ParticipantResult {
  const p = PARTICIPANTS.find((x) => x.id === participantId);
  return {
    participantId,
    schoolKey: p ? p.schoolKey : '',
    event: p ? p.event : '',
    competency: p ? p.competency : '',
    participantName: participantId,
    result: kind,
    score: null,
    confirmed: true,
    confirmedAs: '',
    submittedAt: msk(2021, 11, 2),
    sourceResponseId: 'res-' + participantId,
  };
}

export const RESULTS: ParticipantResult[] = [
  result('p1', 'Победитель (1 место)'),
  result('p2', 'Участник'),
  result('p2', 'Призёр (2 место)'), // the best of two rows counts
  result('p4', 'Призёр (3 место)'),
  result('p5', 'Медальон за профессионализм'),
  result('s1', 'Победитель (1 место)'),
  result('s3', 'Призёр (2 место)'),
  result('ghost', 'Победитель (1 место)'), // no such participant
];

function report(schoolKey: string, period: string, onTime: boolean, at: Date): MonthlyReport {
  return {
    schoolKey,
    period,
    sessions: 4,
    pupilsInTraining: 10,
    mentors: 2,
    eventsHeld: '',
    contests: '',
    difficulties: '',
    postReleaseUrl: '',
    contact: '',
    submittedAt: at,
    onTime,
    sourceResponseId: 'rep-' + schoolKey + period + at.getTime(),
  };
}

export const REPORTS: MonthlyReport[] = [
  report('ШКОЛА-47', '2021-10', true, msk(2021, 11, 3)),
  report('ШКОЛА-51', '2021-10', false, msk(2021, 11, 8)),
  report('ДОУ-21', '2021-10', false, msk(2021, 11, 9)),
  report('ДОУ-21', '2021-10', true, msk(2021, 11, 4)), // on-time row wins
  report('ДО-ОХТА', '2021-10', true, msk(2021, 11, 1)),
  report('ШКОЛА-116', '2021-09', true, msk(2021, 10, 2)), // another month
  report('ШКОЛА-999', '2021-10', true, msk(2021, 11, 2)), // not in the registry
];

function order(schoolKey: string, at: Date): SchoolOrder {
  return {
    schoolKey,
    number: '1',
    date: at,
    event: JR,
    fileLink: '',
    participantsNamed: [],
    matched: 0,
    unmatched: [],
    submittedAt: at,
    sourceResponseId: 'ord-' + schoolKey + at.getTime(),
  };
}

export const ORDERS: SchoolOrder[] = [
  order('ШКОЛА-47', msk(2021, 10, 4)),
  order('ДОУ-21', msk(2021, 10, 11)),
  order('ШКОЛА-47', msk(2021, 9, 9)),
];

export const DISTRICT: StatisticsInput = {
  schools: SCHOOLS,
  participants: PARTICIPANTS,
  results: RESULTS,
  reports: REPORTS,
  orders: ORDERS,
  events: EVENTS,
};

/** The same district with no rows except the registry. */
export const EMPTY_DISTRICT: StatisticsInput = {
  schools: SCHOOLS,
  participants: [],
  results: [],
  reports: [],
  orders: [],
  events: EVENTS,
};
