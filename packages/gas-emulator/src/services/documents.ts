/**
 * DocumentApp (developers.google.com/apps-script/reference/document) over an in-memory
 * document model. Every Google Doc is also a Drive item (so DriveApp can move, trash and copy
 * it); its content lives in ws.documents keyed by the item's id, as plain data a .docx exporter
 * can rebuild: sections of paragraphs / list items / tables, inline runs with their attributes.
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type --
   a fake class merges with its Google interface so unimplemented methods (stubbed at runtime) typecheck */
import { makeEnum, type EnumValue } from '../core/enums';
import { notImplemented, stubUnimplemented } from '../core/errors';
import type { DriveItem, WorkspaceState } from '../core/state';
import type { NativeFileHandler } from '../core/world';
import { Blob, blobBytes, buildPdf, PDF_PAGE_BREAK } from './blob';
import { dayKey as dayKeyOf } from './mail';

type G = typeof GoogleAppsScript.Document;
type GDoc = GoogleAppsScript.Document.Document;
type GElement = GoogleAppsScript.Document.Element;
type GBlobSource = GoogleAppsScript.Base.BlobSource;
/** Google's interface minus what the fake implements; merged into the fake class (see finish). */
type Rest<GI, Impl> = Omit<GI, keyof Impl>;
/** The part of Google's interface the fake implements: checked by `implements`. */
type Implemented<GI, Impl> = Pick<GI, Extract<keyof Impl, keyof GI>>;

export const DOCUMENT_MIME = 'application/vnd.google-apps.document';

// ---------------------------------------------------------------------------------------------
// The stored model: plain data, structured-cloneable, the shape a .docx exporter reads.

export type Attrs = Record<string, unknown>;
export interface Run {
  text: string;
  attrs: Attrs;
}
export interface TextNode {
  type: 'TEXT';
  runs: Run[];
}
export interface ImageNode {
  type: 'INLINE_IMAGE';
  bytes: Uint8Array;
  contentType: string | null;
  name: string | null;
  /** Pixels; null when the image format's size could not be read. */
  width: number | null;
  height: number | null;
  attrs: Attrs;
}
export interface PageBreakNode {
  type: 'PAGE_BREAK';
}
export interface HorizontalRuleNode {
  type: 'HORIZONTAL_RULE';
}
export type InlineNode = TextNode | ImageNode | PageBreakNode | HorizontalRuleNode;
export interface ParagraphNode {
  type: 'PARAGRAPH' | 'LIST_ITEM';
  /** Paragraph attributes (HEADING, HORIZONTAL_ALIGNMENT, GLYPH_TYPE, …) and text defaults. */
  attrs: Attrs;
  children: InlineNode[];
}
export interface CellNode {
  type: 'TABLE_CELL';
  attrs: Attrs;
  children: BlockNode[];
}
export interface RowNode {
  type: 'TABLE_ROW';
  attrs: Attrs;
  cells: CellNode[];
}
export interface TableNode {
  type: 'TABLE';
  attrs: Attrs;
  columnWidths: Record<number, number>;
  rows: RowNode[];
}
export type BlockNode = ParagraphNode | TableNode;
export interface SectionNode {
  type: 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION';
  attrs: Attrs;
  children: BlockNode[];
}
export interface DocumentContent {
  body: SectionNode;
  header: SectionNode | null;
  footer: SectionNode | null;
}
type AnyNode = SectionNode | BlockNode | RowNode | CellNode | InlineNode;
type Container = SectionNode | CellNode;

// ---------------------------------------------------------------------------------------------
// Enums are Java-like objects (core/enums); the model stores their names so it stays plain data.

const enumOf = makeEnum;

export const ParagraphHeading = enumOf([
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
] as const);
export const HorizontalAlignment = enumOf(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const);
export const VerticalAlignment = enumOf(['BOTTOM', 'CENTER', 'TOP'] as const);
export const TextAlignment = enumOf(['NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT'] as const);
export const GlyphType = enumOf([
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
] as const);
export const PositionedLayout = enumOf([
  'ABOVE_TEXT',
  'BREAK_BOTH',
  'BREAK_LEFT',
  'BREAK_RIGHT',
  'WRAP_TEXT',
] as const);
export const ElementType = enumOf([
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'DOCUMENT',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'RICH_LINK',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
] as const);
export const Attribute = enumOf([
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
] as const);
const FONT_FAMILY_NAMES = [
  'AMARANTH',
  'ARIAL',
  'ARIAL_BLACK',
  'ARIAL_NARROW',
  'ARVO',
  'CALIBRI',
  'CAMBRIA',
  'COMIC_SANS_MS',
  'CONSOLAS',
  'CORSIVA',
  'COURIER_NEW',
  'DANCING_SCRIPT',
  'DROID_SANS',
  'DROID_SERIF',
  'GARAMOND',
  'GEORGIA',
  'GLORIA_HALLELUJAH',
  'GREAT_VIBES',
  'LOBSTER',
  'MERRIWEATHER',
  'PACIFICO',
  'PHILOSOPHER',
  'POIRET_ONE',
  'QUATTROCENTO',
  'ROBOTO',
  'SHADOWS_INTO_LIGHT',
  'SYNCOPATE',
  'TAHOMA',
  'TIMES_NEW_ROMAN',
  'TREBUCHET_MS',
  'UBUNTU',
  'VERDANA',
] as const;

/** Character-level attributes: on a container they apply to all the text inside it. */
const TEXT_ATTRIBUTES = [
  'BACKGROUND_COLOR',
  'BOLD',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'ITALIC',
  'LINK_URL',
  'STRIKETHROUGH',
  'UNDERLINE',
];
const PARAGRAPH_ATTRIBUTES = [
  'HEADING',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'SPACING_AFTER',
  'SPACING_BEFORE',
];
const LIST_ATTRIBUTES = ['GLYPH_TYPE', 'LIST_ID', 'NESTING_LEVEL'];

/** Attributes whose values are enums: stored by name, handed out as the enum value. */
const ENUM_ATTRIBUTES: Record<string, Record<string, EnumValue>> = {
  HEADING: ParagraphHeading,
  HORIZONTAL_ALIGNMENT: HorizontalAlignment,
  GLYPH_TYPE: GlyphType,
  VERTICAL_ALIGNMENT: VerticalAlignment,
};

/** The value to store for an attribute (enum values become their names). */
function stored(key: string, value: unknown): unknown {
  return ENUM_ATTRIBUTES[key] && value !== null && value !== undefined ? String(value) : value;
}

/** The value to hand out for a stored attribute (names become enum values again). */
function exposed(key: string, value: unknown): unknown {
  const e = ENUM_ATTRIBUTES[key];
  return e && typeof value === 'string' ? (e[value] ?? value) : value;
}

// ---------------------------------------------------------------------------------------------
// Store

/** The documents of a workspace (created on first use; ws.documents is declared in state.ts). */
function store(ws: WorkspaceState): Map<string, DocumentContent> {
  if (!ws.documents) ws.documents = new Map<string, unknown>();
  return ws.documents as Map<string, DocumentContent>;
}

function emptyParagraph(): ParagraphNode {
  return { type: 'PARAGRAPH', attrs: {}, children: [] };
}

function newSection(type: SectionNode['type']): SectionNode {
  return { type, attrs: {}, children: [emptyParagraph()] };
}

/** A new document: the body holds one empty paragraph, as a fresh Google Doc does. */
function emptyContent(): DocumentContent {
  return { body: newSection('BODY_SECTION'), header: null, footer: null };
}

