/**
 * DocumentApp (developers.google.com/apps-script/reference/document) and Document, plus what the
 * harness and Drive need from documents: the read-only views of ws.documents() and the handler
 * that copies and exports Google Docs for DriveApp.
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type --
   a fake class merges with its Google interface so unimplemented methods (stubbed at runtime) typecheck */
import { makeEnum } from '../../core/enums';
import { notImplemented, stubUnimplemented } from '../../core/errors';
import type { DriveItem, WorkspaceState } from '../../core/state';
import { boundTo, checkUi } from '../../core/container';
import type { Ctx, NativeFileHandler } from '../../core/world';
import { Blob, buildPdf, PDF_PAGE_BREAK } from '../blob';
import { dayKey } from '../mail';
import { Ui } from '../ui';
import { CTX, driveItem, finish, GOOGLE_METHODS, methods, type DocCtx } from './element';
import {
  Attribute,
  copyDocumentContent,
  DOCUMENT_MIME,
  documentContent,
  ElementType,
  emptyContent,
  FONT_FAMILY_NAMES,
  GlyphType,
  HorizontalAlignment,
  newSection,
  ParagraphHeading,
  PositionedLayout,
  store,
  TextAlignment,
  VerticalAlignment,
  type DocumentContent,
  type ImageNode,
  type ParagraphNode,
  type SectionNode,
} from './model';
import { cellText, containerText, paragraphsOf, paragraphText, tablesOf } from './model-text';
import { BodyEl, FooterEl, HeaderEl } from './sections';

type G = typeof GoogleAppsScript.Document;
type GDoc = GoogleAppsScript.Document.Document;

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
          if (child.type === 'TEXT') text += child.runs.map((run) => run.text).join('');
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

/** The Document object of an existing Google Doc, opened without a service call (trigger events' `source`). */
export function documentFacade(ws: WorkspaceState, id: string): GoogleAppsScript.Document.Document {
  return new FakeDocument({ ws, id, content: documentContent(ws, id), closed: false });
}

/** A new empty Google Doc in the root of My Drive (its Drive item and content); returns its id. */
export function createDocumentFile(ws: WorkspaceState, name: string): string {
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
  return id;
}

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
  readonly FontFamily = makeEnum(FONT_FAMILY_NAMES) as unknown as G['FontFamily'];
  readonly #ws: WorkspaceState;
  /** The calling project (what it is bound to), when built for one. */
  readonly #ctx: Ctx | null;

  constructor(ws: WorkspaceState, ctx: Ctx | null = null) {
    this.#ws = ws;
    this.#ctx = ctx;
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
    countDocumentCreated(this.#ws);
    return this.#open(createDocumentFile(this.#ws, name));
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

  /** "Returns the document to which the script is container-bound" (document-app#getactivedocument); null when none. */
  getActiveDocument(): FakeDocument {
    this.#ws.tracker.record('DocumentApp.getActiveDocument');
    const id = this.#ctx ? boundTo(this.#ctx.project, 'DOCUMENT') : null;
    return (id === null ? null : this.#open(id)) as FakeDocument;
  }

  /** The document editor's UI, for a script bound to a document with its editor open (document-app#getui). */
  getUi(): GoogleAppsScript.Base.Ui {
    this.#ws.tracker.record('DocumentApp.getUi');
    if (!this.#ctx) throw new Error('Cannot call DocumentApp.getUi() from this context.');
    checkUi(this.#ctx.project, this.#ws.tracker, 'DocumentApp', 'DOCUMENT');
    return new Ui(this.#ctx) as unknown as GoogleAppsScript.Base.Ui;
  }
}
stubUnimplemented(FakeDocumentApp, methods(GOOGLE_METHODS.DocumentApp!), 'DocumentApp');

/** DocumentApp for one workspace; given the calling project, its getActiveDocument and getUi answer for its container. */
export function createDocumentApp(
  ws: WorkspaceState,
  ctx: Ctx | null = null,
): GoogleAppsScript.Document.DocumentApp {
  return new FakeDocumentApp(ws, ctx);
}

/** One Google Doc as the harness reads it (ws.documents()). */
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
  const day = dayKey(ws.clock.now(), ws.timeZone);
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
