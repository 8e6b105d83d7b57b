import {
  findDebtors,
  markCarried,
  markSent,
  parseSentMarks,
  serializeSentMarks,
  planReminders,
  STAFF_MARK_KEY,
  type SentMarks,
} from '../../src/domain/reminders';
import type { ChampionshipEvent, MonthlyReport, Participant, School } from '../../src/domain/model';
import { moscowMidnight } from '../../src/domain/text/dates';

const school = (key: string, shortName: string, emails: string[]): School => ({
  key,
  type: 'школа',
  number: key.replace(/\D/g, ''),
  officialName: shortName,
  shortName,
  district: 'Невский',
  emails,
  responsible: '',
  aliases: [],
});

const SCHOOLS = [
  school('ШКОЛА-47', 'ГБОУ СОШ № 47', ['s47@school.example']),
  school('ШКОЛА-51', 'ГБОУ СОШ № 51', ['s51@school.example', 'head51@school.example']),
  school('ДОУ-21', 'ГБДОУ № 21 <script>', []),
];

const report = (schoolKey: string, period: string): MonthlyReport => ({
  schoolKey,
  period,
  sessions: 4,
  pupilsInTraining: 10,
  mentors: 1,
  eventsHeld: '',
  contests: '',
  difficulties: '',
  postReleaseUrl: '',
  contact: '',
  submittedAt: moscowMidnight(2021, 11, 2),
  onTime: true,
  sourceResponseId: 'R-' + schoolKey,
});

const event = (name: string, start: Date | null): ChampionshipEvent => ({
  name,
  programme: 'JuniorSkills',
  level: 'районный',
  format: 'очный',
  start,
  end: start,
  registrationDeadline: null,
});

/** A district event on 15 November, a regional one in March, one staff forgot to date. */
const EVENTS = [
  event('Районный отборочный этап', moscowMidnight(2021, 11, 15)),
  event('Региональный чемпионат', moscowMidnight(2022, 3, 14)),
  event('Фестиваль без даты', null),
];
/** The day reminders for October go out: 6 November. */
const AS_OF = moscowMidnight(2021, 11, 6);

const participant = (
  id: string,
  schoolKey: string,
  registeredAt: Date,
  orderStatus: 'есть' | 'нет',
  eventName = 'Районный отборочный этап',
): Participant => ({
  id,
  surname: 'Иванова',
  name: 'Мария',
  schoolKey,
  classOrGroup: '5',
  ageCategory: '10+',
  competency: 'Мобильная робототехника',
  event: eventName,
  team: '',
  mentor: '',
  consent: true,
  registeredAt,
  orderStatus,
  result: '',
  sourceResponseId: 'G-' + id,
});

const PERIOD = '2021-10';
const CONTEXT = {
  period: PERIOD,
  centreName: 'Опорный центр',
  reportDeadlineDay: 5,
  recipients: ['boss@center.example'],
};

describe('findDebtors', () => {
  it('owes orders only for events held or starting within 14 days, whenever registered', () => {
    const debtors = findDebtors(
      PERIOD,
      SCHOOLS,
      [report('ШКОЛА-47', PERIOD), report('ШКОЛА-51', '2021-09')],
      [
        // The 15 November event starts 9 days after the reminders: its orders are owed.
        participant('P1', 'ШКОЛА-47', moscowMidnight(2021, 9, 10), 'нет'),
        participant('P2', 'ШКОЛА-47', moscowMidnight(2021, 10, 12), 'нет'),
        // Registered after October, still owed: the event is near.
        participant('P3', 'ШКОЛА-51', moscowMidnight(2021, 11, 2), 'нет'),
        participant('P4', 'ШКОЛА-51', moscowMidnight(2021, 10, 2), 'есть'),
        // The March championship is months away: no order is owed yet.
        participant('P5', 'ШКОЛА-51', moscowMidnight(2021, 10, 5), 'нет', 'Региональный чемпионат'),
      ],
      EVENTS,
      AS_OF,
    );
    expect(debtors.map((d) => [d.school.key, d.missing, d.withoutOrder, d.events])).toEqual([
      ['ШКОЛА-47', ['orders'], 2, ['Районный отборочный этап']],
      ['ШКОЛА-51', ['report', 'orders'], 1, ['Районный отборочный этап']],
      ['ДОУ-21', ['report'], 0, []],
    ]);
  });

  it('owes orders for an undated event from the registration on, and not before an event is near', () => {
    const early = findDebtors(
      PERIOD,
      SCHOOLS.slice(0, 1),
      [report('ШКОЛА-47', PERIOD)],
      [
        participant('U1', 'ШКОЛА-47', moscowMidnight(2021, 10, 20), 'нет', 'Фестиваль без даты'),
        participant('N1', 'ШКОЛА-47', moscowMidnight(2021, 10, 20), 'нет'),
      ],
      EVENTS,
      moscowMidnight(2021, 10, 31), // 15 days before the district event
    );
    expect(early.map((d) => [d.withoutOrder, d.events])).toEqual([[1, ['Фестиваль без даты']]]);
  });
});

