/**
 * The Google Docs templates of the centre's documents (monthly note, annual note, plan analysis):
 * the built-in one written into a Doc (setupSystem puts one per kind into «<папка>/Шаблоны/»),
 * a template read once through the Docs service (one Documents.get: every text with its look),
 * and a document opened from a copy of it with its fields filled and the lines whose fields are
 * empty taken out, ready for the renderer to put the text where {{Текст документа}} stands.
 */
import {
  defaultTemplate,
  planTemplate,
  type DefaultLine,
  type DocumentKind,
  type DocumentLook,
  type ParagraphLook,
  type TemplateBlock,
  type TemplateParagraph,
  type TemplateStructure,
  type TextLook,
} from '../domain/documentTemplate';
import { documentIdOf } from '../domain/settings';
import type { FilledToken } from '../domain/template';
import { DOCUMENTS_RU } from '../i18n/ru/documents';
import { OUTPUTS_RU } from '../i18n/ru/outputs';
import type { DocsStructuralElement, DocsService } from './docLayout';
import { newDocumentIn, trashFile } from './drive';

type Body = GoogleAppsScript.Document.Body;
type Folder = GoogleAppsScript.Drive.Folder;
type Section =
  Body | GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection;

const ALIGN: Record<DefaultLine['align'], GoogleAppsScript.Document.HorizontalAlignment> = {
  get left() {
    return DocumentApp.HorizontalAlignment.LEFT;
  },
  get center() {
    return DocumentApp.HorizontalAlignment.CENTER;
  },
  get right() {
    return DocumentApp.HorizontalAlignment.RIGHT;
  },
  get justify() {
    return DocumentApp.HorizontalAlignment.JUSTIFY;
  },
};

/** One line's look, set in one call. */
function lineStyle(line: DefaultLine, fontFamily: string): Record<string, unknown> {
  const a = DocumentApp.Attribute;
  const key = (attribute: GoogleAppsScript.Document.Attribute): string =>
    attribute as unknown as string;
  return {
    [key(a.HORIZONTAL_ALIGNMENT)]: ALIGN[line.align],
    [key(a.FONT_FAMILY)]: fontFamily,
    [key(a.FONT_SIZE)]: line.fontSize,
    [key(a.BOLD)]: line.bold === true,
    [key(a.INDENT_FIRST_LINE)]: line.indent ?? 0,
    [key(a.SPACING_BEFORE)]: 0,
    [key(a.SPACING_AFTER)]: line.after ?? 0,
    [key(a.LINE_SPACING)]: 1,
  };
}

/** Writes `lines` into a section or cell whose one paragraph is empty. */
function writeLines(
  section: Section | GoogleAppsScript.Document.TableCell,
  lines: DefaultLine[],
  fontFamily: string,
): void {
  lines.forEach((line, i) => {
    let paragraph: GoogleAppsScript.Document.Paragraph;
    if (i === 0) {
      paragraph = section.getChild(0).asParagraph();
      paragraph.setText(line.text);
    } else paragraph = section.appendParagraph(line.text);
    paragraph.setAttributes(lineStyle(line, fontFamily));
  });
}

/** Writes the built-in template of `kind` into the fresh document `doc`. */
export function writeDefaultTemplate(
  doc: GoogleAppsScript.Document.Document,
  kind: DocumentKind,
): void {
  const t = defaultTemplate(kind);
  const body = doc.getBody();
  body
    .setPageWidth(t.page.width)
    .setPageHeight(t.page.height)
    .setMarginTop(t.page.top)
    .setMarginBottom(t.page.bottom)
    .setMarginLeft(t.page.left)
    .setMarginRight(t.page.right);
  writeLines(doc.addHeader(), t.header, t.fontFamily);
  writeLines(doc.addFooter(), t.footer, t.fontFamily);
  // A fresh body holds one empty paragraph: the approval block goes before it, the title after.
  const approval = body.insertTable(0, [['', '']]);
  approval.setBorderWidth(0);
  const half = (t.page.width - t.page.left - t.page.right) / 2;
  approval.setColumnWidth(0, half).setColumnWidth(1, half);
  writeLines(approval.getCell(0, 0), t.approval.left, t.fontFamily);
  writeLines(approval.getCell(0, 1), t.approval.right, t.fontFamily);
  const [spacer, ...rest] = t.lines;
  if (spacer) {
    const first = body.getChild(1).asParagraph();
    first.setText(spacer.text);
    first.setAttributes(lineStyle(spacer, t.fontFamily));
  }
  for (const line of rest)
    body.appendParagraph(line.text).setAttributes(lineStyle(line, t.fontFamily));
  const sample = body.appendTable([[t.sampleTable.text]]);
  sample.setAttributes(lineStyle(t.sampleTable, t.fontFamily));
}