/** Harness: the stored model of one document (for the .docx exporter). */
export function documentContent(ws: WorkspaceState, id: string): DocumentContent {
  const content = store(ws).get(id);
  if (!content) throw new Error(`emulator: no document ${id}`);
  return content;
}

/** DriveApp's File.makeCopy of a Google Doc: the copy gets the same content (deep copy). */
export function copyDocumentContent(ws: WorkspaceState, fromId: string, toId: string): void {
  store(ws).set(toId, structuredClone(documentContent(ws, fromId)));
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function nodeText(node: TextNode): string {
  return node.runs.map((run) => run.text).join('');
}

function paragraphText(p: ParagraphNode): string {
  return p.children.map((c) => (c.type === 'TEXT' ? nodeText(c) : '')).join('');
}

function cellText(cell: CellNode): string {
  return cell.children.map(blockText).join('\n');
}

function tableText(table: TableNode): string {
  return table.rows.map((row) => row.cells.map(cellText).join('\n')).join('\n');
}

function blockText(block: BlockNode): string {
  return block.type === 'TABLE' ? tableText(block) : paragraphText(block);
}

function containerText(container: Container): string {
  return container.children.map(blockText).join('\n');
}

function sameAttrs(a: Attrs, b: Attrs): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

function normalize(node: TextNode): void {
  const runs: Run[] = [];
  for (const run of node.runs) {
    const last = runs[runs.length - 1];
    if (run.text === '') continue;
    if (last && sameAttrs(last.attrs, run.attrs)) last.text += run.text;
    else runs.push({ text: run.text, attrs: { ...run.attrs } });
  }
  node.runs = runs;
}

/** Splits runs so that `pos` is a run boundary; returns the index of the run starting there. */
function splitAt(node: TextNode, pos: number): number {
  let offset = 0;
  for (let i = 0; i < node.runs.length; i++) {
    const run = node.runs[i]!;
    if (pos === offset) return i;
    if (pos < offset + run.text.length) {
      const cut = pos - offset;
      node.runs.splice(
        i,
        1,
        { text: run.text.slice(0, cut), attrs: run.attrs },
        { text: run.text.slice(cut), attrs: { ...run.attrs } },
      );
      return i + 1;
    }
    offset += run.text.length;
  }
  return node.runs.length;
}

function applyToNode(node: TextNode, start: number, end: number, attrs: Attrs): void {
  if (end <= start) return;
  const from = splitAt(node, start);
  const to = splitAt(node, end);
  for (let i = from; i < to; i++) node.runs[i]!.attrs = { ...node.runs[i]!.attrs, ...attrs };
  normalize(node);
}

function attrsAt(node: TextNode, pos: number): Attrs {
  let offset = 0;
  for (const run of node.runs) {
    if (pos < offset + run.text.length) return run.attrs;
    offset += run.text.length;
  }
  return node.runs[node.runs.length - 1]?.attrs ?? {};
}

function textDefaults(p: ParagraphNode | null): Attrs {
  const out: Attrs = {};
  if (!p) return out;
  for (const key of TEXT_ATTRIBUTES) if (p.attrs[key] !== undefined) out[key] = p.attrs[key];
  return out;
}

function splitAttrs(attrs: Attrs): { text: Attrs; other: Attrs } {
  const text: Attrs = {};
  const other: Attrs = {};
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (!(key in Attribute)) continue;
    (TEXT_ATTRIBUTES.includes(key) ? text : other)[key] = value;
  }
  return { text, other };
}

/** Every text node under a node, in document order. */
function textNodesOf(node: AnyNode): TextNode[] {
  switch (node.type) {
    case 'TEXT':
      return [node];
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return node.children.filter((c): c is TextNode => c.type === 'TEXT');
    case 'TABLE':
      return node.rows.flatMap(textNodesOf);
    case 'TABLE_ROW':
      return node.cells.flatMap(textNodesOf);
    case 'TABLE_CELL':
    case 'BODY_SECTION':
    case 'HEADER_SECTION':
    case 'FOOTER_SECTION':
      return node.children.flatMap(textNodesOf);
    default:
      return [];
  }
}

function paragraphsOf(node: AnyNode): ParagraphNode[] {
  switch (node.type) {
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return [node];
    case 'TABLE':
      return node.rows.flatMap(paragraphsOf);
    case 'TABLE_ROW':
      return node.cells.flatMap(paragraphsOf);
    case 'TABLE_CELL':
    case 'BODY_SECTION':
    case 'HEADER_SECTION':
    case 'FOOTER_SECTION':
      return node.children.flatMap(paragraphsOf);
    default:
      return [];
  }
}

function tablesOf(node: AnyNode): TableNode[] {
  switch (node.type) {
    case 'TABLE':
      return [node, ...node.rows.flatMap((r) => r.cells.flatMap(tablesOf))];
    case 'TABLE_CELL':
    case 'BODY_SECTION':
    case 'HEADER_SECTION':
    case 'FOOTER_SECTION':
      return node.children.flatMap(tablesOf);
    default:
      return [];
  }
}

/** Sets a character attribute on all text under `node`, and as the default of its paragraphs. */
function applyTextAttrs(node: AnyNode, attrs: Attrs): void {
  if (Object.keys(attrs).length === 0) return;
  for (const p of paragraphsOf(node)) Object.assign(p.attrs, attrs);
  for (const t of textNodesOf(node)) applyToNode(t, 0, nodeText(t).length, attrs);
}

/** Uniform value of a character attribute over text nodes, or null when mixed or absent. */
function uniform(nodes: TextNode[], key: string, fallback: Attrs): unknown {
  let value: unknown = undefined;
  for (const node of nodes) {
    for (const run of node.runs) {
      const v = run.attrs[key] ?? null;
      if (value === undefined) value = v;
      else if (value !== v) return null;
    }
  }
  return value === undefined ? (fallback[key] ?? null) : value;
}

// ---------------------------------------------------------------------------------------------
// Regular expressions: Apps Script passes the pattern as a string matched (RE2) against each text
// element; the replacement follows Java's Matcher rules ($n groups, backslash escapes).

function toRegExp(pattern: string): RegExp {
  let source = String(pattern);
  let flags = 'g';
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1]!) if (f !== 'x' && !flags.includes(f)) flags += f;
  }
  return new RegExp(source, flags);
}

function expandReplacement(replacement: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]!;
    if (c === '\\') {
      i++;
      if (i >= replacement.length) throw new Error('character to be escaped is missing');
      out += replacement[i];
    } else if (c === '$') {
      const digits = /^\d+/.exec(replacement.slice(i + 1));
      if (!digits) throw new Error('Illegal group reference');
      let ref = digits[0];
      // Java takes as many digits as still name an existing group.
      while (ref.length > 1 && Number(ref) >= match.length) ref = ref.slice(0, -1);
      if (Number(ref) >= match.length) throw new Error(`No group ${ref}`);
      out += match[Number(ref)] ?? '';
      i += ref.length;
    } else {
      out += c;
    }
  }
  return out;
}

