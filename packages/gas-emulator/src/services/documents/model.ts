/**
 * The stored model of a Google Doc: plain data, structured-cloneable, the shape a .docx exporter
 * reads. Every Google Doc is also a Drive item; its content lives in ws.documents keyed by the
 * item's id: sections of paragraphs / list items / tables, inline runs with their attributes.
 */
import { makeEnum, type EnumValue } from '../../core/enums';
import type { WorkspaceState } from '../../core/state';

/** Drive MIME type of a Google Doc. */
export const DOCUMENT_MIME = 'application/vnd.google-apps.document';

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
  /** Styles only the Docs API sets (docs-api.ts); DocumentApp's attributes never show them. */
  apiStyle?: { keepWithNext?: boolean; keepLinesTogether?: boolean };
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
  /** Docs API only: the row may not break across pages. */
  apiStyle?: { preventOverflow?: boolean };
}
export interface TableNode {
  type: 'TABLE';
  attrs: Attrs;
  columnWidths: Record<number, number>;
  rows: RowNode[];
  /** Docs API only: the first rows repeat on every page the table spans. */
  apiStyle?: { pinnedHeaderRows?: number };
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
/** Any node of the model. */
export type AnyNode = SectionNode | BlockNode | RowNode | CellNode | InlineNode;
/** What holds paragraphs and tables: a section or a table cell. */
export type Container = SectionNode | CellNode;

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
/** DocumentApp.FontFamily names. */
export const FONT_FAMILY_NAMES = [
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
export const TEXT_ATTRIBUTES = [
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
/** Paragraph-level attributes a paragraph or list item reports. */
export const PARAGRAPH_ATTRIBUTES = [
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
/** Attributes only list items have. */
export const LIST_ATTRIBUTES = ['GLYPH_TYPE', 'LIST_ID', 'NESTING_LEVEL'];

/** Attributes whose values are enums: stored by name, handed out as the enum value. */
const ENUM_ATTRIBUTES: Record<string, Record<string, EnumValue>> = {
  HEADING: ParagraphHeading,
  HORIZONTAL_ALIGNMENT: HorizontalAlignment,
  GLYPH_TYPE: GlyphType,
  VERTICAL_ALIGNMENT: VerticalAlignment,
};

/** The value to store for an attribute (enum values become their names). */
export function stored(key: string, value: unknown): unknown {
  return ENUM_ATTRIBUTES[key] && value !== null && value !== undefined ? String(value) : value;
}

/** The value to hand out for a stored attribute (names become enum values again). */
export function exposed(key: string, value: unknown): unknown {
  const e = ENUM_ATTRIBUTES[key];
  return e && typeof value === 'string' ? (e[value] ?? value) : value;
}

/** The documents of a workspace (created on first use; ws.documents is declared in state.ts). */
export function store(ws: WorkspaceState): Map<string, DocumentContent> {
  if (!ws.documents) ws.documents = new Map<string, unknown>();
  return ws.documents as Map<string, DocumentContent>;
}

/** A paragraph with no text. */
export function emptyParagraph(): ParagraphNode {
  return { type: 'PARAGRAPH', attrs: {}, children: [] };
}

/** A section holding one empty paragraph, as Docs creates it. */
export function newSection(type: SectionNode['type']): SectionNode {
  return { type, attrs: {}, children: [emptyParagraph()] };
}

/** A new document: the body holds one empty paragraph, as a fresh Google Doc does. */
export function emptyContent(): DocumentContent {
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
