/** FormApp and ws.submitForm fidelity (developers.google.com/apps-script/reference/forms). */
import { createWorkspace } from '../src';

const REF = 'developers.google.com/apps-script/reference/forms';

function setup() {
  const ws = createWorkspace();
  const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
  const g = app.context as unknown as {
    FormApp: GoogleAppsScript.Forms.FormApp;
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    DriveApp: GoogleAppsScript.Drive.DriveApp;
  };
  const form = g.FormApp.create('Отчёт');
  form.addTextItem().setTitle('ОУ').setRequired(true);
  form.addListItem().setTitle('Месяц').setChoiceValues(['сентябрь 2021', 'октябрь 2021']);
  form.addCheckboxItem().setTitle('Форматы').setChoiceValues(['очный', 'дистанционный']);
  form
    .addTextItem()
    .setTitle('Занятий')
    .setValidation(
      g.FormApp.createTextValidation().requireNumberBetween(0, 100).setHelpText('0–100').build(),
    );
  return { ws, app, form, ...g };
}

describe('Form', () => {
  test(`Form has no addFileUploadItem: Apps Script cannot create upload questions (${REF}/form)`, () => {
    const { form } = setup();
    expect((form as unknown as Record<string, unknown>).addFileUploadItem).toBeUndefined();
  });

  test(`setDestination creates «Ответы на форму (1)» first, header «Отметка времени» + titles (${REF}/form#setdestinationtype,-id)`, () => {
    const { ws, form, FormApp, SpreadsheetApp } = setup();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(ss.getSheets()[0]!.getName()).toBe('Ответы на форму (1)');
    expect(ws.sheetValues('Ответы на форму (1)')).toEqual([
      ['Отметка времени', 'ОУ', 'Месяц', 'Форматы', 'Занятий'],
    ]);
    expect(form.getDestinationId()).toBe(ss.getId());
    expect(ss.getSheets()[0]!.getFormUrl()).toBe(form.getEditUrl());
  });

  test(`a question added after linking gets a new column; renaming renames it (${REF}/form#adddateitem)`, () => {
    const { ws, form, FormApp, SpreadsheetApp } = setup();
    form.setDestination(
      FormApp.DestinationType.SPREADSHEET,
      SpreadsheetApp.getActiveSpreadsheet().getId(),
    );
    form.addDateItem().setTitle('Дата');
    form.getItems()[0]!.setTitle('Образовательное учреждение');
    expect(ws.sheetValues('Ответы на форму (1)')[0]).toEqual([
      'Отметка времени',
      'Образовательное учреждение',
      'Месяц',
      'Форматы',
      'Занятий',
      'Дата',
    ]);
  });

  test(`getItems returns generic Items; asListItem converts, a wrong conversion throws (${REF}/item#aslistitem)`, () => {
    const { form, FormApp } = setup();
    const items = form.getItems();
    expect(items.map((i) => String(i.getType()))).toEqual(['TEXT', 'LIST', 'CHECKBOX', 'TEXT']);
    expect(items[1]!.getType()).toBe(FormApp.ItemType.LIST);
    expect(
      items[1]!
        .asListItem()
        .getChoices()
        .map((c) => c.getValue()),
    ).toEqual(['сентябрь 2021', 'октябрь 2021']);
    expect(() => items[0]!.asListItem()).toThrow('Invalid conversion for item type: TEXT');
  });
});