function replaceInNode(node: TextNode, regex: RegExp, replacement: string): void {
  const text = nodeText(node);
  regex.lastIndex = 0;
  const runs: Run[] = [];
  const copy = (from: number, to: number): void => {
    let offset = 0;
    for (const run of node.runs) {
      const a = Math.max(from, offset);
      const b = Math.min(to, offset + run.text.length);
      if (a < b) runs.push({ text: run.text.slice(a - offset, b - offset), attrs: run.attrs });
      offset += run.text.length;
    }
  };
  let pos = 0;
  let changed = false;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    copy(pos, match.index);
    runs.push({ text: expandReplacement(replacement, match), attrs: attrsAt(node, match.index) });
    pos = match.index + match[0].length;
    changed = true;
    if (match[0].length === 0) regex.lastIndex++;
  }
  if (!changed) return;
  copy(pos, text.length);
  node.runs = runs;
  normalize(node);
}

// ---------------------------------------------------------------------------------------------
// Images

/** Pixel size from a PNG, GIF or JPEG header; null for other formats. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const u16be = (i: number): number => (bytes[i]! << 8) | bytes[i + 1]!;
  if (bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50) {
    const u32 = (i: number): number =>
      ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    return { width: u32(16), height: u32(20) };
  }
  if (bytes.length > 10 && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) {
    return { width: bytes[6]! | (bytes[7]! << 8), height: bytes[8]! | (bytes[9]! << 8) };
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      if (
        marker >= 0xc0 &&
        marker <= 0xcf &&
        marker !== 0xc4 &&
        marker !== 0xc8 &&
        marker !== 0xcc
      ) {
        return { width: u16be(i + 7), height: u16be(i + 5) };
      }
      i += 2 + u16be(i + 2);
    }
  }
  return null;
}

function imageNode(source: GBlobSource): ImageNode {
  const { bytes, name, mimeType } = blobBytes(source);
  const size = imageSize(bytes);
  return {
    type: 'INLINE_IMAGE',
    bytes: bytes.slice(),
    contentType: mimeType,
    name,
    width: size?.width ?? null,
    height: size?.height ?? null,
    attrs: {},
  };
}

// ---------------------------------------------------------------------------------------------
// Wrappers: Google hands out fresh element objects; each one points at a node of the model and
// at the Document it was reached through (closing that Document closes its elements).

interface DocCtx {
  ws: WorkspaceState;
  id: string;
  content: DocumentContent;
  closed: boolean;
}

const NODE = new WeakMap<object, AnyNode>();
const CTX = new WeakMap<object, DocCtx>();

function nodeOf<T extends AnyNode>(el: object): T {
  const node = NODE.get(el);
  if (!node) throw new Error('emulator: not an element of this emulator');
  return node as T;
}

function driveItem(ctx: { ws: WorkspaceState; id: string }): DriveItem {
  const item = ctx.ws.drive.items.get(ctx.id);
  if (!item)
    throw new Error("Document is missing (perhaps it was deleted, or you don't have read access?)");
  return item;
}

/** Nesting of instrumented calls in progress (the emulator is single-threaded). */
let depth = 0;

const MUTATORS = /^(set|append|insert|remove|clear|replace|delete|add|merge)/;

/**
 * Wraps every method (own and inherited) of a fake element class so that each call is recorded
 * as `${className}.${method}`, fails once its Document is closed, and touches the Drive item.
 */
function instrument(
  cls: { prototype: object; name: string },
  className: string,
  cells: Record<string, (args: unknown[]) => number> = {},
): void {
  const seen = new Set<string>();
  for (
    let proto = cls.prototype;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || seen.has(name)) continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (!descriptor || typeof descriptor.value !== 'function') continue;
      seen.add(name);
      const original = descriptor.value as (...args: unknown[]) => unknown;
      Object.defineProperty(cls.prototype, name, {
        value: function instrumented(this: object, ...args: unknown[]): unknown {
          const ctx = CTX.get(this);
          // Only the outermost call is a service call (appendParagraph uses insertParagraph).
          if (ctx && depth === 0) {
            if (ctx.closed) throw new Error('Document is closed, its contents cannot be updated.');
            ctx.ws.tracker.record(`${className}.${name}`, cells[name]?.(args) ?? 0);
            if (MUTATORS.test(name)) driveItem(ctx).updatedAt = ctx.ws.clock.now();
          }
          depth += 1;
          try {
            return original.apply(this, args);
          } finally {
            depth -= 1;
          }
        },
        writable: true,
        configurable: true,
      });
    }
  }
}

function methods(list: string): string[] {
  return list.split(' ');
}

const ELEMENT_METHODS =
  'asBody asDate asEquation asEquationFunction asEquationFunctionArgumentSeparator asEquationSymbol asFooterSection asFootnote asFootnoteSection asHeaderSection asHorizontalRule asInlineDrawing asInlineImage asListItem asPageBreak asParagraph asPerson asRichLink asTable asTableCell asTableOfContents asTableRow asText copy getAttributes getNextSibling getParent getPreviousSibling getType isAtDocumentEnd merge removeFromParent setAttributes';
const GOOGLE_METHODS: Record<string, string> = {
  Body: 'appendHorizontalRule appendImage appendListItem appendPageBreak appendParagraph appendTable clear copy editAsText findElement findText getAttributes getChild getChildIndex getHeadingAttributes getImages getListItems getMarginBottom getMarginLeft getMarginRight getMarginTop getNumChildren getPageHeight getPageWidth getParagraphs getParent getTables getText getTextAlignment getType insertHorizontalRule insertImage insertListItem insertPageBreak insertParagraph insertTable removeChild replaceText setAttributes setHeadingAttributes setMarginBottom setMarginLeft setMarginRight setMarginTop setPageHeight setPageWidth setText setTextAlignment getFootnotes getLinkUrl getNextSibling getPreviousSibling isAtDocumentEnd setLinkUrl',
  HeaderSection:
    'appendHorizontalRule appendImage appendListItem appendParagraph appendTable clear copy editAsText findElement findText getAttributes getChild getChildIndex getImages getListItems getNumChildren getParagraphs getParent getTables getText getTextAlignment getType insertHorizontalRule insertImage insertListItem insertParagraph insertTable removeChild removeFromParent replaceText setAttributes setText setTextAlignment getFootnotes getLinkUrl getNextSibling getPreviousSibling isAtDocumentEnd setLinkUrl',
  Paragraph:
    'addPositionedImage appendHorizontalRule appendInlineImage appendPageBreak appendText clear copy editAsText findElement findText getAlignment getAttributes getChild getChildIndex getHeading getIndentEnd getIndentFirstLine getIndentStart getLineSpacing getLinkUrl getNextSibling getNumChildren getParent getPositionedImage getPositionedImages getPreviousSibling getSpacingAfter getSpacingBefore getText getTextAlignment getType insertHorizontalRule insertInlineImage insertPageBreak insertText isAtDocumentEnd isLeftToRight merge removeChild removeFromParent removePositionedImage replaceText setAlignment setAttributes setHeading setIndentEnd setIndentFirstLine setIndentStart setLeftToRight setLineSpacing setLinkUrl setSpacingAfter setSpacingBefore setText setTextAlignment',
  ListItem: 'getGlyphType getListId getNestingLevel setGlyphType setListId setNestingLevel',
  Table:
    'appendTableRow clear copy editAsText findElement findText getAttributes getBorderColor getBorderWidth getCell getChild getChildIndex getColumnWidth getLinkUrl getNextSibling getNumChildren getNumRows getParent getPreviousSibling getRow getText getTextAlignment getType insertTableRow isAtDocumentEnd removeChild removeFromParent removeRow replaceText setAttributes setBorderColor setBorderWidth setColumnWidth setLinkUrl setTextAlignment',
  TableRow:
    'appendTableCell clear copy editAsText findElement findText getAttributes getCell getChild getChildIndex getLinkUrl getMinimumHeight getNextSibling getNumCells getNumChildren getParent getParentTable getPreviousSibling getText getTextAlignment getType insertTableCell isAtDocumentEnd merge removeCell removeChild removeFromParent replaceText setAttributes setLinkUrl setMinimumHeight setTextAlignment',
  TableCell:
    'appendHorizontalRule appendImage appendListItem appendParagraph appendTable clear copy editAsText findElement findText getAttributes getBackgroundColor getChild getChildIndex getColSpan getLinkUrl getNextSibling getNumChildren getPaddingBottom getPaddingLeft getPaddingRight getPaddingTop getParent getParentRow getParentTable getPreviousSibling getRowSpan getText getTextAlignment getType getVerticalAlignment getWidth insertHorizontalRule insertImage insertListItem insertParagraph insertTable isAtDocumentEnd merge removeChild removeFromParent replaceText setAttributes setBackgroundColor setLinkUrl setPaddingBottom setPaddingLeft setPaddingRight setPaddingTop setText setTextAlignment setVerticalAlignment setWidth',
  Text: 'appendText copy deleteText editAsText findText getAttributes getBackgroundColor getFontFamily getFontSize getForegroundColor getLinkUrl getNextSibling getParent getPreviousSibling getText getTextAlignment getTextAttributeIndices getType insertText isAtDocumentEnd isBold isItalic isStrikethrough isUnderline merge removeFromParent replaceText setAttributes setBackgroundColor setBold setFontFamily setFontSize setForegroundColor setItalic setLinkUrl setStrikethrough setText setTextAlignment setUnderline',
  InlineImage:
    'copy getAltDescription getAltTitle getAs getAttributes getBlob getHeight getLinkUrl getNextSibling getParent getPreviousSibling getType getWidth isAtDocumentEnd merge removeFromParent setAltDescription setAltTitle setAttributes setHeight setLinkUrl setWidth',
  PageBreak:
    'copy getAttributes getNextSibling getParent getPreviousSibling getType isAtDocumentEnd removeFromParent setAttributes',
  Document:
    'addBookmark addEditor addEditors addFooter addHeader addNamedRange addViewer addViewers getActiveTab getAs getBlob getBody getBookmark getBookmarks getCursor getEditors getFooter getFootnotes getHeader getId getLanguage getName getNamedRangeById getNamedRanges getSelection getSupportedLanguageCodes getTab getTabs getUrl getViewers newPosition newRange removeEditor removeViewer saveAndClose setActiveTab setCursor setLanguage setName setSelection',
  DocumentApp: 'create getActiveDocument getUi openById openByUrl',
};

