/**
 * Embedded charts (developers.google.com/apps-script/reference/spreadsheet/embedded-chart) and
 * the Charts.ChartType enum. `getAs('image/png')` draws the chart's data (chart-image.ts).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- signatures mirror @types/google-apps-script, which uses any */
import { asEnum, EnumValue, makeEnum } from '../core/enums';
import { asGas, Fake, stubInterface } from '../core/errors';
import type { Ctx } from '../core/world';
import { record } from '../core/world';
import { Blob } from './blob';
import { chartPng, type ChartData } from './chart-image';
import { Range } from './range';
import type { ChartModel, SheetModel, SpreadsheetModel } from './sheet-model';

/** Charts.ChartType. */
export const ChartType = makeEnum([
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREE_MAP',
  'WATERFALL',
] as const);

type GasBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** Sheet.newChart() / EmbeddedChart.modify(). */
export class EmbeddedChartBuilder implements Fake<GasBuilder, EmbeddedChartBuilder> {
  readonly draft: ChartModel;

  constructor(
    private readonly ctx: Ctx,
    private readonly ss: SpreadsheetModel,
    private readonly sheet: SheetModel,
    from?: ChartModel,
  ) {
    this.draft = from
      ? {
          ...from,
          ranges: [...from.ranges],
          options: { ...from.options },
          position: { ...from.position },
        }
      : {
          id: 0,
          chartType: 'COLUMN',
          ranges: [],
          options: {},
          position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
        };
  }

  private get self(): GasBuilder {
    return this as unknown as GasBuilder;
  }

  /** Adds a data range. */
  addRange(range: GoogleAppsScript.Spreadsheet.Range): GasBuilder {
    const r = range as unknown as Range;
    this.draft.ranges.push({
      sheetId: r.sheet.id,
      row: r.row,
      column: r.column,
      numRows: r.numRows,
      numColumns: r.numColumns,
    });
    return this.self;
  }

  /** Removes every data range. */
  clearRanges(): GasBuilder {
    this.draft.ranges = [];
    return this.self;
  }

  /** Charts.ChartType value. */
  setChartType(type: GoogleAppsScript.Charts.ChartType): GasBuilder {
    this.draft.chartType = String(type);
    return this.self;
  }

  /** Anchor cell and pixel offsets. */
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): GasBuilder {
    this.draft.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this.self;
  }

  /** A Google Charts option, e.g. 'title'. */
  setOption(option: string, value: any): GasBuilder {
    this.draft.options[option] = value;
    return this.self;
  }

  /** Shortcut chart-type builders Google offers. */
  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    this.draft.chartType = 'COLUMN';
    return asGas(this);
  }

  /** Bar chart. */
  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    this.draft.chartType = 'BAR';
    return asGas(this);
  }

  /** Pie chart. */
  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    this.draft.chartType = 'PIE';
    return asGas(this);
  }

  /** Line chart. */
  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    this.draft.chartType = 'LINE';
    return asGas(this);
  }

  /** The chart, not yet on the sheet (insertChart / updateChart place it). */
  build(): GoogleAppsScript.Spreadsheet.EmbeddedChart {
    record(this.ctx, 'EmbeddedChartBuilder.build');
    return asGas(new EmbeddedChart(this.ctx, this.ss, this.sheet, { ...this.draft }));
  }
}
stubInterface(EmbeddedChartBuilder, 'Spreadsheet.EmbeddedChartBuilder');

/** A chart on a sheet (or built and not yet inserted: id 0). */
export class EmbeddedChart implements Fake<
  GoogleAppsScript.Spreadsheet.EmbeddedChart,
  EmbeddedChart