describe('planReminders', () => {
  const debtors = findDebtors(
    PERIOD,
    SCHOOLS,
    [],
    [participant('P1', 'ШКОЛА-47', moscowMidnight(2021, 10, 10), 'нет')],
    EVENTS,
    AS_OF,
  );

  it('writes one polite Russian letter per ОУ naming the period and what is missing, and one staff list', () => {
    const plan = planReminders(CONTEXT, debtors, new Map());
    expect(plan.mails.map((m) => m.key)).toEqual(['ШКОЛА-47', 'ШКОЛА-51', STAFF_MARK_KEY]);
    expect(plan.withoutEmail).toBe(1);
    const first = plan.mails[0]!;
    expect(first.to).toEqual(['s47@school.example']);
    expect(first.subject).toContain('за октябрь 2021');
    expect(first.body).toContain('Уважаемые коллеги!');
    expect(first.body).toContain('ежемесячный отчёт за октябрь 2021\u00a0г. не представлен');
    expect(first.body).toContain('без приказа 1 участник');
    expect(first.marks).toBe('ro');
    expect(plan.mails[1]!.to).toEqual(['s51@school.example', 'head51@school.example']);
    expect(plan.mails[1]!.body).not.toContain('приказ о');
    const staff = plan.mails[2]!;
    expect(staff.to).toEqual(['boss@center.example']);
    expect(staff.body).toContain(
      'ГБДОУ № 21 <script>: нет ежемесячного отчёта; адрес в реестре не указан',
    );
    expect(staff.htmlBody).toContain('ГБДОУ № 21 &lt;script&gt;');
    expect(staff.htmlBody).not.toContain('<script>');
  });

  it('leaves for later an ОУ whose monthly letter still waits, and repeats nothing a letter carried', () => {
    const waiting = planReminders(CONTEXT, debtors, new Map(), new Set(['ШКОЛА-51']));
    expect(waiting.mails.map((m) => m.key)).toEqual(['ШКОЛА-47', STAFF_MARK_KEY]);
    expect(waiting.deferred).toBe(1);
    // 47's monthly letter carried its orders: the reminder is of the report alone.
    const carried = markCarried(new Map(), 'ШКОЛА-47', ['orders']);
    expect([...carried]).toEqual([['ШКОЛА-47', 'o']]);
    expect(markCarried(carried, 'ШКОЛА-47', ['orders'])).toBe(carried);
    const after = planReminders(CONTEXT, debtors, carried).mails[0]!;
    expect(after.marks).toBe('r');
    expect(after.body).not.toContain('приказ');
  });

  it('never repeats a reminder already sent, but sends a new kind once', () => {
    let sent: SentMarks = new Map();
    for (const mail of planReminders(CONTEXT, debtors, sent).mails) sent = markSent(sent, mail);
    expect(planReminders(CONTEXT, debtors, sent).mails).toEqual([]);
    const partly = parseSentMarks(JSON.stringify({ 'ШКОЛА-47': 'r', [STAFF_MARK_KEY]: 's' }));
    const again = planReminders(CONTEXT, debtors, partly).mails;
    expect(again.map((m) => [m.key, m.marks])).toEqual([
      ['ШКОЛА-47', 'o'],
      ['ШКОЛА-51', 'r'],
    ]);
    expect(again[0]!.body).not.toContain('ежемесячный отчёт');
  });

  it('sends no staff list without recipients and stores marks compactly', () => {
    const plan = planReminders({ ...CONTEXT, recipients: [] }, debtors, new Map());
    expect(plan.mails.map((m) => m.key)).toEqual(['ШКОЛА-47', 'ШКОЛА-51']);
    let sent: SentMarks = new Map();
    for (let i = 0; i < 200; i++)
      sent = markSent(sent, { ...plan.mails[0]!, key: 'ШКОЛА-' + (1000 + i) });
    expect(serializeSentMarks(sent).length).toBeLessThan((9 * 1024) / 2); // Cyrillic is two bytes in UTF-8
    expect(parseSentMarks('garbage')).toEqual(new Map());
  });

  it('a school keyed «__proto__» or «constructor» is reminded once, like any other', () => {
    const odd = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
    const oddDebtors = odd.map((key) => ({
      ...debtors[0]!,
      school: { ...debtors[0]!.school, key },
    }));
    let sent: SentMarks = new Map();
    const first = planReminders(CONTEXT, oddDebtors, sent).mails;
    expect(first.map((m) => m.key)).toEqual([...odd, STAFF_MARK_KEY]);
    for (const mail of first) sent = markSent(sent, mail);
    const stored = parseSentMarks(serializeSentMarks(sent));
    expect([...stored.keys()].sort()).toEqual([...odd, STAFF_MARK_KEY].sort());
    expect(planReminders(CONTEXT, oddDebtors, stored).mails).toEqual([]);
  });
});
