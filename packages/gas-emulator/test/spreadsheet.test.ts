/** SpreadsheetApp fidelity: one test per documented behaviour, citing Google's reference. */
import { createWorkspace } from '../src';
import { costOf } from '../src/core/costs';
import { PNG } from 'pngjs';

const REF = 'developers.google.com/apps-script/reference/spreadsheet';

function setup() {
  const ws = createWorkspace({ now: '2021-09-01T09:00:00+03:00' });
  const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
  const g = app.context as unknown as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  return { ws, app, SpreadsheetApp: g.SpreadsheetApp, ss, sheet: ss.getSheets()[0]! };
}

describe('Spreadsheet', () => {
  test(`the bound master exists with one tab «Лист1» (${REF}/spreadsheet-app#getactivespreadsheet)`, () => {
    const { ss } = setup();
    expect(ss.getName()).toBe('Мониторинг участия ОУ');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Лист1']);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
  });

  test(`insertSheet with a duplicate name throws Google's message (${REF}/spreadsheet#insertsheetsheetname)`, () => {
    const { ss } = setup();
    ss.insertSheet('Участники');
    expect(() => ss.insertSheet('Участники')).toThrow(
      'A sheet with the name "Участники" already exists. Please enter another name.',
    );
  });

  test(`getSheetByName returns null for a missing tab (${REF}/spreadsheet#getsheetbynamename)`, () => {
    expect(setup().ss.getSheetByName('нет')).toBeNull();
  });

  test(`getRange('Tab!A1:B2') resolves the tab (${REF}/spreadsheet#getrangea1notation)`, () => {
    const { ss } = setup();
    ss.insertSheet('Данные').getRange('B2').setValue(7);
    expect(ss.getRange('Данные!B2').getValue()).toBe(7);
  });

  test(`deleteSheet cannot remove the last tab (${REF}/spreadsheet#deletesheetsheet)`, () => {
    const { ss, sheet } = setup();
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
  });

  test(`named ranges round-trip (${REF}/spreadsheet#setnamedrangename,-range)`, () => {
    const { ss, sheet } = setup();
    ss.setNamedRange('Итого', sheet.getRange('A1:B2'));
    expect(ss.getRangeByName('Итого')!.getA1Notation()).toBe('A1:B2');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Итого']);
  });
});

