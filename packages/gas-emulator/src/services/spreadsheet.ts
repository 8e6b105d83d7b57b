/**
 * SpreadsheetApp, Spreadsheet, NamedRange and the Ui of a bound script
 * (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- signatures mirror @types/google-apps-script, which uses any */
import { makeEnum } from '../core/enums';
import { boundTo, checkUi } from '../core/container';
import { asGas, Fake, notImplemented, stubInterface } from '../core/errors';
import type { Ctx, World } from '../core/world';
import { record } from '../core/world';
import { Blob, buildPdf } from './blob';
import { ChartType } from './chart';
import { DataValidationBuilder, DataValidationCriteria } from './data-validation';
import { createDriveItem, SPREADSHEET_MIME, urlOf } from './drive';
import { ProtectionType, userOf } from './protection';
import { Range } from './range';
import { Sheet } from './sheet';
import { Ui } from './ui';
import { CellMap, SheetModel, SpreadsheetModel } from './sheet-model';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** The default first tab name of a new spreadsheet in the user's locale. */
export function defaultSheetName(locale: string, n: number): string {
  return locale.startsWith('ru') ? `Лист${n}` : `Sheet${n}`;
}

/** Creates a spreadsheet file: Drive item plus model. */
export function createSpreadsheetFile(
  world: World,
  name: string,
  rows = 1000,
  columns = 26,
): SpreadsheetModel {
  const item = createDriveItem(world, { name, mimeType: SPREADSHEET_MIME });
  const model = new SpreadsheetModel(
    item.id,
    world.timeZone,
    world.locale,
    defaultSheetName(world.locale, 1),
  );
  const first = model.sheets[0]!;
  first.maxRows = rows;
  first.maxColumns = columns;
  world.spreadsheets.set(item.id, model);
  return model;
}

/** Registers how Drive copies and exports spreadsheets. */
export function registerSpreadsheetFiles(world: World): void {
  world.nativeFiles.set(SPREADSHEET_MIME, {
    copy(fromId, toId) {
      const src = world.spreadsheets.get(fromId)!;
      const copy = new SpreadsheetModel(toId, src.timeZone, src.locale, '__tmp__');
      copy.sheets = src.sheets.map((s) => {
        const t = new SheetModel(s.id, s.name, s.maxRows, s.maxColumns);
        t.rows = s.rows.map((r) => (r ? r.slice() : []));
        t.dateColumns = new Set(s.dateColumns);
        t.formulas = new CellMap(s.formulas);
        t.formats = new CellMap([...s.formats].map(([k, f]) => [k, { ...f }]));
        t.frozenRows = s.frozenRows;
        t.frozenColumns = s.frozenColumns;
        t.hidden = s.hidden;
        t.tabColor = s.tabColor;
        t.columnWidths = new Map(s.columnWidths);
        t.charts = s.charts.map((c) => ({
          ...c,
          ranges: [...c.ranges],
          options: { ...c.options },
        }));
        return t;
      });
      copy.activeSheetId = src.sheets[0]!.id;
      world.spreadsheets.set(toId, copy);
    },
    exportAs(id, contentType) {
      if (contentType !== 'application/pdf') return null;
      const ss = world.spreadsheets.get(id)!;
      const lines: string[] = [];
      for (const sheet of ss.sheets) {
        lines.push(sheet.name);
        for (const row of sheet.rows) lines.push((row ?? []).map(String).join('\t'));
      }
      return buildPdf(lines, world.drive.items.get(id)?.name ?? '');
    },
  });
}

/** A Spreadsheet facade over its model. */
export function spreadsheetFacade(ctx: Ctx, model: SpreadsheetModel): GasSpreadsheet {
  return asGas(new Spreadsheet(ctx, model));
}

/** A spreadsheet file. */
export class Spreadsheet implements Fake<GasSpreadsheet, Spreadsheet> {
  constructor(
    readonly ctx: Ctx,
    readonly model: SpreadsheetModel,
  ) {}

  private get self(): GasSpreadsheet {
    return this as unknown as GasSpreadsheet;
  }

