/**
 * The Docs advanced service (`Docs`, Google Docs API v1) over the same document model DocumentApp
 * edits: what a script that enables it in appsscript.json gets (workspace.ts adds it to the
 * bundle's context only then).
 *
 * - Documents.get returns the body as the REST resource describes it
 *   (developers.google.com/docs/api/reference/rest/v1/documents): a leading section break, then
 *   paragraphs (text runs, inline objects, page breaks, each paragraph ending with "\n") and
 *   tables (rows, cells, cell content), with startIndex / endIndex in UTF-16 code units as the
 *   structure guide counts them (developers.google.com/docs/api/concepts/structure#indexes): the
 *   body starts at 1 after the section break; an inline object, a page break or a horizontal rule
 *   is one unit; a table takes one unit to open, one per row and one per cell before the cell's
 *   content, and one to close. Headers and footers are their own segments, counted from 0.
 * - Documents.batchUpdate applies updateParagraphStyle (keepWithNext, keepLinesTogether,
 *   alignment, indentFirstLine, lineSpacing, spaceAbove, spaceBelow), updateTextStyle (link, bold,
 *   italic, underline, fontSize, weightedFontFamily, foregroundColor as an RGB colour),
 *   pinTableHeaderRows, updateTableRowStyle
 *   (preventOverflow, minRowHeight) and updateTableColumnProperties (width, widthType) to the model,
 *   validating every request before applying any, as Google does
 *   (developers.google.com/docs/api/reference/rest/v1/documents/request). Any other request throws
 *   "emulator: Docs.Documents.batchUpdate request X is not implemented"; a bad range, table location
 *   or field mask throws Google's error text.
 *
 * Styles DocumentApp has no method for live on the nodes' `apiStyle`, never in `attrs`, so
 * DocumentApp's getAttributes() does not report them (as on Google).
 */
import { notImplemented } from '../../core/errors';
import type { WorkspaceState } from '../../core/state';
import {
  DOCUMENT_MIME,
  store,
  type BlockNode,
  type CellNode,
  type DocumentContent,
  type InlineNode,
  type ParagraphNode,
  type RowNode,
  type SectionNode,
  type TableNode,
  type TextNode,
} from './model';
import { applyToNode, textDefaults } from './model-text';

/** A Docs REST object (JSON): the emulator builds and reads plain objects. */
type Json = Record<string, unknown>;

/** Indices of one document, computed from the model on demand. */
interface IndexedDocument {
  content: DocumentContent;
  /** The body's structural elements in order (section break first). */
  body: Json[];
  /** Top-level and nested paragraphs of the body with their range. */
  paragraphs: Array<{ node: ParagraphNode; start: number; end: number }>;
  /** Text of the body's paragraphs: each Text element with the index of its first character. */
  texts: Array<{ node: TextNode; start: number; length: number }>;
  /** Every table of the body (nested ones too) by its start index. */
  tables: Map<number, TableNode>;
  /** End index of the body segment. */
  bodyEnd: number;
}

const HEADINGS: Record<string, string> = {
  NORMAL: 'NORMAL_TEXT',
  HEADING1: 'HEADING_1',
  HEADING2: 'HEADING_2',
  HEADING3: 'HEADING_3',
  HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5',
  HEADING6: 'HEADING_6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
};
const ALIGNMENTS: Record<string, string> = {
  LEFT: 'START',
  CENTER: 'CENTER',
  RIGHT: 'END',
  JUSTIFY: 'JUSTIFIED',
};
const GLYPHS: Record<string, Json> = {
  BULLET: { glyphSymbol: '●' },
  HOLLOW_BULLET: { glyphSymbol: '○' },
  SQUARE_BULLET: { glyphSymbol: '■' },
  NUMBER: { glyphType: 'DECIMAL', glyphFormat: '%0.' },
  LATIN_UPPER: { glyphType: 'UPPER_ALPHA', glyphFormat: '%0.' },
  LATIN_LOWER: { glyphType: 'ALPHA', glyphFormat: '%0.' },
  ROMAN_UPPER: { glyphType: 'UPPER_ROMAN', glyphFormat: '%0.' },
  ROMAN_LOWER: { glyphType: 'ROMAN', glyphFormat: '%0.' },
};

