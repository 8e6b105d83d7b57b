/**
 * What DocumentApp cannot do to a generated document, and what it would do one call per
 * paragraph, done through the Docs advanced service (appsscript.json enables it as `Docs`, v1):
 * headings and table captions keep with the next paragraph, the signature block (spacer, position
 * and name, date) stays on one page together with the last paragraph of text before it, every
 * table repeats its header row on a new page and never splits a row across pages; running text is
 * justified (one request per run of paragraphs), the paragraphs the renderer asked to be aligned
 * (figures and their captions centred, appendix labels to the right, appendix titles centred) are
 * aligned, and the web addresses of link lists become links.
 * In the generated part of a document made from a template (the scope), the template's look: the
 * text's font, size, first-line indent and line spacing, headings and tables' header rows bold,
 * tables in the tables' font and size, and every table's columns sized to what they hold
 * (domain/tableLayout.ts) — one request per range, never a call per paragraph.
 *
 * One Documents.get reads the saved document's structure with its indices, one batchUpdate applies
 * every request (developers.google.com/docs/api/reference/rest/v1/documents/request).
 */
import { isWebLink, signatureLines, type DocumentModel } from '../domain/document';
import type { DocumentLook } from '../domain/documentTemplate';
import { tableLayout } from '../domain/tableLayout';
import { fillPhrase } from '../i18n/ru/note';
import { OUTPUTS_RU } from '../i18n/ru/outputs';

/** The part of the Docs REST schema read here (the bundled typings predate some fields). */
interface DocsDimension {
  magnitude?: number;
  unit?: string;
}
export interface DocsTextStyle {
  bold?: boolean;
  fontSize?: DocsDimension;
  weightedFontFamily?: { fontFamily?: string };
}
export interface DocsParagraph {
  elements?: Array<{
    textRun?: { content?: string; textStyle?: DocsTextStyle };
    inlineObjectElement?: object;
  }>;
  paragraphStyle?: {
    namedStyleType?: string;
    alignment?: string;
    indentFirstLine?: DocsDimension;
    lineSpacing?: number;
  };
  bullet?: object;
}
export interface DocsStructuralElement {
  startIndex?: number;
  endIndex?: number;
  paragraph?: DocsParagraph;
  table?: {
    rows?: number;
    columns?: number;
    tableRows?: Array<{
      startIndex?: number;
      endIndex?: number;
      tableCells?: Array<{ content?: DocsStructuralElement[] }>;
    }>;
  };
  sectionBreak?: object;
}
/** A document as Documents.get returns it (the parts read here). */
export interface DocsDocument {
  body?: { content?: DocsStructuralElement[] };
  headers?: Record<string, { content?: DocsStructuralElement[] }>;
  footers?: Record<string, { content?: DocsStructuralElement[] }>;
  documentStyle?: { defaultHeaderId?: string; defaultFooterId?: string };
  namedStyles?: { styles?: Array<{ namedStyleType?: string; textStyle?: DocsTextStyle }> };
}
interface DocsLocation {
  index: number;
}
interface DocsRange {
  startIndex: number;
  endIndex: number;
}
/** The requests this adapter sends. */
export type DocsLayoutRequest =
  | {
      updateParagraphStyle: {
        range: DocsRange;
        paragraphStyle: {
          keepWithNext?: boolean;
          keepLinesTogether?: boolean;
          alignment?: string;
          indentFirstLine?: { magnitude: number; unit: 'PT' };
          spaceAbove?: { magnitude: number; unit: 'PT' };
          lineSpacing?: number;
        };
        fields: string;
      };
    }
  | {
      updateTextStyle: {
        range: DocsRange;
        textStyle: {
          link?: { url: string };
          bold?: boolean;
          foregroundColor?: { color: { rgbColor: { red: number; green: number; blue: number } } };
          fontSize?: { magnitude: number; unit: 'PT' };
          weightedFontFamily?: { fontFamily: string };
        };
        fields: string;
      };
    }
  | {
      updateTableColumnProperties: {
        tableStartLocation: DocsLocation;
        columnIndices: number[];
        tableColumnProperties: {
          widthType: 'FIXED_WIDTH';
          width: { magnitude: number; unit: 'PT' };
        };
        fields: string;
      };
    }
  | { pinTableHeaderRows: { tableStartLocation: DocsLocation; pinnedHeaderRowsCount: number } }
  | {
      updateTableRowStyle: {
        tableStartLocation: DocsLocation;
        tableRowStyle: { preventOverflow: boolean };
        fields: string;
      };
    };
