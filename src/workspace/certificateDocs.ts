/**
 * One certificate document: a copy of the template with one page per person, and its PDF. The
 * template's own elements are copied for every page and filled by replacing text inside them
 * (Body.replaceText), so the fonts, sizes, alignment and images staff chose stay as they are.
 */

type Folder = GoogleAppsScript.Drive.Folder;
type Body = GoogleAppsScript.Document.Body;
type GElement = GoogleAppsScript.Document.Element;

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
  for (const { raw, text } of page)
    section.replaceText(literalPattern(raw), literalReplacement(inert(text)));
}

/** Appends a detached copy of a template element to the body; returns the appended element. */
function appendCopy(body: Body, part: GElement): GElement {
  const copy = part.copy();
  switch (String(part.getType())) {
    case 'PARAGRAPH':
      return body.appendParagraph(copy.asParagraph());
    case 'LIST_ITEM':
      return body.appendListItem(copy.asListItem());
    default:
      return body.appendTable(copy.asTable());
  }
}

/**
 * Makes the document `name` in `folder` from the template `templateId`: page k holds the
 * template's content filled with `pages[k]`; `shared` fills the header and footer. Every page
 * after the first starts with a page break inside its first paragraph (a paragraph holding only
 * a break would leave an empty line at the top of the page). A failure trashes what was made.
 */
export function makeCertificateDocument(
  templateId: string,
  folder: Folder,
  name: string,
  pages: PageText[][],
  shared: PageText[],
): MadeDocument {
  const file = DriveApp.getFileById(templateId).makeCopy(name, folder);
  const made: GoogleAppsScript.Drive.File[] = [file];
  try {
    const doc = DocumentApp.openById(file.getId());
    const body = doc.getBody();
    const parts: GElement[] = [];
    for (let i = 0, n = body.getNumChildren(); i < n; i++) parts.push(body.getChild(i).copy());
    pages.forEach((page, k) => {
      if (k > 0) {
        const [first, ...rest] = parts;
        const opening = appendCopy(body, first!);
        const type = String(opening.getType());
        if (type === 'TABLE') body.insertPageBreak(body.getChildIndex(opening));
        else if (type === 'LIST_ITEM') opening.asListItem().insertPageBreak(0);
        else opening.asParagraph().insertPageBreak(0);
        for (const part of rest) appendCopy(body, part);
      }
      fill(body, page);
    });
    const header = doc.getHeader();
    const footer = doc.getFooter();
    if (header) fill(header, shared);
    if (footer) fill(footer, shared);
    doc.saveAndClose();
    const pdf = folder.createFile(file.getAs('application/pdf')).setName(`${name}.pdf`);
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
      if (!keep.has(file.getId())) {
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