/** Every request type of documents.batchUpdate (the Request union of the reference). */
const REQUEST_TYPES = new Set([
  'replaceAllText',
  'insertText',
  'updateTextStyle',
  'createParagraphBullets',
  'deleteParagraphBullets',
  'createNamedRange',
  'deleteNamedRange',
  'updateParagraphStyle',
  'deleteContentRange',
  'insertInlineImage',
  'insertTable',
  'insertTableRow',
  'insertTableColumn',
  'deleteTableRow',
  'deleteTableColumn',
  'insertPageBreak',
  'deletePositionedObject',
  'updateTableColumnProperties',
  'updateTableCellStyle',
  'updateTableRowStyle',
  'replaceImage',
  'updateDocumentStyle',
  'mergeTableCells',
  'unmergeTableCells',
  'createHeader',
  'createFooter',
  'createFootnote',
  'replaceNamedRangeContent',
  'updateSectionStyle',
  'insertSectionBreak',
  'deleteHeader',
  'deleteFooter',
  'pinTableHeaderRows',
  'insertPerson',
  'insertDate',
  'addDocumentTab',
  'deleteTab',
  'updateDocumentTabProperties',
]);

/** Paragraph style fields updateParagraphStyle can set here (the others are not implemented). */
const PARAGRAPH_FIELDS = [
  'keepWithNext',
  'keepLinesTogether',
  'alignment',
  'indentFirstLine',
  'lineSpacing',
  'spaceAbove',
  'spaceBelow',
] as const;
/**
 * Paragraph style fields that are DocumentApp attributes too (Paragraph.getIndentFirstLine, …):
 * a Dimension in points, or lineSpacing as a percentage of single (DocumentApp: a multiplier).
 */
const PARAGRAPH_DIMENSION: Record<string, string> = {
  indentFirstLine: 'INDENT_FIRST_LINE',
  spaceAbove: 'SPACING_BEFORE',
  spaceBelow: 'SPACING_AFTER',
};
/** Text style fields updateTextStyle can set here, with the DocumentApp attribute each is. */
const TEXT_FIELDS = [
  'link',
  'bold',
  'italic',
  'underline',
  'fontSize',
  'weightedFontFamily',
  'foregroundColor',
] as const;
const TEXT_ATTRIBUTE: Record<(typeof TEXT_FIELDS)[number], string> = {
  link: 'LINK_URL',
  bold: 'BOLD',
  italic: 'ITALIC',
  underline: 'UNDERLINE',
  fontSize: 'FONT_SIZE',
  weightedFontFamily: 'FONT_FAMILY',
  foregroundColor: 'FOREGROUND_COLOR',
};
const RGB = ['red', 'green', 'blue'] as const;
/** The API's paragraph alignments and DocumentApp's HORIZONTAL_ALIGNMENT names. */
const ALIGNMENT_ATTRIBUTE: Record<string, string> = {
  START: 'LEFT',
  CENTER: 'CENTER',
  END: 'RIGHT',
  JUSTIFIED: 'JUSTIFY',
};
/** Table row style fields updateTableRowStyle can set here. */
const ROW_FIELDS = ['preventOverflow', 'minRowHeight'] as const;
/** Table column fields updateTableColumnProperties can set. */
const COLUMN_FIELDS = ['width', 'widthType'] as const;

/** Apps Script's message for a failed advanced-service call. */
function apiError(method: string, message: string): Error {
  const error = new Error(`API call to docs.documents.${method} failed with error: ${message}`);
  error.name = 'GoogleJsonResponseException';
  return error;
}

/** The text a run shows in the API: a line break inside a paragraph is a vertical tab. */
function apiText(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\u000b');
}

function textStyle(attrs: Record<string, unknown>): Json {
  const style: Json = {};
  if (attrs.BOLD === true) style.bold = true;
  if (attrs.ITALIC === true) style.italic = true;
  if (attrs.UNDERLINE === true) style.underline = true;
  if (attrs.STRIKETHROUGH === true) style.strikethrough = true;
  if (typeof attrs.FONT_SIZE === 'number') {
    style.fontSize = { magnitude: attrs.FONT_SIZE, unit: 'PT' };
  }
  if (typeof attrs.FONT_FAMILY === 'string') {
    style.weightedFontFamily = { fontFamily: attrs.FONT_FAMILY, weight: 400 };
  }
  if (typeof attrs.LINK_URL === 'string' && attrs.LINK_URL !== '') {
    style.link = { url: attrs.LINK_URL };
  }
  const colour = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(
    String(attrs.FOREGROUND_COLOR ?? ''),
  );
  if (colour) {
    // RgbColor: each component 0.0–1.0; a component of 0 is left out, as JSON of the API omits it.
    const rgbColor: Json = {};
    RGB.forEach((name, i) => {
      const value = parseInt(colour[i + 1]!, 16) / 255;
      if (value > 0) rgbColor[name] = value;
    });
    style.foregroundColor = { color: { rgbColor } };
  }
  return style;
}