export interface DocsService {
  Documents: {
    get(documentId: string): DocsDocument;
    batchUpdate(resource: { requests: DocsLayoutRequest[] }, documentId: string): unknown;
  };
}

const HEADINGS = /^(HEADING_[1-6]|TITLE|SUBTITLE)$/;

function textOf(p: DocsParagraph): string {
  return (p.elements ?? [])
    .map((e) => e.textRun?.content ?? '')
    .join('')
    .replace(/\n$/, '');
}

function keep(
  from: DocsStructuralElement,
  to: DocsStructuralElement,
  withNext: boolean,
): DocsLayoutRequest {
  return {
    updateParagraphStyle: {
      range: { startIndex: from.startIndex ?? 0, endIndex: to.endIndex ?? 0 },
      paragraphStyle: withNext
        ? { keepWithNext: true, keepLinesTogether: true }
        : { keepLinesTogether: true },
      fields: withNext ? 'keepWithNext,keepLinesTogether' : 'keepLinesTogether',
    },
  };
}

/**
 * Running text: a top-level paragraph of normal style, not a list item, no alignment of its own
 * (the renderer's aligned paragraphs have none yet when this reads them: layoutRequests skips them).
 */
function isRunningText(el: DocsStructuralElement): boolean {
  const p = el.paragraph;
  if (!p || p.bullet) return false;
  const style = p.paragraphStyle ?? {};
  return (style.namedStyleType ?? 'NORMAL_TEXT') === 'NORMAL_TEXT' && !style.alignment;
}

/**
 * One request per run of consecutive running-text paragraphs (tables break a run): justified,
 * and in a templated document with the template's first-line indent. `skip` are paragraphs that
 * are not running text although they look like it (table captions, the signature block).
 */
function justify(
  content: readonly DocsStructuralElement[],
  skip: ReadonlySet<DocsStructuralElement>,
  look: DocumentLook | null,
): DocsLayoutRequest[] {
  const requests: DocsLayoutRequest[] = [];
  let first: DocsStructuralElement | null = null;
  let last: DocsStructuralElement | null = null;
  const flush = (): void => {
    if (first && last) {
      requests.push({
        updateParagraphStyle: {
          range: { startIndex: first.startIndex ?? 0, endIndex: last.endIndex ?? 0 },
          paragraphStyle: look
            ? {
                alignment: 'JUSTIFIED',
                indentFirstLine: { magnitude: look.text.indentFirstLine, unit: 'PT' },
              }
            : { alignment: 'JUSTIFIED' },
          fields: look ? 'alignment,indentFirstLine' : 'alignment',
        },
      });
    }
    first = last = null;
  };
  for (const el of content) {
    if (isRunningText(el) && !skip.has(el)) {
      first = first ?? el;
      last = el;
    } else flush();
  }
  flush();
  return requests;
}

/**
 * Links on the web addresses the model asked for: «ОУ: https://…» lines of link lists, and the
 * cells of a table's link column that are the address alone.
 */
