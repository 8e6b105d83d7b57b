/**
 * What sections (Body, HeaderSection, FooterSection) and table cells share: they hold paragraphs,
 * list items and tables, and always end with a paragraph.
 */
import { notImplemented } from '../../core/errors';
import {
  checkInsertIndex,
  CTX,
  NODE,
  nodeOf,
  parentOf,
  TYPE_CLASS,
  wrap,
  type DocCtx,
} from './element';
import { HorizontalRuleEl, imageNode, InlineImageEl } from './inline';
import {
  emptyParagraph,
  type BlockNode,
  type CellNode,
  type Container,
  type HorizontalRuleNode,
  type ParagraphNode,
  type TableNode,
} from './model';
import { containerText } from './model-text';
import { ListItemEl, ParagraphEl } from './paragraphs';
// Type only: tables.ts extends ContainerBase, so tables come from wrap() here.
import type { TableEl } from './tables';
import { ContainerElementBase } from './container-element';

type GBlobSource = GoogleAppsScript.Base.BlobSource;

/** List ids only need to be unique and deterministic (runs must be reproducible). */
let listCounter = 0;
function newListId(): string {
  listCounter += 1;
  return listCounter.toString(36).padStart(8, '0');
}

/**
 * The node of an element passed to append/insertParagraph, ListItem or Table. Google inserts the
 * element itself and requires it detached (made with Element.copy()); an element still in a
 * document fails with "Element must be detached.".
 */
function detachedNode<T extends BlockNode>(ctx: DocCtx, element: object, type: T['type']): T {
  const node = NODE.get(element);
  if (!node || node.type !== type)
    return notImplemented('Body', `insert of a ${node ? node.type : 'foreign object'} as ${type}`);
  const home = CTX.get(element);
  if (parentOf(ctx, node) || (home && home !== ctx && parentOf(home, node)))
    throw new Error('Element must be detached.');
  return node as T;
}

function paragraphFrom(
  type: ParagraphNode['type'],
  text: string | object,
  previous: BlockNode | undefined,
  ctx?: DocCtx,
): ParagraphNode {
  if (typeof text === 'object') {
    if (!ctx)
      return notImplemented(
        'Body',
        `append${type === 'LIST_ITEM' ? 'ListItem' : 'Paragraph'}(element)`,
      );
    return detachedNode<ParagraphNode>(ctx, text, type);
  }
  const node: ParagraphNode = { type, attrs: {}, children: [] };
  const value = String(text);
  if (value !== '') node.children.push({ type: 'TEXT', runs: [{ text: value, attrs: {} }] });
  if (type === 'LIST_ITEM') {
    const sameList = previous && previous.type === 'LIST_ITEM';
    node.attrs.GLYPH_TYPE = sameList ? previous.attrs.GLYPH_TYPE : 'BULLET';
    node.attrs.NESTING_LEVEL = 0;
    node.attrs.LIST_ID = sameList ? previous.attrs.LIST_ID : `kix.${newListId()}`;
  }
  return node;
}

function tableFrom(cells?: string[][] | object | null, ctx?: DocCtx): TableNode {
  if (cells === undefined || cells === null)
    return { type: 'TABLE', attrs: {}, columnWidths: {}, rows: [] };
  if (!Array.isArray(cells)) {
    if (!ctx) return notImplemented('Body', 'appendTable(table)');
    return detachedNode<TableNode>(ctx, cells, 'TABLE');
  }
  const width = (cells[0] as unknown[] | undefined)?.length ?? 0;
  if ((cells as unknown[][]).some((row) => !Array.isArray(row) || row.length !== width)) {
    return notImplemented('Body', 'appendTable with rows of different lengths');
  }
  return {
    type: 'TABLE',
    attrs: {},
    columnWidths: {},
    rows: (cells as unknown[][]).map((row) => ({
      type: 'TABLE_ROW',
      attrs: {},
      cells: row.map((value) => cellNode(String(value))),
    })),
  };
}

/** A table cell holding one paragraph of `text`. */
export function cellNode(text: string): CellNode {
  const p = emptyParagraph();
  if (text !== '') p.children.push({ type: 'TEXT', runs: [{ text, attrs: {} }] });
  return { type: 'TABLE_CELL', attrs: {}, children: [p] };
}