/**
 * An OptionalColor of a request as DocumentApp's '#rrggbb' (TextStyle.foregroundColor: «If set,
 * the color is either an RGB color or transparent, depending on the color field»); null when the
 * field is unset. Transparent text is not something DocumentApp can show.
 */
function colourOf(value: unknown, path: string, invalid: Invalid): string | null | 'transparent' {
  if (value === undefined || value === null) return null;
  const color = (value as Json).color as Json | undefined;
  if (!color) return 'transparent';
  const rgb = (color.rgbColor ?? {}) as Json;
  return (
    '#' +
    RGB.map((name) => {
      const v = Number(rgb[name] ?? 0);
      if (!Number.isFinite(v) || v < 0 || v > 1)
        throw invalid(`Invalid value at '${path}.color.rgb_color.${name}' (${String(rgb[name])}).`);
      return Math.round(v * 255)
        .toString(16)
        .padStart(2, '0');
    }).join('')
  );
}

function sameStyle(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Builds the REST view of a document and the index of its elements. */
class Indexer {
  readonly paragraphs: IndexedDocument['paragraphs'] = [];
  readonly texts: IndexedDocument['texts'] = [];
  readonly tables = new Map<number, TableNode>();
  readonly lists: Record<string, Json> = {};
  readonly inlineObjects: Record<string, Json> = {};
  #objects = 0;

  constructor(private readonly documentId: string) {}

  /** The structural elements of a segment starting at `from`; returns them and the end. */
  segment(blocks: BlockNode[], from: number, track: boolean): { elements: Json[]; end: number } {
    const elements: Json[] = [];
    let at = from;
    for (const block of blocks) {
      const el =
        block.type === 'TABLE' ? this.table(block, at, track) : this.paragraph(block, at, track);
      elements.push(el);
      at = el.endIndex as number;
    }
    return { elements, end: at };
  }

  paragraph(p: ParagraphNode, start: number, track: boolean): Json {
    const defaults = textDefaults(p);
    const elements: Json[] = [];
    let at = start;
    const push = (item: Json, length: number): void => {
      elements.push({ startIndex: at, endIndex: at + length, ...item });
      at += length;
    };
    for (const child of p.children) {
      if (track && child.type === 'TEXT') {
        const length = child.runs.reduce((n, r) => n + r.text.length, 0);
        this.texts.push({ node: child, start: at, length });
      }
      this.inline(child, defaults, push);
    }
    // Every paragraph ends with a newline in the paragraph's own text style (a link or bold set on
    // characters stops before it); it joins the last run when their styles are the same.
    const last = elements[elements.length - 1];
    const lastRun = last?.textRun as Json | undefined;
    const endStyle = textStyle(defaults);
    if (lastRun && sameStyle(lastRun.textStyle as Json, endStyle)) {
      lastRun.content = (lastRun.content as string) + '\n';
      last!.endIndex = (last!.endIndex as number) + 1;
      at += 1;
    } else push({ textRun: { content: '\n', textStyle: endStyle } }, 1);

    const style: Json = {
      namedStyleType: HEADINGS[String(p.attrs.HEADING ?? 'NORMAL')] ?? 'NORMAL_TEXT',
      direction: p.attrs.LEFT_TO_RIGHT === false ? 'RIGHT_TO_LEFT' : 'LEFT_TO_RIGHT',
    };
    const alignment = ALIGNMENTS[String(p.attrs.HORIZONTAL_ALIGNMENT ?? '')];
    if (alignment) style.alignment = alignment;
    for (const [field, attribute] of Object.entries(PARAGRAPH_DIMENSION)) {
      const value = p.attrs[attribute];
      if (typeof value === 'number') style[field] = { magnitude: value, unit: 'PT' };
    }
    if (typeof p.attrs.LINE_SPACING === 'number')
      style.lineSpacing = Math.round(p.attrs.LINE_SPACING * 1e6) / 1e4;
    if (p.apiStyle?.keepWithNext !== undefined) style.keepWithNext = p.apiStyle.keepWithNext;
    if (p.apiStyle?.keepLinesTogether !== undefined)
      style.keepLinesTogether = p.apiStyle.keepLinesTogether;
    const paragraph: Json = { elements, paragraphStyle: style };
    if (p.type === 'LIST_ITEM') {
      const listId = String(p.attrs.LIST_ID ?? '');
      const level = Number(p.attrs.NESTING_LEVEL ?? 0);
      paragraph.bullet = level > 0 ? { listId, nestingLevel: level } : { listId };
      if (!this.lists[listId]) {
        const glyph = GLYPHS[String(p.attrs.GLYPH_TYPE ?? 'BULLET')] ?? GLYPHS.BULLET!;
        this.lists[listId] = {
          listProperties: { nestingLevels: [{ ...glyph, startNumber: 1 }] },
        };
      }
    }
    if (track) this.paragraphs.push({ node: p, start, end: at });
    return { startIndex: start, endIndex: at, paragraph };
  }

  inline(
    child: InlineNode,
    defaults: Record<string, unknown>,
    push: (item: Json, length: number) => void,
  ): void {
    switch (child.type) {
      case 'TEXT':
        for (const run of child.runs) {
          if (run.text === '') continue;
          const content = apiText(run.text);
          push(
            { textRun: { content, textStyle: textStyle({ ...defaults, ...run.attrs }) } },
            content.length,
          );
        }
        return;
      case 'INLINE_IMAGE': {
        const id = `kix.${this.documentId.slice(0, 6)}i${++this.#objects}`;
        const size: Json = {};
        if (child.width !== null) size.width = { magnitude: child.width, unit: 'PT' };
        if (child.height !== null) size.height = { magnitude: child.height, unit: 'PT' };
        this.inlineObjects[id] = {
          objectId: id,
          inlineObjectProperties: { embeddedObject: { imageProperties: {}, size } },
        };
        push({ inlineObjectElement: { inlineObjectId: id, textStyle: {} } }, 1);
        return;
      }
      case 'PAGE_BREAK':
        push({ pageBreak: { textStyle: {} } }, 1);
        return;
      case 'HORIZONTAL_RULE':
        push({ horizontalRule: { textStyle: {} } }, 1);
        return;
    }
  }

  table(t: TableNode, start: number, track: boolean): Json {
    if (track) this.tables.set(start, t);
    let at = start + 1; // the table opens
    const pinned = t.apiStyle?.pinnedHeaderRows ?? 0;
    const tableRows = t.rows.map((row, r) => {
      const rowStart = at;
      at += 1; // the row opens
      const tableCells = row.cells.map((cell) => {
        const cellStart = at;
        const { elements, end } = this.segment(cell.children, cellStart + 1, track);
        at = end;
        return {
          startIndex: cellStart,
          endIndex: end,
          content: elements,
          tableCellStyle: cellStyle(cell),
        };
      });
      return {
        startIndex: rowStart,
        endIndex: at,
        tableCells,
        tableRowStyle: rowStyle(row, r < pinned),
      };
    });
    at += 1; // the table closes
    const columns = t.rows[0]?.cells.length ?? 0;
    const tableColumnProperties = Array.from({ length: columns }, (_, c) =>
      t.columnWidths[c] !== undefined
        ? { widthType: 'FIXED_WIDTH', width: { magnitude: t.columnWidths[c], unit: 'PT' } }
        : { widthType: 'EVENLY_DISTRIBUTED' },
    );
    return {
      startIndex: start,
      endIndex: at,
      table: { rows: t.rows.length, columns, tableRows, tableStyle: { tableColumnProperties } },
    };
  }
}

function cellStyle(cell: CellNode): Json {
  const style: Json = { rowSpan: 1, columnSpan: 1 };
  if (typeof cell.attrs.BACKGROUND_COLOR === 'string') {
    style.backgroundColor = { color: { rgbColor: hexToRgb(cell.attrs.BACKGROUND_COLOR) } };
  }
  return style;
}

function rowStyle(row: RowNode, header: boolean): Json {
  const style: Json = { minRowHeight: { unit: 'PT' } };
  const min = row.attrs.MINIMUM_HEIGHT;
  if (typeof min === 'number' && min > 0) style.minRowHeight = { magnitude: min, unit: 'PT' };
  if (header) style.tableHeader = true;
  if (row.apiStyle?.preventOverflow) style.preventOverflow = true;
  return style;
}

function hexToRgb(hex: string): Json {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return {};
  return {
    red: parseInt(m[1]!, 16) / 255,
    green: parseInt(m[2]!, 16) / 255,
    blue: parseInt(m[3]!, 16) / 255,
  };
}

const SECTION_BREAK: Json = {
  endIndex: 1,
  sectionBreak: {
    sectionStyle: {
      columnSeparatorStyle: 'NONE',
      contentDirection: 'LEFT_TO_RIGHT',
      sectionType: 'CONTINUOUS',
    },
  },
};

function index(
  documentId: string,
  content: DocumentContent,
): IndexedDocument & { indexer: Indexer } {
  const indexer = new Indexer(documentId);
  const { elements, end } = indexer.segment(content.body.children, 1, true);
  return {
    content,
    body: [structuredClone(SECTION_BREAK), ...elements],
    paragraphs: indexer.paragraphs,
    texts: indexer.texts,
    tables: indexer.tables,
    bodyEnd: end,
    indexer,
  };
}

/** The REST view of a header or footer segment (counted from 0, no section break). */
function segmentView(documentId: string, section: SectionNode): Json[] {
  return new Indexer(documentId).segment(section.children, 0, false).elements;
}

/** Revision of each document: bumped by every batchUpdate (DocumentApp edits do not). */
const revisions = new WeakMap<DocumentContent, number>();

function revisionId(documentId: string, content: DocumentContent): string {
  return `ALm37B${documentId.slice(0, 8)}r${revisions.get(content) ?? 1}`;
}

/** Docs.Documents of one workspace. */
class DocumentsCollection {
  constructor(private readonly ws: WorkspaceState) {}

  #content(method: string, documentId: unknown): { id: string; content: DocumentContent } {
    const id = String(documentId ?? '');
    const item = this.ws.drive.items.get(id);
    const content = store(this.ws).get(id);
    if (!item || item.mimeType !== DOCUMENT_MIME || !content) {
      throw apiError(method, 'Requested entity was not found.');
    }
    return { id, content };
  }

  /** Reference: documents.get — "Gets the latest version of the specified document." */
  get(documentId: string, optionalArgs?: Json): Json {
    this.ws.tracker.record('Docs.Documents.get');
    if (optionalArgs && Object.keys(optionalArgs).length > 0) {
      return notImplemented('Docs.Documents', 'get with optional arguments');
    }
    const { id, content } = this.#content('get', documentId);
    const indexed = index(id, content);
    const doc: Json = {
      documentId: id,
      title: this.ws.drive.items.get(id)!.name,
      revisionId: revisionId(id, content),
      suggestionsViewMode: 'SUGGESTIONS_INLINE',
      body: { content: indexed.body },
      documentStyle: {},
    };
    if (content.header) {
      doc.headers = {
        'kix.header0': { headerId: 'kix.header0', content: segmentView(id, content.header) },
      };
      (doc.documentStyle as Json).defaultHeaderId = 'kix.header0';
    }
    if (content.footer) {
      doc.footers = {
        'kix.footer0': { footerId: 'kix.footer0', content: segmentView(id, content.footer) },
      };
      (doc.documentStyle as Json).defaultFooterId = 'kix.footer0';
    }
    if (Object.keys(indexed.indexer.lists).length > 0) doc.lists = indexed.indexer.lists;
    if (Object.keys(indexed.indexer.inlineObjects).length > 0)
      doc.inlineObjects = indexed.indexer.inlineObjects;
    return doc;
  }

  /**
   * Reference: documents.batchUpdate — "Each request is validated before being applied. If any
   * request is not valid, then the entire request will fail and nothing will be applied."
   */
  batchUpdate(resource: Json, documentId: string): Json {
    this.ws.tracker.record('Docs.Documents.batchUpdate');
    const { id, content } = this.#content('batchUpdate', documentId);
    const requests = resource?.requests;
    if (!Array.isArray(requests)) {
      throw apiError('batchUpdate', 'Invalid requests: the request body has no requests.');
    }
    const indexed = index(id, content);
    // Validate everything first, then apply: one bad request applies nothing.
    const changes = requests.map((request, i) => plan(request as Json, i, indexed));
    for (const change of changes) change();
    revisions.set(content, (revisions.get(content) ?? 1) + 1);
    return {
      documentId: id,
      replies: requests.map(() => ({})),
      writeControl: { requiredRevisionId: revisionId(id, content) },
    };
  }

  create(): never {
    return notImplemented('Docs.Documents', 'create');
  }
}