  private sheet(model: SheetModel): GasSheet {
    return asGas(new Sheet(this.ctx, this.model, model));
  }

  private get item() {
    return this.ctx.world.drive.items.get(this.model.id)!;
  }

  /** Drive id. */
  getId(): string {
    record(this.ctx, 'Spreadsheet.getId');
    return this.model.id;
  }

  /** File name. */
  getName(): string {
    record(this.ctx, 'Spreadsheet.getName');
    return this.item.name;
  }

  /** Renames the file. */
  rename(newName: string): void {
    record(this.ctx, 'Spreadsheet.rename');
    this.item.name = newName;
  }

  /** Edit URL. */
  getUrl(): string {
    record(this.ctx, 'Spreadsheet.getUrl');
    return urlOf(this.item);
  }

  /** Every tab, in order. */
  getSheets(): GasSheet[] {
    record(this.ctx, 'Spreadsheet.getSheets');
    return this.model.sheets.map((s) => this.sheet(s));
  }

  /** Number of tabs. */
  getNumSheets(): number {
    record(this.ctx, 'Spreadsheet.getNumSheets');
    return this.model.sheets.length;
  }

  /** A tab by name, or null (spreadsheet#getsheetbynamename). */
  getSheetByName(name: string): GasSheet | null {
    record(this.ctx, 'Spreadsheet.getSheetByName');
    const s = this.model.sheetByName(name);
    return s ? this.sheet(s) : null;
  }

  /** A tab by its gid, or null. */
  getSheetById(id: number): GasSheet | null {
    record(this.ctx, 'Spreadsheet.getSheetById');
    const s = this.model.sheetById(id);
    return s ? this.sheet(s) : null;
  }

  /**
   * insertSheet(), (index), (name), (name, index): the new tab goes after the active one unless
   * an index (0-based) is given, and becomes active (spreadsheet#insertsheetsheetname,-sheetindex).
   */
  insertSheet(
    nameOrIndex?: string | number | object,
    index?: number | object,
    options?: object,
  ): GasSheet {
    record(this.ctx, 'Spreadsheet.insertSheet');
    if (typeof nameOrIndex === 'object' || typeof index === 'object' || options) {
      throw new Error('emulator: Spreadsheet.insertSheet with a template is not implemented');
    }
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at =
      typeof nameOrIndex === 'number'
        ? nameOrIndex
        : (index ?? this.model.sheets.findIndex((s) => s.id === this.model.activeSheetId) + 1);
    if (name === undefined) {
      let n = this.model.sheets.length + 1;
      while (this.model.sheetByName(defaultSheetName(this.model.locale, n))) n += 1;
      name = defaultSheetName(this.model.locale, n);
    }
    const created = this.model.addSheet(name, at);
    this.model.activeSheetId = created.id;
    return this.sheet(created);
  }

  /** Deletes a tab; the last one cannot go. */
  deleteSheet(sheet: GasSheet): void {
    record(this.ctx, 'Spreadsheet.deleteSheet');
    const model = (sheet as unknown as Sheet).model;
    if (this.model.sheets.length === 1)
      throw new Error("You can't remove all the sheets in a document.");
    this.model.sheets = this.model.sheets.filter((s) => s !== model);
    for (const [name, r] of this.model.namedRanges)
      if (r.sheetId === model.id) this.model.namedRanges.delete(name);
    if (this.model.activeSheetId === model.id) this.model.activeSheetId = this.model.sheets[0]!.id;
  }

  /** The active tab (the first, unless a script or the harness activated another). */
  getActiveSheet(): GasSheet {
    record(this.ctx, 'Spreadsheet.getActiveSheet');
    return this.sheet(this.model.sheetById(this.model.activeSheetId) ?? this.model.sheets[0]!);
  }

  /** Makes a tab active. */
  setActiveSheet(sheet: GasSheet): GasSheet {
    record(this.ctx, 'Spreadsheet.setActiveSheet');
    this.model.activeSheetId = (sheet as unknown as Sheet).model.id;
    return sheet;
  }