describe('Range values', () => {
  test(`getValues is rectangular with '' for empty cells, types preserved (${REF}/range#getvalues)`, () => {
    const { sheet } = setup();
    const when = new Date('2021-10-01T00:00:00+03:00');
    sheet.getRange(1, 1, 1, 3).setValues([[1.5, true, when]]);
    const values = sheet.getRange(1, 1, 2, 4).getValues();
    expect(values).toEqual([
      [1.5, true, when, ''],
      ['', '', '', ''],
    ]);
    expect(values[0]![2]).toBeInstanceOf(Date);
  });

  test(`setValues with the wrong row count throws Google's message (${REF}/range#setvaluesvalues)`, () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 3, 1).setValues([[1], [2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  test(`setValues with the wrong column count throws Google's message (${REF}/range#setvaluesvalues)`, () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  test(`a string starting with '=' becomes a formula; values read '#ERROR!' (no formula engine) (${REF}/range#setvaluevalue)`, () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=SUM(B1:B2)');
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(B1:B2)');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
  });

  test(`HYPERLINK formulas read as their label (${REF}/range#getformula)`, () => {
    const { sheet } = setup();
    sheet.appendRow(['=HYPERLINK("https://x.example";"Справка")']);
    expect(sheet.getRange('A1').getValue()).toBe('Справка');
  });

  test(`a leading apostrophe forces text and is not returned (${REF}/range#setvaluevalue)`, () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 2).setValues([["'=1+1", "'047"]]);
    expect(sheet.getRange(1, 1, 1, 2).getValues()).toEqual([['=1+1', '047']]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  test(`typed text is parsed as Sheets would in ru_RU: '47' -> 47, '3,5' -> 3.5, '01.09.2021' -> Date (${REF}/range#setvaluevalue)`, () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 4).setValues([['47', '3,5', '01.09.2021', '+7 999 000-00-00']]);
    const [row] = sheet.getRange(1, 1, 1, 4).getValues();
    expect(row![0]).toBe(47);
    expect(row![1]).toBe(3.5);
    expect(row![2]).toEqual(new Date('2021-09-01T00:00:00+03:00'));
    expect(row![3]).toBe('#ERROR!');
  });

  test(`a plain-text number format ('@') keeps typed text as text (${REF}/range#setnumberformatnumberformat)`, () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 3).setNumberFormat('@');
    sheet.getRange(1, 1, 1, 4).setValues([['47', '5.4', '+7 999', '47']]);
    sheet.getRange(2, 1).setNumberFormat('@').setValue('01.09.2021');
    expect(sheet.getRange(1, 1, 1, 4).getValues()[0]).toEqual(['47', '5.4', '+7 999', 47]);
    expect(sheet.getRange(2, 1).getValue()).toBe('01.09.2021');
    expect(sheet.getRange(1, 3).getFormula()).toBe('');
  });

  test(`'=…' written into a plain-text ('@') cell still becomes a formula: unconfirmed for scripts, so the stricter reading (${REF}/range#setvaluevalue)`, () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setNumberFormat('@');
    sheet.getRange('A1').setValue('=1+1');
    sheet.appendRow(['=2+2']);
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
    expect(sheet.getRange('A2').getFormula()).toBe('=2+2');
    sheet.getRange('A1').setValue("'=1+1");
    expect(sheet.getRange('A1').getFormula()).toBe('');
    expect(sheet.getRange('A1').getValue()).toBe('=1+1');
  });

  test(`more than 50,000 characters in a cell throws Google's message (support.google.com/drive/answer/37603)`, () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  test(`getRange past the grid throws (${REF}/sheet#getrangerow,-column,-numrows,-numcolumns)`, () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
  });

  test(`more than 10,000,000 cells in a spreadsheet throws (support.google.com/drive/answer/37603)`, () => {
    const { sheet } = setup();
    expect(() => sheet.insertRowsAfter(1000, 400000)).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });

  test(`getDisplayValues formats numbers and dates in the locale (${REF}/range#getdisplayvalues)`, () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 3).setValues([[3.5, new Date('2021-09-01T00:00:00+03:00'), 0.25]]);
    sheet.getRange('C1').setNumberFormat('0%');
    expect(sheet.getRange(1, 1, 1, 3).getDisplayValues()).toEqual([['3,5', '01.09.2021', '25%']]);
  });

  test(`a returned Date is a copy, not the stored cell (${REF}/range#getvalue)`, () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(new Date('2021-09-01T00:00:00Z'));
    (sheet.getRange('A1').getValue() as Date).setFullYear(1999);
    expect((sheet.getRange('A1').getValue() as Date).getUTCFullYear()).toBe(2021);
  });

  test(`offset and getCell are relative and 1-based (${REF}/range#offsetrowoffset,-columnoffset)`, () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:C3');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.getCell(2, 1).getA1Notation()).toBe('B3');
  });

  test(`formats, notes and validations are stored (${REF}/range#setdatavalidationrule)`, () => {
    const { sheet, SpreadsheetApp } = setup();
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(['да', 'нет'])
      .setAllowInvalid(false)
      .build();
    sheet
      .getRange('A2:A5')
      .setDataValidation(rule)
      .setBackground('#eeeeee')
      .setFontWeight('bold')
      .setNote('выбор');
    const cell = sheet.getRange('A3');
    expect(String(cell.getDataValidation()!.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(cell.getDataValidation()!.getCriteriaValues()[0]).toEqual(['да', 'нет']);
    expect(cell.getBackground()).toBe('#eeeeee');
    expect(cell.getFontWeight()).toBe('bold');
    expect(cell.getNote()).toBe('выбор');
  });
});