/** Validates one request against the document as it is and returns the change to make. */
function plan(request: Json, i: number, doc: IndexedDocument): () => void {
  const kinds = Object.keys(request ?? {});
  if (kinds.length !== 1) {
    throw apiError(
      'batchUpdate',
      `Invalid requests[${i}]: exactly one kind of request must be set.`,
    );
  }
  const kind = kinds[0]!;
  const body = request[kind] as Json;
  const invalid = (message: string): Error =>
    apiError('batchUpdate', `Invalid requests[${i}].${kind}: ${message}`);
  if (!REQUEST_TYPES.has(kind)) {
    throw apiError(
      'batchUpdate',
      `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`,
    );
  }
  switch (kind) {
    case 'updateParagraphStyle':
      return planParagraphStyle(body, doc, invalid);
    case 'updateTextStyle':
      return planTextStyle(body, doc, invalid);
    case 'pinTableHeaderRows':
      return planPinnedRows(body, doc, invalid);
    case 'updateTableRowStyle':
      return planRowStyle(body, doc, invalid);
    case 'updateTableColumnProperties':
      return planColumnProperties(body, doc, invalid);
    default:
      return notImplemented('Docs.Documents', `batchUpdate request ${kind}`);
  }
}

type Invalid = (message: string) => Error;

