/**
 * The Google Docs templates of diplomas, certificates and letters of thanks: the default ones
 * setupSystem makes (sober, A4, centred, the centre's name on top, the signature from fields),
 * their sharing with staff, and reading a template before anything is made from it.
 */
import type { CertificateKind } from '../domain/certificates';
import { CERTIFICATES_RU } from '../i18n/ru/certificates';
import { newDocumentIn } from './drive';

type Folder = GoogleAppsScript.Drive.Folder;
type Body = GoogleAppsScript.Document.Body;

/** A4 in points, with 2 cm margins. */
const A4 = { width: 595.3, height: 841.9, margin: 56.7 };
const FONT = 'Times New Roman';
/** Drive's type of a Google Doc (MimeType.GOOGLE_DOCS). */
export const GOOGLE_DOC_MIME = 'application/vnd.google-apps.document';

interface Line {
  text: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  /** Space before the paragraph, in points. */
  before?: number;
}

/** The default template's lines, top to bottom. */
function defaultLines(kind: CertificateKind, centreName: string): Line[] {
  const text = CERTIFICATES_RU.defaults[kind];
  const [lead = '', name = '', school = '', ...rest] = text.lines;
  const lines: Line[] = [
    { text: centreName, size: 14, bold: true },
    { text: text.heading, size: kind === 'mentor' ? 26 : 40, bold: true, before: 80 },
  ];
  if (text.subheading) lines.push({ text: text.subheading, size: 22, italic: true });
  lines.push(
    { text: lead, size: 16, before: 40 },
    { text: name, size: 24, bold: true, before: 14 },
    { text: school, size: 14, before: 8 },
  );
  rest.forEach((line, i) => lines.push({ text: line, size: 14, before: i === 0 ? 18 : 6 }));
  lines.push(
    { text: CERTIFICATES_RU.defaults.eventDate, size: 12, before: 40 },
    { text: CERTIFICATES_RU.defaults.signature, size: 14, before: 70 },
    { text: CERTIFICATES_RU.defaults.issueDate, size: 12, before: 18 },
  );
  return lines;
}

/** One paragraph's look, set in one call. */
function lineStyle(line: Line): Record<string, unknown> {
  const a = DocumentApp.Attribute;
  return {
    [a.HORIZONTAL_ALIGNMENT as unknown as string]: DocumentApp.HorizontalAlignment.CENTER,
    [a.FONT_FAMILY as unknown as string]: FONT,
    [a.FONT_SIZE as unknown as string]: line.size,
    [a.BOLD as unknown as string]: line.bold === true,
    [a.ITALIC as unknown as string]: line.italic === true,
    [a.SPACING_BEFORE as unknown as string]: line.before ?? 0,
    [a.SPACING_AFTER as unknown as string]: 0,
  };
}

/** Makes the default template of `kind` in `folder`; returns its id. */
export function createDefaultTemplate(
  kind: CertificateKind,
  folder: Folder,
  centreName: string,
): string {
  const name = CERTIFICATES_RU.templateName(CERTIFICATES_RU.kinds[kind].title);
  return newDocumentIn(folder, name, (doc) => {
    const body = doc.getBody();
    body.setPageWidth(A4.width).setPageHeight(A4.height);
    body
      .setMarginTop(A4.margin)
      .setMarginBottom(A4.margin)
      .setMarginLeft(A4.margin)
      .setMarginRight(A4.margin);
    writeLines(body, defaultLines(kind, centreName));
  });
}

function writeLines(body: Body, lines: Line[]): void {
  // A new document holds one empty paragraph: it takes the first line.
  const [first, ...rest] = lines;
  if (!first) return;
  const top = body.getParagraphs()[0]!;
  top.setText(first.text);
  top.setAttributes(lineStyle(first));
  for (const line of rest) body.appendParagraph(line.text).setAttributes(lineStyle(line));
}

/** Whether `id` is a Google Doc this user can still reach outside the trash. */
export function templateAlive(id: string): boolean {
  try {
    const file = DriveApp.getFileById(id);
    return !file.isTrashed() && file.getMimeType() === GOOGLE_DOC_MIME;
  } catch {
    return false;
  }
}

/** Adds the staff who are not editors of the file yet; returns how many were added. */
export function shareWithStaff(id: string, staff: readonly string[]): number {
  if (staff.length === 0) return 0;
  const file = DriveApp.getFileById(id);
  const owner = file.getOwner();
  const present = new Set(
    [...file.getEditors(), ...(owner ? [owner] : [])].map((u) => u.getEmail().toLowerCase()),
  );
  const missing = staff.filter((email) => !present.has(email.toLowerCase()));
  if (missing.length > 0) file.addEditors(missing);
  return missing.length;
}

/** What a template holds, read once before anything is made from it. */
export interface TemplateContent {
  id: string;
  /** Id and last change: a template edited since changes every document made from it. */
  version: string;
  body: string;
  /** Header and footer text: filled once per document, so they hold no per-page fields. */
  sections: string;
  /** Types of body elements that cannot be repeated page after page (none in a good template). */
  unsupported: string[];
}

/** Element types a page may hold: they are copied for every person. */
const REPEATABLE = ['PARAGRAPH', 'LIST_ITEM', 'TABLE'];

/** Opens a template; null when it cannot be opened (deleted, no access, not a Google Doc). */
export function readTemplate(id: string): TemplateContent | null {
  let doc: GoogleAppsScript.Document.Document;
  let updated: number;
  try {
    const file = DriveApp.getFileById(id);
    if (file.isTrashed() || file.getMimeType() !== GOOGLE_DOC_MIME) return null;
    updated = file.getLastUpdated().getTime();
    doc = DocumentApp.openById(id);
  } catch {
    return null;
  }
  const body = doc.getBody();
  const unsupported: string[] = [];
  for (let i = 0, n = body.getNumChildren(); i < n; i++) {
    const type = String(body.getChild(i).getType());
    if (!REPEATABLE.includes(type) && !unsupported.includes(type)) unsupported.push(type);
  }
  const header = doc.getHeader();
  const footer = doc.getFooter();
  return {
    id,
    version: `${id}@${updated}`,
    body: body.getText(),
    sections: [header ? header.getText() : '', footer ? footer.getText() : ''].join('\n'),
    unsupported,
  };
}