  /** Moves the active tab to a 1-based position. */
  moveActiveSheet(pos: number): void {
    record(this.ctx, 'Spreadsheet.moveActiveSheet');
    const active = this.model.sheetById(this.model.activeSheetId)!;
    this.model.sheets = this.model.sheets.filter((s) => s !== active);
    this.model.sheets.splice(pos - 1, 0, active);
  }

  /** A range by A1 notation, 'Tab!A1:B2' or on the active tab. */
  getRange(a1Notation: string): GasRange {
    record(this.ctx, 'Spreadsheet.getRange');
    const bang = a1Notation.lastIndexOf('!');
    let target = this.model.sheetById(this.model.activeSheetId)!;
    if (bang >= 0) {
      const name = a1Notation
        .slice(0, bang)
        .replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'");
      const found = this.model.sheetByName(name);
      if (!found) throw new Error('Range not found');
      target = found;
    }
    return new Sheet(this.ctx, this.model, target).rangeFromA1(a1Notation.slice(bang + 1));
  }

  /** The range of a named range, or null. */
  getRangeByName(name: string): GasRange | null {
    record(this.ctx, 'Spreadsheet.getRangeByName');
    const r = this.model.namedRanges.get(name);
    const sheet = r && this.model.sheetById(r.sheetId);
    return r && sheet
      ? asGas(new Range(this.ctx, this.model, sheet, r.row, r.column, r.numRows, r.numColumns))
      : null;
  }

  /** Names a range (replacing a previous one of that name). */
  setNamedRange(name: string, range: GasRange): void {
    record(this.ctx, 'Spreadsheet.setNamedRange');
    if (!/^[A-Za-z_\u0400-\u04FF][\w.\u0400-\u04FF]*$/.test(name))
      throw new Error('Invalid named range name.');
    const r = range as unknown as Range;
    this.model.namedRanges.set(name, {
      sheetId: r.sheet.id,
      row: r.row,
      column: r.column,
      numRows: r.numRows,
      numColumns: r.numColumns,
    });
  }

  /** Removes a named range. */
  removeNamedRange(name: string): void {
    record(this.ctx, 'Spreadsheet.removeNamedRange');
    this.model.namedRanges.delete(name);
  }

  /** Every named range. */
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    record(this.ctx, 'Spreadsheet.getNamedRanges');
    return [...this.model.namedRanges.keys()].map((name) =>
      asGas(new NamedRange(this.ctx, this.model, name)),
    );
  }

  /** Spreadsheet time zone (IANA). */
  getSpreadsheetTimeZone(): string {
    record(this.ctx, 'Spreadsheet.getSpreadsheetTimeZone');
    return this.model.timeZone;
  }

  /** Sets the time zone. */
  setSpreadsheetTimeZone(timezone: string): void {
    record(this.ctx, 'Spreadsheet.setSpreadsheetTimeZone');
    this.model.timeZone = timezone;
  }

  /** Locale, e.g. 'ru_RU'. */
  getSpreadsheetLocale(): string {
    record(this.ctx, 'Spreadsheet.getSpreadsheetLocale');
    return this.model.locale;
  }

  /** Sets the locale. */
  setSpreadsheetLocale(locale: string): void {
    record(this.ctx, 'Spreadsheet.setSpreadsheetLocale');
    this.model.locale = locale;
  }

  /** A toast in the UI; recorded on the model (harness can read ss.toasts). */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    record(this.ctx, 'Spreadsheet.toast');
    void timeoutSeconds;
    this.model.toasts.push({ message: String(msg), title: title ?? '' });
  }

  /** Adds an editor. */
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): GasSpreadsheet {
    record(this.ctx, 'Spreadsheet.addEditor');
    const email = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    if (!this.model.editors.includes(email)) this.model.editors.push(email);
    return this.self;
  }

  /** Adds editors. */
  addEditors(emailAddresses: string[]): GasSpreadsheet {
    for (const e of emailAddresses) this.addEditor(e);
    return this.self;
  }

  /** Removes an editor. */
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): GasSpreadsheet {
    record(this.ctx, 'Spreadsheet.removeEditor');
    const email = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    this.model.editors = this.model.editors.filter((e) => e !== email);
    return this.self;
  }

  /** Editors, the owner first. */
  getEditors(): GoogleAppsScript.Base.User[] {
    record(this.ctx, 'Spreadsheet.getEditors');
    return [this.item.owner, ...this.model.editors.filter((e) => e !== this.item.owner)].map((e) =>
      asGas(userOf(e)),
    );
  }

  /** The owner. */
  getOwner(): GoogleAppsScript.Base.User {
    record(this.ctx, 'Spreadsheet.getOwner');
    return asGas(userOf(this.item.owner));
  }

  /** The form whose responses land here, or null (the first linked one). */
  getFormUrl(): string | null {
    record(this.ctx, 'Spreadsheet.getFormUrl');
    const linked = this.model.sheets.find((s) => s.formId);
    return linked ? `https://docs.google.com/forms/d/${linked.formId}/edit` : null;
  }

  /** The spreadsheet as PDF. */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    record(this.ctx, 'Spreadsheet.getAs');
    const handler = this.ctx.world.nativeFiles.get(SPREADSHEET_MIME)!;
    const bytes = handler.exportAs(this.model.id, contentType);
    if (!bytes)
      throw new Error(`Converting from ${SPREADSHEET_MIME} to ${contentType} is not supported.`);
    return asGas(new Blob(bytes, contentType, `${this.item.name}.pdf`, this.ctx.world.tracker));
  }

  /** Same as the active sheet's range methods Google mirrors on Spreadsheet. */
  getLastRow(): number {
    return this.getActiveSheet().getLastRow();
  }

  /** Same as the active sheet's. */
  getDataRange(): GasRange {
    return this.getActiveSheet().getDataRange();
  }

  /** Same as the active sheet's. */
  appendRow(rowContents: any[]): GasSheet {
    return this.getActiveSheet().appendRow(rowContents);
  }
}
stubInterface(Spreadsheet, 'Spreadsheet.Spreadsheet');