function links(
  content: readonly DocsStructuralElement[],
  model: Pick<DocumentModel, 'sections' | 'appendices'>,
): DocsLayoutRequest[] {
  const lines = new Map<string, { prefix: string; url: string }>();
  const cells = new Set<string>();
  for (const blocks of [
    ...model.sections.map((s) => s.blocks),
    ...(model.appendices ?? []).map((a) => a.blocks),
  ]) {
    for (const block of blocks) {
      if (block.type === 'links') {
        for (const item of block.items) {
          if (!isWebLink(item.url)) continue;
          const prefix = fillPhrase(OUTPUTS_RU.document.linkPrefix, { label: item.label });
          lines.set(prefix + item.url, { prefix, url: item.url });
        }
      } else if (block.type === 'table' && block.linkColumn !== undefined) {
        for (const row of block.rows) {
          const url = row[block.linkColumn] ?? '';
          if (isWebLink(url)) cells.add(url);
        }
      }
    }
  }
  const requests: DocsLayoutRequest[] = [];
  const link = (start: number, url: string): void => {
    requests.push({
      updateTextStyle: {
        range: { startIndex: start, endIndex: start + url.length },
        textStyle: { link: { url } },
        fields: 'link',
      },
    });
  };
  for (const el of content) {
    if (el.paragraph) {
      const found = lines.get(textOf(el.paragraph));
      if (found) link((el.startIndex ?? 0) + found.prefix.length, found.url);
    } else if (el.table && cells.size > 0) {
      for (const row of el.table.tableRows ?? []) {
        for (const cell of row.tableCells ?? []) {
          for (const inner of cell.content ?? []) {
            const text = inner.paragraph ? textOf(inner.paragraph) : '';
            if (cells.has(text)) link(inner.startIndex ?? 0, text);
          }
        }
      }
    }
  }
  return requests;
}

/** Black, as the Docs API writes a colour. */
const BLACK = { color: { rgbColor: { red: 0, green: 0, blue: 0 } } };

/** Space above a table's caption, points. */
const CAPTION_SPACE = 12;

/** A paragraph alignment as the Docs API names it (END is DocumentApp's RIGHT). */
export type ParagraphAlignment = 'CENTER' | 'END';

/** A generated paragraph the renderer asked to be aligned: which one, counted from `first`. */
export interface AlignedParagraph {
  index: number;
  alignment: ParagraphAlignment;
}

/** The generated part of a templated document and the look the template gives it. */
export interface LayoutScope {
  /** Index of the first generated element among the body's elements (section breaks aside). */
  first: number;
  /** How many elements were generated. */
  count: number;
  look: DocumentLook;
  /** Width of a line of text, points: tables are sized to it. */
  textWidth: number;
  /**
   * Generated paragraphs to align (figures, captions, appendix labels and titles), by their
   * place among the generated elements as the renderer inserted them: found by position, not by
   * text, and never justified or indented as running text.
   */
  aligned?: readonly AlignedParagraph[];
}

/**
 * The paragraphs `aligned` names among the generated elements, each with its alignment; an index
 * that is not a paragraph there (a document changed between saving and reading) is left alone.
 */
function alignedParagraphs(
  generated: readonly DocsStructuralElement[],
  aligned: readonly AlignedParagraph[],
): Map<DocsStructuralElement, ParagraphAlignment> {
  const found = new Map<DocsStructuralElement, ParagraphAlignment>();
  for (const { index, alignment } of aligned) {
    const el = generated[index];
    if (el?.paragraph) found.set(el, alignment);
  }
  return found;
}

function textRange(el: DocsStructuralElement): DocsRange {
  return { startIndex: el.startIndex ?? 0, endIndex: el.endIndex ?? 0 };
}

function fontStyle(font: { fontFamily: string; fontSize: number }) {
  return {
    weightedFontFamily: { fontFamily: font.fontFamily },
    fontSize: { magnitude: font.fontSize, unit: 'PT' as const },
  };
}

/** The texts of a table's cells, row by row. */
function cellTexts(el: DocsStructuralElement): string[][] {
  return (el.table?.tableRows ?? []).map((row) =>
    (row.tableCells ?? []).map((cell) =>
      (cell.content ?? [])
        .map((inner) => (inner.paragraph ? textOf(inner.paragraph) : ''))
        .join('\n'),
    ),
  );
}

