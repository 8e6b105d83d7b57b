/** Paragraphs and list items: inline children, paragraph styling and list membership. */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type --
   a fake class merges with its Google interface so unimplemented methods (stubbed at runtime) typecheck */
import { notImplemented } from '../../core/errors';
import {
  checkInsertIndex,
  finish,
  NODE,
  nodeOf,
  registerElement,
  type Implemented,
  type Rest,
} from './element';
import { HorizontalRuleEl, imageNode, InlineImageEl, PageBreakEl } from './inline';
import {
  exposed,
  HorizontalAlignment,
  ParagraphHeading,
  stored,
  type HorizontalRuleNode,
  type PageBreakNode,
  type ParagraphNode,
  type TextNode,
} from './model';
import {
  applyTextAttrs,
  paragraphText,
  setParagraphText,
  textDefaults,
  textNodesOf,
  uniform,
} from './model-text';
import { TextEl } from './text';
import { ContainerElementBase } from './container-element';

type GBlobSource = GoogleAppsScript.Base.BlobSource;

/** What paragraphs and list items share. */
abstract class ParagraphBase extends ContainerElementBase {
  protected get paragraph(): ParagraphNode {
    return nodeOf<ParagraphNode>(this);
  }

  #attr<T>(key: string, fallback: T): T {
    return (exposed(key, this.paragraph.attrs[key]) as T | undefined) ?? fallback;
  }

  #set(key: string, value: unknown): this {
    this.paragraph.attrs[key] = stored(key, value);
    return this;
  }

  getText(): string {
    return paragraphText(this.paragraph);
  }

  /** Reference: "Sets the contents of the paragraph as text"; existing contents are cleared. */
  setText(text: string): void {
    setParagraphText(this.paragraph, text);
  }

  /** A new Text element at the end; it continues the formatting of the text before it. */
  appendText(text: string | GoogleAppsScript.Document.Text): TextEl {
    if (typeof text !== 'string') return notImplemented('Paragraph', 'appendText(Text)');
    const texts = this.paragraph.children.filter((c): c is TextNode => c.type === 'TEXT');
    const lastRun = texts[texts.length - 1]?.runs.slice(-1)[0];
    const node: TextNode = {
      type: 'TEXT',
      runs: [{ text, attrs: { ...textDefaults(this.paragraph), ...(lastRun?.attrs ?? {}) } }],
    };
    this.paragraph.children.push(node);
    return new TextEl(this.ctx, node, [node]);
  }

  insertText(childIndex: number, text: string | GoogleAppsScript.Document.Text): TextEl {
    if (typeof text !== 'string') return notImplemented('Paragraph', 'insertText(Text)');
    checkInsertIndex(this.paragraph.children, childIndex);
    const node: TextNode = { type: 'TEXT', runs: [{ text, attrs: textDefaults(this.paragraph) }] };
    this.paragraph.children.splice(childIndex, 0, node);
    return new TextEl(this.ctx, node, [node]);
  }

  /** All the paragraph's text as one editable Text (inline images and breaks are not text). */
  editAsText(): TextEl {
    return new TextEl(this.ctx, this.paragraph, [this.paragraph]);
  }

  clear(): this {
    this.paragraph.children = [];
    return this;
  }

  appendInlineImage(image: GBlobSource | GoogleAppsScript.Document.InlineImage): InlineImageEl {
    if (NODE.has(image)) return notImplemented('Paragraph', 'appendInlineImage(InlineImage)');
    const node = imageNode(image as GBlobSource);
    this.paragraph.children.push(node);
    return new InlineImageEl(this.ctx, node);
  }

  insertInlineImage(
    childIndex: number,
    image: GBlobSource | GoogleAppsScript.Document.InlineImage,
  ): InlineImageEl {
    if (NODE.has(image)) return notImplemented('Paragraph', 'insertInlineImage(InlineImage)');
    checkInsertIndex(this.paragraph.children, childIndex);
    const node = imageNode(image as GBlobSource);
    this.paragraph.children.splice(childIndex, 0, node);
    return new InlineImageEl(this.ctx, node);
  }

  appendPageBreak(pageBreak?: GoogleAppsScript.Document.PageBreak | null): PageBreakEl {
    if (pageBreak) return notImplemented('Paragraph', 'appendPageBreak(PageBreak)');
    const node: PageBreakNode = { type: 'PAGE_BREAK' };
    this.paragraph.children.push(node);
    return new PageBreakEl(this.ctx, node);
  }

  /** Reference (Paragraph.insertPageBreak): "Creates and inserts a PageBreak at the specified index." */
  insertPageBreak(
    childIndex: number,
    pageBreak?: GoogleAppsScript.Document.PageBreak | null,
  ): PageBreakEl {
    if (pageBreak) return notImplemented('Paragraph', 'insertPageBreak(childIndex, PageBreak)');
    checkInsertIndex(this.paragraph.children, childIndex);
    const node: PageBreakNode = { type: 'PAGE_BREAK' };
    this.paragraph.children.splice(childIndex, 0, node);
    return new PageBreakEl(this.ctx, node);
  }

  appendHorizontalRule(): HorizontalRuleEl {
    const node: HorizontalRuleNode = { type: 'HORIZONTAL_RULE' };
    this.paragraph.children.push(node);
    return new HorizontalRuleEl(this.ctx, node);
  }

  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return this.#attr<unknown>(
      'HEADING',
      ParagraphHeading.NORMAL,
    ) as GoogleAppsScript.Document.ParagraphHeading;
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): this {
    return this.#set('HEADING', heading);
  }
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    return this.#attr<unknown>(
      'HORIZONTAL_ALIGNMENT',
      HorizontalAlignment.LEFT,
    ) as GoogleAppsScript.Document.HorizontalAlignment;
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): this {
    return this.#set('HORIZONTAL_ALIGNMENT', alignment);
  }
  getSpacingAfter(): number {
    return this.#attr('SPACING_AFTER', 0);
  }
  setSpacingAfter(spacingAfter: number): this {
    return this.#set('SPACING_AFTER', spacingAfter);
  }
  getSpacingBefore(): number {
    return this.#attr('SPACING_BEFORE', 0);
  }
  setSpacingBefore(spacingBefore: number): this {
    return this.#set('SPACING_BEFORE', spacingBefore);
  }
  getLineSpacing(): number {
    return this.#attr('LINE_SPACING', 1);
  }
  setLineSpacing(multiplier: number): this {
    return this.#set('LINE_SPACING', multiplier);
  }
  getIndentFirstLine(): number {
    return this.#attr('INDENT_FIRST_LINE', 0);
  }
  setIndentFirstLine(indentFirstLine: number): this {
    return this.#set('INDENT_FIRST_LINE', indentFirstLine);
  }
  getIndentStart(): number {
    return this.#attr('INDENT_START', 0);
  }
  setIndentStart(indentStart: number): this {
    return this.#set('INDENT_START', indentStart);
  }
  getIndentEnd(): number {
    return this.#attr('INDENT_END', 0);
  }
  setIndentEnd(indentEnd: number): this {
    return this.#set('INDENT_END', indentEnd);
  }
  isLeftToRight(): boolean {
    return this.#attr('LEFT_TO_RIGHT', true);
  }
  setLeftToRight(leftToRight: boolean): this {
    return this.#set('LEFT_TO_RIGHT', leftToRight);
  }
  getLinkUrl(): string {
    return uniform(textNodesOf(this.paragraph), 'LINK_URL', this.paragraph.attrs) as string;
  }
  setLinkUrl(url: string): this {
    applyTextAttrs(this.paragraph, { LINK_URL: url });
    return this;
  }
}

