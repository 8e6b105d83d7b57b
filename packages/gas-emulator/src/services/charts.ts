/**
 * The Charts service (developers.google.com/apps-script/reference/charts): a chart built from a
 * DataTable and rendered server side to a static image, the way a script puts a chart into a
 * document without a spreadsheet. Implemented: Charts.newDataTable (DataTableBuilder: addColumn,
 * addRow, setValue, build), Charts.newBarChart, newColumnChart, newLineChart and newPieChart
 * (setDataTable, setTitle, setDimensions, setStacked on bars and columns, setColors with
 * '#rrggbb' values, setOption — kept and reported by getOptions; of the options only `title`,
 * `isStacked` and `colors` change the picture), and Chart.getAs('image/png') / getBlob /
 * getOptions. The picture is drawn by chart-image.ts; other chart kinds and builder methods
 * (legend position, axis titles …) throw «not implemented» rather than being ignored.
 *
 * From the reference: «DataTableBuilder.addColumn(type, label) — Adds a column to the data table.
 * The column will be added from 0 to n»; «addRow(values) — Adds a row to the data table»; the
 * first column holds the domain (categories) and each further column one series
 * (developers.google.com/apps-script/reference/charts/data-table-builder); «setDimensions(width,
 * height) — Sets the dimensions for the chart» in pixels; «setStacked() — Uses stacked lines,
 * meaning that line and bar values are stacked (accumulated)» (bar-chart-builder#setstacked).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- signatures mirror @types/google-apps-script, which uses any */
import { makeEnum } from '../core/enums';
import { asGas, Fake, notImplemented, stubInterface } from '../core/errors';
import type { Ctx } from '../core/world';
import { record } from '../core/world';
import { Blob } from './blob';
import { ChartType } from './chart';
import { chartPng } from './chart-image';

/** Charts.ColumnType. */
export const ColumnType = makeEnum(['DATE', 'NUMBER', 'STRING'] as const);

type Cell = string | number | Date | null;

/** A built data table: column types and labels, then rows. */
export class DataTable {
  constructor(
    readonly columns: ReadonlyArray<{ type: string; label: string }>,
    readonly rows: ReadonlyArray<ReadonlyArray<Cell>>,
  ) {}

  /** DataTableSource.getDataTable: a table is its own source. */
  getDataTable(): GoogleAppsScript.Charts.DataTable {
    return asGas(this);
  }
}

/** Charts.newDataTable(). */
export class DataTableBuilder implements Fake<
  GoogleAppsScript.Charts.DataTableBuilder,
  DataTableBuilder
> {
  #columns: { type: string; label: string }[] = [];
  #rows: Cell[][] = [];

  private get self(): GoogleAppsScript.Charts.DataTableBuilder {
    return asGas(this);
  }

  /** Adds a column of `type` (Charts.ColumnType) with a label. */
  addColumn(
    type: GoogleAppsScript.Charts.ColumnType,
    label: string,
  ): GoogleAppsScript.Charts.DataTableBuilder {
    const name = String(type);
    if (!['DATE', 'NUMBER', 'STRING'].includes(name))
      throw new Error(`Invalid argument: type (${name})`);
    this.#columns.push({ type: name, label: String(label ?? '') });
    return this.self;
  }

  /** Adds a row; its values follow the columns' order and types. */
  addRow(values: any[]): GoogleAppsScript.Charts.DataTableBuilder {
    if (!Array.isArray(values)) throw new Error('Invalid argument: values');
    // The emulator's wording: the reference does not give the message of a row of another width.
    if (values.length !== this.#columns.length)
      throw new Error(
        `emulator: a row of ${values.length} values does not match the ${this.#columns.length} columns of the data table`,
      );
    this.#rows.push(values.map((v, c) => cellOf(v, this.#columns[c]!.type)));
    return this.self;
  }

  /** Sets one cell of a row already added. */
  setValue(row: number, column: number, value: any): GoogleAppsScript.Charts.DataTableBuilder {
    const line = this.#rows[row];
    const def = this.#columns[column];
    if (!line || !def) throw new Error(`Invalid argument: row ${row}, column ${column}`);
    line[column] = cellOf(value, def.type);
    return this.self;
  }

  /** The data table. */
  build(): GoogleAppsScript.Charts.DataTable {
    return asGas(
      new DataTable(
        this.#columns.map((c) => ({ ...c })),
        this.#rows.map((r) => [...r]),
      ),
    );
  }
}
stubInterface(DataTableBuilder, 'Charts.DataTableBuilder');

function cellOf(value: unknown, type: string): Cell {
  if (value === null || value === undefined) return null;
  if (type === 'NUMBER') {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n)) throw new Error(`Invalid argument: ${String(value)} is not a number`);
    return n;
  }
  if (type === 'DATE') {
    if (!(value instanceof Date) && Object.prototype.toString.call(value) !== '[object Date]')
      throw new Error(`Invalid argument: ${String(value)} is not a date`);
    return value as Date;
  }
  return String(value);
}

/** The state a chart builder collects. */
interface ChartDraft {
  type: string;
  table: DataTable | null;
  width: number | null;
  height: number | null;
  options: Record<string, unknown>;
}

/** What the bar, column, line and pie builders share. */
class ChartBuilder {
  readonly draft: ChartDraft;

  constructor(
    protected readonly ctx: Ctx,
    type: string,
  ) {
    this.draft = { type, table: null, width: null, height: null, options: {} };
  }

