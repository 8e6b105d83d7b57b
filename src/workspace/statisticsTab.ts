/**
 * «Статистика»: a report, not a table of records. The whole tab is rebuilt from one Statistics
 * object as titled blocks stacked top to bottom, written with ONE setValues (plus one call for the
 * bold titles), and the native charts are recreated next to it. The monthly note is built from
 * the same Statistics object, so every figure here equals the note's.
 */
import { STATISTICS_TAB } from '../domain/schema';
import type { DynamicsRow, SchoolRatingRow, Statistics } from '../domain/statistics';
import { formatDateNumeric, formatDateTime } from '../domain/text/dates';
import { fillPhrase } from '../i18n/ru/note';
import { formatForMonth, formatMonthYear } from '../domain/text/periods';
import { OUTPUTS_RU } from '../i18n/ru/outputs';
import { ensureRows, ensureSheet, safeRows, type Cell, type Row } from './table';

const RU = OUTPUTS_RU.stats;

/** A chart of the tab with the exact data it shows (documents reuse its image when data agree). */
export interface TabChart {
  key: 'competencies' | 'schoolTypes' | 'dynamics';
  chart: GoogleAppsScript.Spreadsheet.EmbeddedChart;
  categories: string[];
  series: number[][];
}

/** Where a block landed: 1-based rows of its header and last data row. */
interface Placed {
  headerRow: number;
  lastRow: number;
}

/** The block grid of the tab, with the rows to make bold. */
export class StatisticsGrid {
  readonly rows: Row[] = [];
  readonly boldRows: number[] = [];
  /** 1-based [row, column] of percentage cells: shown with one decimal, as the note prints them. */
  readonly percentCells: Array<[number, number]> = [];

  /** Adds a titled block; returns where its header and rows are (1-based). */
  block(title: string, header: readonly string[], rows: Row[]): Placed {
    this.rows.push([title]);
    this.boldRows.push(this.rows.length);
    this.rows.push([...header]);
    this.boldRows.push(this.rows.length);
    const headerRow = this.rows.length;
    if (rows.length === 0) this.rows.push([RU.none]);
    for (const row of rows) {
      this.rows.push(row);
      // A share is a column «…, %» or a row «…, %» (key figures, dynamics, discipline).
      const rowIsPercent = String(row[0]).endsWith('%');
      row.forEach((cell, c) => {
        if (typeof cell === 'number' && (rowIsPercent || String(header[c] ?? '').endsWith('%'))) {
          this.percentCells.push([this.rows.length, c + 1]);
        }
      });
    }
    const lastRow = rows.length === 0 ? headerRow : this.rows.length;
    this.rows.push([]);
    return { headerRow, lastRow };
  }

  /** Width of the widest row. */
  width(): number {
    return this.rows.reduce((w, r) => Math.max(w, r.length), 1);
  }
}

/** A percentage cell: the rounded number, or «—» for a share of nothing. */
function pct(value: number | null): Cell {
  return value === null ? '—' : value;
}

function ratingRows(rows: SchoolRatingRow[]): Row[] {
  return rows.map((r) => [
    r.name,
    r.participants,
    r.winners,
    r.prizeWinners,
    r.medallions,
    pct(r.effectivenessPercent),
  ]);
}

function dynamicsRows(rows: DynamicsRow[]): Row[] {
  return rows.map((r) => [
    OUTPUTS_RU.stats.indicators[r.indicator],
    pct(r.previous),
    pct(r.current),
    pct(r.change),
    pct(r.changePercent),
  ]);
}

