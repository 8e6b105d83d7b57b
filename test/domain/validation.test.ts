import { Q } from '../../src/domain/forms';
import {
  gradeOf,
  registrationParticipants,
  reportDeadline,
  toMonthlyReport,
  toQualityIssues,
  validateMonthlyReport,
  validateOrder,
  validateRegistration,
  validateResult,
  type FieldIssue,
  type FormAnswers,
} from '../../src/domain/validation';
import { context, NOW } from './fixtures';
import { DOMAIN_RU } from '../../src/i18n/ru/domain';

const CONSENT = 'Да, согласие получено';

const registration = (over: Record<string, unknown> = {}): FormAnswers => ({
  [Q.school]: 'Школа № 47',
  [Q.event]: 'Региональный чемпионат KidSkills Санкт-Петербурга',
  [Q.competency]: 'Мобильная робототехника',
  [Q.ageCategory]: '3–4 класс',
  [Q.p1Surname]: 'иванова',
  [Q.p1Name]: 'анна',
  [Q.p1Class]: '4А',
  [Q.p2Surname]: '',
  [Q.p2Name]: '',
  [Q.p2Class]: '',
  [Q.mentorName]: 'Петрова Мария Ивановна',
  [Q.mentorEmail]: 'petrova@school47.ru',
  [Q.consent]: [CONSENT],
  ...over,
});

const rules = (issues: FieldIssue[]): string[] =>
  issues.map((i) => `${i.severity}:${i.field}:${i.rule}`);

