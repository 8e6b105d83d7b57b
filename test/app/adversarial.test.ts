/**
 * Adversarial: what schools and staff really do that the other suites do not try — each test on
 * the real bundle, written before its fix.
 */
import { createWorkspace } from '@opc/gas-emulator';
import {
  BUILD_DIR,
  column,
  district,
  errorOf,
  madeDocuments,
  registration,
  rememberFirstEvent,
  setUpDistrict,
  type Ws,
  resultAnswer,
} from './harness';

const REG = 'Регистрация участников';
const RESULTS = 'Результаты участия';

const result = resultAnswer;

describe('invisible direction marks pasted with a name', () => {
  test('LRM, RLM and bidi embeddings around a name are dropped like zero-width spaces: the child is one participant, the result finds her', () => {
    const { ws, app } = district();
    ws.submitForm(REG, registration());
    // The same child again, her name pasted from a web page with direction marks around it.
    ws.submitForm(
      REG,
      registration({
        'Участник 1: фамилия': 'Иванова\u200E',
        'Участник 1: имя': '\u202BМария\u202C',
      }),
    );
    ws.submitForm(RESULTS, result({ 'Участник (Фамилия Имя)': 'Иванова\u200F Мария' }));
    app.call('rebuildAll');
    expect(column(ws, 'Участники', 'Фамилия')).toEqual(['Иванова']);
    expect(column(ws, 'Участники', 'Имя')).toEqual(['Мария']);
    expect(column(ws, 'Результаты', 'Участник')).toEqual(['Иванова Мария']);
    const fields = column(ws, 'Требует проверки', 'Поле').map(String);
    expect(fields.filter((f) => f.startsWith('Участник'))).toEqual([]);
  });
});

describe('the year closed while certificates are unfinished', () => {
  const EVENT = 'Отборочный (заочный) тур регионального чемпионата JuniorSkills';
  const MONTHS = ['2021-09', '2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03'];

  /** Four children with results; on 1 June the day's quota makes 2 of their 5 documents. */
  function pausedOnQuota() {
    // 7 templates and 9 notes leave 2 documents of the day for certificates: 3 of 5 wait.
    const { ws, app } = setUpDistrict('2022-06-01T10:00:00+03:00', { documentsCreatedPerDay: 18 });
    rememberFirstEvent(ws.sheetValues('Мероприятия'));
    const children: [string, string, string][] = [
      ['ГБОУ СОШ № 47', 'Орлова', 'Ирина'],
      ['ГБОУ СОШ № 51', 'Козлова', 'Анна'],
      ['ГБДОУ № 21', 'Сорокин', 'Илья'],
      ['ГБДОУ № 106', 'Белова', 'Ольга'],
    ];
    for (const [school, surname, name] of children) {
      ws.submitForm(
        REG,
        registration({
          'Образовательное учреждение': school,
          Мероприятие: EVENT,
          'Участник 1: фамилия': surname,
          'Участник 1: имя': name,
        }),
      );
      ws.submitForm(
        RESULTS,
        result({
          'Образовательное учреждение': school,
          Мероприятие: EVENT,
          'Участник (Фамилия Имя)': `${surname} ${name}`,
        }),
      );
    }
    for (const period of [...MONTHS, '2022-04', '2022-05']) app.call('generateMonthlyNote', period);
    const first = app.call('generateCertificates', EVENT) as { made: number; paused: string };
    expect(first).toMatchObject({ made: 2, paused: 'quota' });
    return { ws, app };
  }

  test('the close is refused, naming the event and its progress, until the documents are made: the names they need are not removed first', () => {
    const { ws, app } = pausedOnQuota();

    ws.clock.advanceTo('2022-06-02T05:00:00+03:00'); // before the daily run
    for (const confirm of [undefined, true]) {
      expect(() => app.call('closeSchoolYear', '2021/2022', confirm)).toThrow(
        /Грамоты не доделаны.*сделано 2 из 5/,
      );
    }
    expect(column(ws, 'Участники', 'Фамилия')).toHaveLength(4);

    ws.clock.advanceTo('2022-06-02T08:00:00+03:00'); // the daily run makes the other three
    const made = madeDocuments(ws).filter((d) => !d.trashed && d.folderPath.includes('/Грамоты/'));
    expect(made).toHaveLength(5);
    const closed = app.call('closeSchoolYear', '2021/2022', true) as { closed: boolean };
    expect(closed.closed).toBe(true);
  });

  test('an unfinished run whose event staff renamed is reported once in «Журнал» and not retried every day', () => {
    const { ws, app } = pausedOnQuota();
    const events = ws.spreadsheet().getSheetByName('Мероприятия')!;
    const names = events.getRange(1, 1, events.getLastRow(), 1).getValues();
    events
      .getRange(1, 1, names.length, 1)
      .setValues(names.map(([name]) => [name === EVENT ? `${EVENT} (финал)` : name]));
    ws.clock.advanceTo('2022-06-02T08:00:00+03:00'); // the daily run cannot find the event
    const lines = () =>
      ws.sheetValues('Журнал').filter((r) => String(r[3]).includes('не доделаны (сделано'));
    expect(lines()).toHaveLength(1);
    expect(String(lines()[0]![3])).toContain(`«${EVENT}»`);
    expect(String(lines()[0]![3])).toContain('сделано 2 из 5');
    expect(app.call('getCertificatesPanel').pending).toEqual([]);
    ws.clock.advanceTo('2022-06-03T08:00:00+03:00'); // the next day: nothing again
    expect(lines()).toHaveLength(1);
  });
});

