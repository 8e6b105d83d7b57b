/**
 * Range (developers.google.com/apps-script/reference/spreadsheet/range): a rectangle of a sheet.
 * Reads and writes go straight to the row arrays of the SheetModel.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- signatures mirror @types/google-apps-script, which uses any */
import { asGas, Fake, stubInterface } from '../core/errors';
import { isDate } from '../core/realm';
import type { Ctx } from '../core/world';
import { record } from '../core/world';
import { a1Notation } from './a1';
import { DataValidation } from './data-validation';
import { Protection } from './protection';
import { guardEdit } from './protection-guard';
import { Filter, Sheet } from './sheet';
import {
  CellFormat,
  CellValue,
  displayValue,
  evaluateFormula,
  isSignFormula,
  normaliseWritten,
  SheetModel,
  SpreadsheetModel,
} from './sheet-model';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Copies a stored value for the script (a Date must not alias the stored one). */
function out(value: CellValue): CellValue {
  return isDate(value) ? new Date(value.getTime()) : value;
}

/** A rectangle of one sheet. */
export class Range implements Fake<GasRange, Range> {
  constructor(
    readonly ctx: Ctx,
    readonly ss: SpreadsheetModel,
    readonly sheet: SheetModel,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private get self(): GasRange {
    return this as unknown as GasRange;
  }

  /** Throws when a protection forbids the running user to edit this range. */
  private guard(): void {
    guardEdit(this.ctx, this.ss, this.sheet, {
      row: this.row,
      column: this.column,
      numRows: this.numRows,
      numColumns: this.numColumns,
    });
  }

  private cells(): number {
    return this.numRows * this.numColumns;
  }

  /** Visits every cell of the range. */
  private each(fn: (row: number, column: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numColumns; j++) fn(this.row + i, this.column + j, i, j);
    }
  }

