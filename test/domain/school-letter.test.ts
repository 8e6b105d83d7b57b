/**
 * The monthly letter to an ОУ as data and as text/HTML: its figures are the note's (the same
 * Statistics object), what it owes follows the reminders' rule, an ОУ that took no part is invited,
 * every value is escaped, and the wording agrees with its numbers.
 */
import { computeStatistics, type StatisticsInput } from '../../src/domain/statistics';
import { findDebtors } from '../../src/domain/reminders';
import {
  buildSchoolLetters,
  eventFitsSchool,
  renderSchoolLetter,
  reportDeadline,
  upcomingEvents,
  type SchoolLetterInput,
} from '../../src/domain/schoolLetter';
import { median, preparationMedians } from '../../src/domain/preparation';
import { findPrefillEntry, prefilledLink, type PrefillTemplate } from '../../src/domain/prefill';
import type {
  ChampionshipEvent,
  MonthlyReport,
  Participant,
  ParticipantResult,
  ResultKind,
  School,
} from '../../src/domain/model';
import { moscowMidnight } from '../../src/domain/text/dates';

const school = (
  key: string,
  type: School['type'],
  shortName: string,
  emails: string[],
): School => ({
  key,
  type,
  number: key.replace(/\D/g, ''),
  officialName: shortName + ' (официальное)',
  shortName,
  district: 'Невский',
  emails,
  responsible: '',
  aliases: [],
});

const SCHOOLS: School[] = [
  school('ШКОЛА-47', 'школа', 'ГБОУ СОШ № 47', ['s47@school.example', 'head47@school.example']),
  school('ШКОЛА-51', 'школа', 'ГБОУ СОШ № 51', ['s51@school.example']),
  school('ШКОЛА-74', 'школа', 'ГБОУ СОШ № 74 <b>«Радуга»</b> & Co', ['s74@school.example']),
  school('ШКОЛА-116', 'школа', 'ГБОУ гимназия № 116', ['g116@school.example']),
  school('ДОУ-21', 'ДОУ', 'ГБДОУ № 21', []),
];

const event = (
  name: string,
  start: Date | null,
  deadline: Date | null = null,
  level: ChampionshipEvent['level'] = 'районный',
): ChampionshipEvent => ({
  name,
  programme: 'JuniorSkills',
  level,
  format: 'очный',
  start,
  end: start,
  registrationDeadline: deadline,
});

const EVENTS = [
  event('Районный отборочный этап', moscowMidnight(2021, 10, 12)),
  event('Осенний фестиваль', moscowMidnight(2021, 10, 20)),
  event('Районный этап KidSkills', moscowMidnight(2021, 11, 16), moscowMidnight(2021, 11, 9)),
  event(
    'Региональный чемпионат «Профессионалы»',
    moscowMidnight(2022, 3, 14),
    moscowMidnight(2022, 2, 1),
    'городской/региональный',
  ),
  // Registration closed before the letters go out: not offered.
  event('Закрытый турнир', moscowMidnight(2021, 11, 25), moscowMidnight(2021, 11, 1)),
  event('Фестиваль без даты', null),
];

let seq = 0;
const participant = (
  schoolKey: string,
  eventName: string,
  orderStatus: 'есть' | 'нет' = 'есть',
  surname = 'Иванова',
): Participant => ({
  id: `P-${++seq}`,
  surname,
  name: 'Мария',
  schoolKey,
  classOrGroup: '5',
  ageCategory: '10+',
  competency: 'Мобильная робототехника',
  event: eventName,
  team: '',
  mentor: 'Петров П. П.',
  consent: true,
  registeredAt: moscowMidnight(2021, 9, 20),
  orderStatus,
  result: '',
  sourceResponseId: `REG-${seq}`,
});

const result = (p: Participant, kind: ResultKind): ParticipantResult => ({
  participantId: p.id,
  schoolKey: p.schoolKey,
  event: p.event,
  competency: p.competency,
  participantName: `${p.surname} ${p.name}`,
  result: kind,
  score: null,
  confirmed: true,
  confirmedAs: '',
  submittedAt: moscowMidnight(2021, 10, 25),
  sourceResponseId: `RES-${p.id}`,
});

const report = (
  schoolKey: string,
  sessions: number | null,
  pupils: number,
  mentors: number,
): MonthlyReport => ({
  schoolKey,
  period: '2021-10',
  sessions,
  pupilsInTraining: pupils,
  mentors,
  eventsHeld: '',
  contests: '',
  difficulties: '',
  postReleaseUrl: '',
  contact: '',
  submittedAt: moscowMidnight(2021, 11, 2),
  onTime: true,
  sourceResponseId: `REP-${schoolKey}`,
});

