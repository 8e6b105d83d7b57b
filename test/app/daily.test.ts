/**
 * runDailyJobs on the real bundle: the daily trigger fires day by day as the emulated clock moves;
 * reminders after the deadline go out once, a spent mail quota defers the rest to the next day,
 * and a failing service is journaled and retried the next morning.
 */
import {
  journal,
  madeDocuments,
  registration,
  rememberFirstEvent,
  setSetting,
  setUpDistrict,
  type Ws,
} from './harness';

const BOSS = 'boss@center.example';

function remindersFor(ws: Ws, monthText: string) {
  return ws
    .outbox()
    .filter((m) => m.subject.includes(monthText) && /Напоминание|Должники/.test(m.subject));
}

function district(quotas?: { mailRecipientsPerDay: number }) {
  const { ws, app } = setUpDistrict('2021-10-04T09:00:00+03:00', quotas);
  setSetting(ws, 'recipients', BOSS);
  // Reminders on their own: the monthly letters to ОУ and how they share the days with reminders
  // are tested in school-letters.test.ts.
  setSetting(ws, 'schoolLetters', 'нет');
  rememberFirstEvent(ws.sheetValues('Мероприятия'));
  return { ws, app };
}

describe('runDailyJobs', () => {
  it('is installed as the daily trigger and public', () => {
    const { ws, app } = district();
    expect(app.has('runDailyJobs')).toBe(true);
    expect(ws.triggers().filter((t) => t.handler === 'runDailyJobs')).toHaveLength(1);
  });

  it('sends each debtor one reminder after the deadline and never again', () => {
    const { ws } = district();
    ws.submitForm('Регистрация участников', registration(), { respondent: 'school47@example.org' });
    ws.clock.advanceTo('2021-11-02T10:00:00+03:00');
    ws.submitForm('Ежемесячный отчёт ОУ', {
      'Образовательное учреждение': 'ГБОУ СОШ № 51',
      'Отчётный месяц': 'октябрь 2021',
      'Проведено занятий по подготовке': '4',
      'Обучающихся в подготовке': '12',
      'Педагогов-наставников': '2',
      'Контактное лицо': 'Смирнова О. В.',
    });
    ws.clock.advanceTo('2021-11-05T23:00:00+03:00');
    expect(remindersFor(ws, 'октябрь 2021')).toHaveLength(0); // the deadline day itself is quiet

    ws.clock.advanceTo('2021-11-06T07:00:00+03:00');
    const sent = remindersFor(ws, 'октябрь 2021');
    expect(sent.map((m) => m.to).sort()).toEqual(
      [BOSS, 'доу-106@school.example', 'доу-21@school.example', 'школа-47@school.example'].sort(),
    );
    const to47 = sent.find((m) => m.to === 'школа-47@school.example')!;
    expect(to47.body).toContain('ежемесячный отчёт за октябрь 2021\u00a0г. не представлен');
    expect(to47.body).toContain('без приказа 1 участник');
    expect(to47.htmlBody).toContain('<li>');
    const staff = sent.find((m) => m.to === BOSS)!;
    expect(staff.body).toContain('ГБОУ СОШ № 47');
    expect(staff.body).not.toContain('ГБОУ СОШ № 51');
    expect(
      journal(ws).some((r) => r[1] === 'runDailyJobs: reminders' && r[2] === 'выполнено'),
    ).toBe(true);

    ws.clock.advanceTo('2021-11-09T07:00:00+03:00');
    expect(remindersFor(ws, 'октябрь 2021')).toHaveLength(4);
  });

  it('queues what does not fit in the mail quota and sends it on the following days', () => {
    const { ws } = district({ mailRecipientsPerDay: 2 });
    ws.clock.advanceTo('2021-10-06T07:00:00+03:00');
    // Four ОУ without a September report and the staff list: five letters, two a day.
    expect(remindersFor(ws, 'сентябрь 2021')).toHaveLength(2);
    const queued = journal(ws).filter((r) => r[1] === 'Почта' && r[2] === 'отложено');
    expect(queued).toHaveLength(1);
    expect(queued[0]![3]).toContain(
      '3 письма ждут следующего запуска (исчерпана дневная квота почты)',
    );

    ws.clock.advanceTo('2021-10-07T07:00:00+03:00');
    expect(remindersFor(ws, 'сентябрь 2021')).toHaveLength(4);
    ws.clock.advanceTo('2021-10-10T07:00:00+03:00');
    const all = remindersFor(ws, 'сентябрь 2021');
    expect(all).toHaveLength(5);
    expect(new Set(all.map((m) => m.to)).size).toBe(5); // nobody twice
  });

  it('journals a failing service and retries the letter the next day', () => {
    const { ws } = district();
    ws.clock.advanceTo('2021-10-05T12:00:00+03:00');
    const statisticsRuns = () =>
      journal(ws).filter((r) => r[1] === 'runDailyJobs' && r[2] === 'выполнено').length;
    const before = statisticsRuns();
    ws.faults.fail('MailApp.sendEmail', { times: 1, error: 'Service unavailable: Gmail' });
    ws.clock.advanceTo('2021-10-06T07:00:00+03:00');
    const errors = journal(ws).filter((r) => r[1] === 'Почта' && r[2] === 'ошибка');
    expect(errors).toHaveLength(1);
    expect(errors[0]![5]).toContain('Service unavailable');
    expect(statisticsRuns()).toBe(before + 1); // the other jobs of the morning still ran
    expect(remindersFor(ws, 'сентябрь 2021')).toHaveLength(4); // the other letters went out

    ws.clock.advanceTo('2021-10-07T07:00:00+03:00');
    expect(remindersFor(ws, 'сентябрь 2021')).toHaveLength(5);
    ws.clock.advanceTo('2021-10-08T07:00:00+03:00');
    expect(remindersFor(ws, 'сентябрь 2021')).toHaveLength(5);
  });

  it('retries a note that failed, and holds the summary until the note exists', () => {
    const { ws } = district();
    // The note is a copy of its template: the copy fails.
    ws.faults.fail('File.makeCopy', { times: 1, error: 'Service unavailable: Documents' });
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    const failed = journal(ws).filter((r) => r[1] === 'runDailyJobs: note' && r[2] === 'ошибка');
    expect(failed).toHaveLength(1);
    expect(failed[0]![3]).toContain('сентябрь 2021');
    expect(failed[0]![5]).toContain('Service unavailable');
    expect(journal(ws).some((r) => r[1] === 'runDailyJobs: summary' && r[2] === 'отложено')).toBe(
      true,
    );
    expect(madeDocuments(ws).filter((d) => !d.trashed)).toHaveLength(0);
    expect(ws.outbox().filter((m) => m.to === BOSS)).toHaveLength(0);

    ws.clock.advanceTo('2021-10-06T07:00:00+03:00');
    const notes = madeDocuments(ws).filter((d) => !d.trashed && d.name.includes('сентябрь 2021'));
    expect(notes).toHaveLength(1);
    const summaries = ws.outbox().filter((m) => m.to === BOSS && m.subject.includes('сводка'));
    expect(summaries).toHaveLength(1);

    ws.clock.advanceTo('2021-10-08T07:00:00+03:00');
    expect(
      madeDocuments(ws).filter((d) => !d.trashed && d.name.includes('сентябрь 2021')),
    ).toHaveLength(1);
    expect(ws.outbox().filter((m) => m.to === BOSS && m.subject.includes('сводка'))).toHaveLength(
      1,
    );
  });

  it('leaves everything for the next run when another execution holds the lock', () => {
    const { ws } = district();
    ws.lockHeldElsewhere(true);
    ws.clock.advanceTo('2021-10-06T07:00:00+03:00');
    expect(journal(ws).some((r) => r[1] === 'runDailyJobs' && r[2] === 'отложено')).toBe(true);
    expect(remindersFor(ws, 'сентябрь 2021')).toHaveLength(0);
    ws.lockHeldElsewhere(false);
    ws.clock.advanceTo('2021-10-07T07:00:00+03:00');
    expect(remindersFor(ws, 'сентябрь 2021')).toHaveLength(5);
  });
});