/**
 * The template's look on the generated elements: the text's font and size over them all (one
 * request) and its line spacing, headings bold, each table in the tables' font and size with its
 * header row bold and its columns sized to their content.
 */
function lookRequests(
  elements: readonly DocsStructuralElement[],
  scope: LayoutScope,
): DocsLayoutRequest[] {
  const first = elements[0];
  const last = elements[elements.length - 1];
  if (!first || !last) return [];
  const { look } = scope;
  const whole = { startIndex: first.startIndex ?? 0, endIndex: last.endIndex ?? 0 };
  const requests: DocsLayoutRequest[] = [
    {
      updateTextStyle: {
        range: whole,
        textStyle: fontStyle(look.text),
        fields: 'weightedFontFamily,fontSize',
      },
    },
    {
      updateParagraphStyle: {
        range: whole,
        paragraphStyle: { lineSpacing: look.text.lineSpacing },
        fields: 'lineSpacing',
      },
    },
  ];
  elements.forEach((el, i) => {
    // A table's caption stands apart from what is above it (often another table), and so does
    // text that follows a table.
    const style = el.paragraph?.paragraphStyle?.namedStyleType ?? '';
    const caption = elements[i + 1]?.table !== undefined;
    const afterTable = elements[i - 1]?.table !== undefined && !HEADINGS.test(style);
    // A figure stands apart from what is above it: a table, text, the caption of another figure.
    const figure = (el.paragraph?.elements ?? []).some((e) => e.inlineObjectElement);
    if (el.paragraph && (figure || ((caption || afterTable) && textOf(el.paragraph) !== ''))) {
      requests.push({
        updateParagraphStyle: {
          range: textRange(el),
          paragraphStyle: { spaceAbove: { magnitude: CAPTION_SPACE, unit: 'PT' } },
          fields: 'spaceAbove',
        },
      });
    }
    if (el.paragraph && HEADINGS.test(el.paragraph.paragraphStyle?.namedStyleType ?? '')) {
      // Docs' headings are grey (Heading 3 #434343): an official paper's are black.
      requests.push({
        updateTextStyle: {
          range: textRange(el),
          textStyle: { bold: true, foregroundColor: BLACK },
          fields: 'bold,foregroundColor',
        },
      });
    } else if (el.table) {
      const tableStartLocation = { index: el.startIndex ?? 0 };
      // A table too wide for the page at the tables' size is set a point or two smaller.
      const layout = tableLayout(cellTexts(el), scope.textWidth, look.table.fontSize);
      requests.push({
        updateTextStyle: {
          range: textRange(el),
          textStyle: fontStyle({ ...look.table, fontSize: layout.fontSize }),
          fields: 'weightedFontFamily,fontSize',
        },
      });
      const header = el.table.tableRows?.[0];
      if (header) {
        requests.push({
          updateTextStyle: {
            range: { startIndex: header.startIndex ?? 0, endIndex: header.endIndex ?? 0 },
            textStyle: { bold: true },
            fields: 'bold',
          },
        });
      }
      layout.widths.forEach((width, c) => {
        requests.push({
          updateTableColumnProperties: {
            tableStartLocation,
            columnIndices: [c],
            tableColumnProperties: {
              widthType: 'FIXED_WIDTH',
              width: { magnitude: width, unit: 'PT' },
            },
            fields: 'width,widthType',
          },
        });
      });
    }
  });
  return requests;
}