/** The field mask: comma-separated names, checked against what this emulator can set. */
function fieldsOf(
  mask: unknown,
  allowed: readonly string[],
  request: string,
  invalid: Invalid,
): string[] {
  const text = typeof mask === 'string' ? mask.trim() : '';
  if (text === '') {
    throw invalid(
      "At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)",
    );
  }
  const fields = text.split(',').map((f) => f.trim());
  for (const field of fields) {
    if (!allowed.includes(field)) {
      return notImplemented('Docs.Documents', `batchUpdate ${request} field ${field}`);
    }
  }
  return fields;
}

function checkSegment(range: Json, invalid: Invalid, request: string): void {
  if (range.segmentId !== undefined && range.segmentId !== '') {
    notImplemented('Docs.Documents', `batchUpdate ${request} in a header, footer or footnote`);
  }
  if (range.tabId !== undefined && range.tabId !== '' && range.tabId !== 't.0') {
    throw invalid(`The tab with ID ${String(range.tabId)} was not found.`);
  }
}

/** A body range: [start, end) within the segment, not empty; Google's messages otherwise. */
function bodyRange(
  body: Json,
  doc: IndexedDocument,
  invalid: Invalid,
  request: string,
): [number, number] {
  const range = (body?.range ?? {}) as Json;
  checkSegment(range, invalid, request);
  const start = Number(range.startIndex ?? 0);
  const end = Number(range.endIndex ?? 0);
  if (!Number.isInteger(start) || !Number.isInteger(end))
    throw invalid('The range indices must be integers.');
  if (start < 1) throw invalid(`Index ${start} must be greater than or equal to 1.`);
  if (end > doc.bodyEnd) {
    throw invalid(
      `Index ${end - 1} must be less than the end index of the referenced segment, ${doc.bodyEnd}.`,
    );
  }
  if (start >= end) throw invalid('The range should not be empty.');
  return [start, end];
}

