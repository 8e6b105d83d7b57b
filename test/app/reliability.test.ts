/**
 * «Nothing lost, nobody let in» (issue 17): one test per bullet of the issue's «Why», each on the
 * real bundle — everyday staff edits, faults, quota, time and access.
 */
import {
  column,
  district,
  journal,
  lastExecution,
  monthlyReport,
  registration,
  SCHOOLS,
  setSetting,
  type App,
  type Ws,
  resultAnswer,
} from './harness';
import { SCHOOLS_SCHEMA, toRow } from '../../src/domain/schema';
import type { School } from '../../src/domain/model';

const REG = 'Регистрация участников';
const REPORT = 'Ежемесячный отчёт ОУ';
const RESULTS = 'Результаты участия';
const OWNER = 'metodist@center.example';
const BOSS = 'boss@center.example';
const STRANGER = 'stranger@example.org';

function surnames(ws: Ws): string[] {
  return column(ws, 'Участники', 'Фамилия').map(String).sort();
}

const result = resultAnswer;

/** A form of the bundle's project, opened as a script would. */
function formOf(app: App, ws: Ws, title: string): GoogleAppsScript.Forms.Form {
  const id = ws.forms().find((f) => f.title === title)!.id;
  const g = app.context as unknown as { FormApp: GoogleAppsScript.Forms.FormApp };
  return g.FormApp.openById(id);
}

/** Ticks «Подтверждено» on the «Результаты» row of `name`, as staff do. */
function confirm(ws: Ws, name: string): void {
  const [head = [], ...rows] = ws.sheetValues('Результаты');
  const row = rows.findIndex((r) => r[head.indexOf('Участник')] === name);
  ws.spreadsheet()
    .getSheetByName('Результаты')!
    .getRange(row + 2, head.indexOf('Подтверждено') + 1)
    .setValue(true);
}

function confirmedOf(ws: Ws, name: string): unknown {
  const [head = [], ...rows] = ws.sheetValues('Результаты');
  return rows.find((r) => r[head.indexOf('Участник')] === name)?.[head.indexOf('Подтверждено')];
}

function setRegistry(ws: Ws, schools: School[]): void {
  const sheet = ws.spreadsheet().getSheetByName('ОУ')!;
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, SCHOOLS_SCHEMA.columns.length).clearContent();
  if (sheet.getMaxRows() < schools.length + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), schools.length + 1 - sheet.getMaxRows());
  sheet
    .getRange(2, 1, schools.length, SCHOOLS_SCHEMA.columns.length)
    .setValues(schools.map((s) => toRow(SCHOOLS_SCHEMA, s)) as never);
}