  /** The data: a DataTableBuilder (built here) or a DataTableSource. */
  setDataTable(table: any): this {
    const source = table as { build?: () => unknown; getDataTable?: () => unknown };
    const built =
      table instanceof DataTableBuilder
        ? source.build!()
        : typeof source?.getDataTable === 'function'
          ? source.getDataTable()
          : null;
    if (!(built instanceof DataTable)) {
      return notImplemented('Charts', 'a data table other than one of Charts.newDataTable()');
    }
    this.draft.table = built;
    return this;
  }

  /** The title above the chart. */
  setTitle(chartTitle: string): this {
    this.draft.options.title = String(chartTitle);
    return this;
  }

  /** Width and height of the image, in pixels. */
  setDimensions(width: number, height: number): this {
    if (!(width > 0) || !(height > 0)) throw new Error('Invalid argument: dimensions');
    this.draft.width = Math.round(width);
    this.draft.height = Math.round(height);
    return this;
  }

  /** Any Google Charts option, by name. */
  setOption(option: string, value: any): this {
    this.draft.options[String(option)] = value;
    return this;
  }

  /** Series colours (a pie's slices) as CSS values; the picture takes '#rrggbb' ones. */
  setColors(cssValues: string[]): this {
    this.draft.options.colors = [...cssValues].map(String);
    return this;
  }

  /** The static chart. */
  build(): GoogleAppsScript.Charts.Chart {
    record(this.ctx, `${this.constructor.name}.build`);
    return asGas(new Chart(this.ctx, { ...this.draft, options: { ...this.draft.options } }));
  }
}

/** Bars and columns may be stacked. */
class StackableChartBuilder extends ChartBuilder {
  /** «Uses stacked lines, meaning that line and bar values are stacked (accumulated).» */
  setStacked(): this {
    this.draft.options.isStacked = true;
    return this;
  }
}

/** Charts.newBarChart(). */
export class BarChartBuilder extends StackableChartBuilder {}
stubInterface(BarChartBuilder, 'Charts.BarChartBuilder');

/** Charts.newColumnChart(). */
export class ColumnChartBuilder extends StackableChartBuilder {}
stubInterface(ColumnChartBuilder, 'Charts.ColumnChartBuilder');

/** Charts.newLineChart(). */
export class LineChartBuilder extends ChartBuilder {}
stubInterface(LineChartBuilder, 'Charts.LineChartBuilder');

/** Charts.newPieChart(). */
export class PieChartBuilder extends ChartBuilder {}
stubInterface(PieChartBuilder, 'Charts.PieChartBuilder');

/** «A Chart object, which can be converted to a static image.» */
export class Chart implements Fake<GoogleAppsScript.Charts.Chart, Chart> {
  constructor(
    private readonly ctx: Ctx,
    private readonly draft: ChartDraft,
  ) {}

  /** The chart as an image of `contentType` (only image/png is drawn). */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    record(this.ctx, 'Chart.getAs');
    return this.#render(contentType);
  }

  /** The chart as a PNG Blob. */
  getBlob(): GoogleAppsScript.Base.Blob {
    record(this.ctx, 'Chart.getBlob');
    return this.#render('image/png');
  }

  /** The options set on the builder. */
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    record(this.ctx, 'Chart.getOptions');
    const options = { ...this.draft.options };
    return asGas({ get: (name: string) => options[name] ?? null });
  }

  #render(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType !== 'image/png') return notImplemented('Chart', `getAs(${contentType})`);
    const table = this.draft.table;
    if (!table) throw new Error('emulator: the chart has no data table (setDataTable)');
    const [domain, ...series] = table.columns.map((_, c) => c);
    const title = String(this.draft.options.title ?? '');
    const png = chartPng({
      title,
      type: this.draft.type,
      categories: table.rows.map((r) => (domain === undefined ? '' : String(r[domain] ?? ''))),
      series: series.map((c) => ({
        name: table.columns[c]!.label,
        values: table.rows.map((r) => (typeof r[c] === 'number' ? (r[c] as number) : NaN)),
      })),
      stacked: this.draft.options.isStacked === true,
      colors: Array.isArray(this.draft.options.colors)
        ? (this.draft.options.colors as string[])
        : undefined,
      width: this.draft.width ?? undefined,
      height: this.draft.height ?? undefined,
    });
    return asGas(new Blob(png, 'image/png', `${title || 'chart'}.png`, this.ctx.world.tracker));
  }
}
stubInterface(Chart, 'Charts.Chart');

/** The `Charts` global. */
export class ChartsService {
  readonly ChartType = ChartType;
  readonly ColumnType = ColumnType;

  constructor(private readonly ctx: Ctx) {}

  newDataTable(): GoogleAppsScript.Charts.DataTableBuilder {
    record(this.ctx, 'Charts.newDataTable');
    return asGas(new DataTableBuilder());
  }

  newBarChart(): GoogleAppsScript.Charts.BarChartBuilder {
    record(this.ctx, 'Charts.newBarChart');
    return asGas(new BarChartBuilder(this.ctx, 'BAR'));
  }

  newColumnChart(): GoogleAppsScript.Charts.ColumnChartBuilder {
    record(this.ctx, 'Charts.newColumnChart');
    return asGas(new ColumnChartBuilder(this.ctx, 'COLUMN'));
  }

  newLineChart(): GoogleAppsScript.Charts.LineChartBuilder {
    record(this.ctx, 'Charts.newLineChart');
    return asGas(new LineChartBuilder(this.ctx, 'LINE'));
  }

  newPieChart(): GoogleAppsScript.Charts.PieChartBuilder {
    record(this.ctx, 'Charts.newPieChart');
    return asGas(new PieChartBuilder(this.ctx, 'PIE'));
  }
}
stubInterface(ChartsService, 'Charts.Charts', 'Charts');