/** A named range. */
export class NamedRange implements Fake<GoogleAppsScript.Spreadsheet.NamedRange, NamedRange> {
  constructor(
    private readonly ctx: Ctx,
    private readonly ss: SpreadsheetModel,
    private name: string,
  ) {}

  /** The name. */
  getName(): string {
    record(this.ctx, 'NamedRange.getName');
    return this.name;
  }

  /** The range. */
  getRange(): GasRange {
    record(this.ctx, 'NamedRange.getRange');
    const r = this.ss.namedRanges.get(this.name)!;
    return asGas(
      new Range(
        this.ctx,
        this.ss,
        this.ss.sheetById(r.sheetId)!,
        r.row,
        r.column,
        r.numRows,
        r.numColumns,
      ),
    );
  }

  /** Points the name at another range. */
  setRange(range: GasRange): GoogleAppsScript.Spreadsheet.NamedRange {
    record(this.ctx, 'NamedRange.setRange');
    const r = range as unknown as Range;
    this.ss.namedRanges.set(this.name, {
      sheetId: r.sheet.id,
      row: r.row,
      column: r.column,
      numRows: r.numRows,
      numColumns: r.numColumns,
    });
    return asGas(this);
  }

  /** Renames. */
  setName(name: string): GoogleAppsScript.Spreadsheet.NamedRange {
    record(this.ctx, 'NamedRange.setName');
    const r = this.ss.namedRanges.get(this.name)!;
    this.ss.namedRanges.delete(this.name);
    this.ss.namedRanges.set(name, r);
    this.name = name;
    return asGas(this);
  }

  /** Removes the name. */
  remove(): void {
    record(this.ctx, 'NamedRange.remove');
    this.ss.namedRanges.delete(this.name);
  }
}
stubInterface(NamedRange, 'Spreadsheet.NamedRange');

/**
 * SpreadsheetApp for one project: its active spreadsheet is the one the project is bound to
 * (the workspace's master unless loadBundle said otherwise).
 */