describe('Why: everyday staff edits', () => {
  test('a renamed response sheet keeps its answers placed: the next answers, the daily runs and rebuildAll', () => {
    const { ws, app } = district();
    ws.submitForm(REG, registration());
    ws.spreadsheet().getSheetByName(`Ответы: ${REG}`)!.setName('Регистрация — ответы');
    ws.submitForm(REG, registration({ 'Участник 1: фамилия': 'Соколова' }));
    expect(surnames(ws)).toEqual(['Иванова', 'Соколова']);
    ws.clock.advanceTo('2021-10-12T07:00:00+03:00'); // a week of daily runs, the weekly one too
    expect(surnames(ws)).toEqual(['Иванова', 'Соколова']);
    app.call('rebuildAll');
    expect(surnames(ws)).toEqual(['Иванова', 'Соколова']);
  });

  test('a renamed question: the next submit places the answer, setupSystem adds no copy, rebuildAll keeps the tab', () => {
    const { ws, app } = district();
    ws.submitForm(REG, registration());
    const form = formOf(app, ws, REG);
    const item = form.getItems().find((i) => i.getTitle() === 'Участник 1: класс / группа')!;
    item.setTitle('Класс или группа первого участника');
    const answers = registration({ 'Участник 1: фамилия': 'Соколова' });
    answers['Класс или группа первого участника'] = answers['Участник 1: класс / группа']!;
    delete answers['Участник 1: класс / группа'];
    ws.submitForm(REG, answers);
    expect(surnames(ws)).toEqual(['Иванова', 'Соколова']);
    expect(column(ws, 'Требует проверки', 'Поле')).not.toContain('Участник 1: класс / группа');

    const titles = () =>
      ws
        .forms()
        .find((f) => f.title === REG)!
        .items.map((i) => i.title);
    const before = titles();
    app.call('setupSystem');
    expect(titles()).toEqual(before);
    expect(titles()).not.toContain('Участник 1: класс / группа');
    app.call('rebuildAll');
    expect(surnames(ws)).toEqual(['Иванова', 'Соколова']);
  });

  test('a deleted question stops that form loudly — journal, red health line, mail to staff — and set-up restores it once', () => {
    const { ws, app } = district();
    app.call('saveSettings', { staff: `${OWNER}, ${BOSS}` });
    ws.submitForm(REG, registration());
    const form = formOf(app, ws, REG);
    const item = form.getItems().find((i) => i.getTitle() === 'Наставник: ФИО')!;
    form.deleteItem(item);
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    expect(surnames(ws)).toEqual(['Иванова']); // never cleared
    const stopped = journal(ws).filter((r) => r[1] === 'sources');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]![3]).toContain('удалён вопрос «Наставник: ФИО»');
    const health = app.call('getHealth') as { problems: string[] };
    expect(health.problems.join(' ')).toContain('Наставник: ФИО');
    const alerts = ws.outbox().filter((m) => m.subject.includes('разбор ответов остановлен'));
    expect(alerts.map((m) => m.to).sort()).toEqual([BOSS, OWNER].sort());

    app.call('setupSystem');
    const titles = ws
      .forms()
      .find((f) => f.title === REG)!
      .items.map((i) => i.title);
    expect(titles.filter((t) => t === 'Наставник: ФИО')).toHaveLength(1);
    expect((app.call('getHealth') as { problems: string[] }).problems).toEqual([]);
    ws.clock.advanceTo('2021-10-06T07:00:00+03:00');
    expect(ws.outbox().filter((m) => m.subject.includes('разбор ответов остановлен'))).toHaveLength(
      2,
    ); // nothing new to say
  });

  test('an unlinked form stops its projection without clearing a tab; set-up links it again', () => {
    const { ws, app } = district();
    ws.submitForm(REG, registration());
    formOf(app, ws, REG).removeDestination();
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    expect(surnames(ws)).toEqual(['Иванова']);
    expect(journal(ws).some((r) => r[1] === 'sources' && String(r[3]).includes('отвязана'))).toBe(
      true,
    );
    app.call('setupSystem');
    ws.submitForm(REG, registration({ 'Участник 1: фамилия': 'Соколова' }));
    expect(surnames(ws)).toEqual(['Иванова', 'Соколова']);
    app.call('rebuildAll');
    expect(surnames(ws)).toEqual(['Иванова', 'Соколова']);
  });
});