describe('a test answer deleted from the response sheet', () => {
  /** [answer's surname, field, status] of every row of «Требует проверки». */
  function statuses(ws: Ws): string[][] {
    const [head = [], ...rows] = ws.sheetValues('Требует проверки');
    const answers = ws.sheetValues(`Ответы: ${REG}`);
    const surname = answers[0]!.indexOf('Участник 1: фамилия');
    const at = (h: string) => head.indexOf(h);
    return rows.map((r) => {
      const row = Number(String(r[at('Ответ-источник')]).replace('REG-', ''));
      return [String(answers[row - 1]![surname]), String(r[at('Поле')]), String(r[at('Статус')])];
    });
  }

  test('staff statuses in «Требует проверки» stay with their answers: none passes to the next answer, none is lost', () => {
    const { ws, app } = district();
    // A test answer, then two schools' answers: each has the same category problem and its own.
    for (const surname of ['Тестова1', 'Соколова2', 'Петров3'])
      ws.submitForm(REG, registration({ 'Участник 1: фамилия': surname }));
    const sheet = ws.spreadsheet().getSheetByName('Требует проверки')!;
    const status: Record<string, string> = { Тестова1: 'Решено', Петров3: 'В работе' };
    statuses(ws).forEach(([surname], i) => {
      if (status[surname!]) sheet.getRange(i + 2, 9).setValue(status[surname!]);
    });
    const CATEGORY = 'Возрастная категория';
    const SURNAME = 'Участник 1: фамилия';
    expect(statuses(ws)).toEqual([
      ['Тестова1', CATEGORY, 'Решено'],
      ['Тестова1', SURNAME, 'Решено'],
      ['Соколова2', CATEGORY, 'Новая'],
      ['Соколова2', SURNAME, 'Новая'],
      ['Петров3', CATEGORY, 'В работе'],
      ['Петров3', SURNAME, 'В работе'],
    ]);
    // Staff delete the test answer's row; the next daily run and rebuildAll project it all.
    ws.spreadsheet().getSheetByName(`Ответы: ${REG}`)!.deleteRow(2);
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    const after = [
      ['Соколова2', CATEGORY, 'Новая'],
      ['Соколова2', SURNAME, 'Новая'],
      ['Петров3', CATEGORY, 'В работе'],
      ['Петров3', SURNAME, 'В работе'],
    ];
    expect(statuses(ws)).toEqual(after);
    app.call('rebuildAll');
    expect(statuses(ws)).toEqual(after);
    // A new answer of the same family goes through the submit: the statuses stay.
    ws.submitForm(REG, registration({ 'Участник 1: фамилия': 'Орлов4' }));
    expect(statuses(ws).filter(([surname]) => surname !== 'Орлов4')).toEqual(after);
  });
});

