/**
 * The Sheets advanced service (API v4) — developers.google.com/workspace/sheets/api/reference/rest/v4:
 * spreadsheets.values/batchGet and batchGetByDataFilter (valueRenderOption, dateTimeRenderOption,
 * majorDimension), spreadsheets.values#ValueRange («For output, this range indicates the entire
 * requested range, even though the values will exclude trailing rows and columns»; «Null values
 * will be skipped. To set a cell to an empty value, set the string value to an empty string»),
 * spreadsheets.values/batchUpdate and batchUpdateByDataFilter (ValueInputOption RAW, USER_ENTERED),
 * spreadsheets/other#GridRange («All indexes are zero-based … half open … Missing indexes indicate
 * the range is unbounded on that side»), spreadsheets/request (InsertDimensionRequest
 * inheritFromBefore, DeleteDimensionRequest, AppendDimensionRequest; «If any request is not valid
 * then the entire request will fail and nothing will be applied»), spreadsheets/get (fields).
 * Serial numbers: DateTimeRenderOption SERIAL_NUMBER, «January 1st 1900 at noon would be 2.5 …
 * February 1st 1900 at 3pm would be 33.625».
 */
import { createWorkspace } from '../src';
import { fromSerial, parseFields, toSerial } from '../src/services/sheets-api';