> {
  constructor(
    private readonly ctx: Ctx,
    private readonly ss: SpreadsheetModel,
    private readonly sheet: SheetModel,
    readonly model: ChartModel,
  ) {}

  /** Stable id once inserted ('u' + number, like Google's opaque ids); null before. */
  getId(): string | null {
    record(this.ctx, 'EmbeddedChart.getId');
    return this.model.id ? `u${this.model.id}` : null;
  }

  /** Numeric id once inserted, null before. */
  getChartId(): number | null {
    record(this.ctx, 'EmbeddedChart.getChartId');
    return this.model.id || null;
  }

  /** The data ranges. */
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    record(this.ctx, 'EmbeddedChart.getRanges');
    return this.model.ranges.map((r) => {
      const sheet = this.ss.sheetById(r.sheetId) ?? this.sheet;
      return asGas(new Range(this.ctx, this.ss, sheet, r.row, r.column, r.numRows, r.numColumns));
    });
  }

  /** The options set on the builder. */
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    record(this.ctx, 'EmbeddedChart.getOptions');
    const options = { ...this.model.options };
    return asGas({
      get: (name: string) => options[name] ?? null,
      getOrDefault: (name: string) => options[name] ?? null,
    });
  }

  /** The chart as a PNG (or PDF) Blob; costs like a conversion. */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    record(this.ctx, 'EmbeddedChart.getAs');
    return this.render(contentType);
  }

  /** The chart as a PNG Blob. */
  getBlob(): GoogleAppsScript.Base.Blob {
    record(this.ctx, 'EmbeddedChart.getBlob');
    return this.render('image/png');
  }

  private render(contentType: string): GoogleAppsScript.Base.Blob {
    const title = String(this.model.options.title ?? 'Chart');
    if (contentType !== 'image/png')
      throw new Error(`emulator: EmbeddedChart.getAs(${contentType}) is not implemented`);
    const png = chartPng(chartData(this.model, this.ss, this.sheet));
    return asGas(new Blob(png, 'image/png', `${title}.png`, this.ctx.world.tracker));
  }

  /** A builder to change this chart; apply with Sheet.updateChart. */
  modify(): GasBuilder {
    return asGas(new EmbeddedChartBuilder(this.ctx, this.ss, this.sheet, this.model));
  }

  /** Chart type name as set. */
  chartTypeName(): string {
    return this.model.chartType;
  }
}
stubInterface(EmbeddedChart, 'Spreadsheet.EmbeddedChart');

/**
 * What a chart shows, read from its ranges as Sheets reads them: the first range holds the
 * categories, each further range one series; a first cell that is text, above numbers, is the
 * header (the series name), as Sheets guesses it.
 */
export function chartData(
  model: ChartModel,
  ss: SpreadsheetModel,
  fallback: SheetModel,
): ChartData {
  const columns = model.ranges.flatMap((r) => {
    const sheet = ss.sheetById(r.sheetId) ?? fallback;
    return Array.from({ length: r.numColumns }, (_, c) =>
      Array.from({ length: r.numRows }, (_, i) => sheet.get(r.row + i, r.column + c)),
    );
  });
  const [categories = [], ...series] = columns;
  const headed = series.some(
    (s) => typeof s[0] === 'string' && s.slice(1).some((v) => typeof v === 'number'),
  );
  const body = <T>(column: T[]): T[] => (headed ? column.slice(1) : column);
  return {
    title: String(model.options.title ?? ''),
    type: model.chartType,
    // setOption('isStacked', true), the option EmbeddedBarChartBuilder.setStacked sets.
    stacked: model.options.isStacked === true,
    colors: Array.isArray(model.options.colors) ? model.options.colors.map(String) : undefined,
    categories: body(categories).map((v) => String(v)),
    series: series.map((s, i) => ({
      name: headed ? String(s[0]) : `Ряд ${i + 1}`,
      values: body(s).map((v) => (typeof v === 'number' ? v : Number(v))),
    })),
  };
}

/** The ChartType value of a name. */
export function chartTypeValue(name: string): EnumValue {
  return asEnum(ChartType[name as keyof typeof ChartType]);
}
