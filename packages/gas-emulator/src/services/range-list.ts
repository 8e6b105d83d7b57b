/**
 * RangeList (developers.google.com/apps-script/reference/spreadsheet/range-list): "A collection
 * of one or more Range instances in the same sheet". Its setters apply to every range of the
 * list; methods not implemented here throw (EMULATOR.md rule 2).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- signatures mirror @types/google-apps-script, which uses any */
import { asGas, Fake, stubInterface } from '../core/errors';
import type { Ctx } from '../core/world';
import { record } from '../core/world';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;

/** A fixed list of ranges of one sheet. */
export class RangeList implements Fake<GasRangeList, RangeList> {
  constructor(
    private readonly ctx: Ctx,
    private readonly ranges: GasRange[],
  ) {}

  /** The ranges, in the order given (range-list#getranges). */
  getRanges(): GasRange[] {
    record(this.ctx, 'RangeList.getRanges');
    return [...this.ranges];
  }

  /** Sets the value of every cell of every range (range-list#setvaluevalue). */
  setValue(value: any): GasRangeList {
    record(this.ctx, 'RangeList.setValue');
    for (const r of this.ranges) r.setValues(fill(r, value));
    return this.self;
  }

  /** Sets the number format of every range (range-list#setnumberformatformat). */
  setNumberFormat(format: string): GasRangeList {
    record(this.ctx, 'RangeList.setNumberFormat');
    for (const r of this.ranges) r.setNumberFormat(format);
    return this.self;
  }

  /** Sets the background of every range (range-list#setbackgroundcolor). */
  setBackground(color: string | null): GasRangeList {
    record(this.ctx, 'RangeList.setBackground');
    for (const r of this.ranges) r.setBackground(color);
    return this.self;
  }

  /** Sets the font weight of every range (range-list#setfontweightfontweight). */
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRangeList {
    record(this.ctx, 'RangeList.setFontWeight');
    for (const r of this.ranges) r.setFontWeight(fontWeight);
    return this.self;
  }

  /** Clears the content of every range, keeping formats (range-list#clearcontent). */
  clearContent(): GasRangeList {
    record(this.ctx, 'RangeList.clearContent');
    for (const r of this.ranges) r.clearContent();
    return this.self;
  }

  private get self(): GasRangeList {
    return asGas(this);
  }
}
stubInterface(RangeList, 'Spreadsheet.RangeList');

/** `value` repeated over the shape of `range`. */
function fill(range: GasRange, value: unknown): unknown[][] {
  return Array.from({ length: range.getNumRows() }, () =>
    Array<unknown>(range.getNumColumns()).fill(value),
  );
}