describe('registration', () => {
  it('accepts a correct answer and normalises names', () => {
    const { ok, issues, draft } = validateRegistration(registration(), context());
    expect(issues).toEqual([]);
    expect(ok).toBe(true);
    expect(draft.school?.key).toBe('ШКОЛА-47');
    expect(draft.children).toEqual([{ surname: 'Иванова', name: 'Анна', classOrGroup: '4А' }]);
    expect(draft.consent).toBe(true);
  });

  it('requires the consent', () => {
    const { ok, issues } = validateRegistration(registration({ [Q.consent]: [] }), context());
    expect(ok).toBe(false);
    expect(issues[0]?.message).toBe(
      `Поле «${Q.consent}»: без согласия законных представителей регистрация невозможна. Получите согласие и отметьте этот пункт.`,
    );
  });

  it('requires at least one child', () => {
    const { issues } = validateRegistration(
      registration({ [Q.p1Surname]: '', [Q.p1Name]: '', [Q.p1Class]: '' }),
      context(),
    );
    expect(rules(issues)).toEqual([`error:${Q.p1Surname}:no-children`]);
  });

  it('requires both surname and name of a child', () => {
    const { issues } = validateRegistration(
      registration({ [Q.p2Surname]: 'Петров', [Q.p2Class]: '4А' }),
      context(),
    );
    expect(rules(issues)).toEqual([`error:${Q.p2Name}:name-missing`]);
    expect(issues[0]?.message).toContain(`хотя заполнено поле «${Q.p2Surname}»`);
  });

  it('rejects digits in a name', () => {
    const { issues } = validateRegistration(registration({ [Q.p1Name]: 'Анна2' }), context());
    expect(rules(issues)).toEqual([`error:${Q.p1Name}:name-implausible`]);
  });

  it('checks a school class and accepts a preschool group', () => {
    expect(
      rules(validateRegistration(registration({ [Q.p1Class]: '15Б' }), context()).issues),
    ).toEqual([`error:${Q.p1Class}:class-implausible`]);
    expect(validateRegistration(registration({ [Q.p1Class]: '4 «Б» класс' }), context()).ok).toBe(
      true,
    );
    expect(
      validateRegistration(registration({ [Q.p1Class]: 'подготовительная группа' }), context()).ok,
    ).toBe(true);
    expect(gradeOf('10-Б')).toBe(10);
    expect(gradeOf('12')).toBeNull();
  });

  it('warns when the class does not fit the age category', () => {
    const { ok, issues } = validateRegistration(registration({ [Q.p1Class]: '9А' }), context());
    expect(ok).toBe(true);
    expect(rules(issues)).toEqual([`warning:${Q.p1Class}:grade-category`]);
  });

  it('checks the mentor email', () => {
    const { issues } = validateRegistration(
      registration({ [Q.mentorEmail]: 'petrova@school47' }),
      context(),
    );
    expect(rules(issues)).toEqual([`error:${Q.mentorEmail}:email-invalid`]);
    expect(issues[0]?.message).toContain('«petrova@school47»');
  });

  it('warns on a one-word mentor name', () => {
    expect(
      rules(validateRegistration(registration({ [Q.mentorName]: 'Петрова' }), context()).issues),
    ).toEqual([`warning:${Q.mentorName}:mentor-one-word`]);
  });

  it('requires the competency to be held for the age category', () => {
    const { issues } = validateRegistration(
      registration({ [Q.competency]: 'Сетевое и системное администрирование' }),
      context(),
    );
    expect(rules(issues)).toContain(`error:${Q.competency}:competency-category`);
    expect(issues.find((i) => i.rule === 'competency-category')?.message).toContain('«10+»');
  });

  it('requires a known event, competency, category and ОУ, with suggestions', () => {
    const { issues } = validateRegistration(
      registration({
        [Q.school]: 'шклоа 47',
        [Q.event]: 'Чемпионат мира',
        [Q.competency]: 'Мехатроникка',
        [Q.ageCategory]: '99+',
      }),
      context(),
    );
    expect(rules(issues)).toEqual([
      `error:${Q.school}:school-unknown`,
      `error:${Q.event}:event-unknown`,
      `error:${Q.competency}:competency-unknown`,
      `error:${Q.ageCategory}:category-unknown`,
    ]);
    expect(issues[0]?.suggestion).toContain('«Школа № 47»');
    expect(issues[2]?.suggestion).toContain('«Мехатроника»');
  });

  it('warns when registration for the event has closed', () => {
    const late = new Date(Date.UTC(2022, 2, 1, 9));
    const { ok, issues } = validateRegistration(registration(), context(late));
    expect(ok).toBe(true);
    expect(rules(issues)).toEqual([`warning:${Q.event}:registration-closed`]);
    expect(issues[0]?.message).toContain('25.02.2022');
  });

  it('drops a child entered twice', () => {
    const { issues, draft } = validateRegistration(
      registration({ [Q.p2Surname]: 'Иванова', [Q.p2Name]: 'Анна', [Q.p2Class]: '4А' }),
      context(),
    );
    expect(rules(issues)).toEqual([`error:${Q.p2Surname}:duplicate-child`]);
    expect(draft.children).toHaveLength(1);
  });

  it('creates participants with stable ids and one team', () => {
    const { draft } = validateRegistration(
      registration({ [Q.p2Surname]: 'Петров', [Q.p2Name]: 'Пётр', [Q.p2Class]: '4Б' }),
      context(),
    );
    const source = { responseId: 'REG-2', submittedAt: NOW };
    const participants = registrationParticipants(draft, source);
    expect(participants).toHaveLength(2);
    expect(participants[0]?.team).toBe(participants[1]?.team);
    expect(participants[0]?.team).toMatch(/^T-/);
    expect(participants.map((p) => p.id)).toEqual(
      registrationParticipants(draft, source).map((p) => p.id),
    );
    expect(participants[0]).toMatchObject({
      surname: 'Иванова',
      schoolKey: 'ШКОЛА-47',
      competency: 'Мобильная робототехника',
      orderStatus: 'нет',
      sourceResponseId: 'REG-2',
    });
  });
});

const report = (over: Record<string, unknown> = {}): FormAnswers => ({
  [Q.school]: 'д/с 21',
  [Q.month]: 'октябрь 2021',
  [Q.sessions]: '12',
  [Q.pupils]: '25',
  [Q.mentors]: '3',
  [Q.eventsHeld]: 'Мастер-класс',
  [Q.contests]: '',
  [Q.difficulties]: '',
  [Q.postRelease]: 'https://vk.com/wall-1_2',
  [Q.contact]: 'Сидорова А.А., 8-911-000-00-00',
  ...over,
});