describe('Why: catch-up that cannot be skipped', () => {
  test('a submit that meets a busy table while the journal write fails is placed by the next daily run', () => {
    const { ws, app } = district();
    ws.lockHeldElsewhere(true);
    ws.faults.fail('Range.setValues', { times: 1, error: 'Service Spreadsheets failed' });
    ws.submitForm(REG, registration());
    ws.lockHeldElsewhere(false);
    expect(surnames(ws)).toEqual([]);
    // The «behind» mark was written first: the failing journal did not take it along.
    const g = app.context as unknown as {
      PropertiesService: GoogleAppsScript.Properties.PropertiesService;
    };
    expect(g.PropertiesService.getDocumentProperties().getProperty('intake.behind')).toBe('1');
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    expect(surnames(ws)).toEqual(['Иванова']);
  });

  test('an answer whose trigger never fired is placed by the next submit of its family, or by the next daily run', () => {
    const { ws, app } = district();
    app.call('rebuildAll'); // what was placed is known from here on
    ws.submitForm(REG, registration(), { deliver: false });
    ws.submitForm(REPORT, monthlyReport('ГБОУ СОШ № 47'), { deliver: false });
    expect(surnames(ws)).toEqual([]);
    ws.submitForm(REG, registration({ 'Образовательное учреждение': 'ГБОУ СОШ № 51' }));
    expect(column(ws, 'Участники', 'ОУ')).toEqual(['ШКОЛА-47', 'ШКОЛА-51']);
    expect(column(ws, 'Отчёты ОУ', 'ОУ')).toEqual([]);
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    expect(column(ws, 'Отчёты ОУ', 'ОУ')).toEqual(['ШКОЛА-47']);
  });

  test('a derived row deleted, a tab sorted or blanked by hand is restored by the next daily run; confirmations survive', () => {
    const { ws } = district();
    ws.submitForm(REG, registration());
    ws.submitForm(
      REG,
      registration({ 'Участник 1: фамилия': 'Соколова', 'Участник 1: имя': 'Ольга' }),
    );
    ws.submitForm(RESULTS, result());
    ws.submitForm(RESULTS, result({ 'Участник (Фамилия Имя)': 'Соколова Ольга' }));
    confirm(ws, 'Соколова Ольга');
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00'); // the confirmation taken in
    const participants = ws.sheetValues('Участники');
    const results = ws.spreadsheet().getSheetByName('Результаты')!;
    ws.spreadsheet().getSheetByName('Участники')!.deleteRow(2);
    const rows = results.getRange(2, 1, 2, results.getLastColumn()).getValues();
    results.getRange(2, 1, 2, rows[0]!.length).setValues([rows[1]!, rows[0]!]);
    ws.spreadsheet().getSheetByName('Приказы')!.insertRowsBefore(2, 1);
    ws.clock.advanceTo('2021-10-06T07:00:00+03:00');
    expect(ws.sheetValues('Участники')).toEqual(participants);
    expect(column(ws, 'Результаты', 'Участник')).toEqual(['Иванова Мария', 'Соколова Ольга']);
    expect(confirmedOf(ws, 'Соколова Ольга')).toBe(true);
    expect(confirmedOf(ws, 'Иванова Мария')).toBe(false);
  });
});