/* eslint-disable @typescript-eslint/no-explicit-any -- REST resources are plain JSON read field by field */
type Json = Record<string, any>;
interface SheetsService {
  Spreadsheets: {
    Values: {
      batchGet(id: string, args?: object): Json;
      batchGetByDataFilter(resource: object, id: string): Json;
      batchUpdate(resource: object, id: string): Json;
      batchUpdateByDataFilter(resource: object, id: string): Json;
      append(...args: unknown[]): Json;
    };
    batchUpdate(resource: object, id: string): Json;
    get(id: string, args?: object): Json;
  };
  newValueRange(): unknown;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const FIXTURE = `${__dirname}/fixtures/sheets-script`;

/** A workspace whose bound project enables Sheets; the master's first tab holds a few values. */
function setUp() {
  const ws = createWorkspace({ now: '2021-09-01T09:00:00+03:00' });
  const app = ws.loadBundle(FIXTURE);
  const sheets = (app.context as unknown as { Sheets: SheetsService }).Sheets;
  const ss = ws.spreadsheet();
  const id = ss.getId();
  const sheet = ss.getSheets()[0]!;
  sheet.getRange('A1:C3').setValues([
    ['Имя', 'Баллы', 'Когда'],
    ['Анна', 1.5, new Date('2021-09-01T09:00:00+03:00')],
    ['Олег', true, ''],
  ]);
  return { ws, app, sheets, ss, id, sheet };
}

describe('the service exists only where the manifest enables it', () => {
  test('a project enabling Sheets v4 reads two ranges in one call', () => {
    const { ws, app } = setUp();
    expect(app.call('which')).toBe('object');
    ws.resetCosts();
    expect(app.call('readTwo')).toEqual([
      [
        ['Имя', 'Баллы'],
        ['Анна', 1.5],
      ],
      [['Когда']],
    ]);
    expect(ws.costs().calls['Sheets.Spreadsheets.Values.batchGet']).toBe(1);
  });

  test('without a manifest entry there is no Sheets global', () => {
    const ws = createWorkspace();
    const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
    expect((app.context as unknown as Json).Sheets).toBeUndefined();
  });

  test('builders and methods not implemented say so', () => {
    const { sheets, id } = setUp();
    expect(() => sheets.newValueRange()).toThrow(
      'emulator: Sheets.newValueRange is not implemented',
    );
    expect(() => sheets.Spreadsheets.Values.append({}, id, 'A1')).toThrow(
      'emulator: Sheets.Spreadsheets.Values.append is not implemented',
    );
  });
});

describe('serial numbers (DateTimeRenderOption SERIAL_NUMBER)', () => {
  test('the reference’s examples, in UTC', () => {
    expect(toSerial(new Date(Date.UTC(1900, 0, 1, 12)), 'UTC')).toBe(2.5);
    expect(toSerial(new Date(Date.UTC(1900, 1, 1, 15)), 'UTC')).toBe(33.625);
    expect(fromSerial(33.625, 'UTC').toISOString()).toBe('1900-02-01T15:00:00.000Z');
  });

  test('the spreadsheet’s wall clock, and back to the millisecond', () => {
    const at = new Date('2021-09-01T09:00:00.123+03:00');
    const serial = toSerial(at, 'Europe/Moscow');
    expect(Math.floor(serial)).toBe(44440);
    expect(fromSerial(serial, 'Europe/Moscow').getTime()).toBe(at.getTime());
  });
});

describe('values.batchGet', () => {
  test('FORMATTED_VALUE by default: as the cells show in the spreadsheet’s locale', () => {
    const { sheets, id } = setUp();
    const [range] = sheets.Spreadsheets.Values.batchGet(id, { ranges: ['Лист1!A2:C3'] })
      .valueRanges as Json[];
    expect(range).toEqual({
      range: "'Лист1'!A2:C3",
      majorDimension: 'ROWS',
      values: [
        ['Анна', '1,5', '01.09.2021 9:00:00'],
        ['Олег', 'ИСТИНА'],
      ],
    });
  });

  test('UNFORMATTED_VALUE: numbers, booleans; dates as serial numbers or formatted strings', () => {
    const { sheets, id } = setUp();
    const get = (dates?: string): unknown[][] =>
      sheets.Spreadsheets.Values.batchGet(id, {
        ranges: 'Лист1!B2:C3',
        valueRenderOption: 'UNFORMATTED_VALUE',
        ...(dates ? { dateTimeRenderOption: dates } : {}),
      }).valueRanges[0].values;
    expect(get()).toEqual([[1.5, 44440.375], [true]]);
    expect(get('FORMATTED_STRING')).toEqual([[1.5, '01.09.2021 9:00:00'], [true]]);
  });

  test('FORMULA gives formulas where cells have them', () => {
    const { sheets, id, sheet } = setUp();
    sheet.getRange('D1').setValue('=HYPERLINK("http://x.example";"x")');
    const values = sheets.Spreadsheets.Values.batchGet(id, {
      ranges: ['Лист1!D1'],
      valueRenderOption: 'FORMULA',
    }).valueRanges[0].values;
    expect(values).toEqual([['=HYPERLINK("http://x.example";"x")']]);
  });

  test('the whole requested range is named; empty trailing rows and columns are left out', () => {
    const { sheets, id } = setUp();
    const [open = {}, empty, bare = {}] = sheets.Spreadsheets.Values.batchGet(id, {
      ranges: ['Лист1!A:D', 'Лист1!F10:G12', 'Лист1'],
      valueRenderOption: 'UNFORMATTED_VALUE',
    }).valueRanges as Json[];
    expect(open.range).toBe("'Лист1'!A1:D1000");
    expect(open.values).toHaveLength(3);
    expect(open.values[2]).toEqual(['Олег', true]);
    expect(empty).toEqual({ range: "'Лист1'!F10:G12", majorDimension: 'ROWS' });
    expect(bare.range).toBe("'Лист1'!A1:Z1000");
  });

  test('majorDimension COLUMNS turns the values', () => {
    const { sheets, id } = setUp();
    const values = sheets.Spreadsheets.Values.batchGet(id, {
      ranges: ['Лист1!A1:B2'],
      majorDimension: 'COLUMNS',
      valueRenderOption: 'UNFORMATTED_VALUE',
    }).valueRanges[0].values;
    expect(values).toEqual([
      ['Имя', 'Анна'],
      ['Баллы', 1.5],
    ]);
  });

  test('an unknown sheet, a bad range, a range past the grid and an unknown file are refused', () => {
    const { sheets, id } = setUp();
    const get = (range: string) => () =>
      sheets.Spreadsheets.Values.batchGet(id, { ranges: [range] });
    expect(get('Нет такого!A1')).toThrow(
      'API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: Нет такого!A1',
    );
    expect(get('Лист1!1A')).toThrow('Unable to parse range: Лист1!1A');
    expect(get('Лист1!A999:A1001')).toThrow(
      "Range ('Лист1'!A999:A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
    expect(() => sheets.Spreadsheets.Values.batchGet('nope', { ranges: ['A1'] })).toThrow(
      'Requested entity was not found.',
    );
  });
});

describe('values.batchGetByDataFilter: ranges by sheet id', () => {
  test('a gridRange finds a renamed sheet; a missing end index is unbounded', () => {
    const { sheets, id, sheet } = setUp();
    const sheetId = sheet.getSheetId();
    sheet.setName('Переименован');
    const response = sheets.Spreadsheets.Values.batchGetByDataFilter(
      {
        dataFilters: [
          { gridRange: { sheetId, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 } },
          { a1Range: 'Переименован!A1' },
        ],
        valueRenderOption: 'UNFORMATTED_VALUE',
      },
      id,
    );
    expect(response.valueRanges).toEqual([
      {
        valueRange: {
          range: "'Переименован'!A2:B1000",
          majorDimension: 'ROWS',
          values: [
            ['Анна', 1.5],
            ['Олег', true],
          ],
        },
        dataFilters: [
          { gridRange: { sheetId, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 } },
        ],
      },
      {
        valueRange: { range: "'Переименован'!A1", majorDimension: 'ROWS', values: [['Имя']] },
        dataFilters: [{ a1Range: 'Переименован!A1' }],
      },
    ]);
  });

  test('an unknown sheet id is refused', () => {
    const { sheets, id } = setUp();
    expect(() =>
      sheets.Spreadsheets.Values.batchGetByDataFilter(
        { dataFilters: [{ gridRange: { sheetId: 4242 } }] },
        id,
      ),
    ).toThrow('Invalid dataFilters[0]: No grid with id: 4242');
  });
});

describe('values.batchUpdate and batchUpdateByDataFilter', () => {
  test('USER_ENTERED parses as typing does: numbers, formulas, the apostrophe, plain-text cells', () => {
    const { sheets, id, sheet } = setUp();
    sheet.getRange('E1').setNumberFormat('@');
    const response = sheets.Spreadsheets.Values.batchUpdate(
      {
        valueInputOption: 'USER_ENTERED',
        data: [
          {
            range: 'Лист1!D1:E2',
            values: [
              ['47', '5.4'],
              ["'=1+1", '=1+1'],
            ],
          },
        ],
      },
      id,
    );
    expect(response).toMatchObject({
      totalUpdatedCells: 4,
      totalUpdatedSheets: 1,
      responses: [{ updatedRange: "'Лист1'!D1:E2", updatedRows: 2, updatedColumns: 2 }],
    });
    expect(sheet.getRange('D1:E2').getValues()).toEqual([
      [47, '5.4'],
      ['=1+1', '#ERROR!'],
    ]);
    expect(sheet.getRange('E2').getFormula()).toBe('=1+1');
    expect(sheet.getRange('D2').getFormula()).toBe('');
  });

  test('RAW stores what it is given: no numbers, no formulas', () => {
    const { sheets, id, sheet } = setUp();
    sheets.Spreadsheets.Values.batchUpdate(
      { valueInputOption: 'RAW', data: [{ range: 'Лист1!D1:E1', values: [['47', '=1+1']] }] },
      id,
    );
    expect(sheet.getRange('D1:E1').getValues()).toEqual([['47', '=1+1']]);
    expect(sheet.getRange('E1').getFormula()).toBe('');
  });

  test('null skips a cell, an empty string clears it', () => {
    const { sheets, id, sheet } = setUp();
    sheets.Spreadsheets.Values.batchUpdate(
      { valueInputOption: 'RAW', data: [{ range: 'Лист1!A2:B2', values: [[null, '']] }] },
      id,
    );
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['Анна', '']]);
  });

  test('a number written into a date-formatted cell is that date', () => {
    const { sheets, id, sheet } = setUp();
    sheet.getRange('D5').setNumberFormat('dd.MM.yyyy HH:mm:ss');
    const at = new Date('2021-10-05T14:30:15.250+03:00');
    sheets.Spreadsheets.Values.batchUpdateByDataFilter(
      {
        valueInputOption: 'USER_ENTERED',
        data: [
          {
            dataFilter: {
              gridRange: { sheetId: sheet.getSheetId(), startRowIndex: 4, startColumnIndex: 3 },
            },
            values: [[toSerial(at, 'Europe/Moscow')]],
          },
        ],
      },
      id,
    );
    const value = sheet.getRange('D5').getValue() as Date;
    expect(value).toBeInstanceOf(Date);
    expect(value.getTime()).toBe(at.getTime());
  });

  test('every range is checked before any is written: outside its range, past the grid', () => {
    const { sheets, id, sheet } = setUp();
    const update = (data: object[]) => () =>
      sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data }, id);
    expect(
      update([
        { range: 'Лист1!A1', values: [['изменено']] },
        { range: 'Лист1!A5:B5', values: [['a', 'b', 'c']] },
      ]),
    ).toThrow(
      "Invalid data[1]: Requested writing within range ['Лист1'!A5:B5], but tried writing to column [C]",
    );
    expect(update([{ range: 'Лист1!A1000:A1001', values: [['a'], ['b']] }])).toThrow(
      "Range ('Лист1'!A1000:A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
    expect(sheet.getRange('A1').getValue()).toBe('Имя');
    expect(() => sheets.Spreadsheets.Values.batchUpdate({ data: [] }, id)).toThrow(
      "'valueInputOption' is required but not specified",
    );
  });