  /** Throws Google's message when a 2-D array does not fit the range. */
  private checkShape(values: unknown[][]): void {
    if (!Array.isArray(values) || values.some((r) => !Array.isArray(r))) {
      throw new Error(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
      );
    }
    if (values.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.numRows}.`,
      );
    }
    for (const r of values) {
      if (r.length !== this.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.numColumns}.`,
        );
      }
    }
  }

  /** 1-based first row. */
  getRow(): number {
    return this.row;
  }

  /** 1-based first row (alias Google keeps). */
  getRowIndex(): number {
    return this.row;
  }

  /** 1-based first column. */
  getColumn(): number {
    return this.column;
  }

  /** Rows in the range. */
  getNumRows(): number {
    return this.numRows;
  }

  /** Columns in the range. */
  getNumColumns(): number {
    return this.numColumns;
  }

  /** Rows in the range. */
  getHeight(): number {
    return this.numRows;
  }

  /** Columns in the range. */
  getWidth(): number {
    return this.numColumns;
  }

  /** Last row of the range. */
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }

  /** Last column of the range. */
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }

  /** 'A1:C3' without the sheet name, as Google returns it. */
  getA1Notation(): string {
    return a1Notation(this.row, this.column, this.numRows, this.numColumns);
  }

  /** The sheet of the range. */
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return asGas(new Sheet(this.ctx, this.ss, this.sheet));
  }

  /** Rectangular values: '' for empty, numbers, booleans, Dates (range#getvalues). */
  getValues(): any[][] {
    record(this.ctx, 'Range.getValues', this.cells());
    const result: CellValue[][] = new Array(this.numRows);
    const rows = this.sheet.rows;
    const c0 = this.column - 1;
    const width = this.numColumns;
    const dates = [...this.sheet.dateColumns].map((c) => c - c0).filter((j) => j >= 0 && j < width);
    for (let i = 0; i < this.numRows; i++) {
      const stored = rows[this.row - 1 + i];
      // A copy of the stored row, padded with blanks (rows have no holes before their end),
      // then each Date replaced by a copy, so the caller never holds the stored one.
      let line: CellValue[];
      if (width === 1) {
        const v = stored ? stored[c0] : undefined; // one column: no slice
        line = [v === undefined ? '' : v];
      } else line = stored ? stored.slice(c0, c0 + width) : [];
      for (let j = line.length; j < width; j++) line.push('');
      for (const j of dates) {
        const v = line[j];
        if (typeof v === 'object' && isDate(v)) line[j] = new Date(v.getTime());
      }
      result[i] = line;
    }
    return result;
  }

  /** Top-left value. */
  getValue(): any {
    record(this.ctx, 'Range.getValue', 1);
    return out(this.sheet.get(this.row, this.column));
  }

  /** Values as displayed, per number format and the spreadsheet locale. */
  getDisplayValues(): string[][] {
    record(this.ctx, 'Range.getDisplayValues', this.cells());
    const result: string[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const line: string[] = [];
      for (let j = 0; j < this.numColumns; j++) {
        const r = this.row + i;
        const c = this.column + j;
        line.push(
          displayValue(this.sheet.get(r, c), this.sheet.format(r, c)?.numberFormat, this.ss),
        );
      }
      result.push(line);
    }
    return result;
  }

  /** Top-left displayed value. */
  getDisplayValue(): string {
    record(this.ctx, 'Range.getDisplayValue', 1);
    return displayValue(
      this.sheet.get(this.row, this.column),
      this.sheet.format(this.row, this.column)?.numberFormat,
      this.ss,
    );
  }

  /** Writes a 2-D array exactly the range's shape (range#setvaluesvalues). */
  setValues(values: any[][]): GasRange {
    this.checkShape(values);
    record(this.ctx, 'Range.setValues', this.cells());
    this.guard();
    const written = values.map((r, i) =>
      r.map((v, j) => {
        const plain = this.sheet.format(this.row + i, this.column + j)?.numberFormat === '@';
        return { raw: v, plain, cell: normaliseWritten(v, this.ss, plain) };
      }),
    );
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numColumns; j++) {
        const { raw, plain, cell } = written[i]![j]!;
        const formula =
          cell.formula ??
          (!plain && typeof raw === 'string' && isSignFormula(raw, cell.value) ? `=${raw}` : null);
        this.sheet.put(this.row + i, this.column + j, cell.value, formula);
      }
    }
    return this.self;
  }

  /** Writes one value into every cell of the range (range#setvaluevalue). */
  setValue(value: any): GasRange {
    record(this.ctx, 'Range.setValue', this.cells());
    this.guard();
    this.each((r, c) => {
      const plain = this.sheet.format(r, c)?.numberFormat === '@';
      const cell = normaliseWritten(value, this.ss, plain);
      const formula =
        cell.formula ??
        (!plain && typeof value === 'string' && isSignFormula(value, cell.value)
          ? `=${value}`
          : null);
      this.sheet.put(r, c, cell.value, formula);
    });
    return this.self;
  }

  /** Formulas, '' where a cell has none. */
  getFormulas(): string[][] {
    record(this.ctx, 'Range.getFormulas', this.cells());
    const result: string[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const line: string[] = [];
      for (let j = 0; j < this.numColumns; j++) {
        line.push(this.sheet.formulas.get(SheetModel.key(this.row + i, this.column + j)) ?? '');
      }
      result.push(line);
    }
    return result;
  }

  /** Top-left formula or ''. */
  getFormula(): string {
    record(this.ctx, 'Range.getFormula', 1);
    return this.sheet.formulas.get(SheetModel.key(this.row, this.column)) ?? '';
  }

  /** Sets one formula on every cell. */
  setFormula(formula: string): GasRange {
    record(this.ctx, 'Range.setFormula', this.cells());
    const text = formula.startsWith('=') ? formula : `=${formula}`;
    this.each((r, c) => this.sheet.put(r, c, evaluateFormula(text), text));
    return this.self;
  }

  /** Sets formulas from a 2-D array of the range's shape. */
  setFormulas(formulas: string[][]): GasRange {
    this.checkShape(formulas);
    record(this.ctx, 'Range.setFormulas', this.cells());
    this.each((r, c, i, j) => {
      const f = formulas[i]![j]!;
      if (f === '') this.sheet.put(r, c, '', null);
      else this.sheet.put(r, c, evaluateFormula(f), f);
    });
    return this.self;
  }

  /** True if every cell is empty. */
  isBlank(): boolean {
    record(this.ctx, 'Range.isBlank');
    let blank = true;
    this.each((r, c) => {
      if (this.sheet.get(r, c) !== '') blank = false;
    });
    return blank;
  }

  /** Clears values, keeps formats. */
  clearContent(): GasRange {
    record(this.ctx, 'Range.clearContent', this.cells());
    this.guard();
    this.each((r, c) => this.sheet.put(r, c, '', null));
    return this.self;
  }

  /** Clears values and formats (range#clear). */
  clear(options?: Record<string, boolean>): GasRange {
    record(this.ctx, 'Range.clear', this.cells());
    this.guard();
    const all = !options || Object.keys(options).length === 0;
    this.each((r, c) => {
      if (all || options?.contentsOnly) this.sheet.put(r, c, '', null);
      const key = SheetModel.key(r, c);
      if (all || options?.formatOnly) {
        const f = this.sheet.formats.get(key);
        if (f) this.sheet.formats.set(key, { validation: f.validation, note: f.note });
      }
      if (options?.validationsOnly) {
        const f = this.sheet.formats.get(key);
        if (f) delete f.validation;
      }
    });
    return this.self;
  }

  /** Clears only formats. */
  clearFormat(): GasRange {
    return this.clear({ formatOnly: true });
  }

  /** A range shifted by offsets, optionally resized (range#offsetrowoffset,-columnoffset,-numrows,-numcolumns). */
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    return new Sheet(this.ctx, this.ss, this.sheet).rangeAt(
      this.row + rowOffset,
      this.column + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numColumns,
    );
  }

  /** One cell, 1-based relative to the range. */
  getCell(row: number, column: number): GasRange {
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return asGas(
      new Range(this.ctx, this.ss, this.sheet, this.row + row - 1, this.column + column - 1, 1, 1),
    );
  }

  private setFormat<K extends keyof CellFormat>(
    call: string,
    key: K,
    value: CellFormat[K],
  ): GasRange {
    record(this.ctx, call, this.cells());
    this.guard();
    this.each((r, c) => {
      const f = this.sheet.format(r, c, true);
      if (value === null || value === undefined) delete f[key];
      else f[key] = value;
    });
    return this.self;
  }

  private setFormats<K extends keyof CellFormat>(
    call: string,
    key: K,
    values: CellFormat[K][][],
  ): GasRange {
    this.checkShape(values as unknown[][]);
    record(this.ctx, call, this.cells());
    this.guard();
    this.each((r, c, i, j) => {
      const f = this.sheet.format(r, c, true);
      const v = values[i]![j];
      if (v === null || v === undefined) delete f[key];
      else f[key] = v;
    });
    return this.self;
  }

  private getFormat<K extends keyof CellFormat>(
    call: string,
    key: K,
    fallback: CellFormat[K],
  ): CellFormat[K] {
    record(this.ctx, call);
    return this.sheet.format(this.row, this.column)?.[key] ?? fallback;
  }

  private getFormatGrid<K extends keyof CellFormat>(
    call: string,
    key: K,
    fallback: CellFormat[K],
  ): CellFormat[K][][] {
    record(this.ctx, call, this.cells());
    const grid: CellFormat[K][][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const line: CellFormat[K][] = [];
      for (let j = 0; j < this.numColumns; j++) {
        line.push(this.sheet.format(this.row + i, this.column + j)?.[key] ?? fallback);
      }
      grid.push(line);
    }
    return grid;
  }

  /** Number format of every cell, e.g. 'dd.MM.yyyy', '0.00', '@'. */
  setNumberFormat(numberFormat: string): GasRange {
    return this.setFormat('Range.setNumberFormat', 'numberFormat', numberFormat);
  }

  /** Number formats from a 2-D array. */
  setNumberFormats(numberFormats: any[][]): GasRange {
    return this.setFormats('Range.setNumberFormats', 'numberFormat', numberFormats);
  }

  /** Top-left number format ('0.###############' is Google's default for "Automatic"). */
  getNumberFormat(): string {
    return this.getFormat('Range.getNumberFormat', 'numberFormat', '0.###############') as string;
  }

  /** Number formats of every cell. */
  getNumberFormats(): string[][] {
    return this.getFormatGrid(
      'Range.getNumberFormats',
      'numberFormat',
      '0.###############',
    ) as string[][];
  }

  /** Background colour of every cell (CSS colour; null resets). */
  setBackground(color: string | null): GasRange {
    return this.setFormat('Range.setBackground', 'background', color ?? undefined);
  }

  /** Backgrounds from a 2-D array. */
  setBackgrounds(color: string[][]): GasRange {
    return this.setFormats('Range.setBackgrounds', 'background', color);
  }

  /** Top-left background ('#ffffff' by default). */
  getBackground(): string {
    return this.getFormat('Range.getBackground', 'background', '#ffffff') as string;
  }

  /** Backgrounds of every cell. */
  getBackgrounds(): string[][] {
    return this.getFormatGrid('Range.getBackgrounds', 'background', '#ffffff') as string[][];
  }

  /** 'bold' or 'normal' (null resets). */
  setFontWeight(fontWeight: string | null): GasRange {
    return this.setFormat('Range.setFontWeight', 'fontWeight', fontWeight ?? undefined);
  }

  /** Font weights from a 2-D array. */
  setFontWeights(fontWeights: any[][]): GasRange {
    return this.setFormats('Range.setFontWeights', 'fontWeight', fontWeights);
  }

  /** Top-left font weight. */
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.getFormat(
      'Range.getFontWeight',
      'fontWeight',
      'normal',
    ) as GoogleAppsScript.Spreadsheet.FontWeight;
  }

  /** Font colour (null resets). */
  setFontColor(color: string | null): GasRange {
    return this.setFormat('Range.setFontColor', 'fontColor', color ?? undefined);
  }

  /** Top-left font colour. */
  getFontColor(): string {
    return this.getFormat('Range.getFontColor', 'fontColor', '#000000') as string;
  }

  /** 'italic' or 'normal'. */
  setFontStyle(fontStyle: string | null): GasRange {
    return this.setFormat('Range.setFontStyle', 'fontStyle', fontStyle ?? undefined);
  }

  /** Font size in points. */
  setFontSize(size: number): GasRange {
    return this.setFormat('Range.setFontSize', 'fontSize', size);
  }

  /** 'left' | 'center' | 'right' | 'normal'. */
  setHorizontalAlignment(alignment: string | null): GasRange {
    return this.setFormat(
      'Range.setHorizontalAlignment',
      'horizontalAlignment',
      alignment ?? undefined,
    );
  }

  /** 'top' | 'middle' | 'bottom'. */
  setVerticalAlignment(alignment: string | null): GasRange {
    return this.setFormat(
      'Range.setVerticalAlignment',
      'verticalAlignment',
      alignment ?? undefined,
    );
  }

  /** Word wrap on every cell. */
  setWrap(isWrapEnabled: boolean): GasRange {
    return this.setFormat('Range.setWrap', 'wrap', isWrapEnabled);
  }

  /** Wraps from a 2-D array. */
  setWraps(isWrapEnabled: any[][]): GasRange {
    return this.setFormats('Range.setWraps', 'wrap', isWrapEnabled);
  }

  /** Top-left wrap flag. */
  getWrap(): boolean {
    return this.getFormat('Range.getWrap', 'wrap', true) as boolean;
  }

  /** Note on every cell ('' or null removes). */
  setNote(note: string | null): GasRange {
    return this.setFormat('Range.setNote', 'note', note || undefined);
  }

  /** Notes from a 2-D array. */
  setNotes(notes: any[][]): GasRange {
    return this.setFormats('Range.setNotes', 'note', notes);
  }

  /** Top-left note or ''. */
  getNote(): string {
    return this.getFormat('Range.getNote', 'note', '') as string;
  }

  /** Notes of every cell. */
  getNotes(): string[][] {
    return this.getFormatGrid('Range.getNotes', 'note', '') as string[][];
  }

  /** Validation rule on every cell (null removes). */
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GasRange {
    return this.setFormat('Range.setDataValidation', 'validation', rule ?? undefined);
  }

  /** Validation rules from a 2-D array. */
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GasRange {
    return this.setFormats('Range.setDataValidations', 'validation', rules);
  }

  /** Top-left validation rule or null. */
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return (this.getFormat('Range.getDataValidation', 'validation', null) ??
      null) as GoogleAppsScript.Spreadsheet.DataValidation | null;
  }

  /** Validation rules of every cell (null where none). */
  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.getFormatGrid(
      'Range.getDataValidations',
      'validation',
      null,
    ) as (GoogleAppsScript.Spreadsheet.DataValidation | null)[][];
  }

  /** Removes every validation rule of the range. */
  clearDataValidations(): GasRange {
    return this.setFormat('Range.clearDataValidations', 'validation', undefined);
  }

  /** Turns cells into checkboxes: a CHECKBOX rule, and FALSE where a cell is empty. */
  insertCheckboxes(): GasRange {
    record(this.ctx, 'Range.insertCheckboxes', this.cells());
    const rule = new DataValidation('CHECKBOX', [], false, '');
    this.each((r, c) => {
      this.sheet.format(r, c, true).validation = rule;
      if (this.sheet.get(r, c) === '') this.sheet.put(r, c, false, null);
    });
    return this.self;
  }

  /** A filter on this range; a sheet has at most one (range#createfilter). */
  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    record(this.ctx, 'Range.createFilter');
    if (this.sheet.filter)
      throw new Error("You can't create a filter in a sheet that already has a filter.");
    this.sheet.filter = {
      row: this.row,
      column: this.column,
      numRows: this.numRows,
      numColumns: this.numColumns,
    };
    return asGas(new Filter(this.ctx, this.ss, this.sheet));
  }

  /** Protects this range (range#protect). */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    record(this.ctx, 'Range.protect');
    this.guard();
    return Protection.create(this.ctx, this.ss, this.sheet, 'RANGE', {
      row: this.row,
      column: this.column,
      numRows: this.numRows,
      numColumns: this.numColumns,
    });
  }

  /** Makes the range's sheet active (selection itself is not modelled). */
  activate(): GasRange {
    record(this.ctx, 'Range.activate');
    this.ss.activeSheetId = this.sheet.id;
    return this.self;
  }
}
stubInterface(Range, 'Spreadsheet.Range');