function district(): StatisticsInput {
  seq = 0;
  // School 47: three in October (1 winner, 1 third place), one without an order, surname Секретова.
  const s47 = [
    participant('ШКОЛА-47', 'Районный отборочный этап'),
    participant('ШКОЛА-47', 'Районный отборочный этап'),
    participant('ШКОЛА-47', 'Районный отборочный этап', 'нет', 'Секретова'),
  ];
  // School 51: one in October, and two registered for November's event without an order.
  const s51 = [
    participant('ШКОЛА-51', 'Осенний фестиваль'),
    participant('ШКОЛА-51', 'Районный этап KidSkills', 'нет'),
    participant('ШКОЛА-51', 'Районный этап KidSkills', 'нет'),
  ];
  // School 74: one in October, its event's results not in yet.
  const s74 = [participant('ШКОЛА-74', 'Осенний фестиваль')];
  return {
    schools: SCHOOLS,
    events: EVENTS,
    participants: [...s47, ...s51, ...s74],
    results: [
      result(s47[0]!, 'Победитель (1 место)'),
      result(s47[1]!, 'Призёр (3 место)'),
      result(s47[2]!, 'Участник'),
    ],
    reports: [
      report('ШКОЛА-47', 8, 25, 3),
      report('ШКОЛА-74', 4, 20, 2),
      report('ШКОЛА-116', null, 10, 1),
    ],
    orders: [],
  };
}

const TEMPLATES: Record<'registration' | 'report' | 'order', PrefillTemplate> = {
  registration: {
    formUrl: 'https://docs.google.com/forms/d/e/REG/viewform',
    entries: { school: 'entry.101', event: 'entry.102' },
  },
  report: {
    formUrl: 'https://docs.google.com/forms/d/e/REP/viewform',
    entries: { school: 'entry.201', month: 'entry.202' },
  },
  order: {
    formUrl: 'https://docs.google.com/forms/d/e/ORD/viewform',
    entries: { school: 'entry.301' },
  },
};

function letters(today: Date, input = district()) {
  const stats = computeStatistics(input, '2021-10');
  const letterInput: SchoolLetterInput = {
    period: '2021-10',
    today,
    stats,
    schools: input.schools,
    reports: input.reports,
    events: input.events,
    debtors: findDebtors(
      '2021-10',
      input.schools,
      input.reports,
      input.participants,
      input.events,
      today,
    ),
    reportDeadlineDay: 5,
    forms: TEMPLATES,
    centre: {
      name: 'Районный опорный центр',
      contact: 'тел. 8 (812) 000-00-00, center@center.example',
      signaturePosition: 'Руководитель опорного центра',
      signatureName: 'Е. В. Французан',
    },
  };
  return { stats, ...buildSchoolLetters(letterInput) };
}

/** 5 November 2021, the note day: the October report is still due that day. */
const NOTE_DAY = new Date('2021-11-05T07:00:00+03:00');
const AFTER_DEADLINE = new Date('2021-11-06T07:00:00+03:00');

