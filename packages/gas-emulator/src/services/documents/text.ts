/**
 * Text: a view over text nodes — one Text element, or a paragraph, row or cell through
 * editAsText. Offsets count characters of getText(), paragraphs separated by '\n'.
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type --
   a fake class merges with its Google interface so unimplemented methods (stubbed at runtime) typecheck */
import { notImplemented } from '../../core/errors';
import { finish, registerElement, type DocCtx, type Implemented, type Rest } from './element';
import {
  ElementType,
  TEXT_ATTRIBUTES,
  type Attrs,
  type CellNode,
  type ParagraphNode,
  type RowNode,
  type TextNode,
} from './model';
import {
  applyToNode,
  attrsAt,
  nodeText,
  normalize,
  paragraphText,
  setParagraphText,
  splitAt,
  splitAttrs,
  textDefaults,
  textNodesOf,
  uniform,
} from './model-text';
import { TextSearchBase } from './find';

type TextOwner = TextNode | ParagraphNode | CellNode | RowNode;

/** Editable rich text; offsets are characters of getText(), paragraphs separated by '\n'. */
class TextImpl extends TextSearchBase {
  readonly #parts: (TextNode | ParagraphNode)[];

  constructor(ctx: DocCtx, owner: TextOwner, parts: (TextNode | ParagraphNode)[]) {
    super(ctx, owner);
    this.#parts = parts;
  }

  override getType(): GoogleAppsScript.Document.ElementType {
    return ElementType.TEXT as unknown as GoogleAppsScript.Document.ElementType;
  }