function planParagraphStyle(body: Json, doc: IndexedDocument, invalid: Invalid): () => void {
  const [start, end] = bodyRange(body, doc, invalid, 'updateParagraphStyle');
  const fields = fieldsOf(body.fields, PARAGRAPH_FIELDS, 'updateParagraphStyle', invalid);
  const style = (body.paragraphStyle ?? {}) as Json;
  const alignment = style.alignment === undefined ? undefined : String(style.alignment);
  if (alignment !== undefined && !ALIGNMENT_ATTRIBUTE[alignment]) {
    throw invalid(`Invalid value at 'paragraph_style.alignment' (${alignment}).`);
  }
  // Dimensions in points (the only unit of Dimension besides UNIT_UNSPECIFIED).
  const attributes: Record<string, number | null> = {};
  for (const field of fields) {
    const attribute = PARAGRAPH_DIMENSION[field];
    if (attribute)
      attributes[attribute] = dimension(style[field], `paragraph_style.${field}`, invalid);
  }
  if (fields.includes('lineSpacing')) {
    const spacing = style.lineSpacing;
    if (spacing !== undefined && (typeof spacing !== 'number' || !(spacing >= 6))) {
      throw invalid(`Invalid value at 'paragraph_style.line_spacing' (${String(spacing)}).`);
    }
    attributes.LINE_SPACING = spacing === undefined ? null : spacing / 100;
  }
  // «Any paragraph that overlaps the range is updated.»
  const targets = doc.paragraphs.filter((p) => p.start < end && p.end > start).map((p) => p.node);
  return () => {
    for (const node of targets) {
      const apiStyle = { ...(node.apiStyle ?? {}) };
      for (const field of fields) {
        if (field === 'alignment') {
          // DocumentApp's own attribute: getAlignment() sees it.
          if (alignment === undefined) delete node.attrs.HORIZONTAL_ALIGNMENT;
          else node.attrs.HORIZONTAL_ALIGNMENT = ALIGNMENT_ATTRIBUTE[alignment];
        } else if (field === 'keepWithNext' || field === 'keepLinesTogether') {
          // A field in the mask but not in the style is reset to its default (false).
          apiStyle[field] = style[field] === true;
        }
      }
      // DocumentApp's attributes (getIndentFirstLine, getLineSpacing, getSpacingBefore …).
      for (const [attribute, value] of Object.entries(attributes)) {
        if (value === null) delete node.attrs[attribute];
        else node.attrs[attribute] = value;
      }
      node.apiStyle = apiStyle;
    }
  };
}