/** Instruments a class and stubs the rest of its Google interface (EMULATOR.md rule 2). */
function finish(
  cls: { prototype: object; name: string },
  className: string,
  lists: string[],
  cells: Record<string, (args: unknown[]) => number> = {},
): void {
  instrument(cls, className, cells);
  stubUnimplemented(
    cls,
    [...methods(ELEMENT_METHODS), ...lists.flatMap((l) => methods(GOOGLE_METHODS[l]!))],
    className,
  );
}

/** Wraps a model node in the fake element class of its type. */
function wrap(ctx: DocCtx, node: AnyNode): ElementBase {
  switch (node.type) {
    case 'BODY_SECTION':
      return new BodyEl(ctx, node);
    case 'HEADER_SECTION':
      return new HeaderEl(ctx, node);
    case 'FOOTER_SECTION':
      return new FooterEl(ctx, node);
    case 'PARAGRAPH':
      return new ParagraphEl(ctx, node);
    case 'LIST_ITEM':
      return new ListItemEl(ctx, node);
    case 'TABLE':
      return new TableEl(ctx, node);
    case 'TABLE_ROW':
      return new TableRowEl(ctx, node);
    case 'TABLE_CELL':
      return new TableCellEl(ctx, node);
    case 'TEXT':
      return new TextEl(ctx, node, [node]);
    case 'INLINE_IMAGE':
      return new InlineImageEl(ctx, node);
    case 'PAGE_BREAK':
      return new PageBreakEl(ctx, node);
    case 'HORIZONTAL_RULE':
      return new HorizontalRuleEl(ctx, node);
  }
}

function childrenOf(node: AnyNode): AnyNode[] | null {
  switch (node.type) {
    case 'BODY_SECTION':
    case 'HEADER_SECTION':
    case 'FOOTER_SECTION':
    case 'TABLE_CELL':
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return node.children;
    case 'TABLE':
      return node.rows;
    case 'TABLE_ROW':
      return node.cells;
    default:
      return null;
  }
}

/** The parent of a node, found by walking the document (documents are small). */
function parentOf(ctx: DocCtx, target: AnyNode): AnyNode | null {
  const roots: AnyNode[] = [
    ctx.content.body,
    ...(ctx.content.header ? [ctx.content.header] : []),
    ...(ctx.content.footer ? [ctx.content.footer] : []),
  ];
  const visit = (node: AnyNode): AnyNode | null => {
    const children = childrenOf(node);
    if (!children) return null;
    for (const child of children) {
      if (child === target) return node;
      const found = visit(child);
      if (found) return found;
    }
    return null;
  };
  for (const root of roots) {
    const found = visit(root);
    if (found) return found;
  }
  return null;
}

const TYPE_CLASS: Record<string, string> = {
  BODY_SECTION: 'Body',
  HEADER_SECTION: 'HeaderSection',
  FOOTER_SECTION: 'FooterSection',
  PARAGRAPH: 'Paragraph',
  LIST_ITEM: 'ListItem',
  TABLE: 'Table',
  TABLE_ROW: 'TableRow',
  TABLE_CELL: 'TableCell',
  TEXT: 'Text',
  INLINE_IMAGE: 'InlineImage',
  PAGE_BREAK: 'PageBreak',
  HORIZONTAL_RULE: 'HorizontalRule',
};

/** What every element has: type, parent, siblings, casts, attributes, removal. */
abstract class ElementBase {
  constructor(ctx: DocCtx, node: AnyNode) {
    NODE.set(this, node);
    CTX.set(this, ctx);
  }

  protected get ctx(): DocCtx {
    return CTX.get(this)!;
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return ElementType[nodeOf(this).type] as unknown as GoogleAppsScript.Document.ElementType;
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    const parent = parentOf(this.ctx, nodeOf(this));
    return (parent
      ? wrap(this.ctx, parent)
      : null) as unknown as GoogleAppsScript.Document.ContainerElement;
  }

  getNextSibling(): GElement {
    return this.#sibling(1);
  }

  getPreviousSibling(): GElement {
    return this.#sibling(-1);
  }