/** Lays out every block of the tab; `placed` says where the chart data are. */
export function layoutStatistics(
  stats: Statistics,
  updatedAt: Date,
): { grid: StatisticsGrid; placed: Record<TabChart['key'], Placed> } {
  const grid = new StatisticsGrid();
  grid.rows.push([fillPhrase(RU.title, { forMonth: formatForMonth(stats.period) })]);
  grid.boldRows.push(1);
  grid.rows.push([fillPhrase(RU.updated, { at: formatDateTime(updatedAt) })]);
  grid.rows.push([RU.meaning]);
  grid.rows.push([RU.schoolsTotal, stats.schoolsTotal]);
  grid.rows.push([]);

  const figures = [stats.month, stats.previousMonth, stats.yearToDate, stats.previousYearToDate];
  const keys = [
    'participants',
    'schoolsParticipating',
    'coveragePercent',
    'winners',
    'prizeWinners',
    'medalsConfirmed',
    'medallions',
    'participantsWithResults',
    'effectivenessPercent',
  ] as const;
  grid.block(
    RU.keyFigures,
    RU.keyHeader,
    keys.map((k) => [RU.indicators[k], ...figures.map((f) => pct(f[k]))]),
  );
  grid.block(
    RU.events,
    RU.eventsHeader,
    stats.eventsOfPeriod.map((e) => [
      e.name,
      e.start ? formatDateNumeric(e.start) : RU.noDate,
      e.level,
      e.participants,
      e.schools,
      e.resultsIn ? RU.resultsIn : RU.resultsAwaited,
    ]),
  );
  grid.block(
    RU.registrations,
    RU.registrationsHeader,
    stats.registrations.byEventPeriod.map((r) => [
      r.period === null ? RU.noDate : formatMonthYear(r.period),
      r.participants,
    ]),
  );
  grid.block(
    RU.lateResults,
    RU.lateResultsHeader,
    stats.lateResults.map((r) => [
      r.event,
      formatMonthYear(r.period),
      r.participants,
      r.winners,
      r.prizeWinners,
      r.medallions,
    ]),
  );
  const prep = stats.preparation;
  grid.block(
    RU.preparation,
    RU.preparationHeader,
    prep.rows.map((r) => [
      r.type === 'total' ? RU.totalRow : r.type,
      r.current.reports,
      r.current.sessions,
      r.current.pupilsInTraining,
      r.current.mentors,
      r.previous.reports,
      r.previous.sessions,
      r.previous.pupilsInTraining,
      r.previous.mentors,
    ]),
  );
  const schoolTypes = grid.block(
    RU.byType,
    RU.byTypeHeader,
    stats.bySchoolType.map((t) => [
      t.type,
      t.total,
      t.participating,
      pct(t.sharePercent),
      t.participants,
    ]),
  );
  grid.block(RU.ratingMonth, RU.ratingHeader, ratingRows(stats.ratingMonth));
  grid.block(RU.ratingYear, RU.ratingHeader, ratingRows(stats.ratingYearToDate));
  const competencies = grid.block(
    RU.byCompetency,
    RU.byCompetencyHeader,
    stats.byCompetency.map((r) => [r.label, r.count, pct(r.sharePercent)]),
  );
  grid.block(
    RU.byAge,
    RU.byAgeHeader,
    stats.byAgeCategory.map((r) => [r.label, r.count, pct(r.sharePercent)]),
  );
  const cross = stats.competencyByAge;
  grid.block(
    RU.cross,
    [RU.crossCompetency, ...cross.columns, RU.total],
    cross.rows.length === 0
      ? []
      : [
          ...cross.rows.map((r) => [r.label, ...r.counts, r.total]),
          [RU.totalRow, ...cross.columnTotals, cross.total],
        ],
  );
  grid.block(
    RU.byLevel,
    RU.byLevelHeader,
    stats.byEventLevel.map((r) => [r.label, r.count, pct(r.sharePercent)]),
  );
  grid.block(RU.monthDynamics, RU.dynamicsHeader, dynamicsRows(stats.monthOnMonth));
  grid.block(RU.yearDynamics, RU.dynamicsHeader, dynamicsRows(stats.yearOnYear));
  const dynamics = grid.block(
    RU.series,
    RU.seriesHeader,
    stats.series.map((p) => [
      formatMonthYear(p.period),
      p.participants,
      p.schoolsParticipating,
      p.winners,
      p.prizeWinners,
      p.winners + p.prizeWinners,
      p.registrations,
    ]),
  );
  grid.block(
    RU.without,
    RU.withoutHeader,
    stats.schoolsWithoutParticipation.map((s) => [s.name, s.type ?? '']),
  );
  const d = stats.discipline;
  const dr = RU.disciplineRows;
  grid.block(RU.discipline, RU.disciplineHeader, [
    [dr.reportsExpected, d.reportsExpected],
    [dr.reportsReceived, d.reportsReceived],
    [dr.reportsReceivedPercent, pct(d.reportsReceivedPercent)],
    [dr.reportsOnTime, d.reportsOnTime],
    [dr.missingReports, d.missingReports.length],
    [dr.lateReports, d.lateReports.length],
    [dr.ordersReceived, d.ordersReceived],
    [dr.participantsWithoutOrder, d.participantsWithoutOrder],
    [dr.reportsWithExcludedFigures, prep.reportsWithExcludedFigures],
  ]);
  return { grid, placed: { competencies, schoolTypes, dynamics } };
}