describe('Sheet', () => {
  test(`appendRow writes after the last row and grows the grid (${REF}/sheet#appendrowrowcontents)`, () => {
    const { sheet } = setup();
    sheet.getRange('A1000').setValue('last');
    sheet.appendRow(['x', 2]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1, 1, 2).getValues()).toEqual([['x', 2]]);
  });

  test(`getLastRow / getLastColumn / getDataRange follow content (${REF}/sheet#getdatarange)`, () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('C4').setValue('v');
    expect([
      sheet.getLastRow(),
      sheet.getLastColumn(),
      sheet.getDataRange().getA1Notation(),
    ]).toEqual([4, 3, 'A1:C4']);
  });

  test(`insertRowsAfter and deleteRows shift content (${REF}/sheet#insertrowsafterafterposition,-howmany)`, () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([['a'], ['b']]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A4').getValue()).toBe('b');
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['a'], ['b']]);
  });

  test(`rows inserted or deleted mid-sheet move formulas, notes and the filter with them (${REF}/sheet#deleterowsrowposition,-howmany; ${REF}/filter)`, () => {
    const { sheet } = setup();
    sheet.getRange('A1:B6').createFilter();
    sheet.getRange('B5').setFormula('=1+1').setNote('пятая');
    sheet.insertRowsAfter(2, 3);
    expect(sheet.getRange('B8').getFormula()).toBe('=1+1');
    expect(sheet.getRange('B8').getNote()).toBe('пятая');
    expect(sheet.getRange('B5').getFormula()).toBe('');
    expect(sheet.getFilter()!.getRange().getA1Notation()).toBe('A1:B9');
    sheet.deleteRows(3, 4);
    expect(sheet.getRange('B4').getFormula()).toBe('=1+1');
    expect(sheet.getFilter()!.getRange().getA1Notation()).toBe('A1:B5');
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getFilter()!.getRange().getA1Notation()).toBe('A3:B7');
  });

  test(`inserted rows take the format of the row at afterPosition / beforePosition (${REF}/sheet#insertrowsafterafterposition,-howmany; Sheets API InsertDimensionRequest.inheritFromBefore)`, () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setBackground('#ff0000').setFontWeight('bold');
    sheet.getRange('A2:B2').setNumberFormat('@').setBackground('#00ff00');
    sheet.getRange('A2').setNote('только в A2');
    sheet.insertRowsAfter(2, 2);
    expect(sheet.getRange('A3:B4').getNumberFormats()).toEqual([
      ['@', '@'],
      ['@', '@'],
    ]);
    expect(sheet.getRange('B4').getBackground()).toBe('#00ff00');
    expect(sheet.getRange('A3').getNote()).toBe('');
    sheet.getRange('A3').setValue('007');
    expect(sheet.getRange('A3').getValue()).toBe('007');
    sheet.insertRowAfter(1);
    expect(sheet.getRange('A2').getFontWeight()).toBe('bold');
    expect(sheet.getRange('A2').getBackground()).toBe('#ff0000');
    // Before: the new rows are formatted like the row they are inserted above.
    sheet.insertRowsBefore(3, 1);
    expect(sheet.getRange('A3').getNumberFormat()).toBe('@');
    expect(sheet.getRange('A3').getBackground()).toBe('#00ff00');
    sheet.insertRowBefore(1);
    expect(sheet.getRange('A1').getBackground()).toBe('#ff0000');
  });

  test(`growing a plain-text table with insertRowsAfter(maxRows, n) keeps '@', and appendRow past the grid takes the last row's format (${REF}/sheet#appendrowrowcontents)`, () => {
    const { sheet } = setup();
    const max = sheet.getMaxRows();
    sheet.getRange(1, 1, max, 2).setNumberFormat('@');
    sheet.insertRowsAfter(max, 3);
    expect(sheet.getMaxRows()).toBe(max + 3);
    expect(sheet.getRange(max + 3, 2).getNumberFormat()).toBe('@');
    sheet.getRange(max + 3, 1).setValue('x');
    sheet.appendRow(['01.09.2021', '0047']);
    expect(sheet.getMaxRows()).toBe(max + 4);
    expect(sheet.getRange(max + 4, 1, 1, 2).getNumberFormats()).toEqual([['@', '@']]);
    expect(sheet.getRange(max + 4, 1, 1, 2).getValues()).toEqual([['01.09.2021', '0047']]);
  });

  test(`getRangeList returns a RangeList whose setters apply to every range; the rest throw (${REF}/range-list)`, () => {
    const { sheet } = setup();
    const list = sheet.getRangeList(['A1:B1', 'D3']);
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B1', 'D3']);
    list.setNumberFormat('@').setValue('47');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['47', '47']]);
    expect(sheet.getRange('D3').getValue()).toBe('47');
    list.clearContent();
    expect(sheet.getRange('D3').getValue()).toBe('');
    expect(sheet.getRange('D3').getNumberFormat()).toBe('@');
    expect(() => list.breakApart()).toThrow('emulator: RangeList.breakApart is not implemented');
  });

  test(`protect() records description, editors and warning (${REF}/protection)`, () => {
    const { sheet, SpreadsheetApp } = setup();
    const p = sheet.protect().setDescription('raw').setWarningOnly(true);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0]!.getDescription()).toBe(
      'raw',
    );
    expect(p.canEdit()).toBe(true);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['metodist@center.example']);
  });

  test(`charts are built, inserted and export a PNG blob (${REF}/embedded-chart#getblob)`, () => {
    const { sheet, app } = setup();
    const Charts = (app.context as unknown as { Charts: typeof GoogleAppsScript.Charts }).Charts;
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(1, 4, 0, 0)
      .setOption('title', 'Итоги')
      .build();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted!.getRanges()[0]!.getA1Notation()).toBe('A1:B3');
    const blob = inserted!.getBlob();
    expect(blob.getContentType()).toBe('image/png');
    expect(blob.getBytes().slice(1, 4)).toEqual([80, 78, 71]);
  });

  test(`a chart's PNG draws its data: header row as series name, bars as long as their values (${REF}/embedded-chart#getascontenttype)`, () => {
    const { sheet, app } = setup();
    const Charts = (app.context as unknown as { Charts: typeof GoogleAppsScript.Charts }).Charts;
    sheet.getRange('A1:B3').setValues([
      ['Компетенция', 'Участников'],
      ['Мобильная робототехника', 10],
      ['Графический дизайн', 5],
    ]);
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange('A1:A3'))
      .addRange(sheet.getRange('B1:B3'))
      .setPosition(1, 4, 0, 0)
      .setOption('title', 'Участники по компетенциям')
      .build();
    sheet.insertChart(chart);
    const png = PNG.sync.read(Buffer.from(chart.getAs('image/png').getBytes()));
    expect([png.width, png.height]).toEqual([600, 371]);
    // The longest run of the first series colour in each row: two bands, 2 : 1.
    const runs = new Set<number>();
    for (let y = 0; y < png.height; y++) {
      let run = 0;
      for (let x = 0; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        const blue = png.data[i] === 0x42 && png.data[i + 1] === 0x85 && png.data[i + 2] === 0xf4;
        run = blue ? run + 1 : run;
      }
      if (run > 0) runs.add(run);
    }
    const [long, short] = [...runs].sort((a, b) => b - a);
    expect(runs.size).toBe(2);
    expect(long! / short!).toBeCloseTo(2, 1);
    // A type the emulator cannot draw throws instead of drawing something else.
    const area = sheet
      .newChart()
      .setChartType(Charts.ChartType.AREA)
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(1, 4, 0, 0)
      .build();
    expect(() => area.getBlob()).toThrow('emulator: drawing a AREA chart is not implemented');
  });

  test(`setName to an existing name throws (${REF}/sheet#setnamename)`, () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Б');
    expect(() => sheet.setName('Б')).toThrow(
      'A sheet with the name "Б" already exists. Please enter another name.',
    );
  });

  test(`unimplemented methods throw the emulator's message (EMULATOR.md rule 2)`, () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').getRichTextValues()).toThrow(
      'emulator: Range.getRichTextValues is not implemented',
    );
  });

  test('a 50,000 x 20 range round-trips and is charged per cell (cost table: 40 ms + 0.01 ms a cell)', () => {
    // Speed is measured by `npm run bench`, not by a timed test.
    const { sheet } = setup();
    sheet.insertRowsAfter(1000, 49000);
    const rows = Array.from({ length: 50000 }, (_, i) =>
      Array.from({ length: 20 }, (_, j) => (j === 0 ? `id${i}` : i * j)),
    );
    sheet.getRange(1, 1, 50000, 20).setValues(rows);
    const values = sheet.getRange(1, 1, 50000, 20).getValues();
    expect(values).toHaveLength(50000);
    expect(values[49999]![0]).toBe('id49999');
    expect(values[49999]![19]).toBe(49999 * 19);
    expect(costOf('Range.getValues', 50000 * 20)).toBeCloseTo(40 + 0.01 * 1_000_000);
  });
});

describe('Ui', () => {
  test(`menus and sidebars are recorded on the project (${REF.replace('spreadsheet', 'base')}/ui#createmenucaption)`, () => {
    const { SpreadsheetApp, app, ws } = setup();
    SpreadsheetApp.getUi()
      .createMenu('Опорный центр')
      .addItem('Настроить', 'setup')
      .addSeparator()
      .addToUi();
    expect(app.project.menus).toEqual([
      {
        title: 'Опорный центр',
        items: [
          { caption: 'Настроить', functionName: 'setup' },
          { caption: '---', functionName: '' },
        ],
      },
    ]);
    const html = (app.context as unknown as { HtmlService: GoogleAppsScript.HTML.HtmlService })
      .HtmlService;
    SpreadsheetApp.getUi().showSidebar(html.createHtmlOutput('<p>Привет</p>'));
    expect(ws.lastSidebar()).toBe('<p>Привет</p>');
  });
});