  test('a protected sheet refuses a user who is not its editor; the owner may', () => {
    const { ws, sheets, id, sheet } = setUp();
    const protection = sheet.protect();
    protection.removeEditors(protection.getEditors());
    ws.actAs('stranger@example.org');
    const write = () =>
      sheets.Spreadsheets.Values.batchUpdate(
        { valueInputOption: 'RAW', data: [{ range: 'Лист1!A1', values: [['x']] }] },
        id,
      );
    expect(write).toThrow('You are trying to edit a protected cell or object');
    expect(sheet.getRange('A1').getValue()).toBe('Имя');
  });
});

describe('spreadsheets.batchUpdate: rows inserted, deleted, appended', () => {
  test('inserted rows inherit from the row before or after; requests apply in order', () => {
    const { sheets, id, sheet } = setUp();
    sheet.getRange('A2:C2').setBackground('#ff0000');
    sheet.getRange('A3:C3').setBackground('#00ff00');
    const sheetId = sheet.getSheetId();
    sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            insertDimension: {
              range: { sheetId, dimension: 'ROWS', startIndex: 2, endIndex: 3 },
              inheritFromBefore: true,
            },
          },
          // After the first request the green row is row 4 (index 3).
          {
            insertDimension: {
              range: { sheetId, dimension: 'ROWS', startIndex: 3, endIndex: 4 },
              inheritFromBefore: false,
            },
          },
          {
            deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 0, endIndex: 1 } },
          },
          { appendDimension: { sheetId, dimension: 'ROWS', length: 10 } },
        ],
      },
      id,
    );
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['Анна', '', '', 'Олег', '']);
    expect(sheet.getRange('A1:A4').getBackgrounds().flat()).toEqual([
      '#ff0000',
      '#ff0000',
      '#00ff00',
      '#00ff00',
    ]);
    expect(sheet.getMaxRows()).toBe(1000 + 2 - 1 + 10);
  });

  test('one invalid request and nothing is applied; other kinds are not implemented', () => {
    const { sheets, id, sheet } = setUp();
    const sheetId = sheet.getSheetId();
    const insert = {
      insertDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 2 } },
    };
    expect(() =>
      sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            insert,
            {
              deleteDimension: {
                range: { sheetId, dimension: 'ROWS', startIndex: 0, endIndex: 1001 },
              },
            },
          ],
        },
        id,
      ),
    ).toThrow('Invalid requests[1].deleteDimension');
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getRange('A2').getValue()).toBe('Анна');
    expect(() =>
      sheets.Spreadsheets.batchUpdate({ requests: [insert, { sortRange: {} }] }, id),
    ).toThrow('emulator: Sheets.Spreadsheets.batchUpdate request.sortRange is not implemented');
    expect(sheet.getMaxRows()).toBe(1000);
  });
});