describe('submitForm', () => {
  test(`writes the response row as Google does: timestamp Date, checkbox answers joined by ', ' (${REF}/form-response)`, () => {
    const { ws, form, FormApp, SpreadsheetApp } = setup();
    form.setDestination(
      FormApp.DestinationType.SPREADSHEET,
      SpreadsheetApp.getActiveSpreadsheet().getId(),
    );
    const r = ws.submitForm('Отчёт', {
      ОУ: 'ГБОУ СОШ № 47',
      Месяц: 'октябрь 2021',
      Форматы: ['очный', 'дистанционный'],
      Занятий: '12',
    });
    expect(ws.sheetValues('Ответы на форму (1)')[1]).toEqual([
      ws.clock.now(),
      'ГБОУ СОШ № 47',
      'октябрь 2021',
      'очный, дистанционный',
      12,
    ]);
    const stored = form.getResponse(r.getId());
    expect(stored.getItemResponses().map((x) => x.getResponse())).toEqual([
      'ГБОУ СОШ № 47',
      'октябрь 2021',
      ['очный', 'дистанционный'],
      '12',
    ]);
  });

  test(`deleteResponse removes one response from the form's store, keeps the sheet's row, and refuses an unknown id (${REF}/form#deleteresponseresponseid)`, () => {
    const { ws, form, FormApp, SpreadsheetApp } = setup();
    form.setDestination(
      FormApp.DestinationType.SPREADSHEET,
      SpreadsheetApp.getActiveSpreadsheet().getId(),
    );
    const first = ws.submitForm('Отчёт', { ОУ: 'ГБОУ СОШ № 47', Месяц: 'сентябрь 2021' });
    ws.submitForm('Отчёт', { ОУ: 'ГБОУ СОШ № 51', Месяц: 'октябрь 2021' });
    expect(form.deleteResponse(first.getId())).toBe(form);
    expect(form.getResponses().map((r) => r.getItemResponses()[0]!.getResponse())).toEqual([
      'ГБОУ СОШ № 51',
    ]);
    expect(() => form.getResponse(first.getId())).toThrow('Invalid argument: responseId');
    expect(() => form.deleteResponse(first.getId())).toThrow('Invalid argument: responseId');
    // «does not delete copies of responses stored in an external response destination»
    expect(
      ws
        .sheetValues('Ответы на форму (1)')
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(['ГБОУ СОШ № 47', 'ГБОУ СОШ № 51']);
  });

  test('refuses what Google Forms would refuse: unknown title, missing required, bad choice, failed validation', () => {
    const { ws } = setup();
    expect(() => ws.submitForm('Отчёт', { ОУ: 'x', Нет: 'y' })).toThrow('has no question «Нет»');
    expect(() => ws.submitForm('Отчёт', { Месяц: 'октябрь 2021' })).toThrow('«ОУ» is required');
    expect(() => ws.submitForm('Отчёт', { ОУ: 'x', Месяц: 'май' })).toThrow('not a choice: май');
    expect(() => ws.submitForm('Отчёт', { ОУ: 'x', Занятий: '500' })).toThrow('0–100');
  });

  test(`an edited response keeps its id and rewrites its row (${REF}/form#setallowresponseeditsenabled)`, () => {
    const { ws, form, FormApp, SpreadsheetApp } = setup();
    form.setDestination(
      FormApp.DestinationType.SPREADSHEET,
      SpreadsheetApp.getActiveSpreadsheet().getId(),
    );
    const first = ws.submitForm('Отчёт', { ОУ: 'Школа 1' });
    const edited = ws.submitForm('Отчёт', { ОУ: 'Школа 2' }, { editOf: first.getId() });
    expect(edited.getId()).toBe(first.getId());
    const rows = ws.sheetValues('Ответы на форму (1)');
    expect(rows).toHaveLength(2);
    expect(rows[1]![1]).toBe('Школа 2');
  });

  test('file uploads land in «<form> (File responses)/<question> (File responses)» and as open?id= links', () => {
    const { ws, form, FormApp, SpreadsheetApp, DriveApp } = setup();
    form.setDestination(
      FormApp.DestinationType.SPREADSHEET,
      SpreadsheetApp.getActiveSpreadsheet().getId(),
    );
    ws.uploadFileItem('Отчёт', 'Файл приказа');
    ws.submitForm(
      'Отчёт',
      { ОУ: 'Школа 1', 'Файл приказа': ['приказ.pdf'] },
      { respondent: 'school1@example.org' },
    );
    const row = ws.sheetValues('Ответы на форму (1)')[1]!;
    const link = String(row[5]);
    expect(link).toMatch(/^https:\/\/drive\.google\.com\/open\?id=/);
    const file = DriveApp.getFileById(link.split('id=')[1]!);
    expect(file.getName()).toBe('приказ - school1.pdf');
    expect(file.getOwner().getEmail()).toBe('school1@example.org');
    expect(ws.files().find((f) => f.id === file.getId())!.path).toBe(
      'Отчёт (File responses)/Файл приказа (File responses)',
    );
  });
});

test('an upload may carry its content or only its size, 0 bytes included; File.getSize and getBlob see it (reference/drive/file#getsize)', () => {
  const { ws, DriveApp } = setup();
  ws.uploadFileItem('Отчёт', 'Файлы');
  const response = ws.submitForm(
    'Отчёт',
    {
      ОУ: 'Школа 1',
      Файлы: [
        { name: 'пусто.pdf', size: 0 },
        { name: 'список.csv', bytes: 'ФИО;класс\n' },
        { name: 'скан.bin', size: 3_000_000, mimeType: 'image/tiff' },
        'приказ.pdf',
      ],
    },
    { respondent: 'school1@example.org' },
  );
  const ids = response.getItemResponses().at(-1)!.getResponse() as unknown as string[];
  const files = ids.map((id) => DriveApp.getFileById(id));
  expect(files.map((f) => [f.getName(), f.getSize(), f.getMimeType()])).toEqual([
    ['пусто - school1.pdf', 0, 'application/pdf'],
    ['список - school1.csv', 18, 'text/csv'],
    ['скан - school1.bin', 3_000_000, 'image/tiff'],
    ['приказ - school1.pdf', files[3]!.getBlob().getBytes().length, 'application/pdf'],
  ]);
  expect(files[0]!.getBlob().getBytes()).toEqual([]);
  expect(files[1]!.getBlob().getDataAsString()).toBe('ФИО;класс\n');
  expect(files[3]!.getSize()).toBeGreaterThan(0);
});

test('a file-upload question refuses more files or bigger files than its settings allow', () => {
  const { ws } = setup();
  ws.uploadFileItem('Отчёт', 'Файл', { maxFiles: 1, maxFileSize: 1024 });
  expect(() => ws.submitForm('Отчёт', { ОУ: 'Школа 1', Файл: ['a.pdf', 'b.pdf'] })).toThrow(
    'more than 1 files',
  );
  expect(() =>
    ws.submitForm('Отчёт', { ОУ: 'Школа 1', Файл: [{ name: 'big.pdf', size: 1025 }] }),
  ).toThrow('«big.pdf» is larger than 1024 bytes');
  expect(() =>
    ws.submitForm('Отчёт', { ОУ: 'Школа 1', Файл: [{ name: 'bad.pdf', size: -1 }] }),
  ).toThrow('size must be a whole number of bytes');
  expect(ws.forms().find((f) => f.title === 'Отчёт')!.responses).toBe(0);
});

test('seedResponses writes rows as submitForm does, without firing triggers', () => {
  const ws = createWorkspace({ now: '2021-10-01T09:00:00+03:00', triggerErrors: 'record' });
  const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
  const g = app.context as unknown as {
    FormApp: GoogleAppsScript.Forms.FormApp;
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    ScriptApp: GoogleAppsScript.Script.ScriptApp;
  };
  const form = g.FormApp.create('Анкета');
  form.addTextItem().setTitle('Имя').setRequired(true);
  form
    .addTextItem()
    .setTitle('Возраст')
    .setValidation(g.FormApp.createTextValidation().requireWholeNumber().build());
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  form.setDestination(g.FormApp.DestinationType.SPREADSHEET, ss.getId());
  g.ScriptApp.newTrigger('onSubmit').forSpreadsheet(ss).onFormSubmit().create();
  ws.resetCosts();
  const answers = { Имя: 'Анна', Возраст: '7' };
  ws.submitForm('Анкета', answers, { respondent: 'a@x.example' });
  const fired = ws.costs().executions.length;
  expect(fired).toBe(1);
  const r = ws.seedResponses(
    'Анкета',
    [
      { answers, respondent: 'a@x.example', at: '2021-10-01T09:00:00+03:00' },
      { answers: { Имя: 'Борис' }, at: '2021-10-02T10:00:00+03:00' },
      { answers: { Возраст: '8' } },
      { answers: { Имя: 'Вера', Возраст: 'семь' } },
    ],
    { invalid: 'skip' },
  );
  expect(r).toEqual({ seeded: 2, rejected: 2 });
  const rows = ws.sheetValues('Ответы на форму (1)');
  expect(rows).toHaveLength(4);
  expect(rows[2]).toEqual(rows[1]);
  expect(rows[3]!.slice(1)).toEqual(['Борис', '']);
  expect((rows[3]![0] as Date).toISOString()).toBe('2021-10-02T07:00:00.000Z');
  expect(ws.forms().find((f) => f.title === 'Анкета')!.responses).toBe(3);
  // The submit fired the trigger (its handler fails on this form: recorded); seeding fires none.
  expect(ws.costs().executions.length).toBe(fired);
  expect(() => ws.seedResponses('Анкета', [{ answers: { Нет: 'x' } }])).toThrow(/no question/);
});

describe('prefilled links', () => {
  test(`createResponse + withItemResponse + toPrefilledUrl: viewform?usp=pp_url&entry.<n>=…, values encoded as Google encodes them, nothing submitted (${REF}/form-response#toPrefilledUrl(), ${REF}/form#createResponse())`, () => {
    const { ws, form } = setup();
    const [school, month, formats] = form.getItems();
    const url = form
      .createResponse()
      .withItemResponse(school!.asTextItem().createResponse('ГБОУ СОШ № 47 «Радуга» & (филиал)'))
      .withItemResponse(month!.asListItem().createResponse('октябрь 2021'))
      .withItemResponse(formats!.asCheckboxItem().createResponse(['очный', 'дистанционный']))
      .toPrefilledUrl();
    expect(url.startsWith(form.getPublishedUrl() + '?usp=pp_url&entry.')).toBe(true);
    // A space is «+», every other reserved or non-ASCII character %XX (UTF-8).
    expect(url).toContain(
      '=%D0%93%D0%91%D0%9E%D0%A3+%D0%A1%D0%9E%D0%A8+%E2%84%96+47+%C2%AB%D0%A0%D0%B0%D0%B4%D1%83%D0%B3%D0%B0%C2%BB+%26+%28%D1%84%D0%B8%D0%BB%D0%B8%D0%B0%D0%BB%29&',
    );
    // Questions are named by their entry numbers, which are not FormApp's item ids.
    const entries = [...url.matchAll(/entry\.(\d+)=/g)].map((m) => Number(m[1]));
    expect(entries).toHaveLength(4); // a checkbox answer is one entry per value
    expect(entries[2]).toBe(entries[3]);
    for (const item of form.getItems()) expect(entries).not.toContain(item.getId());
    expect(ws.prefilledAnswers(url)).toEqual({
      form: 'Отчёт',
      answers: {
        ОУ: 'ГБОУ СОШ № 47 «Радуга» & (филиал)',
        Месяц: 'октябрь 2021',
        Форматы: ['очный', 'дистанционный'],
      },
    });
    expect(form.getResponses()).toHaveLength(0);
  });

  test(`a dropdown refuses an answer it does not offer; a later answer to the same item replaces the earlier (${REF}/list-item#createResponse(String))`, () => {
    const { ws, form } = setup();
    const month = form.getItems()[1]!.asListItem();
    expect(() => month.createResponse('май 2022')).toThrow('Invalid response submitted to item.');
    const response = form.createResponse();
    expect(response.getId()).toBeNull();
    const url = response
      .withItemResponse(month.createResponse('сентябрь 2021'))
      .withItemResponse(month.createResponse('октябрь 2021'))
      .toPrefilledUrl();
    expect(ws.prefilledAnswers(url).answers).toEqual({ Месяц: 'октябрь 2021' });
    expect(form.createResponse().toPrefilledUrl()).toBe(form.getPublishedUrl() + '?usp=pp_url');
  });

  test('an item response belongs to its form; a link naming an unknown entry is refused', () => {
    const { ws, form, FormApp } = setup();
    const other = FormApp.create('Другая');
    const item = other.addTextItem().setTitle('Имя');
    expect(() => form.createResponse().withItemResponse(item.createResponse('Анна'))).toThrow(
      'Invalid argument: response',
    );
    expect(() => ws.prefilledAnswers(form.getPublishedUrl() + '?usp=pp_url&entry.1=x')).toThrow(
      /has no question entry\.1/,
    );
    expect(() => ws.prefilledAnswers('https://example.org/viewform?entry.1=x')).toThrow(
      /not a link to a form/,
    );
  });
});