/** A paragraph of a body, header, footer or table cell. */
export interface ParagraphEl extends Rest<GoogleAppsScript.Document.Paragraph, ParagraphBase> {}
export class ParagraphEl
  extends ParagraphBase
  implements Implemented<GoogleAppsScript.Document.Paragraph, ParagraphBase> {}
finish(ParagraphEl, 'Paragraph', ['Paragraph']);

/** A list item; consecutive items share a list id, so they form one list. */
class ListItemImpl extends ParagraphBase {
  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    return exposed(
      'GLYPH_TYPE',
      this.paragraph.attrs.GLYPH_TYPE,
    ) as GoogleAppsScript.Document.GlyphType;
  }
  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): this {
    this.paragraph.attrs.GLYPH_TYPE = stored('GLYPH_TYPE', glyphType);
    return this;
  }
  getNestingLevel(): number {
    return this.paragraph.attrs.NESTING_LEVEL as number;
  }
  setNestingLevel(nestingLevel: number): this {
    this.paragraph.attrs.NESTING_LEVEL = nestingLevel;
    return this;
  }
  getListId(): string {
    return this.paragraph.attrs.LIST_ID as string;
  }
  setListId(listItem: GoogleAppsScript.Document.ListItem): this {
    this.paragraph.attrs.LIST_ID = nodeOf<ParagraphNode>(listItem).attrs.LIST_ID;
    return this;
  }
}
export interface ListItemEl extends Rest<GoogleAppsScript.Document.ListItem, ListItemImpl> {}
export class ListItemEl
  extends ListItemImpl
  implements Implemented<GoogleAppsScript.Document.ListItem, ListItemImpl> {}
finish(ListItemEl, 'ListItem', ['Paragraph', 'ListItem']);

registerElement(['PARAGRAPH'], (ctx, node: ParagraphNode) => new ParagraphEl(ctx, node));
registerElement(['LIST_ITEM'], (ctx, node: ParagraphNode) => new ListItemEl(ctx, node));
