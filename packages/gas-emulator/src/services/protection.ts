/**
 * Protection (developers.google.com/apps-script/reference/spreadsheet/protection): who may edit a
 * protected area, enforced on every edit by protection-guard.ts.
 */
import { asEnum, makeEnum } from '../core/enums';
import { asGas, Fake, stubInterface } from '../core/errors';
import type { Ctx } from '../core/world';
import { record } from '../core/world';
import { Range } from './range';
import { guardProtection } from './protection-guard';
import type { ProtectionModel, SheetModel, SpreadsheetModel } from './sheet-model';

/** SpreadsheetApp.ProtectionType. */
export const ProtectionType = makeEnum(['RANGE', 'SHEET'] as const);

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;

/** A protected sheet or range. */
export class Protection implements Fake<GasProtection, Protection> {
  constructor(
    private readonly ctx: Ctx,
    private readonly ss: SpreadsheetModel,
    private readonly sheet: SheetModel,
    readonly model: ProtectionModel,
  ) {}

  /** Protects a sheet or range; the effective user is the first editor, as on Google. */
  static create(
    ctx: Ctx,
    ss: SpreadsheetModel,
    sheet: SheetModel,
    type: 'SHEET' | 'RANGE',
    range: ProtectionModel['range'],
  ): GasProtection {
    if (type === 'SHEET' && sheet.protections.some((p) => p.type === 'SHEET')) {
      // Google returns the existing sheet protection rather than a second one.
      return asGas(
        new Protection(
          ctx,
          ss,
          sheet,
          sheet.protections.find((p) => p.type === 'SHEET')!,
        ),
      );
    }
    const model: ProtectionModel = {
      id: ss.nextObjectId++,
      type,
      range,
      description: '',
      warningOnly: false,
      editors: [ctx.world.user],
      domainEdit: false,
    };
    sheet.protections.push(model);
    return asGas(new Protection(ctx, ss, sheet, model));
  }

  private get self(): GasProtection {
    return this as unknown as GasProtection;
  }

  /** Description shown in the protected ranges panel. */
  setDescription(description: string): GasProtection {
    record(this.ctx, 'Protection.setDescription');
    guardProtection(this.ctx, this.ss, this.model);
    this.model.description = description;
    return this.self;
  }

  /** The description. */
  getDescription(): string {
    record(this.ctx, 'Protection.getDescription');
    return this.model.description;
  }

  /** Warning-only protection lets anyone edit after a warning. */
  setWarningOnly(warningOnly: boolean): GasProtection {
    record(this.ctx, 'Protection.setWarningOnly');
    guardProtection(this.ctx, this.ss, this.model);
    this.model.warningOnly = warningOnly;
    return this.self;
  }

  /** True if warning-only. */
  isWarningOnly(): boolean {
    record(this.ctx, 'Protection.isWarningOnly');
    return this.model.warningOnly;
  }

  /** Adds an editor. */
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): GasProtection {
    record(this.ctx, 'Protection.addEditor');
    guardProtection(this.ctx, this.ss, this.model);
    const email = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    if (!this.model.editors.includes(email)) this.model.editors.push(email);
    return this.self;
  }

  /** Adds editors. */
  addEditors(emailAddresses: string[]): GasProtection {
    for (const e of emailAddresses) this.addEditor(e);
    return this.self;
  }

  /** Removes editors; the owner (effective user) always stays, as on Google. */
  removeEditors(emailAddresses: (string | GoogleAppsScript.Base.User)[]): GasProtection {
    record(this.ctx, 'Protection.removeEditors');
    guardProtection(this.ctx, this.ss, this.model);
    const drop = new Set(emailAddresses.map((e) => (typeof e === 'string' ? e : e.getEmail())));
    this.model.editors = this.model.editors.filter(
      (e) => !drop.has(e) || e === this.ctx.world.user,
    );
    return this.self;
  }

  /** Removes one editor. */
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): GasProtection {
    return this.removeEditors([emailAddress]);
  }

  /** Editors as User objects. */
  getEditors(): GoogleAppsScript.Base.User[] {
    record(this.ctx, 'Protection.getEditors');
    return this.model.editors.map((email) => asGas<GoogleAppsScript.Base.User>(userOf(email)));
  }

  /** Whether everyone in the domain may edit. */
  setDomainEdit(editable: boolean): GasProtection {
    record(this.ctx, 'Protection.setDomainEdit');
    guardProtection(this.ctx, this.ss, this.model);
    this.model.domainEdit = editable;
    return this.self;
  }

  /** True if the effective user may edit the protected area. */
  canEdit(): boolean {
    record(this.ctx, 'Protection.canEdit');
    return this.model.warningOnly || this.model.editors.includes(this.ctx.world.user);
  }

  /** True if the domain may edit. */
  canDomainEdit(): boolean {
    record(this.ctx, 'Protection.canDomainEdit');
    return this.model.domainEdit;
  }

  /** RANGE or SHEET. */
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    record(this.ctx, 'Protection.getProtectionType');
    return asEnum(ProtectionType[this.model.type]);
  }

  /** The protected range (the whole sheet for sheet protection). */
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    record(this.ctx, 'Protection.getRange');
    const r = this.model.range ?? {
      row: 1,
      column: 1,
      numRows: this.sheet.maxRows,
      numColumns: this.sheet.maxColumns,
    };
    return asGas(
      new Range(this.ctx, this.ss, this.sheet, r.row, r.column, r.numRows, r.numColumns),
    );
  }

  /** Removes the protection. */
  remove(): void {
    record(this.ctx, 'Protection.remove');
    guardProtection(this.ctx, this.ss, this.model);
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this.model);
  }
}
stubInterface(Protection, 'Spreadsheet.Protection');

/** A Base.User for an email (getEmail, getUserLoginId). */
export function userOf(email: string): {
  getEmail(): string;
  getUserLoginId(): string;
  toString(): string;
} {
  return { getEmail: () => email, getUserLoginId: () => email, toString: () => email };
}