describe('Why: nobody let in', () => {
  test('an editor who types their address into the staff list gains nothing; the next run puts the list back', () => {
    const { ws, app } = district();
    app.call('saveSettings', { staff: OWNER, recipients: BOSS });
    ws.actAs(STRANGER);
    expect(() => setSetting(ws, 'staff', STRANGER)).toThrow(/protected/);
    // Even with the protection gone (removed by the owner by mistake), a typed address is no key.
    ws.actAs(OWNER);
    ws.spreadsheet()
      .getSheetByName('Настройки')!
      .getProtections(SpreadsheetProtectionSheet())[0]!
      .remove();
    ws.actAs(STRANGER);
    setSetting(ws, 'staff', STRANGER);
    expect(() => app.call('sendMonthlySummary', '2021-09')).toThrow(/Нет доступа|нет доступа/);
    expect(() => app.call('saveSettings', { staff: STRANGER })).toThrow(/доступ/);
    ws.actAs(OWNER);
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    expect(String(ws.sheetValues('Настройки').find((r) => r[2] === 'staff')![1])).toBe(OWNER);
    expect(journal(ws).some((r) => r[1] === 'access' && String(r[3]).includes(STRANGER))).toBe(
      true,
    );
    // The protection is back, listing the staff.
    const protection = ws
      .spreadsheet()
      .getSheetByName('Настройки')!
      .getProtections(SpreadsheetProtectionSheet());
    expect(protection).toHaveLength(1);
    expect(ws.outbox().filter((m) => m.to === STRANGER)).toHaveLength(0);
  });

  test('a non-staff editor cannot grant themselves access by any edit of cells, tabs or protections', () => {
    const { ws, app } = district();
    app.call('saveSettings', { staff: OWNER });
    const ss = ws.spreadsheet();
    ws.actAs(STRANGER);
    const settings = ss.getSheetByName('Настройки')!;
    const attempts: [string, () => unknown][] = [
      ['type into the staff cell', () => setSetting(ws, 'staff', STRANGER)],
      ['clear «Настройки»', () => settings.getRange('A2:C20').clearContent()],
      ['rename «Настройки»', () => settings.setName('Старые настройки')],
      ['delete «Настройки»', () => ss.deleteSheet(settings)],
      ['add themselves to the protection', () => settings.protect().addEditor(STRANGER)],
      [
        'remove the protection',
        () => settings.getProtections(SpreadsheetProtectionSheet())[0]!.remove(),
      ],
      ['edit «ОУ»', () => ss.getSheetByName('ОУ')!.getRange(2, 7).setValue(STRANGER)],
      ['edit «Журнал»', () => ss.getSheetByName('Журнал')!.getRange(2, 1).setValue('x')],
    ];
    for (const [what, attempt] of attempts) {
      expect({ what, threw: throws(attempt) }).toEqual({ what, threw: true });
    }
    // A new tab named like the settings is theirs to make, and is nobody's settings.
    const fake = ss.insertSheet('Настройки (копия)');
    fake.getRange(1, 1, 1, 3).setValues([['staff', STRANGER, 'staff']]);
    for (const fn of [
      'saveSettings',
      'sendMonthlySummary',
      'setupSystem',
      'rebuildAll',
      'getSettings',
    ]) {
      expect({
        fn,
        threw: throws(() => app.call(fn, fn === 'saveSettings' ? { staff: STRANGER } : '2021-09')),
      }).toEqual({
        fn,
        threw: true,
      });
    }
    ws.actAs(OWNER);
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    ws.actAs(STRANGER);
    expect(() => app.call('getSettings')).toThrow(/доступ/);
  });

  test('the daily run reads every protection and what its catch-up check compares in one call each, and visits only a tab changed by hand', () => {
    const { ws, app } = district();
    app.call('saveSettings', { staff: OWNER });
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00'); // the first run makes the index of answers
    ws.clock.advanceTo('2021-10-06T07:00:00+03:00');
    const daily = () => lastExecution(ws, 'runDailyJobs').calls;
    expect(daily()['Sheets.Spreadsheets.get']).toBe(1);
    expect(daily()['Sheet.getProtections']).toBeUndefined();
    // The catch-up check too reads what it compares in one call.
    expect(daily()['Sheets.Spreadsheets.Values.batchGetByDataFilter']).toBe(1);
    // The owner lets a stranger into «ОУ» by mistake: the next run takes them off, that tab only.
    ws.spreadsheet()
      .getSheetByName('ОУ')!
      .getProtections(SpreadsheetProtectionSheet())[0]!
      .addEditor(STRANGER);
    ws.clock.advanceTo('2021-10-07T07:00:00+03:00');
    expect(daily()['Sheet.getProtections']).toBe(1);
    const editors = ws
      .spreadsheet()
      .getSheetByName('ОУ')!
      .getProtections(SpreadsheetProtectionSheet())[0]!
      .getEditors()
      .map((u) => u.getEmail());
    expect(editors).toEqual([OWNER]);
  });

  test('every protection lists every staff member, and follows the staff list', () => {
    const { ws, app } = district();
    const second = 'second@center.example';
    app.call('saveSettings', { staff: `${OWNER}, ${second}` });
    ws.submitForm(REG, registration({ 'Участник 1: фамилия': '=A1' })); // a line in the queue
    ws.submitForm(RESULTS, result());
    for (const tab of ['Требует проверки', 'Результаты', 'Настройки', 'ОУ']) {
      const editors = ws
        .spreadsheet()
        .getSheetByName(tab)!
        .getProtections(SpreadsheetProtectionSheet())[0]!
        .getEditors()
        .map((u) => u.getEmail());
      expect({ tab, editors: editors.sort() }).toEqual({ tab, editors: [OWNER, second].sort() });
    }
    ws.actAs(second);
    const quality = ws.spreadsheet().getSheetByName('Требует проверки')!;
    const statusColumn = ws.sheetValues('Требует проверки')[0]!.indexOf('Статус') + 1;
    quality.getRange(2, statusColumn).setValue('Исправлено');
    confirm(ws, 'Иванова Мария');
    ws.actAs(OWNER);
    app.call('saveSettings', { staff: OWNER });
    // The hidden index of answers follows the list too.
    const indexEditors = ws
      .spreadsheet()
      .getSheetByName('Индекс ответов')!
      .getProtections(SpreadsheetProtectionSheet())[0]!
      .getEditors()
      .map((u) => u.getEmail());
    expect(indexEditors).toEqual([OWNER]);
    ws.actAs(second);
    expect(() => quality.getRange(2, statusColumn).setValue('Новая')).toThrow(/protected/);
  });
});