describe('monthly report', () => {
  it('accepts a correct report', () => {
    const { ok, issues, draft } = validateMonthlyReport(report(), context());
    expect(issues).toEqual([]);
    expect(ok).toBe(true);
    expect(draft).toMatchObject({
      period: '2021-10',
      sessions: 12,
      pupilsInTraining: 25,
      mentors: 3,
    });
    expect(draft.school?.key).toBe('ДОУ-21');
  });

  it('rejects a month ahead of today and a month of another school year', () => {
    expect(
      rules(validateMonthlyReport(report({ [Q.month]: 'декабрь 2021' }), context()).issues),
    ).toEqual([`error:${Q.month}:period-future`]);
    const old = validateMonthlyReport(report({ [Q.month]: 'март 2021' }), context());
    expect(rules(old.issues)).toEqual([`error:${Q.month}:period-outside-year`]);
    expect(old.issues[0]?.message).toContain('2021/2022');
  });

  it('accepts the last month of the previous school year in September', () => {
    const september = new Date(Date.UTC(2021, 8, 3, 9));
    expect(validateMonthlyReport(report({ [Q.month]: 'август 2021' }), context(september)).ok).toBe(
      true,
    );
  });

  it.each([
    ['около 10', 'not-integer'],
    ['2,5', 'not-integer'],
    ['-3', 'negative'],
    ['100000', 'too-large'],
    ['', 'required'],
  ])('keeps the report but leaves the count %j out of the sums (%s)', (typed, rule) => {
    const { ok, issues, draft } = validateMonthlyReport(report({ [Q.sessions]: typed }), context());
    // The report still counts as received; only this figure is left out and queued.
    expect(ok).toBe(true);
    expect(rules(issues)).toEqual([`warning:${Q.sessions}:${rule}`]);
    expect(issues[0]!.suggestion).toBe(DOMAIN_RU.intake.figureLeftOut);
    expect(draft.sessions).toBeNull();
    expect(draft.pupilsInTraining).toBe(25);
    expect(
      toMonthlyReport(draft, { responseId: 'REP-3', submittedAt: NOW }, 5).sessions,
    ).toBeNull();
  });

  it('judges a count by the type of the ОУ: 5000 pupils is absurd for a kindergarten', () => {
    const kindergarten = validateMonthlyReport(report({ [Q.pupils]: '5000' }), context());
    expect(rules(kindergarten.issues)).toEqual([`warning:${Q.pupils}:implausible`]);
    expect(kindergarten.issues[0]!.message).toBe(
      `Поле «${Q.pupils}»: число «5000» неправдоподобно для детского сада (больше 300). Проверьте, нет ли лишней цифры.`,
    );
    expect(kindergarten.draft.pupilsInTraining).toBeNull();
    const school = validateMonthlyReport(
      report({ [Q.school]: 'ГБОУ СОШ № 47', [Q.pupils]: '1200' }),
      context(),
    );
    expect(school.issues).toEqual([]);
    expect(school.draft.pupilsInTraining).toBe(1200);
  });

  it('accepts numbers as Sheets returns them and with thousand spaces', () => {
    const school = { [Q.school]: 'ГБОУ СОШ № 47' };
    expect(
      validateMonthlyReport(report({ ...school, [Q.pupils]: 1200 }), context()).draft
        .pupilsInTraining,
    ).toBe(1200);
    expect(
      validateMonthlyReport(report({ ...school, [Q.pupils]: '1 200' }), context()).draft
        .pupilsInTraining,
    ).toBe(1200);
  });

  it('keeps the report when a post-release is not a link, leaving the text out; completes a bare domain', () => {
    const bad = validateMonthlyReport(report({ [Q.postRelease]: 'на сайте' }), context());
    expect(bad.ok).toBe(true);
    expect(rules(bad.issues)).toEqual([
      `warning:${Q.postRelease}:url-invalid`,
      `warning:${Q.postRelease}:url-invalid`,
    ]);
    expect(bad.issues[0]!.suggestion).toBe(DOMAIN_RU.intake.linkLeftOut);
    expect(bad.draft.postReleaseUrls).toEqual([]);
    const bare = validateMonthlyReport(report({ [Q.postRelease]: 'vk.com/club1' }), context());
    expect(bare.draft.postReleaseUrls).toEqual(['https://vk.com/club1']);
  });

  it('builds the record with the on-time flag', () => {
    const { draft } = validateMonthlyReport(report(), context());
    expect(reportDeadline('2021-10', 5).toISOString()).toBe('2021-11-05T20:59:59.000Z');
    const onTime = toMonthlyReport(
      draft,
      { responseId: 'REP-2', submittedAt: new Date(Date.UTC(2021, 10, 5, 20)) },
      5,
    );
    const late = toMonthlyReport(
      draft,
      { responseId: 'REP-2', submittedAt: new Date(Date.UTC(2021, 10, 5, 21)) },
      5,
    );
    expect(onTime.onTime).toBe(true);
    expect(late.onTime).toBe(false);
    expect(onTime.schoolKey).toBe('ДОУ-21');
  });
});