  /** Segments of text nodes with their start offsets; paragraphs are separated by one '\n'. */
  #segments(): { node: TextNode; start: number; paragraph: ParagraphNode | null }[] {
    const out: { node: TextNode; start: number; paragraph: ParagraphNode | null }[] = [];
    let offset = 0;
    this.#parts.forEach((part, i) => {
      if (i > 0) offset += 1;
      const nodes = part.type === 'TEXT' ? [part] : textNodesOf(part);
      for (const node of nodes) {
        out.push({ node, start: offset, paragraph: part.type === 'TEXT' ? null : part });
        offset += nodeText(node).length;
      }
    });
    return out;
  }

  #apply(args: unknown[], key: string): this {
    if (args.length >= 3) {
      const [start, end, value] = args as [number, number, unknown];
      this.#range(start, end, { [key]: value });
    } else {
      this.#all({ [key]: args[0] });
    }
    return this;
  }

  #all(attrs: Attrs): void {
    for (const part of this.#parts) {
      if (part.type !== 'TEXT') Object.assign(part.attrs, attrs);
    }
    for (const { node } of this.#segments()) applyToNode(node, 0, nodeText(node).length, attrs);
  }

  #range(start: number, endInclusive: number, attrs: Attrs): void {
    const length = this.getText().length;
    if (start < 0 || endInclusive >= length || start > endInclusive) {
      throw new Error(`Invalid range: ${start}..${endInclusive} (text length ${length}).`);
    }
    for (const { node, start: s } of this.#segments()) {
      const len = nodeText(node).length;
      const a = Math.max(start, s) - s;
      const b = Math.min(endInclusive + 1, s + len) - s;
      if (a < b) applyToNode(node, a, b, attrs);
    }
  }

  #attrAt(offset: number | null | undefined, key: string): unknown {
    const segments = this.#segments();
    if (offset === undefined || offset === null) {
      const fallback = this.#parts[0] && this.#parts[0].type !== 'TEXT' ? this.#parts[0].attrs : {};
      return uniform(
        segments.map((s) => s.node),
        key,
        fallback,
      );
    }
    for (const { node, start } of segments) {
      const len = nodeText(node).length;
      if (offset >= start && offset < start + len)
        return attrsAt(node, offset - start)[key] ?? null;
    }
    return null;
  }

  getText(): string {
    return this.#parts
      .map((part) => (part.type === 'TEXT' ? nodeText(part) : paragraphText(part)))
      .join('\n');
  }

  setText(text: string): this {
    if (this.#parts.length !== 1)
      return notImplemented('Text', 'setText across several paragraphs');
    const part = this.#parts[0]!;
    if (part.type === 'TEXT') {
      part.runs = [{ text: String(text), attrs: { ...(part.runs[0]?.attrs ?? {}) } }];
    } else {
      setParagraphText(part, text);
    }
    return this;
  }

  appendText(text: string): this {
    const segments = this.#segments();
    const last = segments[segments.length - 1];
    if (last) {
      const run = last.node.runs[last.node.runs.length - 1];
      if (run) run.text += String(text);
      else last.node.runs.push({ text: String(text), attrs: textDefaults(last.paragraph) });
    } else {
      const part = this.#parts[this.#parts.length - 1]!;
      if (part.type === 'TEXT') part.runs.push({ text: String(text), attrs: {} });
      else
        part.children.push({
          type: 'TEXT',
          runs: [{ text: String(text), attrs: textDefaults(part) }],
        });
    }
    return this;
  }

  insertText(offset: number, text: string): this {
    for (const { node, start } of this.#segments()) {
      const len = nodeText(node).length;
      if (offset >= start && offset <= start + len) {
        const at = offset - start;
        const index = splitAt(node, at);
        const attrs = node.runs[index - 1]?.attrs ?? node.runs[index]?.attrs ?? {};
        node.runs.splice(index, 0, { text: String(text), attrs: { ...attrs } });
        normalize(node);
        return this;
      }
    }
    if (offset === 0 && this.getText() === '') return this.appendText(text);
    throw new Error(`Invalid offset: ${offset}.`);
  }

  deleteText(startOffset: number, endOffsetInclusive: number): this {
    for (const { node, start } of this.#segments()) {
      const len = nodeText(node).length;
      const a = Math.max(startOffset, start) - start;
      const b = Math.min(endOffsetInclusive + 1, start + len) - start;
      if (a < b) {
        const from = splitAt(node, a);
        const to = splitAt(node, b);
        node.runs.splice(from, to - from);
        normalize(node);
      }
    }
    return this;
  }

  override getAttributes(offset?: number | null): Attrs {
    const out: Attrs = {};
    for (const key of TEXT_ATTRIBUTES) out[key] = this.#attrAt(offset, key);
    return out;
  }

  override setAttributes(...args: unknown[]): this {
    if (args.length >= 3) {
      const [start, end, attributes] = args as [number, number, Attrs];
      this.#range(start, end, splitAttrs(attributes).text);
    } else {
      this.#all(splitAttrs(args[0] as Attrs).text);
    }
    return this;
  }

  setBold(...args: unknown[]): this {
    return this.#apply(args, 'BOLD');
  }
  setItalic(...args: unknown[]): this {
    return this.#apply(args, 'ITALIC');
  }
  setUnderline(...args: unknown[]): this {
    return this.#apply(args, 'UNDERLINE');
  }
  setStrikethrough(...args: unknown[]): this {
    return this.#apply(args, 'STRIKETHROUGH');
  }
  setFontSize(...args: unknown[]): this {
    return this.#apply(args, 'FONT_SIZE');
  }
  setFontFamily(...args: unknown[]): this {
    return this.#apply(args, 'FONT_FAMILY');
  }
  setForegroundColor(...args: unknown[]): this {
    return this.#apply(args, 'FOREGROUND_COLOR');
  }
  setBackgroundColor(...args: unknown[]): this {
    return this.#apply(args, 'BACKGROUND_COLOR');
  }
  setLinkUrl(...args: unknown[]): this {
    return this.#apply(args, 'LINK_URL');
  }
  isBold(offset?: number | null): boolean {
    return this.#attrAt(offset, 'BOLD') as boolean;
  }
  isItalic(offset?: number | null): boolean {
    return this.#attrAt(offset, 'ITALIC') as boolean;
  }
  isUnderline(offset?: number | null): boolean {
    return this.#attrAt(offset, 'UNDERLINE') as boolean;
  }
  isStrikethrough(offset?: number | null): boolean {
    return this.#attrAt(offset, 'STRIKETHROUGH') as boolean;
  }
  getFontSize(offset?: number | null): number {
    return this.#attrAt(offset, 'FONT_SIZE') as number;
  }
  getFontFamily(offset?: number | null): string {
    return this.#attrAt(offset, 'FONT_FAMILY') as string;
  }
  getForegroundColor(offset?: number | null): string {
    return this.#attrAt(offset, 'FOREGROUND_COLOR') as string;
  }
  getBackgroundColor(offset?: number | null): string {
    return this.#attrAt(offset, 'BACKGROUND_COLOR') as string;
  }
  getLinkUrl(offset?: number | null): string {
    return this.#attrAt(offset, 'LINK_URL') as string;
  }

  editAsText(): this {
    return this;
  }
}
export interface TextEl extends Rest<GoogleAppsScript.Document.Text, TextImpl> {}
export class TextEl
  extends TextImpl
  implements Implemented<GoogleAppsScript.Document.Text, TextImpl> {}
finish(TextEl, 'Text', ['Text']);

registerElement(['TEXT'], (ctx, node: TextNode) => new TextEl(ctx, node, [node]));