describe('Why: confirmations', () => {
  test('a result changed after its confirmation loses it and goes to «Требует проверки»', () => {
    const { ws } = district();
    ws.submitForm(REG, registration());
    const answer = ws.submitForm(RESULTS, result());
    confirm(ws, 'Иванова Мария');
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    expect(confirmedOf(ws, 'Иванова Мария')).toBe(true);

    ws.submitForm(RESULTS, result({ Результат: 'Победитель (1 место)', Баллы: '95' }), {
      editOf: answer.getId(),
    });
    expect(confirmedOf(ws, 'Иванова Мария')).toBe(false);
    expect(column(ws, 'Результаты', 'Подтверждено как')).toEqual(['Участник; 61']);
    const problems = column(ws, 'Требует проверки', 'Проблема').map(String);
    expect(problems.some((p) => p.includes('результат изменён после подтверждения'))).toBe(true);
    ws.clock.advanceTo('2021-10-06T07:00:00+03:00'); // it stays until staff confirm again
    expect(confirmedOf(ws, 'Иванова Мария')).toBe(false);
    expect(
      column(ws, 'Требует проверки', 'Проблема')
        .map(String)
        .some((p) => p.includes('результат изменён после подтверждения')),
    ).toBe(true);
    confirm(ws, 'Иванова Мария');
    ws.clock.advanceTo('2021-10-07T07:00:00+03:00');
    expect(confirmedOf(ws, 'Иванова Мария')).toBe(true);
    expect(
      column(ws, 'Требует проверки', 'Проблема')
        .map(String)
        .some((p) => p.includes('результат изменён после подтверждения')),
    ).toBe(false);
  });

  test('deleting any raw row never moves a confirmation to another child', () => {
    const { ws, app } = district();
    ws.submitForm(
      REG,
      registration({ 'Участник 1: фамилия': 'Тестова', 'Участник 1: имя': 'Анна' }),
    );
    ws.submitForm(REG, registration());
    ws.submitForm(
      REG,
      registration({ 'Участник 1: фамилия': 'Соколова', 'Участник 1: имя': 'Ольга' }),
    );
    ws.submitForm(RESULTS, result({ 'Участник (Фамилия Имя)': 'Тестова Анна' }));
    ws.submitForm(RESULTS, result());
    ws.submitForm(RESULTS, result({ 'Участник (Фамилия Имя)': 'Соколова Ольга' }));
    confirm(ws, 'Иванова Мария');
    app.call('rebuildAll');
    // Staff delete the test answers from both response sheets.
    ws.spreadsheet().getSheetByName(`Ответы: ${RESULTS}`)!.deleteRow(2);
    ws.spreadsheet().getSheetByName(`Ответы: ${REG}`)!.deleteRow(2);
    app.call('rebuildAll');
    expect(column(ws, 'Результаты', 'Участник')).toEqual(['Иванова Мария', 'Соколова Ольга']);
    expect(confirmedOf(ws, 'Иванова Мария')).toBe(true);
    expect(confirmedOf(ws, 'Соколова Ольга')).toBe(false);
  });
});

