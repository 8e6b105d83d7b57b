/**
 * What DocumentApp cannot do to a generated document, and what it would do one call per
 * paragraph, done through the Docs advanced service (appsscript.json enables it as `Docs`, v1):
 * headings and table captions keep with the next paragraph, the signature block (spacer, position
 * and name, date) stays on one page together with the last paragraph of text before it, every table repeats its header row on a new page and never
 * splits a row across pages; running text is justified (one request per run of paragraphs),
 * the web addresses of link lists become links, the header rows of tables are bold and titles,
 * pictures, captions and appendix labels are aligned.
 *
 * One Documents.get reads the saved document's structure with its indices, one batchUpdate applies
 * every request (developers.google.com/docs/api/reference/rest/v1/documents/request).
 */
import { isWebLink, signatureLines, type DocumentModel } from '../domain/document';
import { fillPhrase } from '../i18n/ru/note';
import { OUTPUTS_RU } from '../i18n/ru/outputs';

/** The part of the Docs REST schema read here (the bundled typings predate some fields). */
interface DocsParagraph {
  elements?: Array<{ textRun?: { content?: string }; inlineObjectElement?: object }>;
  paragraphStyle?: { namedStyleType?: string; alignment?: string };
  bullet?: object;
}
interface DocsStructuralElement {
  startIndex?: number;
  endIndex?: number;
  paragraph?: DocsParagraph;
  table?: {
    rows?: number;
    tableRows?: Array<{ tableCells?: Array<{ content?: DocsStructuralElement[] }> }>;
  };
  sectionBreak?: object;
}
interface DocsLocation {
  index: number;
}
/** The requests this adapter sends. */
export type DocsLayoutRequest =
  | {
      updateParagraphStyle: {
        range: { startIndex: number; endIndex: number };
        paragraphStyle: { keepWithNext?: boolean; keepLinesTogether?: boolean; alignment?: string };
        fields: string;
      };
    }
  | {
      updateTextStyle: {
        range: { startIndex: number; endIndex: number };
        textStyle: { link: { url: string } } | { bold: boolean };
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
interface DocsService {
  Documents: {
    get(documentId: string): { body?: { content?: DocsStructuralElement[] } };
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

/** Running text: a top-level paragraph of normal style, not a list item, no alignment of its own. */
function isRunningText(el: DocsStructuralElement): boolean {
  const p = el.paragraph;
  if (!p || p.bullet) return false;
  const style = p.paragraphStyle ?? {};
  return (style.namedStyleType ?? 'NORMAL_TEXT') === 'NORMAL_TEXT' && !style.alignment;
}

/** One justify request per run of consecutive running-text paragraphs (tables break a run). */
function justify(content: readonly DocsStructuralElement[]): DocsLayoutRequest[] {
  const requests: DocsLayoutRequest[] = [];
  let first: DocsStructuralElement | null = null;
  let last: DocsStructuralElement | null = null;
  const flush = (): void => {
    if (first && last) {
      requests.push({
        updateParagraphStyle: {
          range: { startIndex: first.startIndex ?? 0, endIndex: last.endIndex ?? 0 },
          paragraphStyle: { alignment: 'JUSTIFIED' },
          fields: 'alignment',
        },
      });
    }
    first = last = null;
  };
  for (const el of content) {
    if (isRunningText(el)) {
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

/** The requests that lay out a document whose structure is `content` (pure: tested alone). */
export function layoutRequests(
  content: readonly DocsStructuralElement[],
  model: Pick<DocumentModel, 'signature' | 'sections' | 'appendices'>,
): DocsLayoutRequest[] {
  const requests: DocsLayoutRequest[] = [...justify(content), ...links(content, model)];
  // The signature: the last «position ____ name» line, the spacer before it and the date after.
  const { line, date } = signatureLines(model.signature);
  let signature: DocsLayoutRequest[] = [];
  const inSignature = new Set<DocsStructuralElement>();
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
    break;
  }
  content.forEach((el, i) => {
    const next = content[i + 1];
    if (el.paragraph) {
      if (inSignature.has(el)) return;
      const style = el.paragraph.paragraphStyle?.namedStyleType ?? '';
      const caption = next?.table !== undefined && textOf(el.paragraph) !== '';
      if (HEADINGS.test(style) || caption) requests.push(keep(el, el, true));
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
 * The header row of each of the model's tables in bold — DocumentApp takes three calls a table
 * (getRow, editAsText, setBold). A table is the model's when its first row is the header of one
 * of its table blocks (a chart printed as a table has no bold header). Pure: tested alone.
 */
export function headerRowRequests(
  content: readonly DocsStructuralElement[],
  model: Pick<DocumentModel, 'sections' | 'appendices'>,
): DocsLayoutRequest[] {
  const headers = new Set<string>();
  for (const blocks of [
    ...model.sections.map((s) => s.blocks),
    ...(model.appendices ?? []).map((a) => a.blocks),
  ]) {
    for (const block of blocks)
      if (block.type === 'table') headers.add(block.header.join('\u0001'));
  }
  const requests: DocsLayoutRequest[] = [];
  for (const el of content) {
    const cells = el.table?.tableRows?.[0]?.tableCells ?? [];
    const texts = cells.map((cell) =>
      (cell.content ?? [])
        .map((inner) => (inner.paragraph ? textOf(inner.paragraph) : ''))
        .join('\n'),
    );
    if (cells.length === 0 || !headers.has(texts.join('\u0001'))) continue;
    for (const cell of cells) {
      for (const inner of cell.content ?? []) {
        if (!inner.paragraph || textOf(inner.paragraph) === '') continue;
        const start = inner.startIndex ?? 0;
        requests.push({
          updateTextStyle: {
            range: { startIndex: start, endIndex: start + textOf(inner.paragraph).length },
            textStyle: { bold: true },
            fields: 'bold',
          },
        });
      }
    }
  }
  return requests;
}

/**
 * Alignment DocumentApp would set one call per paragraph: the title and subtitle, a chart's
 * picture and its caption centred, an appendix's label to the right and its title centred.
 * After the justified runs in the batch, so these win. Pure: tested alone.
 */
export function alignmentRequests(
  content: readonly DocsStructuralElement[],
  model: Pick<DocumentModel, 'sections' | 'appendices'>,
): DocsLayoutRequest[] {
  const appendices = model.appendices ?? [];
  const captions = new Set<string>();
  for (const blocks of [
    ...model.sections.map((s) => s.blocks),
    ...appendices.map((a) => a.blocks),
  ]) {
    for (const block of blocks) if (block.type === 'chart') captions.add(block.caption);
  }
  const requests: DocsLayoutRequest[] = [];
  const align = (el: DocsStructuralElement, alignment: string): void => {
    requests.push({
      updateParagraphStyle: {
        range: { startIndex: el.startIndex ?? 0, endIndex: el.endIndex ?? 0 },
        paragraphStyle: { alignment },
        fields: 'alignment',
      },
    });
  };
  content.forEach((el, i) => {
    const p = el.paragraph;
    if (!p) return;
    const next = content[i + 1]?.paragraph;
    const style = p.paragraphStyle?.namedStyleType ?? 'NORMAL_TEXT';
    if (style === 'TITLE' || style === 'SUBTITLE') {
      align(el, 'CENTER');
    } else if ((p.elements ?? []).some((e) => e.inlineObjectElement)) {
      align(el, 'CENTER');
      if (next && captions.has(textOf(next))) align(content[i + 1]!, 'CENTER');
    } else if (next && appendices.some((a) => a.label === textOf(p) && a.title === textOf(next))) {
      align(el, 'END');
      align(content[i + 1]!, 'CENTER');
    }
  });
  return requests;
}

/**
 * Applies the layout to a saved document; returns how many requests were sent. Without the Docs
 * service (a manifest that does not enable it) the document would lose its links and layout, so
 * this refuses in plain Russian and the job leaves the previous document current.
 */
export function applyDocumentLayout(documentId: string, model: DocumentModel): number {
  if (typeof Docs === 'undefined' || !Docs) throw new Error(OUTPUTS_RU.document.noDocsService);
  const docs = Docs as unknown as DocsService;
  const content = docs.Documents.get(documentId).body?.content ?? [];
  const requests = [
    ...layoutRequests(content, model),
    ...headerRowRequests(content, model),
    ...alignmentRequests(content, model),
  ];
  if (requests.length > 0) docs.Documents.batchUpdate({ requests }, documentId);
  return requests.length;
}