const order = (over: Record<string, unknown> = {}): FormAnswers => ({
  [Q.school]: 'ГБОУ гимназия № 116',
  [Q.orderNumber]: '24-ОД',
  [Q.orderDate]: '01.11.2021',
  [Q.event]: 'Районный отборочный этап KidSkills',
  [Q.orderParticipants]: '1. Иванов Пётр\n2. петрова анна (3Б)',
  [Q.orderFileLink]: 'https://drive.google.com/file/d/abc/view',
  ...over,
});

describe('order', () => {
  it('accepts a correct order and parses the participants', () => {
    const { ok, issues, draft } = validateOrder(order(), context());
    expect(issues).toEqual([]);
    expect(ok).toBe(true);
    expect(draft.number).toBe('24-ОД');
    expect(draft.date?.toISOString()).toBe('2021-10-31T21:00:00.000Z');
    expect(draft.participants.map((p) => `${p.surname} ${p.name}`)).toEqual([
      'Иванов Пётр',
      'Петрова Анна',
    ]);
  });

  it('names the field and the fix for an impossible date', () => {
    const { issues } = validateOrder(order({ [Q.orderDate]: '31.02.2021' }), context());
    expect(issues.map((i) => i.message)).toEqual([
      'Поле «Дата приказа»: даты «31.02.2021» нет в календаре. Проверьте число и месяц и укажите дату в виде ДД.ММ.ГГГГ.',
    ]);
  });

  it('rejects an unreadable date and a future date', () => {
    expect(validateOrder(order({ [Q.orderDate]: 'вчера' }), context()).issues[0]?.message).toBe(
      'Поле «Дата приказа»: не удалось распознать дату «вчера». Укажите дату в виде ДД.ММ.ГГГГ, например 05.03.2022.',
    );
    expect(rules(validateOrder(order({ [Q.orderDate]: '20.11.2021' }), context()).issues)).toEqual([
      `error:${Q.orderDate}:date-future`,
    ]);
  });

  it('warns on a date from long ago', () => {
    expect(rules(validateOrder(order({ [Q.orderDate]: '01.09.2019' }), context()).issues)).toEqual([
      `warning:${Q.orderDate}:date-old`,
    ]);
  });

  it('requires a number with a digit', () => {
    expect(rules(validateOrder(order({ [Q.orderNumber]: '' }), context()).issues)).toEqual([
      `error:${Q.orderNumber}:required`,
    ]);
    expect(rules(validateOrder(order({ [Q.orderNumber]: 'б/н' }), context()).issues)).toEqual([
      `error:${Q.orderNumber}:order-number`,
    ]);
  });

  it('requires named participants and flags lines that are not names', () => {
    expect(rules(validateOrder(order({ [Q.orderParticipants]: '' }), context()).issues)).toEqual([
      `error:${Q.orderParticipants}:order-no-participants`,
    ]);
    const partly = validateOrder(
      order({ [Q.orderParticipants]: 'Иванов Пётр\nсм. приложение' }),
      context(),
    );
    expect(rules(partly.issues)).toEqual([`error:${Q.orderParticipants}:order-line`]);
    expect(partly.draft.participants).toHaveLength(1);
  });

  it('warns when neither a file nor a link is given, and takes an uploaded file', () => {
    expect(rules(validateOrder(order({ [Q.orderFileLink]: '' }), context()).issues)).toEqual([
      `warning:${Q.orderFile}:order-no-file`,
    ]);
    const uploaded = validateOrder(
      order({ [Q.orderFileLink]: '', [Q.orderFile]: 'https://drive.google.com/open?id=xyz' }),
      context(),
    );
    expect(uploaded.issues).toEqual([]);
    expect(uploaded.draft.fileLinks).toEqual(['https://drive.google.com/open?id=xyz']);
  });
});