/** Cells of an appendTable / insertTable call, for its modelled cost. */
export function cellCount(args: unknown[]): number {
  const cells = args[args.length - 1];
  return Array.isArray(cells)
    ? cells.reduce((n: number, row: unknown) => n + (Array.isArray(row) ? row.length : 0), 0)
    : 0;
}

/** Shared by sections and table cells: they hold paragraphs, list items and tables. */
export abstract class ContainerBase extends ContainerElementBase {
  protected get container(): Container {
    return nodeOf<Container>(this);
  }

  #insert<T extends BlockNode>(index: number, node: T): T {
    const children = this.container.children;
    checkInsertIndex(children, index);
    children.splice(index, 0, node);
    // A section (or cell) always ends with a paragraph: Docs adds one after a trailing table.
    if (children[children.length - 1]!.type === 'TABLE') children.push(emptyParagraph());
    return node;
  }

  #end(): number {
    const children = this.container.children;
    return children.length;
  }

  appendParagraph(text: string | GoogleAppsScript.Document.Paragraph): ParagraphEl {
    return this.insertParagraph(this.#end(), text);
  }

  insertParagraph(
    childIndex: number,
    text: string | GoogleAppsScript.Document.Paragraph,
  ): ParagraphEl {
    const node = this.#insert(childIndex, paragraphFrom('PARAGRAPH', text, undefined, this.ctx));
    return new ParagraphEl(this.ctx, node);
  }

  appendListItem(text: string | GoogleAppsScript.Document.ListItem): ListItemEl {
    return this.insertListItem(this.#end(), text);
  }

  insertListItem(
    childIndex: number,
    text: string | GoogleAppsScript.Document.ListItem,
  ): ListItemEl {
    const previous = this.container.children[childIndex - 1];
    const node = this.#insert(childIndex, paragraphFrom('LIST_ITEM', text, previous, this.ctx));
    return new ListItemEl(this.ctx, node);
  }

  appendTable(cells?: string[][] | GoogleAppsScript.Document.Table | null): TableEl {
    return this.insertTable(this.#end(), cells);
  }

  insertTable(
    childIndex: number,
    cells?: string[][] | GoogleAppsScript.Document.Table | null,
  ): TableEl {
    return wrap(this.ctx, this.#insert(childIndex, tableFrom(cells, this.ctx))) as TableEl;
  }

  appendHorizontalRule(): HorizontalRuleEl {
    return this.insertHorizontalRule(this.#end());
  }

  /** The rule is an inline element: Docs wraps it in a new paragraph. */
  insertHorizontalRule(childIndex: number): HorizontalRuleEl {
    const rule: HorizontalRuleNode = { type: 'HORIZONTAL_RULE' };
    this.#insert(childIndex, { type: 'PARAGRAPH', attrs: {}, children: [rule] });
    return new HorizontalRuleEl(this.ctx, rule);
  }

  appendImage(image: GBlobSource | GoogleAppsScript.Document.InlineImage): InlineImageEl {
    return this.insertImage(this.#end(), image);
  }

  /** The image is inline: Docs wraps it in a new paragraph. */
  insertImage(
    childIndex: number,
    image: GBlobSource | GoogleAppsScript.Document.InlineImage,
  ): InlineImageEl {
    if (NODE.has(image))
      return notImplemented(TYPE_CLASS[this.container.type]!, 'insertImage(InlineImage)');
    const node = imageNode(image as GBlobSource);
    this.#insert(childIndex, { type: 'PARAGRAPH', attrs: {}, children: [node] });
    return new InlineImageEl(this.ctx, node);
  }

  /** Reference (Body.clear): clears the contents; a section keeps one empty paragraph. */
  clear(): this {
    this.container.children.splice(0, this.container.children.length, emptyParagraph());
    return this;
  }

  getText(): string {
    return containerText(this.container);
  }

  setText(text: string): this {
    this.container.children.splice(
      0,
      this.container.children.length,
      paragraphFrom('PARAGRAPH', String(text), undefined),
    );
    return this;
  }
}