  #sibling(step: number): GElement {
    const node = nodeOf(this);
    const parent = parentOf(this.ctx, node);
    const siblings = parent ? childrenOf(parent) : null;
    const next = siblings?.[siblings.indexOf(node) + step];
    return (next ? wrap(this.ctx, next) : null) as unknown as GElement;
  }

  removeFromParent(): this {
    detach(this.ctx, nodeOf(this));
    return this;
  }

  /**
   * Reference (Element.copy): "Returns a detached, deep copy of the current element. Any child
   * elements present in the element are also copied. The new element doesn't have a parent."
   */
  copy(): this {
    return wrap(this.ctx, structuredClone(nodeOf(this))) as unknown as this;
  }

  getAttributes(): Attrs {
    return attributesOf(nodeOf(this));
  }

  setAttributes(attributes: Attrs): this {
    setAttributesOf(nodeOf(this), attributes);
    return this;
  }

  #as<T>(type: string): T {
    const actual = nodeOf(this).type;
    if (actual !== type)
      return notImplemented(
        TYPE_CLASS[actual] ?? actual,
        `as ${type} (Google would fail the cast)`,
      );
    return this as unknown as T;
  }

  asParagraph(): GoogleAppsScript.Document.Paragraph {
    return this.#as('PARAGRAPH');
  }
  asListItem(): GoogleAppsScript.Document.ListItem {
    return this.#as('LIST_ITEM');
  }
  asTable(): GoogleAppsScript.Document.Table {
    return this.#as('TABLE');
  }
  asTableRow(): GoogleAppsScript.Document.TableRow {
    return this.#as('TABLE_ROW');
  }
  asTableCell(): GoogleAppsScript.Document.TableCell {
    return this.#as('TABLE_CELL');
  }
  asText(): GoogleAppsScript.Document.Text {
    return this.#as('TEXT');
  }
  asInlineImage(): GoogleAppsScript.Document.InlineImage {
    return this.#as('INLINE_IMAGE');
  }
  asPageBreak(): GoogleAppsScript.Document.PageBreak {
    return this.#as('PAGE_BREAK');
  }
  asHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    return this.#as('HORIZONTAL_RULE');
  }
  asBody(): GoogleAppsScript.Document.Body {
    return this.#as('BODY_SECTION');
  }
  asHeaderSection(): GoogleAppsScript.Document.HeaderSection {
    return this.#as('HEADER_SECTION');
  }
  asFooterSection(): GoogleAppsScript.Document.FooterSection {
    return this.#as('FOOTER_SECTION');
  }
}

/** Reference: a section must keep its last paragraph ("Can't remove the last paragraph..."). */
function detach(ctx: DocCtx, node: AnyNode): void {
  const parent = parentOf(ctx, node);
  if (!parent) return;
  const siblings = childrenOf(parent)!;
  const index = siblings.indexOf(node);
  const isSectionLike =
    parent.type !== 'TABLE' &&
    parent.type !== 'TABLE_ROW' &&
    parent.type !== 'PARAGRAPH' &&
    parent.type !== 'LIST_ITEM';
  if (
    isSectionLike &&
    index === siblings.length - 1 &&
    (node.type === 'PARAGRAPH' || node.type === 'LIST_ITEM')
  ) {
    throw new Error("Can't remove the last paragraph in a document section.");
  }
  siblings.splice(index, 1);
}

function attributesOf(node: AnyNode): Attrs {
  const out: Attrs = {};
  const own = 'attrs' in node ? node.attrs : {};
  switch (node.type) {
    case 'PARAGRAPH':
    case 'LIST_ITEM': {
      for (const key of PARAGRAPH_ATTRIBUTES) out[key] = own[key] ?? null;
      if (node.type === 'LIST_ITEM') for (const key of LIST_ATTRIBUTES) out[key] = own[key] ?? null;
      out.HEADING = own.HEADING ?? 'NORMAL';
      break;
    }
    default:
      Object.assign(out, own);
  }
  const texts = textNodesOf(node);
  const fallback = node.type === 'PARAGRAPH' || node.type === 'LIST_ITEM' ? node.attrs : {};
  for (const key of TEXT_ATTRIBUTES) out[key] = uniform(texts, key, fallback);
  for (const key of Object.keys(out)) out[key] = exposed(key, out[key]);
  return out;
}

function setAttributesOf(node: AnyNode, attributes: Attrs): void {
  const { text, other } = splitAttrs(attributes);
  if ('attrs' in node)
    for (const [key, value] of Object.entries(other)) node.attrs[key] = stored(key, value);
  applyTextAttrs(node, text);
}

// ---------------------------------------------------------------------------------------------
// Containers (Body, HeaderSection, FooterSection, TableCell)

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

function cellNode(text: string): CellNode {
  const p = emptyParagraph();
  if (text !== '') p.children.push({ type: 'TEXT', runs: [{ text, attrs: {} }] });
  return { type: 'TABLE_CELL', attrs: {}, children: [p] };
}

function cellCount(args: unknown[]): number {
  const cells = args[args.length - 1];
  return Array.isArray(cells)
    ? cells.reduce((n: number, row: unknown) => n + (Array.isArray(row) ? row.length : 0), 0)
    : 0;
}

function checkInsertIndex(children: unknown[], index: number): void {
  if (!Number.isInteger(index) || index < 0 || index > children.length) {
    throw new Error(
      `Index (${index}) must be less than or equal to the number of child elements (${children.length}).`,
    );
  }
}

/** Shared by sections and table cells: they hold paragraphs, list items and tables. */
abstract class ContainerBase extends ElementBase {
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
    return new TableEl(this.ctx, this.#insert(childIndex, tableFrom(cells, this.ctx)));
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

  getNumChildren(): number {
    return this.container.children.length;
  }

  getChild(childIndex: number): GElement {
    const children = this.container.children;
    const child = children[childIndex];
    if (!child)
      throw new Error(
        `Child index (${childIndex}) must be less than the number of child elements (${children.length}).`,
      );
    return wrap(this.ctx, child) as unknown as GElement;
  }

  getChildIndex(child: GElement): number {
    const index = (this.container.children as AnyNode[]).indexOf(nodeOf(child));
    if (index < 0) throw new Error('Element does not contain the specified child element.');
    return index;
  }

  removeChild(child: GElement): this {
    const node = nodeOf(child);
    if (!(this.container.children as AnyNode[]).includes(node))
      throw new Error('Element does not contain the specified child element.');
    detach(this.ctx, node);
    return this;
  }

  /** Reference: pattern is a regular expression string matched within each text element. */
  replaceText(searchPattern: string, replacement: string): GElement {
    const regex = toRegExp(searchPattern);
    for (const node of textNodesOf(this.container)) replaceInNode(node, regex, String(replacement));
    return this as unknown as GElement;
  }
}

/** Body, header and footer: the container methods plus the whole-section queries. */
abstract class SectionBase extends ContainerBase {
  /** Reference: "all the Paragraphs contained in the section (including ListItems)". */
  getParagraphs(): GoogleAppsScript.Document.Paragraph[] {
    return paragraphsOf(this.container).map(
      (p) => wrap(this.ctx, p) as unknown as GoogleAppsScript.Document.Paragraph,
    );
  }

  getListItems(): GoogleAppsScript.Document.ListItem[] {
    return paragraphsOf(this.container)
      .filter((p) => p.type === 'LIST_ITEM')
      .map((p) => new ListItemEl(this.ctx, p) as unknown as GoogleAppsScript.Document.ListItem);
  }

  getTables(): GoogleAppsScript.Document.Table[] {
    return tablesOf(this.container).map(
      (t) => new TableEl(this.ctx, t) as unknown as GoogleAppsScript.Document.Table,
    );
  }

  getImages(): GoogleAppsScript.Document.InlineImage[] {
    return paragraphsOf(this.container)
      .flatMap((p) => p.children.filter((c): c is ImageNode => c.type === 'INLINE_IMAGE'))
      .map(
        (img) =>
          new InlineImageEl(this.ctx, img) as unknown as GoogleAppsScript.Document.InlineImage,
      );
  }
}

/** The document body. */
class BodyImpl extends SectionBase {
  appendPageBreak(): PageBreakEl {
    return this.insertPageBreak(this.container.children.length);
  }

