/**
 * The Charts service — developers.google.com/apps-script/reference/charts (Charts.newDataTable,
 * DataTableBuilder, BarChartBuilder#setStacked, ColumnChartBuilder, PieChartBuilder,
 * Chart#getAs) — and the pictures chart-image.ts draws for it and for embedded charts: pies as
 * Google Charts draws them by default (developers.google.com/chart/interactive/docs/gallery/
 * piechart: «pieStartAngle» 0 — the first slice starts straight up — and slices clockwise,
 * «pieSliceText: 'percentage'»), bars and columns stacked with `isStacked`
 * (developers.google.com/chart/interactive/docs/gallery/barchart#stacked-bar-charts).
 */
import { PNG } from 'pngjs';
import { createWorkspace } from '../src';

const REF = 'developers.google.com/apps-script/reference/charts';

function setup() {
  const ws = createWorkspace({ now: '2021-09-01T09:00:00+03:00' });
  const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
  const g = app.context as unknown as {
    Charts: GoogleAppsScript.Charts.Charts;
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  return { ws, Charts: g.Charts, SpreadsheetApp: g.SpreadsheetApp };
}

type Image = { width: number; height: number; data: Buffer };

function png(blob: GoogleAppsScript.Base.Blob): Image {
  return PNG.sync.read(Buffer.from(blob.getBytes()));
}

/** Google's first, second and third series colours. */
const BLUE = [0x42, 0x85, 0xf4];
const RED = [0xea, 0x43, 0x35];
const YELLOW = [0xfb, 0xbc, 0x04];

function is(image: Image, x: number, y: number, colour: number[]): boolean {
  const i = (y * image.width + x) * 4;
  return colour.every((c, k) => image.data[i + k] === c);
}

function count(image: Image, colour: number[]): number {
  let n = 0;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) if (is(image, x, y, colour)) n++;
  return n;
}

/** Runs of `colour` in row `y`: [start, length] each. */
function runsInRow(image: Image, y: number, colour: number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let x = 0; x <= image.width; x++) {
    const on = x < image.width && is(image, x, y, colour);
    if (on && start < 0) start = x;
    if (!on && start >= 0) {
      runs.push([start, x - start]);
      start = -1;
    }
  }
  return runs;
}