/** The requests that lay out a document whose structure is `content` (pure: tested alone). */
export function layoutRequests(
  content: readonly DocsStructuralElement[],
  model: Pick<DocumentModel, 'signature' | 'sections' | 'appendices'>,
  scope: LayoutScope | null = null,
): DocsLayoutRequest[] {
  // The signature: the last «position ____ name» line, the spacer before it and the date after.
  const { line, date } = signatureLines(model.signature);
  let signature: DocsLayoutRequest[] = [];
  const inSignature = new Set<DocsStructuralElement>();
  /** The spacer, the «position ____ name» line and the date: not running text. */
  const signatureParts = new Set<DocsStructuralElement>();
  for (let i = content.length - 2; i >= 1; i--) {
    const el = content[i]!;
    const dateEl = content[i + 1]!;
    if (!el.paragraph || textOf(el.paragraph) !== line) continue;
    if (!dateEl.paragraph || textOf(dateEl.paragraph) !== date) continue;
    const spacer = content[i - 1]!;
    let first = spacer.paragraph && textOf(spacer.paragraph) === '' ? spacer : el;
    // The last line of text comes along: a signature is never alone on a page.
    const before = content[content.indexOf(first) - 1];
    if (before?.paragraph && textOf(before.paragraph) !== '') first = before;
    signature = [keep(first, el, true), keep(dateEl, dateEl, false)];
    for (let k = content.indexOf(first); k <= i + 1; k++) inSignature.add(content[k]!);
    for (const part of [spacer, el, dateEl]) if (inSignature.has(part)) signatureParts.add(part);
    break;
  }
  const captions = new Set<DocsStructuralElement>();
  content.forEach((el, i) => {
    if (el.paragraph && content[i + 1]?.table !== undefined && textOf(el.paragraph) !== '')
      captions.add(el);
  });
  // A templated document: only what was generated takes the look; the template's own text stays.
  const elements = content.filter((el) => !el.sectionBreak);
  const generated = scope ? elements.slice(scope.first, scope.first + scope.count) : null;
  const aligned = alignedParagraphs(generated ?? [], scope?.aligned ?? []);
  // The signature's lines, the captions and the aligned paragraphs are not running text: no
  // indent, not justified.
  const skip = new Set<DocsStructuralElement>(
    scope ? [...captions, ...signatureParts, ...aligned.keys()] : [],
  );
  const requests: DocsLayoutRequest[] = [
    ...(generated && scope ? lookRequests(generated, scope) : []),
    ...justify(generated ?? content, skip, scope?.look ?? null),
    ...[...aligned].map(([el, alignment]): DocsLayoutRequest => ({
      updateParagraphStyle: {
        range: textRange(el),
        paragraphStyle: { alignment },
        fields: 'alignment',
      },
    })),
    ...links(content, model),
  ];
  content.forEach((el) => {
    if (el.paragraph) {
      if (inSignature.has(el)) return;
      const style = el.paragraph.paragraphStyle?.namedStyleType ?? '';
      if (HEADINGS.test(style) || captions.has(el)) requests.push(keep(el, el, true));
    } else if (el.table) {
      const tableStartLocation = { index: el.startIndex ?? 0 };
      requests.push(
        { pinTableHeaderRows: { tableStartLocation, pinnedHeaderRowsCount: 1 } },
        {
          updateTableRowStyle: {
            tableStartLocation,
            tableRowStyle: { preventOverflow: true },
            fields: 'preventOverflow',
          },
        },
      );
    }
  });
  return [...requests, ...signature];
}

/**
 * Applies the layout to a saved document; returns how many requests were sent. Without the Docs
 * service (a manifest that does not enable it) the document would lose its links and layout, so
 * this refuses in plain Russian and the job leaves the previous document current.
 */
export function applyDocumentLayout(
  documentId: string,
  model: DocumentModel,
  scope: LayoutScope | null = null,
): number {
  if (typeof Docs === 'undefined' || !Docs) throw new Error(OUTPUTS_RU.document.noDocsService);
  const docs = Docs as unknown as DocsService;
  const content = docs.Documents.get(documentId).body?.content ?? [];
  const requests = layoutRequests(content, model, scope);
  if (requests.length > 0) docs.Documents.batchUpdate({ requests }, documentId);
  return requests.length;
}