  /** The page break is inline: Docs wraps it in a new paragraph. */
  insertPageBreak(childIndex: number): PageBreakEl {
    const node: PageBreakNode = { type: 'PAGE_BREAK' };
    const children = this.container.children;
    checkInsertIndex(children, childIndex);
    children.splice(childIndex, 0, { type: 'PARAGRAPH', attrs: {}, children: [node] });
    return new PageBreakEl(this.ctx, node);
  }

  #margin(key: string, value?: number): number {
    if (value !== undefined) this.container.attrs[key] = value;
    // A new Google Doc has 1-inch margins (72 points).
    return (this.container.attrs[key] as number | undefined) ?? 72;
  }

  setMarginTop(marginTop: number): this {
    this.#margin('MARGIN_TOP', marginTop);
    return this;
  }
  setMarginBottom(marginBottom: number): this {
    this.#margin('MARGIN_BOTTOM', marginBottom);
    return this;
  }
  setMarginLeft(marginLeft: number): this {
    this.#margin('MARGIN_LEFT', marginLeft);
    return this;
  }
  setMarginRight(marginRight: number): this {
    this.#margin('MARGIN_RIGHT', marginRight);
    return this;
  }
  getMarginTop(): number {
    return this.#margin('MARGIN_TOP');
  }
  getMarginBottom(): number {
    return this.#margin('MARGIN_BOTTOM');
  }
  getMarginLeft(): number {
    return this.#margin('MARGIN_LEFT');
  }
  getMarginRight(): number {
    return this.#margin('MARGIN_RIGHT');
  }

  /** Reference (Body.setPageWidth / setPageHeight): the page size in points. */
  setPageWidth(pageWidth: number): this {
    this.container.attrs.PAGE_WIDTH = pageWidth;
    return this;
  }
  setPageHeight(pageHeight: number): this {
    this.container.attrs.PAGE_HEIGHT = pageHeight;
    return this;
  }
  /** A new Google Doc is US Letter, 612 × 792 points. */
  getPageWidth(): number {
    return (this.container.attrs.PAGE_WIDTH as number | undefined) ?? 612;
  }
  getPageHeight(): number {
    return (this.container.attrs.PAGE_HEIGHT as number | undefined) ?? 792;
  }
}
export interface BodyEl extends Rest<GoogleAppsScript.Document.Body, BodyImpl> {}
export class BodyEl
  extends BodyImpl
  implements Implemented<GoogleAppsScript.Document.Body, BodyImpl> {}
finish(BodyEl, 'Body', ['Body'], { appendTable: cellCount, insertTable: cellCount });

/** The header section (Document.addHeader). */
export interface HeaderEl extends Rest<GoogleAppsScript.Document.HeaderSection, SectionBase> {}
export class HeaderEl
  extends SectionBase
  implements Implemented<GoogleAppsScript.Document.HeaderSection, SectionBase> {}
finish(HeaderEl, 'HeaderSection', ['HeaderSection'], {
  appendTable: cellCount,
  insertTable: cellCount,
});

/** The footer section (Document.addFooter). */
export interface FooterEl extends Rest<GoogleAppsScript.Document.FooterSection, SectionBase> {}
export class FooterEl
  extends SectionBase
  implements Implemented<GoogleAppsScript.Document.FooterSection, SectionBase> {}
finish(FooterEl, 'FooterSection', ['HeaderSection'], {
  appendTable: cellCount,
  insertTable: cellCount,
});

// ---------------------------------------------------------------------------------------------
// Paragraphs and list items

abstract class ParagraphBase extends ElementBase {
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
    const first = this.paragraph.children.find((c): c is TextNode => c.type === 'TEXT');
    const attrs = first?.runs[0]?.attrs ?? textDefaults(this.paragraph);
    this.paragraph.children =
      String(text) === ''
        ? []
        : [{ type: 'TEXT', runs: [{ text: String(text), attrs: { ...attrs } }] }];
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

  getNumChildren(): number {
    return this.paragraph.children.length;
  }

  getChild(childIndex: number): GElement {
    const children = this.paragraph.children;
    const child = children[childIndex];
    if (!child)
      throw new Error(
        `Child index (${childIndex}) must be less than the number of child elements (${children.length}).`,
      );
    return wrap(this.ctx, child) as unknown as GElement;
  }

  getChildIndex(child: GElement): number {
    const index = (this.paragraph.children as AnyNode[]).indexOf(nodeOf(child));
    if (index < 0) throw new Error('Element does not contain the specified child element.');
    return index;
  }

