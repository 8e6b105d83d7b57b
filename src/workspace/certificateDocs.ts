/**
 * One certificate document: a copy of the template with one page per person, and its PDF. The
 * template's own elements are copied for every page and filled by replacing text inside them
 * (Body.replaceText), so the fonts, sizes, alignment and images staff chose stay as they are. A
 * paragraph whose fields are all empty on a page is left out of it («Дата проведения:» of an
 * event without a date).
 */
import { oneLine } from '../domain/text/clean';
import { keepNumberSign } from '../domain/text/numbers';
import { emptiedByFill } from '../domain/template';

type Folder = GoogleAppsScript.Drive.Folder;
type Body = GoogleAppsScript.Document.Body;

/** A field's text on one page, by the field exactly as the template writes it. */
export interface PageText {
  raw: string;
  text: string;
}

/** A made document and its PDF. */
export interface MadeDocument {
  documentId: string;
  documentUrl: string;
  pdfId: string;
  pdfUrl: string;
}

/** `text` as a regular expression that matches only itself (replaceText takes a pattern). */
function literalPattern(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/** `text` as a replacement that inserts only itself ($ and \ are special to replaceText). */
function literalReplacement(text: string): string {
  return text.replace(/[\\$]/g, '\\$&');
}

/**
 * A field's text made inert: a value holding «{{…}}» (a name typed with braces) must not be taken
 * for a field of a later page, which is filled by the same body-wide replacement.
 */
function inert(text: string): string {
  return text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
}

function fill(section: Body | GoogleAppsScript.Document.HeaderSection, page: PageText[]): void {
  // «ГБОУ СОШ № 47» keeps «№» on the line of its number on the page (the tabs keep what was typed).
  for (const { raw, text } of page)
    section.replaceText(literalPattern(raw), literalReplacement(inert(keepNumberSign(text))));
}

/** A template element ready to be copied for every page, typed once, with its text. */
type TemplatePart = { text: string } & (
  | { type: 'PARAGRAPH'; element: GoogleAppsScript.Document.Paragraph }
  | { type: 'LIST_ITEM'; element: GoogleAppsScript.Document.ListItem }
  | { type: 'TABLE'; element: GoogleAppsScript.Document.Table }
);

/** Detached copies of the body's elements (a template holds only these three kinds). */
function templateParts(body: Body): TemplatePart[] {
  const parts: TemplatePart[] = [];
  for (let i = 0, n = body.getNumChildren(); i < n; i++) {
    const child = body.getChild(i);
    const type = String(child.getType());
    if (type === 'LIST_ITEM') {
      const element = child.asListItem().copy();
      parts.push({ type, element, text: element.getText() });
    } else if (type === 'TABLE') {
      // A table stays whole: its lines are cells, not paragraphs of the page.
      parts.push({ type, element: child.asTable().copy(), text: '' });
    } else {
      const element = child.asParagraph().copy();
      parts.push({ type: 'PARAGRAPH', element, text: element.getText() });
    }
  }
  return parts;
}

/** Which parts a page leaves out: paragraphs whose fields are all empty on it. */
function leftOut(parts: readonly TemplatePart[], page: readonly PageText[]): boolean[] {
  const filled = new Map(page.map((p) => [p.raw, p.text]));
  return parts.map((part) => part.type !== 'TABLE' && emptiedByFill(part.text, filled));
}

/** Appends a fresh copy of a template element; the first of a page starts with a page break. */
function appendPart(body: Body, part: TemplatePart, newPage: boolean): void {
  switch (part.type) {
    case 'PARAGRAPH': {
      const paragraph = body.appendParagraph(part.element.copy());
      // Inside the paragraph: a paragraph holding only a break would leave an empty first line.
      if (newPage) paragraph.insertPageBreak(0);
      return;
    }
    case 'LIST_ITEM': {
      const item = body.appendListItem(part.element.copy());
      if (newPage) item.insertPageBreak(0);
      return;
    }
    case 'TABLE': {
      if (newPage) body.appendPageBreak();
      body.appendTable(part.element.copy());
    }
  }
}

/**
 * Makes the document `name` in `folder` from the template `templateId`: page k holds the
 * template's content filled with `pages[k]`; `shared` fills the header and footer. Every page
 * after the first starts with a page break. A failure trashes what was made.
 */
export function makeCertificateDocument(
  templateId: string,
  folder: Folder,
  name: string,
  pages: PageText[][],
  shared: PageText[],
): MadeDocument {
  const fileName = oneLine(name);
  const file = DriveApp.getFileById(templateId).makeCopy(fileName, folder);
  const made: GoogleAppsScript.Drive.File[] = [file];
  try {
    const doc = DocumentApp.openById(file.getId());
    const body = doc.getBody();
    const parts = templateParts(body);
    pages.forEach((page, k) => {
      const out = leftOut(parts, page);
      if (k === 0) {
        // The first page is the template itself: its left-out lines are removed (the body's
        // last paragraph cannot be, and is emptied instead).
        for (let i = parts.length - 1; i >= 0; i--) {
          if (!out[i]) continue;
          const child = body.getChild(i);
          if (i === body.getNumChildren() - 1) child.asParagraph().setText('');
          else child.removeFromParent();
        }
      } else {
        let first = true;
        parts.forEach((part, i) => {
          if (out[i]) return;
          appendPart(body, part, first);
          first = false;
        });
      }
      fill(body, page);
    });
    const header = doc.getHeader();
    const footer = doc.getFooter();
    if (header) fill(header, shared);
    if (footer) fill(footer, shared);
    doc.saveAndClose();
    const pdf = folder.createFile(file.getAs('application/pdf')).setName(`${fileName}.pdf`);
    made.push(pdf);
    return {
      documentId: file.getId(),
      documentUrl: file.getUrl(),
      pdfId: pdf.getId(),
      pdfUrl: pdf.getUrl(),
    };
  } catch (error) {
    for (const f of made) {
      try {
        f.setTrashed(true);
      } catch {
        // the original error matters more
      }
    }
    throw error;
  }
}

/** Trashes files of the folder named `names` that are not `keep` (leftovers of a cut run). */
export function trashLeftovers(folder: Folder, names: string[], keep: ReadonlySet<string>): number {
  let trashed = 0;
  for (const name of names) {
    const files = folder.getFilesByName(name);
    while (files.hasNext()) {
      const file = files.next();
      // Drive lists trashed files too.
      if (!keep.has(file.getId()) && !file.isTrashed()) {
        file.setTrashed(true);
        trashed++;
      }
    }
  }
  return trashed;
}

/** Trashes files by id; a file already gone is not an error. */
export function trashFiles(ids: readonly string[]): void {
  for (const id of ids) {
    try {
      DriveApp.getFileById(id).setTrashed(true);
    } catch {
      // deleted by hand: nothing to replace
    }
  }
}