/** Makes the built-in template of `kind` in `folder` (named as a template, or `title`); its id. */
export function createDefaultDocumentTemplate(
  kind: DocumentKind,
  folder: Folder,
  title = DOCUMENTS_RU.templateName(DOCUMENTS_RU.kinds[kind]),
): string {
  return newDocumentIn(folder, title, (doc) => writeDefaultTemplate(doc, kind));
}

/** The Docs service, or the plain-Russian refusal when the manifest does not enable it. */
function docsService(): DocsService {
  if (typeof Docs === 'undefined' || !Docs) throw new Error(OUTPUTS_RU.document.noDocsService);
  return Docs as unknown as DocsService;
}

function paragraphOf(el: DocsStructuralElement): TemplateParagraph {
  const p = el.paragraph!;
  const runs = p.elements ?? [];
  const text = runs
    .map((r) => r.textRun?.content ?? '')
    .join('')
    .replace(/\n$/, '');
  // The look of the first run that carries text (a paragraph's own style otherwise).
  const style = runs.find((r) => (r.textRun?.content ?? '').trim() !== '')?.textRun?.textStyle;
  const ps = p.paragraphStyle ?? {};
  const look: ParagraphLook = {
    fontFamily: style?.weightedFontFamily?.fontFamily ?? null,
    fontSize: style?.fontSize?.magnitude ?? null,
    indentFirstLine: ps.indentFirstLine?.magnitude ?? null,
    lineSpacing: ps.lineSpacing ?? null,
  };
  return { text, look };
}

function blocksOf(content: readonly DocsStructuralElement[]): TemplateBlock[] {
  return content
    .filter((el) => !el.sectionBreak)
    .map((el): TemplateBlock => {
      if (el.paragraph) return { type: 'paragraph', paragraph: paragraphOf(el) };
      if (el.table) {
        return {
          type: 'table',
          cells: (el.table.tableRows ?? []).map((row) =>
            (row.tableCells ?? []).map((cell) =>
              (cell.content ?? []).filter((c) => c.paragraph).map(paragraphOf),
            ),
          ),
        };
      }
      return { type: 'other' };
    });
}

function texts(content: readonly DocsStructuralElement[] | undefined): string[] {
  return blocksOf(content ?? []).flatMap((b) =>
    b.type === 'paragraph'
      ? [b.paragraph.text]
      : b.type === 'table'
        ? b.cells.flat(2).map((p) => p.text)
        : [],
  );
}

/** A template's texts and looks, read in one Documents.get. */
export function readTemplateStructure(documentId: string): TemplateStructure {
  const doc = docsService().Documents.get(documentId);
  const header = doc.documentStyle?.defaultHeaderId
    ? doc.headers?.[doc.documentStyle.defaultHeaderId]?.content
    : undefined;
  const footer = doc.documentStyle?.defaultFooterId
    ? doc.footers?.[doc.documentStyle.defaultFooterId]?.content
    : undefined;
  const normalStyle = doc.namedStyles?.styles?.find((s) => s.namedStyleType === 'NORMAL_TEXT');
  const normal: TextLook = {
    fontFamily: normalStyle?.textStyle?.weightedFontFamily?.fontFamily ?? null,
    fontSize: normalStyle?.textStyle?.fontSize?.magnitude ?? null,
  };
  return {
    body: blocksOf(doc.body?.content ?? []),
    header: texts(header),
    footer: texts(footer),
    normal,
  };
}

