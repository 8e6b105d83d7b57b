/** Sheet (developers.google.com/apps-script/reference/spreadsheet/sheet) and Filter. */
/* eslint-disable @typescript-eslint/no-explicit-any -- signatures mirror @types/google-apps-script, which uses any */
import { asGas, Fake, stubInterface } from '../core/errors';
import type { Ctx } from '../core/world';
import { record } from '../core/world';
import { parseA1 } from './a1';
import { EmbeddedChart, EmbeddedChartBuilder } from './chart';
import { Protection } from './protection';
import { Range } from './range';
import { RangeList } from './range-list';
import { CellValue, normaliseWritten, SheetModel, SpreadsheetModel } from './sheet-model';
import { spreadsheetFacade } from './spreadsheet';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Throws Google's messages for a rectangle that does not fit the sheet. */
export function checkBounds(
  sheet: SheetModel,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): void {
  if (!Number.isInteger(row) || row < 1)
    throw new Error('The starting row of the range is too small.');
  if (!Number.isInteger(column) || column < 1)
    throw new Error('The starting column of the range is too small.');
  if (!Number.isInteger(numRows) || numRows < 1)
    throw new Error('The number of rows in the range must be at least 1.');
  if (!Number.isInteger(numColumns) || numColumns < 1) {
    throw new Error('The number of columns in the range must be at least 1.');
  }
  // Google does not grow a sheet for getRange: rows must be inserted first (insertRowsAfter / appendRow).
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/** One tab of a spreadsheet. */
export class Sheet implements Fake<GasSheet, Sheet> {
  constructor(
    readonly ctx: Ctx,
    readonly ss: SpreadsheetModel,
    readonly model: SheetModel,
  ) {}

  private get self(): GasSheet {
    return this as unknown as GasSheet;
  }

  /** A checked Range over this sheet. */
  rangeAt(row: number, column: number, numRows: number, numColumns: number): GasRange {
    checkBounds(this.model, row, column, numRows, numColumns);
    return asGas(new Range(this.ctx, this.ss, this.model, row, column, numRows, numColumns));
  }

  /** Tab name. */
  getName(): string {
    record(this.ctx, 'Sheet.getName');
    return this.model.name;
  }

  /** Renames; a duplicate name throws Google's message. */
  setName(name: string): GasSheet {
    record(this.ctx, 'Sheet.setName');
    const clash = this.ss.sheets.find(
      (s) => s !== this.model && s.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash)
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.model.name = name;
    return this.self;
  }

  /** The tab's numeric id (gid). */
  getSheetId(): number {
    record(this.ctx, 'Sheet.getSheetId');
    return this.model.id;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    record(this.ctx, 'Sheet.getIndex');
    return this.ss.sheets.indexOf(this.model) + 1;
  }

  /** The spreadsheet. */
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    record(this.ctx, 'Sheet.getParent');
    return spreadsheetFacade(this.ctx, this.ss);
  }

  /** getRange(row, column[, numRows[, numColumns]]) or getRange('A1:B2') (sheet#getrangerow,-column). */
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GasRange {
    record(this.ctx, 'Sheet.getRange');
    if (typeof a === 'string') return this.rangeFromA1(a);
    return this.rangeAt(a, column as number, numRows ?? 1, numColumns ?? 1);
  }

  /** A range from A1 notation; open-ended parts run to the sheet's edge. */
  rangeFromA1(notation: string): GasRange {
    const ref = parseA1(notation);
    const row = ref.row ?? 1;
    const column = ref.column ?? 1;
    const lastRow = ref.lastRow ?? this.model.maxRows;
    const lastColumn = ref.lastColumn ?? this.model.maxColumns;
    return this.rangeAt(row, column, lastRow - row + 1, lastColumn - column + 1);
  }

  /** Several ranges by A1 notation. */
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    record(this.ctx, 'Sheet.getRangeList');
    const ranges = a1Notations.map((n) => this.rangeFromA1(n));
    return asGas(new RangeList(this.ctx, ranges));
  }

  /** A1 to the last row and column with content (at least A1). */
  getDataRange(): GasRange {
    record(this.ctx, 'Sheet.getDataRange');
    return this.rangeAt(
      1,
      1,
      Math.max(1, this.model.lastRow()),
      Math.max(1, this.model.lastColumn()),
    );
  }

  /** Last row with content, 0 if empty. */
  getLastRow(): number {
    record(this.ctx, 'Sheet.getLastRow');
    return this.model.lastRow();
  }

  /** Last column with content, 0 if empty. */
  getLastColumn(): number {
    record(this.ctx, 'Sheet.getLastColumn');
    return this.model.lastColumn();
  }

  /** Rows in the grid, empty or not. */
  getMaxRows(): number {
    record(this.ctx, 'Sheet.getMaxRows');
    return this.model.maxRows;
  }

  /** Columns in the grid. */
  getMaxColumns(): number {
    record(this.ctx, 'Sheet.getMaxColumns');
    return this.model.maxColumns;
  }

  /** Appends a row after the last row with content, growing the grid if needed (sheet#appendrowrowcontents). */
  appendRow(rowContents: any[]): GasSheet {
    record(this.ctx, 'Sheet.appendRow');
    const row = this.model.lastRow() + 1;
    if (row > this.model.maxRows) {
      // Growing the grid is an insert below the last row, which takes that row's format.
      this.ss.checkCells(this.model.maxColumns);
      this.model.insertRows(this.model.maxRows, row - this.model.maxRows, true);
    }
    // A cell formatted as plain text keeps what is written as text, as with setValues.
    const cells = rowContents.map((v, j) =>
      normaliseWritten(v, this.ss, this.model.format(row, j + 1)?.numberFormat === '@'),
    );
    if (cells.length > this.model.maxColumns) {
      this.ss.checkCells((cells.length - this.model.maxColumns) * this.model.maxRows);
      this.model.maxColumns = cells.length;
    }
    cells.forEach((cell, j) => {
      const raw = rowContents[j];
      const formula =
        cell.formula ??
        (cell.value === '#ERROR!' && typeof raw === 'string' && /^[+-]/.test(raw)
          ? `=${raw}`
          : null);
      this.model.put(row, j + 1, cell.value, formula);
    });
    return this.self;
  }

  /**
   * Inserts empty rows after `afterPosition`; they take the format of the row at `afterPosition`
   * (as the Sheets API's InsertDimensionRequest with inheritFromBefore: true, "the new rows will
   * be red (because the row before the insertion point was red)"; the Sheets UI's "Insert row
   * below" does the same).
   */
  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    record(this.ctx, 'Sheet.insertRowsAfter');
    this.insertRowsAt(afterPosition, howMany, true);
    return this.self;
  }

  /** Inserts one empty row after `afterPosition`, formatted like it. */
  insertRowAfter(afterPosition: number): GasSheet {
    record(this.ctx, 'Sheet.insertRowAfter');
    this.insertRowsAt(afterPosition, 1, true);
    return this.self;
  }

  /**
   * Inserts empty rows before `beforePosition`; they take the format of the row at
   * `beforePosition` (InsertDimensionRequest inheritFromBefore: false, "inherit from the
   * dimensions after"; the Sheets UI's "Insert row above").
   */
  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    record(this.ctx, 'Sheet.insertRowsBefore');
    this.insertRowsAt(beforePosition - 1, howMany, false);
    return this.self;
  }

  /** Inserts one empty row before `beforePosition`, formatted like it. */
  insertRowBefore(beforePosition: number): GasSheet {
    record(this.ctx, 'Sheet.insertRowBefore');
    this.insertRowsAt(beforePosition - 1, 1, false);
    return this.self;
  }

  /** Inserts empty rows at `rowIndex` (sheet#insertrowsrowindex,-numrows), formatted like the row there. */
  insertRows(rowIndex: number, numRows = 1): void {
    record(this.ctx, 'Sheet.insertRows');
    this.insertRowsAt(rowIndex - 1, numRows, false);
  }

  private insertRowsAt(afterRow: number, howMany: number, inheritFromBefore: boolean): void {
    this.checkRowPosition(afterRow);
    this.ss.checkCells(howMany * this.model.maxColumns);
    this.model.insertRows(afterRow, howMany, inheritFromBefore);
  }

  private checkRowPosition(position: number): void {
    if (position < 0 || position > this.model.maxRows) {
      throw new Error('Those rows are out of bounds.');
    }
  }

  /** Deletes `howMany` rows from `rowPosition`; deleting every non-frozen row is refused as on Google. */
  deleteRows(rowPosition: number, howMany: number): void {
    record(this.ctx, 'Sheet.deleteRows');
    if (rowPosition < 1 || rowPosition + howMany - 1 > this.model.maxRows)
      throw new Error('Those rows are out of bounds.');
    if (howMany >= this.model.maxRows - this.model.frozenRows) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.model.deleteRows(rowPosition, howMany);
  }

  /** Deletes one row. */
  deleteRow(rowPosition: number): GasSheet {
    this.deleteRows(rowPosition, 1);
    return this.self;
  }

  /** Inserts empty columns after `afterPosition`. */
  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    record(this.ctx, 'Sheet.insertColumnsAfter');
    this.ss.checkCells(howMany * this.model.maxRows);
    this.model.insertColumns(afterPosition, howMany);
    return this.self;
  }

  /** Inserts empty columns before `beforePosition`. */
  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    return this.insertColumnsAfter(beforePosition - 1, howMany);
  }

  /** Inserts one empty column after `afterPosition` (sheet#insertcolumnafteraftposition). */
  insertColumnAfter(afterPosition: number): GasSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  /** Inserts one empty column before `beforePosition` (sheet#insertcolumnbeforebeforeposition). */
  insertColumnBefore(beforePosition: number): GasSheet {
    return this.insertColumnsAfter(beforePosition - 1, 1);
  }

  /** Deletes `howMany` columns from `columnPosition`. */
  deleteColumns(columnPosition: number, howMany: number): void {
    record(this.ctx, 'Sheet.deleteColumns');
    if (columnPosition < 1 || columnPosition + howMany - 1 > this.model.maxColumns) {
      throw new Error('Those columns are out of bounds.');
    }
    if (howMany >= this.model.maxColumns - this.model.frozenColumns) {
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    }
    this.model.deleteColumns(columnPosition, howMany);
  }

  /** Deletes one column. */
  deleteColumn(columnPosition: number): GasSheet {
    this.deleteColumns(columnPosition, 1);
    return this.self;
  }

  /** Clears contents and formats of the whole sheet. */
  clear(): GasSheet {
    record(this.ctx, 'Sheet.clear');
    this.model.rows = [];
    this.model.formulas.clear();
    for (const [key, f] of this.model.formats) {
      if (f.validation || f.note)
        this.model.formats.set(key, { validation: f.validation, note: f.note });
      else this.model.formats.delete(key);
    }
    return this.self;
  }

  /** Clears values, keeps formats. */
  clearContents(): GasSheet {
    record(this.ctx, 'Sheet.clearContents');
    this.model.rows = [];
    this.model.formulas.clear();
    return this.self;
  }

  /** Clears formats, keeps values. */
  clearFormats(): GasSheet {
    record(this.ctx, 'Sheet.clearFormats');
    this.model.formats.clear();
    return this.self;
  }

  /** Freezes the top `rows` rows. */
  setFrozenRows(rows: number): void {
    record(this.ctx, 'Sheet.setFrozenRows');
    if (rows < 0 || rows >= this.model.maxRows)
      throw new Error("You can't freeze all visible rows on the sheet.");
    this.model.frozenRows = rows;
  }

  /** Frozen row count. */
  getFrozenRows(): number {
    record(this.ctx, 'Sheet.getFrozenRows');
    return this.model.frozenRows;
  }

  /** Freezes the left `columns` columns. */
  setFrozenColumns(columns: number): void {
    record(this.ctx, 'Sheet.setFrozenColumns');
    this.model.frozenColumns = columns;
  }

  /** Frozen column count. */
  getFrozenColumns(): number {
    record(this.ctx, 'Sheet.getFrozenColumns');
    return this.model.frozenColumns;
  }

  /** The sheet's filter or null. */
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    record(this.ctx, 'Sheet.getFilter');
    return this.model.filter ? asGas(new Filter(this.ctx, this.ss, this.model)) : null;
  }

  /** Protects the whole sheet. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    record(this.ctx, 'Sheet.protect');
    return Protection.create(this.ctx, this.ss, this.model, 'SHEET', null);
  }

  /** Protections of one type on this sheet (sheet#getprotectionstype). */
  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    record(this.ctx, 'Sheet.getProtections');
    return this.model.protections
      .filter((p) => p.type === String(type))
      .map((p) => asGas(new Protection(this.ctx, this.ss, this.model, p)));
  }

  /** A chart builder for this sheet. */
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    record(this.ctx, 'Sheet.newChart');
    return asGas(new EmbeddedChartBuilder(this.ctx, this.ss, this.model));
  }

  /** Places a built chart on the sheet. */
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    record(this.ctx, 'Sheet.insertChart');
    const model = (chart as unknown as EmbeddedChart).model;
    model.id = this.ss.nextObjectId++;
    this.model.charts.push(model);
  }

  /** Replaces a chart with its modified version (same id). */
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    record(this.ctx, 'Sheet.updateChart');
    const model = (chart as unknown as EmbeddedChart).model;
    const i = this.model.charts.findIndex((c) => c.id === model.id);
    if (i < 0) throw new Error('The chart could not be found.');
    this.model.charts[i] = model;
  }

  /** Charts on this sheet. */
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    record(this.ctx, 'Sheet.getCharts');
    return this.model.charts.map((c) => asGas(new EmbeddedChart(this.ctx, this.ss, this.model, c)));
  }

  /** Removes a chart. */
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    record(this.ctx, 'Sheet.removeChart');
    const id = (chart as unknown as EmbeddedChart).model.id;
    this.model.charts = this.model.charts.filter((c) => c.id !== id);
  }

  /** Column width in pixels. */
  setColumnWidth(columnPosition: number, width: number): GasSheet {
    record(this.ctx, 'Sheet.setColumnWidth');
    this.model.columnWidths.set(columnPosition, width);
    return this.self;
  }

  /** Widths of several columns. */
  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    record(this.ctx, 'Sheet.setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++)
      this.model.columnWidths.set(c, width);
    return this.self;
  }

  /** Column width (100 px by default). */
  getColumnWidth(columnPosition: number): number {
    record(this.ctx, 'Sheet.getColumnWidth');
    return this.model.columnWidths.get(columnPosition) ?? 100;
  }

  /** Fits widths to content: modelled as ~7 px per character of the longest value. */
  autoResizeColumns(startColumn: number, numColumns: number): GasSheet {
    record(this.ctx, 'Sheet.autoResizeColumns');
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (const row of this.model.rows)
        longest = Math.max(longest, String(row?.[c - 1] ?? '').length);
      this.model.columnWidths.set(c, Math.max(30, Math.min(600, longest * 7 + 10)));
    }
    return this.self;
  }

  /** Fits one column. */
  autoResizeColumn(columnPosition: number): GasSheet {
    return this.autoResizeColumns(columnPosition, 1);
  }

  /** Row height in pixels. */
  setRowHeight(rowPosition: number, height: number): GasSheet {
    record(this.ctx, 'Sheet.setRowHeight');
    this.model.rowHeights.set(rowPosition, height);
    return this.self;
  }

  /** Hides the tab; the last visible tab cannot be hidden. */
  hideSheet(): GasSheet {
    record(this.ctx, 'Sheet.hideSheet');
    if (this.ss.sheets.filter((s) => !s.hidden && s !== this.model).length === 0) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.model.hidden = true;
    return this.self;
  }

  /** Shows the tab. */
  showSheet(): GasSheet {
    record(this.ctx, 'Sheet.showSheet');
    this.model.hidden = false;
    return this.self;
  }

  /** True if hidden. */
  isSheetHidden(): boolean {
    record(this.ctx, 'Sheet.isSheetHidden');
    return this.model.hidden;
  }

  /** Tab colour ('#rrggbb' or null to reset). */
  setTabColor(color: string | null): GasSheet {
    record(this.ctx, 'Sheet.setTabColor');
    this.model.tabColor = color;
    return this.self;
  }

  /** Tab colour or null. */
  getTabColor(): string | null {
    record(this.ctx, 'Sheet.getTabColor');
    return this.model.tabColor;
  }

  /** The linked form's edit URL for a response sheet, else null (sheet#getformurl). */
  getFormUrl(): string | null {
    record(this.ctx, 'Sheet.getFormUrl');
    return this.model.formId ? `https://docs.google.com/forms/d/${this.model.formId}/edit` : null;
  }

  /** Makes this the active tab. */
  activate(): GasSheet {
    record(this.ctx, 'Sheet.activate');
    this.ss.activeSheetId = this.model.id;
    return this.self;
  }

  /** Sheet type (always GRID here). */
  getType(): GoogleAppsScript.Spreadsheet.SheetType {
    record(this.ctx, 'Sheet.getType');
    return asGas({ toString: () => 'GRID', name: () => 'GRID' });
  }

  /** Harness: values without counting a call. */
  peekValues(): CellValue[][] {
    const lastRow = this.model.lastRow();
    const lastColumn = this.model.lastColumn();
    const out: CellValue[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const line: CellValue[] = [];
      for (let c = 1; c <= lastColumn; c++) line.push(this.model.get(r, c));
      out.push(line);
    }
    return out;
  }
}
stubInterface(Sheet, 'Spreadsheet.Sheet');

/** A sheet's basic filter (recorded; criteria are not modelled). */
export class Filter implements Fake<GoogleAppsScript.Spreadsheet.Filter, Filter> {
  constructor(
    private readonly ctx: Ctx,
    private readonly ss: SpreadsheetModel,
    private readonly sheet: SheetModel,
  ) {}

  /** The filtered range. */
  getRange(): GasRange {
    record(this.ctx, 'Filter.getRange');
    const f = this.sheet.filter!;
    return asGas(
      new Range(this.ctx, this.ss, this.sheet, f.row, f.column, f.numRows, f.numColumns),
    );
  }

  /** Removes the filter. */
  remove(): void {
    record(this.ctx, 'Filter.remove');
    this.sheet.filter = null;
  }
}
stubInterface(Filter, 'Spreadsheet.Filter');