describe('Why: mail that never blocks', () => {
  test('one malformed address in «ОУ» fails only its letter: the other reminders and the debtors list go, it is journaled and queued for its row', () => {
    const { ws } = district();
    setSetting(ws, 'recipients', BOSS);
    const bad = 'доу 21@@school';
    setRegistry(
      ws,
      SCHOOLS.map((s) => (s.key === 'ДОУ-21' ? { ...s, emails: [bad] } : s)),
    );
    ws.clock.advanceTo('2021-10-06T07:00:00+03:00');
    const sent = ws.outbox().filter((m) => /Напоминание|Должники/.test(m.subject));
    expect(sent.map((m) => m.to).sort()).toEqual(
      [BOSS, 'доу-106@school.example', 'школа-47@school.example', 'школа-51@school.example'].sort(),
    );
    expect(journal(ws).some((r) => r[1] === 'Почта' && String(r[3]).includes(bad))).toBe(true);
    ws.clock.advanceTo('2021-10-07T07:00:00+03:00');
    const issues = ws.sheetValues('Требует проверки').filter((r) => String(r[3]).startsWith('ОУ-'));
    expect(issues.map((r) => r[5])).toEqual([bad]);
    expect(String(issues[0]![3])).toBe('ОУ-4'); // the row of ДОУ-21 in «ОУ»
    expect(ws.outbox().filter((m) => m.to === bad)).toHaveLength(0);
  });

  test('a summary for more recipients than a day’s quota is split across days, each recipient once', () => {
    const { ws, app } = district();
    const many = Array.from({ length: 130 }, (_, i) => `dep${i}@district.example`);
    setSetting(ws, 'recipients', many.join(', '));
    app.call('sendMonthlySummary', '2021-09');
    ws.clock.advanceTo('2021-10-08T07:00:00+03:00');
    const subject = ws.outbox()[0]!.subject;
    const summaries = ws.outbox().filter((m) => m.subject === subject);
    expect(summaries.map((m) => m.to).sort()).toEqual([...many].sort());
  });
});