/** `text` as a regular expression that matches only itself (replaceText takes a pattern). */
function literalPattern(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/** `text` as a replacement inserting only itself, with no field left in it. */
function literalReplacement(text: string): string {
  return text.replace(/\{\{/g, '{').replace(/\}\}/g, '}').replace(/[\\$]/g, '\\$&');
}

function fill(section: Section | null, tokens: readonly FilledToken[]): void {
  if (!section) return;
  for (const { raw, text } of tokens)
    section.replaceText(literalPattern(raw), literalReplacement(text));
}

/** A document opened from its template, its fields filled; the text goes before `marker`. */
export interface TemplatedDocument {
  doc: GoogleAppsScript.Document.Document;
  id: string;
  body: Body;
  /** The {{Текст документа}} paragraph: the renderer inserts before it, then removes it. */
  marker: GoogleAppsScript.Document.Paragraph;
  look: DocumentLook;
  /** Width of a line of text on the page, points. */
  textWidth: number;
}

/** The template a reference names: its id, null for the built-in one (no reference). */
function templateIdOf(reference: string): string | null | 'unreadable' {
  if (reference.trim() === '') return null;
  return documentIdOf(reference) ?? 'unreadable';
}

/**
 * Opens a new document `title` in `folder` from the template of `kind` that `reference` names
 * (built-in when empty), with `values` in its fields. A template with an unknown field or without
 * {{Текст документа}} stops here, before anything is made, with a message naming the field.
 */
export function openFromTemplate(
  kind: DocumentKind,
  reference: string,
  folder: Folder,
  title: string,
  values: Readonly<Record<string, string>>,
): TemplatedDocument {
  const name = DOCUMENTS_RU.kinds[kind];
  const templateId = templateIdOf(reference);
  if (templateId === 'unreadable') throw new Error(DOCUMENTS_RU.unreadable(name, reference));
  let id: string;
  let plan: ReturnType<typeof planTemplate>;
  if (templateId) {
    let structure: TemplateStructure;
    try {
      structure = readTemplateStructure(templateId);
    } catch {
      throw new Error(DOCUMENTS_RU.unreadable(name, reference));
    }
    plan = planTemplate(kind, structure, values);
    if (plan.errors.length > 0) throw new Error(plan.errors.join('\n'));
    id = DriveApp.getFileById(templateId).makeCopy(title, folder).getId();
  } else {
    id = createDefaultDocumentTemplate(kind, folder, title);
    try {
      plan = planTemplate(kind, readTemplateStructure(id), values);
    } catch (error) {
      trashFile(id);
      throw error;
    }
  }
  try {
    const doc = DocumentApp.openById(id);
    const body = doc.getBody();
    const at = (address: (typeof plan.remove)[number]): GoogleAppsScript.Document.Element => {
      const block = body.getChild(address.block);
      return 'row' in address
        ? block.asTable().getCell(address.row, address.cell).getChild(address.paragraph)
        : block;
    };
    // Elements are taken before any is removed: removing moves the indices of those after it.
    const marker = body.getChild(plan.content).asParagraph();
    const sample = plan.sampleTable === null ? null : body.getChild(plan.sampleTable);
    const removed = plan.remove.map(at);
    const emptied = plan.empty.map(at);
    for (const el of removed) el.removeFromParent();
    for (const el of emptied) el.asParagraph().setText('');
    if (sample) sample.removeFromParent();
    fill(body, plan.body);
    fill(doc.getHeader(), plan.header);
    fill(doc.getFooter(), plan.footer);
    const textWidth = body.getPageWidth() - body.getMarginLeft() - body.getMarginRight();
    return { doc, id, body, marker, look: plan.look, textWidth };
  } catch (error) {
    DriveApp.getFileById(id).setTrashed(true);
    throw error;
  }
}