/**
 * A Dimension («magnitude» and «unit»; PT is the unit the API knows), or null when the field is in
 * the mask but not in the style (reset to the named style's value).
 */
function dimension(value: unknown, path: string, invalid: Invalid): number | null {
  if (value === undefined) return null;
  const d = (value ?? {}) as Json;
  if (d.unit !== 'PT') throw invalid(`Invalid value at '${path}.unit' (${String(d.unit)}).`);
  const magnitude = Number(d.magnitude ?? 0);
  if (!Number.isFinite(magnitude) || magnitude < 0)
    throw invalid(`Invalid value at '${path}.magnitude' (${String(d.magnitude)}).`);
  return magnitude;
}

function planTextStyle(body: Json, doc: IndexedDocument, invalid: Invalid): () => void {
  const [start, end] = bodyRange(body, doc, invalid, 'updateTextStyle');
  const fields = fieldsOf(body.fields, TEXT_FIELDS, 'updateTextStyle', invalid);
  const style = (body.textStyle ?? {}) as Json;
  const attrs: Record<string, unknown> = {};
  for (const field of fields as Array<(typeof TEXT_FIELDS)[number]>) {
    if (field === 'link') {
      const link = style.link as Json | undefined;
      if (link && link.url === undefined) {
        return notImplemented(
          'Docs.Documents',
          'batchUpdate updateTextStyle link to a bookmark or heading',
        );
      }
      // A field in the mask but not in the style is cleared.
      attrs.LINK_URL = link ? String(link.url) : null;
    } else if (field === 'fontSize') {
      const size = dimension(style.fontSize, 'text_style.font_size', invalid);
      if (size !== null && size <= 0)
        throw invalid(`Invalid value at 'text_style.font_size.magnitude' (${size}).`);
      attrs.FONT_SIZE = size;
    } else if (field === 'weightedFontFamily') {
      const family = style.weightedFontFamily as Json | undefined;
      if (family && typeof family.fontFamily !== 'string') {
        throw invalid("Invalid value at 'text_style.weighted_font_family.font_family'.");
      }
      // «If weightedFontFamily is set, then weight … defaults to 400»: only the family is kept.
      attrs.FONT_FAMILY = family ? String(family.fontFamily) : null;
    } else if (field === 'foregroundColor') {
      const colour = colourOf(style.foregroundColor, 'text_style.foreground_color', invalid);
      if (colour === 'transparent')
        return notImplemented('Docs.Documents', 'batchUpdate updateTextStyle transparent text');
      attrs.FOREGROUND_COLOR = colour;
    } else attrs[TEXT_ATTRIBUTE[field]] = style[field] === true;
  }
  const targets = doc.texts.filter((t) => t.start < end && t.start + t.length > start);
  return () => {
    for (const t of targets) {
      const from = Math.max(start, t.start) - t.start;
      const to = Math.min(end, t.start + t.length) - t.start;
      applyToNode(t.node, from, to, attrs);
    }
  };
}

function tableAt(body: Json, doc: IndexedDocument, invalid: Invalid, request: string): TableNode {
  const location = (body?.tableStartLocation ?? null) as Json | null;
  if (!location) throw invalid('The table start location must be specified.');
  checkSegment(location, invalid, request);
  const at = Number(location.index);
  const table = doc.tables.get(at);
  if (!table) throw invalid(`The provided table start location ${at} is not the start of a table.`);
  return table;
}