describe('Charts service', () => {
  test(`a pie from a data table: the image has the chart's dimensions and slices in proportion (${REF}/pie-chart-builder, ${REF}/data-table-builder)`, () => {
    const { Charts } = setup();
    const data = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, 'Отметка')
      .addColumn(Charts.ColumnType.NUMBER, 'Пунктов')
      .addRow(['Выполнено', 30])
      .addRow(['Не выполнено', 10])
      .build();
    // The reference's own sample passes the built table; the typings only know builders and sources.
    const chart = Charts.newPieChart()
      .setDataTable(data as unknown as GoogleAppsScript.Charts.DataTableSource)
      .setTitle('Выполнение плана')
      .setDimensions(500, 320)
      .build();
    const image = png(chart.getAs('image/png'));
    expect([image.width, image.height]).toEqual([500, 320]);
    // Three quarters and one quarter of the disc (the legend's squares are 10 × 10 each; the
    // percentages written on the slices take a little of each).
    const ratio = (count(image, BLUE) - 100) / (count(image, RED) - 100);
    expect(ratio).toBeGreaterThan(2.6);
    expect(ratio).toBeLessThan(3.4);
    expect(chart.getOptions().get('title')).toBe('Выполнение плана');
  });

  test(`the first slice starts at twelve o'clock and runs clockwise (chart/interactive/docs/gallery/piechart, pieStartAngle)`, () => {
    const { Charts } = setup();
    const chart = Charts.newPieChart()
      .setDataTable(
        Charts.newDataTable()
          .addColumn(Charts.ColumnType.STRING, 'x')
          .addColumn(Charts.ColumnType.NUMBER, 'y')
          .addRow(['a', 1])
          .addRow(['b', 3]),
      )
      .setDimensions(600, 400)
      .build();
    const image = png(chart.getBlob());
    // A quarter: the first slice covers the top-right quadrant only (runs longer than a legend
    // square), right of the centre and above it.
    const rows = Array.from({ length: image.height }, (_, y) =>
      runsInRow(image, y, BLUE).filter(([, n]) => n > 12),
    );
    const blueRows = rows.map((r, y) => (r.length > 0 ? y : -1)).filter((y) => y >= 0);
    const centreX = Math.min(...rows.flatMap((r) => r.map(([x]) => x)));
    const lastRow = Math.max(...blueRows);
    const firstRow = Math.min(...blueRows);
    // Red (the rest) reaches below the blue quarter and left of it.
    const redRows = Array.from({ length: image.height }, (_, y) =>
      runsInRow(image, y, RED).filter(([, n]) => n > 12),
    );
    const redBottom = Math.max(...redRows.map((r, y) => (r.length > 0 ? y : -1)));
    const redLeft = Math.min(...redRows.flatMap((r) => r.map(([x]) => x)));
    expect(lastRow - firstRow).toBeGreaterThan(100);
    // The quarter ends at the centre's row: the whole lower half is red.
    expect(redBottom - lastRow).toBeGreaterThan(100);
    expect(centreX - redLeft).toBeGreaterThan(100);
  });

  test(`stacked bars: the series of a category follow each other on one bar (${REF}/bar-chart-builder#setstacked)`, () => {
    const { Charts } = setup();
    const chart = Charts.newBarChart()
      .setDataTable(
        Charts.newDataTable()
          .addColumn(Charts.ColumnType.STRING, 'Раздел')
          .addColumn(Charts.ColumnType.NUMBER, 'Выполнено')
          .addColumn(Charts.ColumnType.NUMBER, 'Не выполнено')
          .addRow(['Раздел 1', 2, 3])
          .addRow(['Раздел 2', 4, 0]),
      )
      .setStacked()
      .setDimensions(600, 300)
      .build();
    const image = png(chart.getAs('image/png'));
    let checked = 0;
    for (let y = 0; y < image.height; y++) {
      const blue = runsInRow(image, y, BLUE).filter(([, n]) => n > 12);
      const red = runsInRow(image, y, RED).filter(([, n]) => n > 12);
      if (blue.length !== 1 || red.length !== 1) continue;
      // The second series starts where the first ends, and is 3/2 as long.
      const [[bx, bn], [rx, rn]] = [blue[0]!, red[0]!];
      expect(Math.abs(rx - (bx + bn))).toBeLessThanOrEqual(1);
      expect(rn / bn).toBeCloseTo(1.5, 1);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  test(`stacked columns: the bar of the first category is as tall as its sum (${REF}/column-chart-builder#setstacked)`, () => {
    const { Charts } = setup();
    const chart = Charts.newColumnChart()
      .setDataTable(
        Charts.newDataTable()
          .addColumn(Charts.ColumnType.STRING, 'x')
          .addColumn(Charts.ColumnType.NUMBER, 'a')
          .addColumn(Charts.ColumnType.NUMBER, 'b')
          .addColumn(Charts.ColumnType.NUMBER, 'c')
          .addRow(['one', 1, 1, 2])
          .addRow(['two', 2, 0, 0]),
      )
      .setStacked()
      .build();
    const image = png(chart.getAs('image/png'));
    expect([image.width, image.height]).toEqual([600, 371]);
    const column = (colour: number[]): number[] => {
      const xs: number[] = [];
      for (let x = 0; x < image.width; x++)
        for (let y = 60; y < image.height; y++) if (is(image, x, y, colour)) xs.push(x);
      return xs;
    };
    // Heights along the first category's column: 1 : 1 : 2 of one column.
    const x = Math.min(...column(YELLOW)) + 2;
    const heights = [BLUE, RED, YELLOW].map((c) => {
      let n = 0;
      for (let y = 0; y < image.height; y++) if (is(image, x, y, c)) n++;
      return n;
    });
    expect(heights[2]! / heights[0]!).toBeCloseTo(2, 1);
    expect(heights[1]! / heights[0]!).toBeCloseTo(1, 1);
  });

  test(`setColors paints the slices in the given colours (${REF}/pie-chart-builder#setcolorscssvalues)`, () => {
    const { Charts } = setup();
    const chart = Charts.newPieChart()
      .setDataTable(
        Charts.newDataTable()
          .addColumn(Charts.ColumnType.STRING, 'x')
          .addColumn(Charts.ColumnType.NUMBER, 'y')
          .addRow(['a', 1])
          .addRow(['b', 1]),
      )
      .setColors(['#34a853', '#9e9e9e'])
      .build();
    const image = png(chart.getAs('image/png'));
    const green = count(image, [0x34, 0xa8, 0x53]);
    const grey = count(image, [0x9e, 0x9e, 0x9e]);
    expect(green / grey).toBeCloseTo(1, 1);
    expect(count(image, BLUE)).toBe(0);
    const named = Charts.newPieChart()
      .setDataTable(
        Charts.newDataTable()
          .addColumn(Charts.ColumnType.STRING, 'x')
          .addColumn(Charts.ColumnType.NUMBER, 'y')
          .addRow(['a', 1]),
      )
      .setColors(['green'])
      .build();
    expect(() => named.getBlob()).toThrow('emulator: chart colour green is not implemented');
  });

  test(`a row of another width, another chart kind and another image type throw (${REF}/data-table-builder#addrowvalues; EMULATOR.md rule 2)`, () => {
    const { Charts } = setup();
    const table = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, 'x')
      .addColumn(Charts.ColumnType.NUMBER, 'y');
    expect(() => table.addRow(['a'])).toThrow(/does not match the 2 columns/);
    expect(() => Charts.newAreaChart()).toThrow('emulator: Charts.newAreaChart is not implemented');
    const chart = Charts.newColumnChart()
      .setDataTable(table.addRow(['a', 1]))
      .build();
    expect(() => chart.getAs('application/pdf')).toThrow(
      'emulator: Chart.getAs(application/pdf) is not implemented',
    );
  });

  test(`an embedded PIE chart draws, an AREA chart still throws (developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getascontenttype)`, () => {
    const { Charts, SpreadsheetApp } = setup();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange('A1:B3').setValues([
      ['Отметка', 'Пунктов'],
      ['Выполнено', 1],
      ['Не выполнено', 1],
    ]);
    const pie = sheet
      .newChart()
      .setChartType(Charts.ChartType.PIE)
      .addRange(sheet.getRange('A1:A3'))
      .addRange(sheet.getRange('B1:B3'))
      .setPosition(1, 4, 0, 0)
      .build();
    const image = png(pie.getBlob());
    const ratio = count(image, BLUE) / count(image, RED);
    expect(ratio).toBeCloseTo(1, 1);
    const area = sheet
      .newChart()
      .setChartType(Charts.ChartType.AREA)
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(1, 4, 0, 0)
      .build();
    expect(() => area.getBlob()).toThrow('emulator: drawing a AREA chart is not implemented');
  });
});