describe('a note made again while its summary waits for the mail quota', () => {
  test('the recipients still waiting get the new note, never a link to the trashed one; nobody gets one edition twice', () => {
    // One letter a day: on 4 October the summary reaches the first recipient, two wait.
    const { ws, app } = setUpDistrict('2021-10-04T09:00:00+03:00', { mailRecipientsPerDay: 1 });
    rememberFirstEvent(ws.sheetValues('Мероприятия'));
    ws.submitForm(REG, registration());
    const recipients = ['a@center.example', 'b@center.example', 'c@center.example'];
    app.call('saveSettings', { recipients: recipients.join(', '), schoolLetters: 'нет' });
    const first = app.call('sendMonthlySummary', '2021-09') as { queued: boolean; noteId: string };
    expect(first.queued).toBe(true);
    // Staff add the signatory and make the note again; the first one goes to the trash.
    ws.clock.advanceTo('2021-10-04T12:00:00+03:00');
    app.call('saveSettings', { signatureName: 'Е.В. Французан' });
    app.call('generateMonthlyNote', '2021-09');
    for (const day of ['05', '06', '07', '08']) ws.clock.advanceTo(`2021-10-${day}T09:00:00+03:00`);

    const live = madeDocuments(ws).filter((d) => !d.trashed && d.name.includes('сентябрь'));
    expect(live).toHaveLength(1);
    const summaries = ws.outbox().filter((m) => m.subject.includes('сводка за сентябрь'));
    const linked = (body: string): string => /id=(\S+)/.exec(body)?.[1] ?? '';
    const [a, ...rest] = summaries;
    expect(a!.to).toBe('a@center.example');
    expect(linked(a!.body)).toBe(first.noteId);
    // b and c never received the replaced note: they get the current one (the note day made it
    // again too), once each, with its PDF.
    const current = live[0]!.id;
    expect(rest.map((m) => [m.to, linked(m.body)])).toEqual([
      ['b@center.example', current],
      ['c@center.example', current],
    ]);
    const pairs = summaries.map((m) => `${m.to} ${linked(m.body)}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});

describe('an argument that is not text (a crafted google.script.run call)', () => {
  test('every public entry taking a period, a year or an event answers in Russian, not with a TypeError', () => {
    const { app } = district();
    const crafted = { toString: '2021-09' };
    const calls: [string, RegExp][] = [
      ['generateMonthlyNote', /месяц|период/i],
      ['sendMonthlySummary', /месяц|период/i],
      ['closeSchoolYear', /учебн/i],
      ['generatePlanAnalysis', /учебн|год/i],
      ['generateCertificates', /мероприяти/i],
      ['previewCertificates', /мероприяти/i],
    ];
    for (const [name, russian] of calls) {
      const message = errorOf(() => {
        const answer = app.call(name, crafted) as { message?: string } | undefined;
        if (answer && typeof answer.message === 'string') throw new Error(answer.message);
      });
      expect({ name, message }).toEqual({ name, message: expect.stringMatching(russian) });
      expect({ name, message }).not.toEqual({
        name,
        message: expect.stringMatching(/TypeError|primitive/),
      });
    }
  });
});

describe('setup stopped by the time limit while it writes a built-in template', () => {
  test('the half-written template is already in «Шаблоны», not an orphan in My Drive; the next setup makes a whole one beside it', () => {
    const ws = createWorkspace({
      now: '2021-09-01T08:00:00+03:00',
      user: 'metodist@center.example',
    });
    const app = ws.loadBundle(BUILD_DIR);
    const stop = ws.faults.stopAt(['Body.setPageWidth'], 1); // the first certificate template
    expect(() => app.call('setupSystem')).toThrow(/Exceeded maximum execution time/);
    expect(stop.stopped?.call).toBe('Body.setPageWidth');
    ws.faults.clearStop();
    const docs = () =>
      ws.files().filter((f) => !f.trashed && f.mimeType === 'application/vnd.google-apps.document');
    expect(docs().filter((f) => !f.path.includes('/Шаблоны'))).toEqual([]);
    app.call('setupSystem');
    expect(docs().filter((f) => !f.path.includes('/Шаблоны'))).toEqual([]);
  });
});