describe('Why: time and the lock', () => {
  test('a daily run with ~330 reminders due stays within its budget, keeps its journal, and the rest go the next day', () => {
    const schools: School[] = Array.from({ length: 330 }, (_, i) => ({
      ...SCHOOLS[0]!,
      key: `ШКОЛА-${i + 100}`,
      number: String(i + 100),
      officialName: `ГБОУ СОШ № ${i + 100}`,
      shortName: `ГБОУ СОШ № ${i + 100}`,
      emails: [`school${i + 100}@school.example`],
    }));
    const { ws } = district('2021-10-04T09:00:00+03:00', { mailRecipientsPerDay: 1500 });
    setRegistry(ws, schools);
    // Reminders alone: with the monthly letters on, 330 letters of 5 October would come first and
    // the reminders after them, one letter an ОУ a day (school-letters.test.ts).
    setSetting(ws, 'schoolLetters', 'нет');
    ws.clock.advanceTo('2021-10-06T07:00:00+03:00');
    const runs = ws.costs().executions.filter((e) => e.functionName === 'runDailyJobs');
    const run = runs[runs.length - 1]!;
    expect(run.error).toBeUndefined();
    expect(run.modelledMs).toBeLessThan(330_000);
    const first = ws.outbox().filter((m) => m.subject.startsWith('Напоминание')).length;
    expect(first).toBeGreaterThan(100);
    expect(first).toBeLessThan(330);
    const waiting = journal(ws).filter((r) => r[1] === 'Почта' && r[2] === 'отложено');
    expect(waiting[waiting.length - 1]![3]).toContain('исчерпано время выполнения');
    ws.clock.advanceTo('2021-10-07T07:00:00+03:00');
    const all = ws.outbox().filter((m) => m.subject.startsWith('Напоминание'));
    expect(all).toHaveLength(330);
    expect(new Set(all.map((m) => m.to)).size).toBe(330);
  });

  test('the daily run on the note day keeps the lock to its end: no write without it', () => {
    const { ws } = district();
    setSetting(ws, 'recipients', BOSS);
    ws.submitForm(REG, registration());
    ws.clock.advanceTo('2021-10-06T07:00:00+03:00'); // 5 October: note, summary; 6: reminders
    const daily = ws.costs().executions.filter((e) => e.functionName === 'runDailyJobs');
    expect(daily.length).toBeGreaterThanOrEqual(2);
    for (const run of daily) expect(run.unlockedWrites ?? []).toEqual([]);
    expect(ws.outbox().some((m) => m.to === BOSS && m.subject.includes('сводка'))).toBe(true);
  });

  test('only the «behind» mark and the «таблица занята» line are written without the lock', () => {
    const { ws, app } = district();
    setSetting(ws, 'recipients', BOSS);
    ws.submitForm(REG, registration());
    app.call('rebuildAll');
    app.call('saveSettings', { staff: OWNER });
    app.call('generateMonthlyNote', '2021-09');
    app.call('sendMonthlySummary', '2021-09');
    app.call('setupSystem');
    ws.clock.advanceTo('2021-10-06T07:00:00+03:00');
    for (const run of ws.costs().executions) {
      expect({ fn: run.functionName, writes: run.unlockedWrites ?? [] }).toEqual({
        fn: run.functionName,
        writes: [],
      });
    }
    ws.resetCosts();
    ws.lockHeldElsewhere(true);
    ws.submitForm(REG, registration({ 'Участник 1: фамилия': 'Соколова' }));
    ws.lockHeldElsewhere(false);
    const busy = ws.costs().executions[0]!;
    expect(new Set(busy.unlockedWrites)).toEqual(
      new Set(['Properties.setProperty intake.behind', 'Sheet Журнал']),
    );
  });
});

describe('Why: text kept as typed', () => {
  test('a leading apostrophe is stored as typed; a Latin name stays Latin; a mixed-script word is queued', () => {
    const { ws } = district();
    ws.submitForm(REPORT, {
      ...monthlyReport('ГБОУ СОШ № 47'),
      'Проведённые мероприятия': "'Робофест' — районный этап",
    });
    expect(column(ws, 'Отчёты ОУ', 'Проведённые мероприятия')).toEqual([
      "'Робофест' — районный этап",
    ]);
    // «Johnsоn» typed with a Cyrillic «о»: a Latin name stays Latin.
    ws.submitForm(
      REG,
      registration({ 'Участник 1: фамилия': 'Johns\u043en', 'Участник 1: имя': 'Mary' }),
    );
    ws.submitForm(
      REG,
      registration({ 'Участник 1: фамилия': 'Ивanова', 'Участник 1: имя': 'Ольга' }),
    );
    expect(column(ws, 'Участники', 'Фамилия')).toContain('Johnson');
    const mixed = ws
      .sheetValues('Требует проверки')
      .filter((r) => String(r[6]).includes('смешаны русские и латинские'));
    expect(mixed.map((r) => r[5])).toEqual(['Ивanова']);
  });
});