export class SpreadsheetApp implements Fake<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  SpreadsheetApp
> {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;
  readonly ChartType = ChartType;
  readonly WrapStrategy = makeEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const);
  readonly BorderStyle = makeEnum([
    'DOTTED',
    'DASHED',
    'SOLID',
    'SOLID_MEDIUM',
    'SOLID_THICK',
    'DOUBLE',
  ] as const);

  constructor(private readonly ctx: Ctx) {}

  private open(id: string, method: string): GasSpreadsheet {
    const model = this.ctx.world.spreadsheets.get(String(id));
    const item = this.ctx.world.drive.items.get(String(id));
    if (!model || !item) {
      throw new Error(
        `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
      );
    }
    return spreadsheetFacade(this.ctx, model);
  }

  /** The bound spreadsheet, or null for a script bound to none (spreadsheet-app#getactivespreadsheet). */
  private active(method: string): GasSpreadsheet | null {
    const id = boundTo(this.ctx.project, 'SPREADSHEET');
    return id === null ? null : this.open(id, method);
  }

  /** "Returns the currently active spreadsheet, or null if there is none" (spreadsheet-app#getactivespreadsheet). */
  getActiveSpreadsheet(): GasSpreadsheet {
    record(this.ctx, 'SpreadsheetApp.getActiveSpreadsheet');
    return this.active('getActiveSpreadsheet')!;
  }

  /** Same as getActiveSpreadsheet (spreadsheet-app#getactive). */
  getActive(): GasSpreadsheet {
    record(this.ctx, 'SpreadsheetApp.getActive');
    return this.active('getActive')!;
  }

  /** The active sheet of the active spreadsheet; null with no active spreadsheet. */
  getActiveSheet(): GasSheet {
    record(this.ctx, 'SpreadsheetApp.getActiveSheet');
    const id = boundTo(this.ctx.project, 'SPREADSHEET');
    const model = id === null ? undefined : this.ctx.world.spreadsheets.get(id);
    if (!model) return null!;
    const sheet = model.sheetById(model.activeSheetId) ?? model.sheets[0]!;
    return asGas(new Sheet(this.ctx, model, sheet));
  }

  /** Opens by id. */
  openById(id: string): GasSpreadsheet {
    record(this.ctx, 'SpreadsheetApp.openById');
    return this.open(id, 'openById');
  }

  /** Opens by URL (…/spreadsheets/d/<id>/…). */
  openByUrl(url: string): GasSpreadsheet {
    record(this.ctx, 'SpreadsheetApp.openByUrl');
    const m = /\/d\/([\w-]+)/.exec(url);
    return this.open(m ? m[1]! : '', 'openByUrl');
  }

  /** A new spreadsheet in the root folder (spreadsheet-app#createname). */
  create(name: string, rows?: number, columns?: number): GasSpreadsheet {
    record(this.ctx, 'SpreadsheetApp.create');
    return spreadsheetFacade(this.ctx, createSpreadsheetFile(this.ctx.world, name, rows, columns));
  }

  /** Applies pending changes (a no-op here: writes are immediate), counted for cost. */
  flush(): void {
    record(this.ctx, 'SpreadsheetApp.flush');
  }

  /**
   * The spreadsheet's UI, for a script bound to a spreadsheet with its editor open; elsewhere
   * Apps Script throws "Cannot call SpreadsheetApp.getUi() from this context." (reference/base/ui).
   */
  getUi(): GoogleAppsScript.Base.Ui {
    record(this.ctx, 'SpreadsheetApp.getUi');
    checkUi(this.ctx.project, this.ctx.world.tracker, 'SpreadsheetApp', 'SPREADSHEET');
    return asGas(new Ui(this.ctx));
  }

  /** A data-validation builder. */
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return asGas(new DataValidationBuilder(this.ctx));
  }

  /** Makes a tab of the active spreadsheet active. */
  setActiveSheet(sheet: GasSheet): GasSheet {
    const ss = this.active('setActiveSheet');
    if (!ss)
      return notImplemented('SpreadsheetApp', 'setActiveSheet without an active spreadsheet');
    return ss.setActiveSheet(sheet);
  }
}
stubInterface(SpreadsheetApp, 'Spreadsheet.SpreadsheetApp');