describe('buildSchoolLetters', () => {
  it('writes one letter per ОУ with an address and lists the ОУ without one', () => {
    const { letters: all, withoutEmail } = letters(NOTE_DAY);
    expect(all.map((l) => l.schoolKey)).toEqual(['ШКОЛА-47', 'ШКОЛА-51', 'ШКОЛА-74', 'ШКОЛА-116']);
    expect(all[0]!.to).toEqual(['s47@school.example', 'head47@school.example']);
    expect(withoutEmail.map((s) => s.key)).toEqual(['ДОУ-21']);
  });

  it("gives each ОУ its own row of the note's rating, with its place, beside the district's figures", () => {
    const { stats, letters: all } = letters(NOTE_DAY);
    for (const letter of all) {
      const row = stats.ratingMonth.find((r) => r.key === letter.schoolKey);
      if (!row) {
        expect(letter.own).toBeNull();
        continue;
      }
      expect(letter.own).toMatchObject({
        participants: row.participants,
        winners: row.winners,
        prizeWinners: row.prizeWinners,
        effectivenessPercent: row.effectivenessPercent,
        rated: stats.ratingMonth.length,
      });
    }
    const [s47, s51, s74, g116] = all;
    expect(s47!.own).toMatchObject({ participants: 3, winners: 1, prizeWinners: 1, place: 1 });
    expect(s47!.own!.effectivenessPercent).toBe(66.7);
    // 51 and 74 each have one October participant and no medal: they share the second place.
    expect([s51!.own!.place, s74!.own!.place]).toEqual([2, 2]);
    expect(s74!.own!.effectivenessPercent).toBeNull();
    expect(g116!.own).toBeNull();
    expect(s47!.district).toEqual({
      participants: stats.month.participants,
      schoolsParticipating: stats.month.schoolsParticipating,
      averagePerSchool: 1.7,
      effectivenessPercent: stats.month.effectivenessPercent,
    });
  });

  it('compares the reported preparation with the median of the reporting ОУ of the same type', () => {
    const { letters: all } = letters(NOTE_DAY);
    const s47 = all[0]!;
    expect(s47.preparation.peers).toBe(3);
    // Sessions: 8, 4 and a figure the intake refused (null) → median of 8 and 4.
    expect(s47.preparation.lines).toEqual([
      { figure: 'sessions', value: 8, median: 6 },
      { figure: 'pupilsInTraining', value: 25, median: 20 },
      { figure: 'mentors', value: 3, median: 2 },
    ]);
    expect(all[1]!.preparation.lines).toBeNull(); // 51 has not reported
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNull();
    expect(preparationMedians(district().reports, SCHOOLS, '2021-10').get('ДОУ')).toEqual({
      reports: 0,
      medians: { sessions: null, pupilsInTraining: null, mentors: null },
    });
  });

  it('awaits the report until the deadline day, counts it missing after; orders by the reminders rule', () => {
    const onNoteDay = letters(NOTE_DAY).letters;
    expect(onNoteDay[1]!.report.status).toBe('expected');
    expect(onNoteDay[0]!.report.status).toBe('received');
    expect(reportDeadline('2021-10', 5)).toEqual(moscowMidnight(2021, 11, 5));
    // 51 owes orders for November's event (within 14 days of 5 November), 47 for October's.
    expect(onNoteDay[1]!.orders).toMatchObject({
      participants: 2,
      events: ['Районный этап KidSkills'],
    });
    expect(onNoteDay[0]!.orders).toMatchObject({
      participants: 1,
      events: ['Районный отборочный этап'],
    });
    expect(onNoteDay[1]!.carries).toEqual(['orders']);
    const after = letters(AFTER_DEADLINE).letters;
    expect(after[1]!.report.status).toBe('missing');
    expect(after[1]!.carries).toEqual(['report', 'orders']);
    expect(after[3]!.carries).toEqual([]);
  });

  it('offers the events that start later and are still open for registration, soonest first', () => {
    expect(upcomingEvents(EVENTS, NOTE_DAY, 5).map((e) => e.name)).toEqual([
      'Районный этап KidSkills',
      'Региональный чемпионат «Профессионалы»',
    ]);
    expect(
      upcomingEvents(EVENTS, new Date('2021-11-10T07:00:00+03:00'), 5).map((e) => e.name),
    ).toEqual(['Региональный чемпионат «Профессионалы»']);
  });
});

describe('which events a letter offers', () => {
  it('offers a kindergarten KidSkills only, three events to an ОУ that took part and five to one invited', () => {
    const kid = (name: string, month: number) => ({
      ...event(name, moscowMidnight(2022, month, 10)),
      programme: 'KidSkills',
    });
    const junior = (name: string, month: number) => event(name, moscowMidnight(2022, month, 12));
    const events = [
      ...EVENTS,
      kid('Зимний KidSkills', 1),
      junior('Районный чемпионат JuniorSkills', 1),
      kid('Весенний KidSkills', 2),
      kid('Фестиваль «Мастерята»', 3),
      junior('Финал JuniorSkills', 4),
    ];
    expect(eventFitsSchool(events[events.length - 1]!, 'ДОУ')).toBe(false);
    expect(eventFitsSchool(events[events.length - 1]!, 'ДО')).toBe(true);
    const input = {
      ...district(),
      events,
      schools: [...SCHOOLS.slice(0, 4), { ...SCHOOLS[4]!, emails: ['d21@school.example'] }],
    };
    const all = letters(NOTE_DAY, input).letters;
    const offered = (key: string) =>
      all.find((l) => l.schoolKey === key)!.upcoming.map((u) => u.event.name);
    expect(offered('ДОУ-21')).toEqual([
      'Зимний KidSkills',
      'Весенний KidSkills',
      'Фестиваль «Мастерята»',
    ]);
    expect(offered('ШКОЛА-47')).toEqual([
      'Районный этап KidSkills',
      'Зимний KidSkills',
      'Районный чемпионат JuniorSkills',
    ]);
    expect(offered('ШКОЛА-116')).toHaveLength(5);
  });

  it('asks to disregard a reminder only when something is owed; a list follows its line with a colon', () => {
    const all = letters(NOTE_DAY).letters;
    const g116 = renderSchoolLetter(all[3]!).body;
    expect(g116).toContain('Сведения сформированы по данным мониторинга на 05.11.2021.\n');
    expect(g116).not.toContain('просим не учитывать');
    expect(renderSchoolLetter(all[1]!).body).toContain('просим не учитывать напоминание');
    expect(renderSchoolLetter(all[0]!).body).toContain('отчитавшимся школам района):\n— проведено');
  });
});