describe('Why: staff tabs forgive and speak', () => {
  test('two registry rows with one key do not merge two schools: the second is queued with what to fill', () => {
    const { ws, app } = district();
    setRegistry(ws, [
      ...SCHOOLS,
      { ...SCHOOLS[0]!, officialName: 'ГБОУ лицей № 47', shortName: 'Лицей 47' },
    ]);
    app.call('setupSystem');
    app.call('rebuildAll');
    const line = ws.sheetValues('Требует проверки').find((r) => String(r[3]) === 'ОУ-6');
    expect(line).toBeDefined();
    expect(String(line![6])).toContain('ключ ШКОЛА-47 уже есть в строке 2');
    const form = ws.forms().find((f) => f.title === REG)!;
    expect(form.items.find((i) => i.title === 'Образовательное учреждение')!.choices).not.toContain(
      'Лицей 47',
    );
  });

  test('after set-up the daily run leaves the dropdowns alone until the lists change, then syncs them', () => {
    const { ws } = district();
    const daily = () => lastExecution(ws, 'runDailyJobs').calls;
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    expect(daily()['ListItem.getChoices']).toBeUndefined();
    setRegistry(ws, [
      ...SCHOOLS,
      {
        ...SCHOOLS[0]!,
        key: 'ШКОЛА-48',
        number: '48',
        officialName: 'ГБОУ СОШ № 48',
        shortName: 'ГБОУ СОШ № 48',
        aliases: [],
      },
    ]);
    ws.clock.advanceTo('2021-10-06T07:00:00+03:00');
    expect(daily()['ListItem.getChoices']).toBeGreaterThan(0);
    const form = ws.forms().find((f) => f.title === REG)!;
    expect(form.items.find((i) => i.title === 'Образовательное учреждение')!.choices).toContain(
      'ГБОУ СОШ № 48',
    );
  });

  test('«ОУ» filled with official names only gets keys, types and numbers in its empty cells; what cannot be derived is queued', () => {
    const { ws, app } = district();
    const named = (officialName: string): School => ({
      key: '',
      type: '' as School['type'],
      number: '',
      officialName,
      shortName: '',
      district: 'Невский',
      emails: [],
      responsible: '',
      aliases: [],
    });
    setRegistry(ws, [
      named('ГБОУ СОШ № 100 Невского района'),
      { ...named('ГБДОУ детский сад № 7 Невского района'), number: '7а' },
      named('Центр творчества'),
    ]);
    app.call('setupSystem');
    const rows = ws.sheetValues('ОУ').slice(1, 4);
    expect(rows.map((r) => r.slice(0, 3).map(String))).toEqual([
      ['ШКОЛА-100', 'школа', '100'],
      ['ДОУ-7', 'ДОУ', '7а'], // staff's number stays
      ['', '', ''],
    ]);
    expect(journal(ws).some((r) => r[1] === 'ОУ' && String(r[3]).includes('2, 3'))).toBe(true);
    const form = ws.forms().find((f) => f.title === REG)!;
    expect(form.items.find((i) => i.title === 'Образовательное учреждение')!.choices).toEqual(
      expect.arrayContaining(['ГБОУ СОШ № 100 Невского района']),
    );
    app.call('rebuildAll');
    const line = ws.sheetValues('Требует проверки').find((r) => String(r[3]) === 'ОУ-4');
    expect(String(line![7])).toContain('Заполните «Ключ»');
  });
});

describe('Why: respondents', () => {
  test('with «Проверять отправителя» an answer from an address not listed for its ОУ is placed but flagged', () => {
    const { ws, app } = district();
    const collecting = () => ws.forms().map((f) => formOf(app, ws, f.title).collectsEmail());
    expect(collecting().every((c) => !c)).toBe(true);
    app.call('saveSettings', { checkSender: 'да' });
    expect(collecting().every((c) => c)).toBe(true);
    ws.submitForm(REG, registration(), { respondent: 'школа-47@school.example' });
    ws.submitForm(REG, registration({ 'Участник 1: фамилия': 'Соколова' }), {
      respondent: 'someone@gmail.example',
    });
    expect(surnames(ws)).toEqual(['Иванова', 'Соколова']);
    const flagged = ws
      .sheetValues('Требует проверки')
      .filter((r) => String(r[6]).includes('ответ с адреса, не указанного для ОУ'));
    expect(flagged.map((r) => r[5])).toEqual(['someone@gmail.example']);
    const health = app.call('getHealth') as { senderCheck: string };
    expect(health.senderCheck).toContain('Подтверждённые');
  });
});

function throws(fn: () => unknown): boolean {
  try {
    fn();
    return false;
  } catch {
    return true;
  }
}

function SpreadsheetProtectionSheet(): GoogleAppsScript.Spreadsheet.ProtectionType {
  return 'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
}