const result = (over: Record<string, unknown> = {}): FormAnswers => ({
  [Q.school]: 'Школа № 47',
  [Q.event]: 'Районный отборочный этап KidSkills',
  [Q.competency]: 'Мехатроника',
  [Q.resultParticipant]: 'Иванов Пётр',
  [Q.result]: 'Призёр (2 место)',
  [Q.score]: '87,5',
  ...over,
});

describe('result', () => {
  it('accepts a correct result', () => {
    const { ok, issues, draft } = validateResult(result(), context());
    expect(issues).toEqual([]);
    expect(ok).toBe(true);
    expect(draft).toMatchObject({ result: 'Призёр (2 место)', score: 87.5 });
    expect(draft.participant).toMatchObject({ surname: 'Иванов', name: 'Пётр' });
  });

  it.each([
    ['1 место', 'Победитель (1 место)'],
    ['победитель', 'Победитель (1 место)'],
    ['бронза', 'Призёр (3 место)'],
    ['медальон', 'Медальон за профессионализм'],
    ['участие', 'Участник'],
  ])('reads the result %j', (typed, kind) => {
    expect(validateResult(result({ [Q.result]: typed }), context()).draft.result).toBe(kind);
  });

  it('rejects an unknown result', () => {
    expect(rules(validateResult(result({ [Q.result]: 'призёр' }), context()).issues)).toEqual([
      `error:${Q.result}:result-unknown`,
    ]);
  });

  it.each([
    ['101', 'score-range'],
    ['много', 'score-invalid'],
    ['-1', 'score-invalid'],
  ])('rejects the score %j', (typed, rule) => {
    expect(rules(validateResult(result({ [Q.score]: typed }), context()).issues)).toEqual([
      `error:${Q.score}:${rule}`,
    ]);
  });

  it('takes an empty score as unknown', () => {
    expect(validateResult(result({ [Q.score]: '' }), context()).draft.score).toBeNull();
  });

  it('requires «Фамилия Имя»', () => {
    expect(
      rules(validateResult(result({ [Q.resultParticipant]: 'Иванов' }), context()).issues),
    ).toEqual([`error:${Q.resultParticipant}:participant-not-name`]);
  });
});

describe('quality issues', () => {
  it('have stable keys, so a re-delivered response queues nothing new', () => {
    const { issues } = validateOrder(order({ [Q.orderDate]: '31.02.2021' }), context());
    const source = { responseId: 'ORD-7', form: 'order' as const, detectedAt: NOW };
    const first = toQualityIssues(issues, source);
    const again = toQualityIssues(issues, { ...source, detectedAt: new Date() });
    expect(first[0]?.key).toMatch(/^Q-[0-9a-f]{12}$/);
    expect(again.map((i) => i.key)).toEqual(first.map((i) => i.key));
    expect(first[0]).toMatchObject({
      responseId: 'ORD-7',
      form: 'Приказы о направлении участников',
      field: 'Дата приказа',
      value: '31.02.2021',
      status: 'Новая',
    });
    const other = toQualityIssues(issues, { ...source, responseId: 'ORD-8' });
    expect(other[0]?.key).not.toBe(first[0]?.key);
  });
});

describe('programme consistency', () => {
  it('warns when the category belongs to another programme than the event', () => {
    const { ok, issues } = validateRegistration(
      registration({ [Q.ageCategory]: '10+', [Q.p1Class]: '5А' }),
      context(),
    );
    expect(ok).toBe(true);
    expect(rules(issues)).toEqual([`warning:${Q.ageCategory}:programme-mismatch`]);
    expect(issues[0]?.message).toContain('к программе KidSkills');
  });
});
