/**
 * What DocumentApp cannot do to a generated document, done through the Docs advanced service
 * (appsscript.json enables it as `Docs`, v1): headings and table captions keep with the next
 * paragraph, the signature block (spacer, position and name, date) stays on one page, every
 * table repeats its header row on a new page and never splits a row across pages.
 *
 * One Documents.get reads the saved document's structure with its indices, one batchUpdate applies
 * every request (developers.google.com/docs/api/reference/rest/v1/documents/request).
 */
import { signatureLines, type DocumentModel } from '../domain/document';

/** The part of the Docs REST schema read here (the bundled typings predate some fields). */
interface DocsParagraph {
  elements?: Array<{ textRun?: { content?: string } }>;
  paragraphStyle?: { namedStyleType?: string };
}
interface DocsStructuralElement {
  startIndex?: number;
  endIndex?: number;
  paragraph?: DocsParagraph;
  table?: { rows?: number };
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
        paragraphStyle: { keepWithNext?: boolean; keepLinesTogether?: boolean };
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

/** The requests that lay out a document whose structure is `content` (pure: tested alone). */
export function layoutRequests(
  content: readonly DocsStructuralElement[],
  model: Pick<DocumentModel, 'signature'>,
): DocsLayoutRequest[] {
  const requests: DocsLayoutRequest[] = [];
  content.forEach((el, i) => {
    const next = content[i + 1];
    if (el.paragraph) {
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
  // The signature: the last «position ____ name» line, the spacer before it and the date after.
  const { line, date } = signatureLines(model.signature);
  for (let i = content.length - 2; i >= 1; i--) {
    const el = content[i]!;
    const dateEl = content[i + 1]!;
    if (!el.paragraph || textOf(el.paragraph) !== line) continue;
    if (!dateEl.paragraph || textOf(dateEl.paragraph) !== date) continue;
    const spacer = content[i - 1]!;
    const first = spacer.paragraph && textOf(spacer.paragraph) === '' ? spacer : el;
    requests.push(keep(first, el, true), keep(dateEl, dateEl, false));
    break;
  }
  return requests;
}

/**
 * Applies the layout to a saved document. Returns how many requests were sent; 0 when the Docs
 * service is not enabled in this project (the document stays valid, only without the layout).
 */
export function applyDocumentLayout(documentId: string, model: DocumentModel): number {
  if (typeof Docs === 'undefined' || !Docs) return 0;
  const docs = Docs as unknown as DocsService;
  const content = docs.Documents.get(documentId).body?.content ?? [];
  const requests = layoutRequests(content, model);
  if (requests.length > 0) docs.Documents.batchUpdate({ requests }, documentId);
  return requests.length;
}