  removeChild(child: GElement): this {
    const index = (this.paragraph.children as AnyNode[]).indexOf(nodeOf(child));
    if (index < 0) throw new Error('Element does not contain the specified child element.');
    this.paragraph.children.splice(index, 1);
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

  replaceText(searchPattern: string, replacement: string): GElement {
    const regex = toRegExp(searchPattern);
    for (const node of textNodesOf(this.paragraph)) replaceInNode(node, regex, String(replacement));
    return this as unknown as GElement;
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

// ---------------------------------------------------------------------------------------------
// Tables

/** A table; cells hold paragraphs. */
class TableImpl extends ElementBase {
  get #table(): TableNode {
    return nodeOf<TableNode>(this);
  }

  getNumRows(): number {
    return this.#table.rows.length;
  }

  getNumChildren(): number {
    return this.#table.rows.length;
  }

  getRow(rowIndex: number): TableRowEl {
    const row = this.#table.rows[rowIndex];
    if (!row)
      throw new Error(
        `Child index (${rowIndex}) must be less than the number of child elements (${this.#table.rows.length}).`,
      );
    return new TableRowEl(this.ctx, row);
  }

  getChild(childIndex: number): GElement {
    return this.getRow(childIndex) as unknown as GElement;
  }

  getChildIndex(child: GElement): number {
    const index = this.#table.rows.indexOf(nodeOf<RowNode>(child));
    if (index < 0) throw new Error('Element does not contain the specified child element.');
    return index;
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

  removeChild(child: GElement): this {
    this.removeRow(this.getChildIndex(child));
    return this;
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

  replaceText(searchPattern: string, replacement: string): GElement {
    const regex = toRegExp(searchPattern);
    for (const node of textNodesOf(this.#table)) replaceInNode(node, regex, String(replacement));
    return this as unknown as GElement;
  }
}
export interface TableEl extends Rest<GoogleAppsScript.Document.Table, TableImpl> {}
export class TableEl
  extends TableImpl
  implements Implemented<GoogleAppsScript.Document.Table, TableImpl> {}
finish(TableEl, 'Table', ['Table']);

/** A table row. */
class TableRowImpl extends ElementBase {
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

  getNumChildren(): number {
    return this.#row.cells.length;
  }

  getCell(cellIndex: number): TableCellEl {
    const cell = this.#row.cells[cellIndex];
    if (!cell)
      throw new Error(
        `Child index (${cellIndex}) must be less than the number of child elements (${this.#row.cells.length}).`,
      );
    return new TableCellEl(this.ctx, cell);
  }

  getChild(childIndex: number): GElement {
    return this.getCell(childIndex) as unknown as GElement;
  }

  getChildIndex(child: GElement): number {
    const index = this.#row.cells.indexOf(nodeOf<CellNode>(child));
    if (index < 0) throw new Error('Element does not contain the specified child element.');
    return index;
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

  replaceText(searchPattern: string, replacement: string): GElement {
    const regex = toRegExp(searchPattern);
    for (const node of textNodesOf(this.#row)) replaceInNode(node, regex, String(replacement));
    return this as unknown as GElement;
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

// ---------------------------------------------------------------------------------------------
// Text: a view over text nodes (one Text element, or a paragraph / cell through editAsText)

type TextOwner = TextNode | ParagraphNode | CellNode | RowNode;

/** Editable rich text; offsets are characters of getText(), paragraphs separated by '\n'. */
class TextImpl extends ElementBase {
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
    const node = part.type === 'TEXT' ? part : null;
    if (node) {
      node.runs = [{ text: String(text), attrs: { ...(node.runs[0]?.attrs ?? {}) } }];
    } else {
      new ParagraphEl(this.ctx, part).setText(text);
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

  replaceText(searchPattern: string, replacement: string): GElement {
    const regex = toRegExp(searchPattern);
    for (const { node } of this.#segments()) replaceInNode(node, regex, String(replacement));
    return this as unknown as GElement;
  }
}
export interface TextEl extends Rest<GoogleAppsScript.Document.Text, TextImpl> {}
export class TextEl
  extends TextImpl
  implements Implemented<GoogleAppsScript.Document.Text, TextImpl> {}
finish(TextEl, 'Text', ['Text']);

// ---------------------------------------------------------------------------------------------
// Inline elements

/** An image inside a paragraph. */
class InlineImageImpl extends ElementBase {
  get #image(): ImageNode {
    return nodeOf<ImageNode>(this);
  }

  getWidth(): number {
    return (
      this.#image.width ??
      notImplemented('InlineImage', 'getWidth of an image whose size is unknown')
    );
  }
  setWidth(width: number): this {
    this.#image.width = width;
    return this;
  }
  getHeight(): number {
    return (
      this.#image.height ??
      notImplemented('InlineImage', 'getHeight of an image whose size is unknown')
    );
  }
  setHeight(height: number): this {
    this.#image.height = height;
    return this;
  }
  getBlob(): Blob {
    const image = this.#image;
    return new Blob(image.bytes.slice(), image.contentType, image.name, this.ctx.ws.tracker);
  }
  getAltTitle(): string {
    return (this.#image.attrs.ALT_TITLE as string | undefined) ?? (null as unknown as string);
  }
  setAltTitle(title: string): this {
    this.#image.attrs.ALT_TITLE = title;
    return this;
  }
  getAltDescription(): string {
    return (this.#image.attrs.ALT_DESCRIPTION as string | undefined) ?? (null as unknown as string);
  }
  setAltDescription(description: string): this {
    this.#image.attrs.ALT_DESCRIPTION = description;
    return this;
  }
}
export interface InlineImageEl extends Rest<
  GoogleAppsScript.Document.InlineImage,
  InlineImageImpl
> {}
export class InlineImageEl
  extends InlineImageImpl
  implements Implemented<GoogleAppsScript.Document.InlineImage, InlineImageImpl> {}
finish(InlineImageEl, 'InlineImage', ['InlineImage']);

/** A page break inside a paragraph. */
export interface PageBreakEl extends Rest<GoogleAppsScript.Document.PageBreak, ElementBase> {}
export class PageBreakEl
  extends ElementBase
  implements Implemented<GoogleAppsScript.Document.PageBreak, ElementBase> {}
finish(PageBreakEl, 'PageBreak', ['PageBreak']);

/** A horizontal rule inside a paragraph. */
export interface HorizontalRuleEl extends Rest<
  GoogleAppsScript.Document.HorizontalRule,
  ElementBase
> {}
export class HorizontalRuleEl
  extends ElementBase
  implements Implemented<GoogleAppsScript.Document.HorizontalRule, ElementBase> {}
finish(HorizontalRuleEl, 'HorizontalRule', ['PageBreak']);

// ---------------------------------------------------------------------------------------------
// Document and DocumentApp

/** Text lines a PDF export shows: header, body (table rows with cells tab-separated), footer. */
function exportLines(content: DocumentContent): string[] {
  const lines: string[] = [];
  const section = (s: SectionNode | null): void => {
    if (!s) return;
    for (const block of s.children) {
      if (block.type === 'TABLE') {
        for (const row of block.rows)
          lines.push(row.cells.map((c) => cellText(c).replace(/\n/g, ' ')).join('\t'));
      } else if (block.children.some((c) => c.type === 'PAGE_BREAK')) {
        // A page break starts a new page of the PDF; text on either side stays on its page.
        let text = '';
        for (const child of block.children) {
          if (child.type === 'TEXT') text += nodeText(child);
          else if (child.type === 'PAGE_BREAK') {
            if (text !== '') lines.push(text);
            lines.push(PDF_PAGE_BREAK);
            text = '';
          }
        }
        if (text !== '') lines.push(text);
      } else {
        lines.push(paragraphText(block));
      }
    }
  };
  section(content.header);
  section(content.body);
  section(content.footer);
  return lines;
}

/** A Google Doc opened through DocumentApp; its name is the Drive item's name. */
export interface FakeDocument extends GDoc {}
export class FakeDocument {
  constructor(ctx: DocCtx) {
    CTX.set(this, ctx);
  }

  get #ctx(): DocCtx {
    return CTX.get(this)!;
  }

  getId(): string {
    return this.#ctx.id;
  }

  getName(): string {
    return driveItem(this.#ctx).name;
  }

  setName(name: string): this {
    driveItem(this.#ctx).name = String(name);
    return this;
  }

  getUrl(): string {
    return `https://docs.google.com/open?id=${this.#ctx.id}`;
  }

  getBody(): BodyEl {
    return new BodyEl(this.#ctx, this.#ctx.content.body);
  }

  /** Reference: the header section, or null when the document has none. */
  getHeader(): HeaderEl {
    const header = this.#ctx.content.header;
    return (header ? new HeaderEl(this.#ctx, header) : null) as unknown as HeaderEl;
  }

  getFooter(): FooterEl {
    const footer = this.#ctx.content.footer;
    return (footer ? new FooterEl(this.#ctx, footer) : null) as unknown as FooterEl;
  }

  addHeader(): HeaderEl {
    if (this.#ctx.content.header)
      return notImplemented('Document', 'addHeader when a header exists');
    this.#ctx.content.header = newSection('HEADER_SECTION');
    return new HeaderEl(this.#ctx, this.#ctx.content.header);
  }

  addFooter(): FooterEl {
    if (this.#ctx.content.footer)
      return notImplemented('Document', 'addFooter when a footer exists');
    this.#ctx.content.footer = newSection('FOOTER_SECTION');
    return new FooterEl(this.#ctx, this.#ctx.content.footer);
  }

  /** Reference: closes the document; later calls on this Document object fail. */
  saveAndClose(): void {
    this.#ctx.closed = true;
  }

  getAs(contentType: string): Blob {
    if (contentType !== 'application/pdf') {
      return notImplemented('Document', `getAs(${contentType})`);
    }
    const name = this.getName();
    const bytes = buildPdf(exportLines(this.#ctx.content), name);
    return new Blob(bytes, 'application/pdf', `${name}.pdf`, this.#ctx.ws.tracker);
  }

  /** A Google Doc's blob is its PDF export. */
  getBlob(): Blob {
    return this.getAs('application/pdf');
  }
}
finish(FakeDocument, 'Document', ['Document']);
// Document.getBlob is the same conversion as getAs: it costs a conversion too.
Object.defineProperty(FakeDocument.prototype, 'getBlob', {
  value: function getBlob(this: FakeDocument): Blob {
    const ctx = CTX.get(this)!;
    if (ctx.closed) throw new Error('Document is closed, its contents cannot be updated.');
    ctx.ws.tracker.record('Document.getAs');
    const name = driveItem(ctx).name;
    return new Blob(
      buildPdf(exportLines(ctx.content), name),
      'application/pdf',
      `${name}.pdf`,
      ctx.ws.tracker,
    );
  },
  writable: true,
  configurable: true,
});

const DOC_ID = /\/d\/([\w-]{10,})|[?&]id=([\w-]{10,})/;

/** DocumentApp of one workspace. */
export interface FakeDocumentApp extends GoogleAppsScript.Document.DocumentApp {}
export class FakeDocumentApp {
  readonly Attribute = Attribute as unknown as G['Attribute'];
  readonly ElementType = ElementType as unknown as G['ElementType'];
  readonly GlyphType = GlyphType as unknown as G['GlyphType'];
  readonly HorizontalAlignment = HorizontalAlignment as unknown as G['HorizontalAlignment'];
  readonly ParagraphHeading = ParagraphHeading as unknown as G['ParagraphHeading'];
  readonly PositionedLayout = PositionedLayout as unknown as G['PositionedLayout'];
  readonly TextAlignment = TextAlignment as unknown as G['TextAlignment'];
  readonly VerticalAlignment = VerticalAlignment as unknown as G['VerticalAlignment'];
  readonly FontFamily = enumOf(FONT_FAMILY_NAMES) as unknown as G['FontFamily'];
  readonly #ws: WorkspaceState;

  constructor(ws: WorkspaceState) {
    this.#ws = ws;
  }

  #open(id: string): FakeDocument {
    const content = store(this.#ws).get(id);
    const item = this.#ws.drive.items.get(id);
    if (!content || !item || item.mimeType !== DOCUMENT_MIME) {
      throw new Error(
        "Document is missing (perhaps it was deleted, or you don't have read access?)",
      );
    }
    return new FakeDocument({ ws: this.#ws, id, content, closed: false });
  }

  /** Reference: "Creates and returns a new document" (in the user's My Drive root). */
  create(name: string): FakeDocument {
    this.#ws.tracker.record('DocumentApp.create');
    const ws = this.#ws;
    countDocumentCreated(ws);
    const id = ws.ids.next('1');
    const now = ws.clock.now();
    ws.drive.items.set(id, {
      id,
      name: String(name),
      mimeType: DOCUMENT_MIME,
      parents: [ws.drive.rootId],
      trashed: false,
      owner: ws.user,
      createdAt: now,
      updatedAt: now,
    });
    store(ws).set(id, emptyContent());
    return this.#open(id);
  }

  openById(id: string): FakeDocument {
    this.#ws.tracker.record('DocumentApp.openById');
    return this.#open(String(id));
  }

  openByUrl(url: string): FakeDocument {
    this.#ws.tracker.record('DocumentApp.openByUrl');
    const match = DOC_ID.exec(String(url));
    if (!match)
      throw new Error(
        "Document is missing (perhaps it was deleted, or you don't have read access?)",
      );
    return this.#open(match[1] ?? match[2]!);
  }

  /** The bundle is bound to a spreadsheet, never to a document. */
  getActiveDocument(): FakeDocument {
    this.#ws.tracker.record('DocumentApp.getActiveDocument');
    return notImplemented(
      'DocumentApp',
      'getActiveDocument (the script is bound to a spreadsheet)',
    );
  }
}
stubUnimplemented(FakeDocumentApp, methods(GOOGLE_METHODS.DocumentApp!), 'DocumentApp');

/** DocumentApp for one workspace. */
export function createDocumentApp(ws: WorkspaceState): GoogleAppsScript.Document.DocumentApp {
  return new FakeDocumentApp(ws);
}

// ---------------------------------------------------------------------------------------------
// Harness view (ws.documents())

export interface DocumentView {
  id: string;
  name: string;
  trashed: boolean;
  /** Folder names from My Drive down, e.g. 'Мониторинг/2021-2022'; '' in the root. */
  folderPath: string;
  text(): string;
  /** Cell texts of every body table (nested tables included), table by table. */
  tables(): string[][][];
  images(): Blob[];
  /** Top-level body paragraphs and list items. */
  paragraphs(): { text: string; heading: string; type: 'PARAGRAPH' | 'LIST_ITEM' }[];
  headerText(): string;
  footerText(): string;
  content(): DocumentContent;
}

function folderPath(ws: WorkspaceState, item: DriveItem): string {
  const names: string[] = [];
  let parent = item.parents[0];
  const seen = new Set<string>();
  while (parent && parent !== ws.drive.rootId && !seen.has(parent)) {
    seen.add(parent);
    const folder = ws.drive.items.get(parent);
    if (!folder) break;
    names.unshift(folder.name);
    parent = folder.parents[0];
  }
  return names.join('/');
}

/** Every Google Doc of the workspace, read through the model (no service calls recorded). */
export function documentsView(ws: WorkspaceState): DocumentView[] {
  const views: DocumentView[] = [];
  for (const [id, content] of store(ws)) {
    const item = ws.drive.items.get(id);
    if (!item) continue;
    views.push({
      id,
      name: item.name,
      trashed: item.trashed,
      folderPath: folderPath(ws, item),
      text: () => containerText(content.body),
      tables: () => tablesOf(content.body).map((t) => t.rows.map((r) => r.cells.map(cellText))),
      images: () =>
        paragraphsOf(content.body)
          .flatMap((p) => p.children.filter((c): c is ImageNode => c.type === 'INLINE_IMAGE'))
          .map((img) => new Blob(img.bytes.slice(), img.contentType, img.name)),
      paragraphs: () =>
        content.body.children
          .filter((b): b is ParagraphNode => b.type !== 'TABLE')
          .map((p) => ({
            text: paragraphText(p),
            heading: String(p.attrs.HEADING ?? 'NORMAL'),
            type: p.type,
          })),
      headerText: () => (content.header ? containerText(content.header) : ''),
      footerText: () => (content.footer ? containerText(content.footer) : ''),
      content: () => content,
    });
  }
  return views;
}

/** Google's message when the day's quota of new documents is spent. */
export const DOCS_QUOTA_ERROR = 'Service invoked too many times for one day: docs create.';

/**
 * Counts one new Google Doc (DocumentApp.create or a Drive copy of a Doc) against the day's
 * quota (Quotas.documentsCreatedPerDay: 250 on a consumer account, 1,500 on Workspace, per
 * developers.google.com/apps-script/guides/services/quotas «Docs create»); throws past it.
 */
export function countDocumentCreated(ws: WorkspaceState): void {
  const day = dayKeyOf(ws.clock.now(), ws.timeZone);
  const used = ws.documentsCreatedPerDay.get(day) ?? 0;
  if (used >= ws.quotas.documentsCreatedPerDay) throw new Error(DOCS_QUOTA_ERROR);
  ws.documentsCreatedPerDay.set(day, used + 1);
}

/** Registers how Drive copies (File.makeCopy) and exports (File.getAs / getBlob) Google Docs. */
export function documentFileHandler(ws: WorkspaceState): NativeFileHandler {
  return {
    beforeCopy: () => countDocumentCreated(ws),
    copy: (fromId, toId) => copyDocumentContent(ws, fromId, toId),
    exportAs: (id, contentType) => {
      if (contentType !== 'application/pdf') return null;
      const item = ws.drive.items.get(id);
      return buildPdf(exportLines(documentContent(ws, id)), item?.name ?? '');
    },
  };
}