describe('spreadsheets.get', () => {
  test('sheets with their grids and protected ranges, cut to the fields mask', () => {
    const { sheets, id, sheet, ss } = setUp();
    const protection = sheet.protect();
    protection.setDescription('только сотрудники');
    ss.insertSheet('Скрытый').hideSheet();
    const resource = sheets.Spreadsheets.get(id, {
      fields:
        'sheets(properties(sheetId,title,hidden,gridProperties/rowCount),protectedRanges(description,editors))',
    });
    expect(resource).toEqual({
      sheets: [
        {
          properties: {
            sheetId: sheet.getSheetId(),
            title: 'Лист1',
            gridProperties: { rowCount: 1000 },
          },
          protectedRanges: [
            {
              description: 'только сотрудники',
              editors: { users: protection.getEditors().map((u) => u.getEmail()) },
            },
          ],
        },
        {
          properties: {
            sheetId: ss.getSheetByName('Скрытый')!.getSheetId(),
            title: 'Скрытый',
            hidden: true,
            gridProperties: { rowCount: 1000 },
          },
        },
      ],
    });
  });

  test('a field mask parses nested parentheses and paths', () => {
    const mask = parseFields('a,b(c,d/e),f/g');
    expect([...mask.keys()]).toEqual(['a', 'b', 'f']);
    expect([...(mask.get('b') ?? new Map()).keys()]).toEqual(['c', 'd']);
  });
});

describe('costs', () => {
  test('one call per batch, whatever the number of ranges; cells as for getValues and setValues', () => {
    const { ws, app, sheets, id } = setUp();
    ws.resetCosts();
    const run = (): void => {
      sheets.Spreadsheets.Values.batchGet(id, { ranges: ['Лист1!A1:C3', 'Лист1!A1:C1'] });
      sheets.Spreadsheets.Values.batchUpdate(
        { valueInputOption: 'RAW', data: [{ range: 'Лист1!D1:D2', values: [['a'], ['b']] }] },
        id,
      );
    };
    (app.context as unknown as Json).__run = run;
    app.call('__run' as never);
    const [execution] = ws.costs().executions;
    expect(execution!.calls).toEqual({
      'Sheets.Spreadsheets.Values.batchGet': 1,
      'Sheets.Spreadsheets.Values.batchUpdate': 1,
    });
    // 60 + 12 cells × 0.01, then 80 + 2 cells × 0.03.
    expect(execution!.serviceMs).toBeCloseTo(60 + 0.12 + 80 + 0.06, 5);
  });
});