function planPinnedRows(body: Json, doc: IndexedDocument, invalid: Invalid): () => void {
  const table = tableAt(body, doc, invalid, 'pinTableHeaderRows');
  const count = Number(body.pinnedHeaderRowsCount ?? 0);
  if (!Number.isInteger(count) || count < 0 || count > table.rows.length) {
    throw invalid(
      `The number of pinned header rows, ${count}, must be between 0 and the number of rows in the table, ${table.rows.length}.`,
    );
  }
  return () => {
    table.apiStyle = { ...(table.apiStyle ?? {}), pinnedHeaderRows: count };
  };
}

function planRowStyle(body: Json, doc: IndexedDocument, invalid: Invalid): () => void {
  const table = tableAt(body, doc, invalid, 'updateTableRowStyle');
  const fields = fieldsOf(body.fields, ROW_FIELDS, 'updateTableRowStyle', invalid);
  const indices = Array.isArray(body.rowIndices) ? (body.rowIndices as unknown[]).map(Number) : [];
  for (const r of indices) {
    if (!Number.isInteger(r) || r < 0 || r >= table.rows.length) {
      throw invalid(
        `The row index ${r} is out of bounds for a table with ${table.rows.length} rows.`,
      );
    }
  }
  // «If no indices are specified, all rows will be updated.»
  const rows = indices.length > 0 ? indices.map((r) => table.rows[r]!) : table.rows;
  const style = (body.tableRowStyle ?? {}) as Json;
  return () => {
    for (const row of rows) {
      if (fields.includes('preventOverflow')) {
        row.apiStyle = { ...(row.apiStyle ?? {}), preventOverflow: style.preventOverflow === true };
      }
      if (fields.includes('minRowHeight')) {
        const min = (style.minRowHeight ?? {}) as Json;
        row.attrs.MINIMUM_HEIGHT = Number(min.magnitude ?? 0);
      }
    }
  };
}

/**
 * Reference, UpdateTableColumnPropertiesRequest: «columnIndices — If no indices are specified,
 * all columns will be updated»; «If the value of table_column_properties#width is less than 5
 * points (5/72 inch), a 400 bad request error is returned.» A FIXED_WIDTH column is what
 * DocumentApp's Table.getColumnWidth reports; EVENLY_DISTRIBUTED drops the width.
 */
function planColumnProperties(body: Json, doc: IndexedDocument, invalid: Invalid): () => void {
  const table = tableAt(body, doc, invalid, 'updateTableColumnProperties');
  const fields = fieldsOf(body.fields, COLUMN_FIELDS, 'updateTableColumnProperties', invalid);
  const columns = table.rows[0]?.cells.length ?? 0;
  const indices = Array.isArray(body.columnIndices)
    ? (body.columnIndices as unknown[]).map(Number)
    : [];
  for (const c of indices) {
    if (!Number.isInteger(c) || c < 0 || c >= columns) {
      throw invalid(`The column index ${c} is out of bounds for a table with ${columns} columns.`);
    }
  }
  const props = (body.tableColumnProperties ?? {}) as Json;
  const widthType = fields.includes('widthType') ? String(props.widthType ?? '') : 'FIXED_WIDTH';
  if (!['FIXED_WIDTH', 'EVENLY_DISTRIBUTED'].includes(widthType)) {
    throw invalid(`Invalid value at 'table_column_properties.width_type' (${widthType}).`);
  }
  let width: number | null = null;
  if (fields.includes('width') && widthType === 'FIXED_WIDTH') {
    width = dimension(props.width, 'table_column_properties.width', invalid);
    if (width === null || width < 5) {
      throw invalid('The column width must be at least 5 points.');
    }
  }
  const targets = indices.length > 0 ? indices : Array.from({ length: columns }, (_, c) => c);
  return () => {
    for (const c of targets) {
      if (widthType === 'EVENLY_DISTRIBUTED') delete table.columnWidths[c];
      else if (width !== null) table.columnWidths[c] = width;
    }
  };
}

/**
 * The `Docs` global of a project that enables the service (serviceId docs, version v1). The
 * service's builders (Docs.newRequest() …) and collections other than Documents throw the
 * emulator's «not implemented»: scripts pass plain objects, as the reference's samples do.
 */
export function createDocsService(ws: WorkspaceState): object {
  const service: Json = { Documents: new DocumentsCollection(ws) };
  return new Proxy(service, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && !(prop in target)) {
        if (/^new[A-Z]/.test(prop)) return () => notImplemented('Docs', prop);
        if (/^[A-Z]/.test(prop)) notImplemented('Docs', prop);
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}