describe('renderSchoolLetter', () => {
  it('reads like an official letter: subject, own figures beside the district, what is due, signature', () => {
    const s47 = letters(AFTER_DEADLINE).letters[0]!;
    const { subject, body } = renderSchoolLetter(s47);
    expect(subject).toBe('Участие ГБОУ СОШ № 47 в чемпионатах: октябрь 2021\u00a0г.');
    expect(body.startsWith('Уважаемые коллеги!\n\n')).toBe(true);
    expect(body).toContain(
      'В октябре 2021\u00a0г. в чемпионатах приняли участие 3 обучающихся ГБОУ СОШ № 47: 1 победитель и 1 призёр, результативность — 66,7\u00a0%.',
    );
    expect(body).toContain('Место в рейтинге образовательных учреждений района — 1 из 3.');
    expect(body).toContain(
      'По району в чемпионатах приняли участие 5 обучающихся из 3 образовательных учреждений; в среднем на одно участвовавшее учреждение — 1,7',
    );
    expect(body).toContain('(в скобках — медиана по 3 отчитавшимся школам района)');
    expect(body).toContain('— проведено занятий по подготовке: 8 (6);');
    expect(body).toContain(
      '— приказы о направлении участников: без приказа 1 участник мероприятия «Районный отборочный этап».',
    );
    // Counts only: the child without an order is never named.
    expect(body).not.toContain('Секретова');
    expect(body).toContain(
      '«Региональный чемпионат „Профессионалы“» (14\u00a0марта 2022\u00a0г.; городской (региональный) уровень, очно); регистрация до 1\u00a0февраля 2022\u00a0г.',
    );
    expect(
      body.endsWith(
        'С уважением,\nРуководитель опорного центра\nЕ. В. Французан\nРайонный опорный центр',
      ),
    ).toBe(true);
    expect(body).toContain(
      'По вопросам участия обращайтесь в опорный центр: тел. 8 (812) 000-00-00, center@center.example.',
    );
    expect(body).not.toMatch(/\n\n\n/);
  });

  it('links each missing item and each event to its form with the ОУ already chosen', () => {
    const s51 = letters(AFTER_DEADLINE).letters[1]!;
    const { body, htmlBody } = renderSchoolLetter(s51);
    const links = [...body.matchAll(/форма: (\S+)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(4); // report, orders, two events
    expect(findPrefillEntry(links[0]!, 'ГБОУ СОШ № 51')).toEqual({
      formUrl: TEMPLATES.report.formUrl,
      entry: 'entry.201',
    });
    expect(findPrefillEntry(links[0]!, 'октябрь 2021')!.entry).toBe('entry.202');
    expect(findPrefillEntry(links[1]!, 'ГБОУ СОШ № 51')!.entry).toBe('entry.301');
    expect(findPrefillEntry(links[2]!, 'Районный этап KidSkills')!.entry).toBe('entry.102');
    expect(body).toContain(
      '— ежемесячный отчёт за октябрь 2021\u00a0г. не представлен (срок — до 5\u00a0ноября 2021\u00a0г. включительно);',
    );
    expect(htmlBody.match(/<a href="https:\/\/docs\.google\.com\/forms\//g)).toHaveLength(4);
  });

  it('before the deadline the report is awaited, not missing', () => {
    const { body } = renderSchoolLetter(letters(NOTE_DAY).letters[1]!);
    expect(body).toContain(
      'ежемесячный отчёт за октябрь 2021\u00a0г. ожидается до 5\u00a0ноября 2021\u00a0г. включительно',
    );
    expect(body).not.toContain('не представлен');
  });

  it('invites an ОУ that took no part, right after the figures', () => {
    const { body } = renderSchoolLetter(letters(NOTE_DAY).letters[3]!);
    expect(body).toContain(
      'В октябре 2021\u00a0г. обучающиеся ГБОУ гимназия № 116 в чемпионатах не участвовали.',
    );
    const invitation = body.indexOf('Приглашаем принять участие\n');
    expect(invitation).toBeGreaterThan(0);
    expect(invitation).toBeLessThan(body.indexOf('Подготовка участников'));
    expect(body).toContain(
      'Приглашаем обучающихся и педагогов ГБОУ гимназия № 116 принять участие',
    );
    expect(body).not.toContain('Место в рейтинге');
    // A figure the intake refused is said to be left out, not shown as 0.
    expect(body).toContain('— проведено занятий по подготовке: не учтено (6);');
    expect(body).toContain('Все сведения за октябрь 2021\u00a0г. представлены');
  });

  it('escapes every value in the HTML and links nothing but the forms', () => {
    const s74 = letters(NOTE_DAY).letters[2]!;
    const { subject, htmlBody, body } = renderSchoolLetter(s74);
    expect(subject).toContain('<b>«Радуга»</b> & Co');
    expect(htmlBody).not.toContain('<b>«Радуга»');
    expect(htmlBody).toContain('&lt;b&gt;«Радуга»&lt;/b&gt; &amp; Co');
    expect(body).toContain('1 обучающийся ГБОУ СОШ № 74');
    expect(body).toContain('принял участие 1 обучающийся');
    expect(body).toContain('результаты мероприятий ещё не поступили');
    const hrefs = [...htmlBody.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.every((h) => h.startsWith('https://docs.google.com/forms/d/e/'))).toBe(true);
    // The ОУ's name is in the link only as an encoded value.
    expect(hrefs.some((h) => h.includes('%3Cb%3E'))).toBe(true);
  });

  it('agrees numbers with their nouns (1 and 21 обучающийся принял, 20 and 25 обучающихся приняли)', () => {
    const input = district();
    const twenty = Array.from({ length: 20 }, () => participant('ШКОЛА-116', 'Осенний фестиваль'));
    const withTwenty = { ...input, participants: [...input.participants, ...twenty] };
    const g116 = renderSchoolLetter(letters(NOTE_DAY, withTwenty).letters[3]!).body;
    expect(g116).toContain('приняли участие 20 обучающихся ГБОУ гимназия № 116');
    expect(g116).toContain(
      'По району в чемпионатах приняли участие 25 обучающихся из 4 образовательных учреждений',
    );
    const one = {
      ...withTwenty,
      participants: [...withTwenty.participants, participant('ШКОЛА-116', 'Осенний фестиваль')],
    };
    const g116of21 = renderSchoolLetter(letters(NOTE_DAY, one).letters[3]!).body;
    expect(g116of21).toContain('принял участие 21 обучающийся ГБОУ гимназия № 116');
  });
});

describe('prefilled links', () => {
  it('finds the entry of a value in a link Google made and builds the links of every ОУ from it', () => {
    const made =
      'https://docs.google.com/forms/d/e/1FAIpQ/viewform?usp=pp_url&entry.586370353=%D0%93%D0%91%D0%9E%D0%A3+%D0%A1%D0%9E%D0%A8+%E2%84%96+47';
    expect(findPrefillEntry(made, 'ГБОУ СОШ № 47')).toEqual({
      formUrl: 'https://docs.google.com/forms/d/e/1FAIpQ/viewform',
      entry: 'entry.586370353',
    });
    expect(findPrefillEntry(made, 'ГБОУ СОШ № 51')).toBeNull();
    expect(findPrefillEntry('https://example.org/viewform?entry.1=x', 'x')).toBeNull();
    const template: PrefillTemplate = {
      formUrl: 'https://docs.google.com/forms/d/e/1FAIpQ/viewform',
      entries: { school: 'entry.586370353' },
    };
    expect(prefilledLink(template, { school: 'ДДТ «Современник» & (филиал)' })).toBe(
      'https://docs.google.com/forms/d/e/1FAIpQ/viewform?usp=pp_url&entry.586370353=%D0%94%D0%94%D0%A2+%C2%AB%D0%A1%D0%BE%D0%B2%D1%80%D0%B5%D0%BC%D0%B5%D0%BD%D0%BD%D0%B8%D0%BA%C2%BB+%26+%28%D1%84%D0%B8%D0%BB%D0%B8%D0%B0%D0%BB%29',
    );
    expect(prefilledLink(template, { event: 'нет такого вопроса' })).toBe(template.formUrl);
  });
});