/**
 * Rewrites «Статистика» for `stats` and recreates its charts; returns the charts with their data.
 * Old charts are removed first, so a rerun never stacks duplicates.
 */
export function writeStatisticsTab(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  stats: Statistics,
  updatedAt: Date,
): TabChart[] {
  const sheet = ensureSheet(spreadsheet, STATISTICS_TAB);
  const { grid, placed } = layoutStatistics(stats, updatedAt);
  const width = grid.width();
  const values = safeRows(grid.rows, width);
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.clear();
  ensureRows(sheet, values.length);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < width + 8) sheet.insertColumnsAfter(maxColumns, width + 8 - maxColumns);
  const range = sheet.getRange(1, 1, values.length, width);
  range.setValues(values);
  const formats = values.map(() => new Array<string>(width).fill('General'));
  for (const [r, c] of grid.percentCells) formats[r - 1]![c - 1] = '0.0';
  range.setNumberFormats(formats);
  const bold: Record<number, true> = {};
  for (const r of grid.boldRows) bold[r] = true;
  range.setFontWeights(
    values.map((_, i) =>
      new Array<GoogleAppsScript.Spreadsheet.FontWeight>(width).fill(
        bold[i + 1] ? 'bold' : 'normal',
      ),
    ),
  );

  const charts: TabChart[] = [];
  const anchorColumn = width + 2;
  let anchorRow = 1;
  const add = (
    key: TabChart['key'],
    title: string,
    type: GoogleAppsScript.Charts.ChartType,
    valueColumns: number[],
  ): void => {
    const at = placed[key];
    if (at.lastRow <= at.headerRow) return; // no data rows: an empty chart helps nobody
    const rows = at.lastRow - at.headerRow + 1;
    let builder = sheet
      .newChart()
      .setChartType(type)
      .addRange(sheet.getRange(at.headerRow, 1, rows, 1));
    for (const c of valueColumns)
      builder = builder.addRange(sheet.getRange(at.headerRow, c, rows, 1));
    const chart = builder
      .setOption('title', title)
      .setPosition(anchorRow, anchorColumn, 0, 0)
      .build();
    sheet.insertChart(chart);
    anchorRow += 20;
    const data = grid.rows.slice(at.headerRow, at.lastRow);
    charts.push({
      key,
      chart,
      categories: data.map((r) => String(r[0])),
      series: valueColumns.map((c) => data.map((r) => Number(r[c - 1]))),
    });
  };
  add('competencies', RU.chartCompetency, Charts.ChartType.BAR, [2]);
  add('schoolTypes', RU.chartType, Charts.ChartType.COLUMN, [5]);
  add('dynamics', RU.chartDynamics, Charts.ChartType.COLUMN, [2, 6]);
  return charts;
}
