/** Tables, their rows and their cells (a cell holds paragraphs like a section does). */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type --
   a fake class merges with its Google interface so unimplemented methods (stubbed at runtime) typecheck */
import { notImplemented } from '../../core/errors';
import { cellCount, cellNode, ContainerBase } from './containers';
import { finish, nodeOf, parentOf, registerElement, type Implemented, type Rest } from './element';
import { exposed, stored, type CellNode, type RowNode, type TableNode } from './model';
import { cellText, paragraphsOf, tableText } from './model-text';
import { TextEl } from './text';
import { ContainerElementBase } from './container-element';

/** A table; cells hold paragraphs. */
class TableImpl extends ContainerElementBase {
  get #table(): TableNode {
    return nodeOf<TableNode>(this);
  }

  getNumRows(): number {
    return this.#table.rows.length;
  }

  getRow(rowIndex: number): TableRowEl {
    return this.getChild(rowIndex) as unknown as TableRowEl;
  }

  getCell(rowIndex: number, cellIndex: number): TableCellEl {
    return this.getRow(rowIndex).getCell(cellIndex);
  }

  appendTableRow(tableRow?: GoogleAppsScript.Document.TableRow): TableRowEl {
    if (tableRow) return notImplemented('Table', 'appendTableRow(TableRow)');
    const row: RowNode = { type: 'TABLE_ROW', attrs: {}, cells: [] };
    this.#table.rows.push(row);
    return new TableRowEl(this.ctx, row);
  }

  removeRow(rowIndex: number): TableRowEl {
    const row = this.getRow(rowIndex);
    this.#table.rows.splice(rowIndex, 1);
    return row;
  }

  getText(): string {
    return tableText(this.#table);
  }

  getBorderWidth(): number {
    return (this.#table.attrs.BORDER_WIDTH as number | undefined) ?? 1;
  }
  setBorderWidth(width: number): this {
    this.#table.attrs.BORDER_WIDTH = width;
    return this;
  }
  getBorderColor(): string {
    return (this.#table.attrs.BORDER_COLOR as string | undefined) ?? '#000000';
  }
  setBorderColor(color: string): this {
    this.#table.attrs.BORDER_COLOR = color;
    return this;
  }
  getColumnWidth(columnIndex: number): number {
    return (
      this.#table.columnWidths[columnIndex] ??
      notImplemented('Table', 'getColumnWidth of an automatic-width column')
    );
  }
  setColumnWidth(columnIndex: number, width: number): this {
    this.#table.columnWidths[columnIndex] = width;
    return this;
  }
}
export interface TableEl extends Rest<GoogleAppsScript.Document.Table, TableImpl> {}
export class TableEl
  extends TableImpl
  implements Implemented<GoogleAppsScript.Document.Table, TableImpl> {}
finish(TableEl, 'Table', ['Table']);

/** A table row. */
class TableRowImpl extends ContainerElementBase {
  get #row(): RowNode {
    return nodeOf<RowNode>(this);
  }

  getNumCells(): number {
    return this.#row.cells.length;
  }

  /** The row's cells as one Text (table-row#editastext), e.g. to make a header row bold at once. */
  editAsText(): TextEl {
    return new TextEl(
      this.ctx,
      this.#row,
      this.#row.cells.flatMap((cell) => paragraphsOf(cell)),
    );
  }

  getCell(cellIndex: number): TableCellEl {
    return this.getChild(cellIndex) as unknown as TableCellEl;
  }

  appendTableCell(
    textContentsOrCell?: string | GoogleAppsScript.Document.TableCell | null,
  ): TableCellEl {
    if (
      textContentsOrCell !== undefined &&
      textContentsOrCell !== null &&
      typeof textContentsOrCell !== 'string'
    ) {
      return notImplemented('TableRow', 'appendTableCell(TableCell)');
    }
    const cell = cellNode(textContentsOrCell ?? '');
    this.#row.cells.push(cell);
    return new TableCellEl(this.ctx, cell);
  }

  removeCell(cellIndex: number): TableCellEl {
    const cell = this.getCell(cellIndex);
    this.#row.cells.splice(cellIndex, 1);
    return cell;
  }

  getParentTable(): TableEl {
    return new TableEl(this.ctx, parentOf(this.ctx, this.#row) as TableNode);
  }

  getText(): string {
    return this.#row.cells.map(cellText).join('\n');
  }

  getMinimumHeight(): number {
    return (this.#row.attrs.MINIMUM_HEIGHT as number | undefined) ?? 0;
  }
  setMinimumHeight(minHeight: number): this {
    this.#row.attrs.MINIMUM_HEIGHT = minHeight;
    return this;
  }
}
export interface TableRowEl extends Rest<GoogleAppsScript.Document.TableRow, TableRowImpl> {}
export class TableRowEl
  extends TableRowImpl
  implements Implemented<GoogleAppsScript.Document.TableRow, TableRowImpl> {}
finish(TableRowEl, 'TableRow', ['TableRow']);

/** A table cell: a container of paragraphs with cell styling. */
class TableCellImpl extends ContainerBase {
  get #cell(): CellNode {
    return nodeOf<CellNode>(this);
  }

  #attr<T>(key: string, value?: T): T {
    if (value !== undefined) this.#cell.attrs[key] = value;
    return this.#cell.attrs[key] as T;
  }

  /** The cell's paragraphs as one Text, joined by '\n' as getText() does. */
  editAsText(): TextEl {
    return new TextEl(this.ctx, this.#cell, paragraphsOf(this.#cell));
  }

  getParentRow(): TableRowEl {
    return new TableRowEl(this.ctx, parentOf(this.ctx, this.#cell) as RowNode);
  }

  getParentTable(): TableEl {
    const row = parentOf(this.ctx, this.#cell) as RowNode;
    return new TableEl(this.ctx, parentOf(this.ctx, row) as TableNode);
  }

  getColSpan(): number {
    return 1;
  }
  getRowSpan(): number {
    return 1;
  }
  getBackgroundColor(): string {
    return this.#attr<string | null>('BACKGROUND_COLOR') ?? (null as unknown as string);
  }
  setBackgroundColor(color: string): this {
    this.#attr('BACKGROUND_COLOR', color);
    return this;
  }
  getVerticalAlignment(): GoogleAppsScript.Document.VerticalAlignment {
    const name = this.#attr<string | undefined>('VERTICAL_ALIGNMENT') ?? 'TOP';
    return exposed('VERTICAL_ALIGNMENT', name) as GoogleAppsScript.Document.VerticalAlignment;
  }
  setVerticalAlignment(alignment: GoogleAppsScript.Document.VerticalAlignment): this {
    this.#attr('VERTICAL_ALIGNMENT', stored('VERTICAL_ALIGNMENT', alignment));
    return this;
  }
  getWidth(): number {
    return (
      this.#attr<number | undefined>('WIDTH') ??
      notImplemented('TableCell', 'getWidth of an automatic-width cell')
    );
  }
  setWidth(width: number): this {
    this.#attr('WIDTH', width);
    return this;
  }
  getPaddingTop(): number {
    return this.#attr<number | undefined>('PADDING_TOP') ?? 5;
  }
  setPaddingTop(paddingTop: number): this {
    this.#attr('PADDING_TOP', paddingTop);
    return this;
  }
  getPaddingBottom(): number {
    return this.#attr<number | undefined>('PADDING_BOTTOM') ?? 5;
  }
  setPaddingBottom(paddingBottom: number): this {
    this.#attr('PADDING_BOTTOM', paddingBottom);
    return this;
  }
  getPaddingLeft(): number {
    return this.#attr<number | undefined>('PADDING_LEFT') ?? 5;
  }
  setPaddingLeft(paddingLeft: number): this {
    this.#attr('PADDING_LEFT', paddingLeft);
    return this;
  }
  getPaddingRight(): number {
    return this.#attr<number | undefined>('PADDING_RIGHT') ?? 5;
  }
  setPaddingRight(paddingRight: number): this {
    this.#attr('PADDING_RIGHT', paddingRight);
    return this;
  }
}
export interface TableCellEl extends Rest<GoogleAppsScript.Document.TableCell, TableCellImpl> {}
export class TableCellEl
  extends TableCellImpl
  implements Implemented<GoogleAppsScript.Document.TableCell, TableCellImpl> {}
finish(TableCellEl, 'TableCell', ['TableCell'], { appendTable: cellCount, insertTable: cellCount });

registerElement(['TABLE'], (ctx, node: TableNode) => new TableEl(ctx, node));
registerElement(['TABLE_ROW'], (ctx, node: RowNode) => new TableRowEl(ctx, node));
registerElement(['TABLE_CELL'], (ctx, node: CellNode) => new TableCellEl(ctx, node));
