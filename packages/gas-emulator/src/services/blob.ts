/**
 * Blob (developers.google.com/apps-script/reference/base/blob) and the minimal PDF writer every
 * "convert to PDF" path of the emulator shares (Blob.getAs, Document.getAs, HtmlOutput.getAs).
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type --
   a fake class merges with its Google interface so unimplemented methods (stubbed at runtime) typecheck */
import { notImplemented, stubUnimplemented } from '../core/errors';
import type { ExecutionTracker } from '../core/execution';
import { mimeTypeOfName } from './mime-type';

type GBlob = GoogleAppsScript.Base.Blob;

const TYPE_EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
};

const IMAGE_TYPES = new Set(['image/bmp', 'image/gif', 'image/jpeg', 'image/png']);

/** Names Google's Blob interface declares; the ones this class lacks throw (EMULATOR.md rule 2). */
const BLOB_METHODS = [
  'copyBlob',
  'getAs',
  'getBytes',
  'getContentType',
  'getDataAsString',
  'getName',
  'isGoogleType',
  'setBytes',
  'setContentType',
  'setContentTypeFromExtension',
  'setDataFromString',
  'setName',
  'getAllBlobs',
  'getBlob',
];

/** Java charset names Apps Script accepts, mapped to Node's encoders (only the ones modelled). */
function nodeEncoding(charset: string): BufferEncoding {
  const c = charset.toUpperCase().replace(/_/g, '-');
  if (c === 'UTF-8' || c === 'UTF8') return 'utf8';
  if (c === 'ISO-8859-1' || c === 'LATIN1' || c === 'US-ASCII' || c === 'ASCII') return 'latin1';
  return notImplemented('Blob', `setDataFromString with charset ${charset}`);
}

/** The data interchange object of every Apps Script service; bytes are a Uint8Array inside. */
export interface Blob extends GBlob {}
export class Blob implements Pick<
  GBlob,
  | 'copyBlob'
  | 'getAs'
  | 'getBytes'
  | 'getContentType'
  | 'getDataAsString'
  | 'getName'
  | 'isGoogleType'
  | 'setBytes'
  | 'setContentType'
  | 'setContentTypeFromExtension'
  | 'setDataFromString'
  | 'setName'
  | 'getBlob'
> {
  #bytes: Uint8Array;
  #contentType: string | null;
  #name: string | null;
  readonly #tracker: ExecutionTracker | null;

  constructor(
    bytes: Uint8Array,
    contentType: string | null = null,
    name: string | null = null,
    tracker: ExecutionTracker | null = null,
  ) {
    this.#bytes = bytes;
    this.#contentType = contentType;
    this.#name = name;
    this.#tracker = tracker;
  }

  #record(method: string): void {
    this.#tracker?.record(`Blob.${method}`);
  }

  /** Harness access to the raw bytes without a service call (outbox, drive, exporters). */
  bytesView(): Uint8Array {
    return this.#bytes;
  }

  /** Harness access to name, type and bytes without recording service calls. */
  info(): { name: string | null; contentType: string | null; bytes: Uint8Array } {
    return { name: this.#name, contentType: this.#contentType, bytes: this.#bytes };
  }

  copyBlob(): Blob {
    this.#record('copyBlob');
    return new Blob(this.#bytes.slice(), this.#contentType, this.#name, this.#tracker);
  }

  getBlob(): Blob {
    this.#record('getBlob');
    return this;
  }

  /** Reference: only 'application/pdf' for most blobs; BMP/GIF/JPEG/PNG for images. */
  getAs(contentType: string): Blob {
    this.#record('getAs');
    return convertBlob(this, contentType, this.#tracker);
  }

  /** Google returns Java bytes: signed, −128..127. */
  getBytes(): number[] {
    this.#record('getBytes');
    return Array.from(this.#bytes, (b) => (b > 127 ? b - 256 : b));
  }

  getContentType(): string | null {
    this.#record('getContentType');
    return this.#contentType;
  }

  getDataAsString(charset?: string): string {
    this.#record('getDataAsString');
    return new TextDecoder(charset ?? 'utf-8').decode(this.#bytes);
  }

  getName(): string | null {
    this.#record('getName');
    return this.#name;
  }

  isGoogleType(): boolean {
    this.#record('isGoogleType');
    return (this.#contentType ?? '').startsWith('application/vnd.google-apps.');
  }

  setBytes(data: number[]): Blob {
    this.#record('setBytes');
    this.#bytes = Uint8Array.from(data, (b) => b & 0xff);
    return this;
  }

  setContentType(contentType: string | null): Blob {
    this.#record('setContentType');
    this.#contentType = contentType;
    return this;
  }

  /** Reference: "If the contentType cannot be guessed from its extension, it is set to null." */
  setContentTypeFromExtension(): Blob {
    this.#record('setContentTypeFromExtension');
    this.#contentType = mimeTypeOfName(this.#name ?? '');
    return this;
  }

  setDataFromString(value: string, charset?: string): Blob {
    this.#record('setDataFromString');
    this.#bytes = new Uint8Array(Buffer.from(String(value), nodeEncoding(charset ?? 'UTF-8')));
    return this;
  }

  setName(name: string): Blob {
    this.#record('setName');
    this.#name = name;
    return this;
  }
}
stubUnimplemented(Blob, BLOB_METHODS);

/** Utilities.newBlob(data, contentType?, name?): a string is stored as UTF-8, bytes may be signed. */
export function newBlob(
  data: string | number[] | Uint8Array,
  contentType?: string | null,
  name?: string | null,
  tracker: ExecutionTracker | null = null,
): Blob {
  const bytes =
    typeof data === 'string'
      ? new Uint8Array(Buffer.from(data, 'utf8'))
      : Uint8Array.from(data as ArrayLike<number>, (b) => b & 0xff);
  return new Blob(bytes, contentType ?? null, name ?? null, tracker);
}

/** The bytes of any BlobSource (a fake Blob, or anything with getBlob().getBytes()). */
export function blobBytes(source: GoogleAppsScript.Base.BlobSource): {
  name: string | null;
  mimeType: string | null;
  bytes: Uint8Array;
} {
  const blob = source instanceof Blob ? source : (source.getBlob() as GBlob);
  if (blob instanceof Blob) {
    const info = blob.info();
    return { name: info.name, mimeType: info.contentType, bytes: info.bytes };
  }
  return {
    name: blob.getName(),
    mimeType: blob.getContentType(),
    bytes: Uint8Array.from(blob.getBytes(), (b) => b & 0xff),
  };
}

/** Reference getAs: the name's last extension is replaced ("ShoppingList.12.25.2014" → ".pdf"). */
function renamed(name: string | null, contentType: string): string | null {
  const extension = TYPE_EXTENSIONS[contentType];
  if (name === null || !extension) return name;
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.${extension}`;
}

/** Blob.getAs: PDF from text or HTML; images only to their own type (other conversions throw). */
export function convertBlob(
  blob: Blob,
  contentType: string,
  tracker: ExecutionTracker | null,
): Blob {
  const info = blob.info();
  const from = (info.contentType ?? '').toLowerCase();
  const bytes = info.bytes;
  const name = renamed(info.name, contentType);
  if (contentType === from) return new Blob(bytes.slice(), contentType, name, tracker);
  if (contentType === 'application/pdf') {
    if (from === 'text/html')
      return new Blob(buildPdf(htmlToLines(decodeUtf8(bytes))), contentType, name, tracker);
    if (from.startsWith('text/') || from === '') {
      return new Blob(buildPdf(decodeUtf8(bytes).split(/\r?\n/)), contentType, name, tracker);
    }
  }
  if (IMAGE_TYPES.has(contentType) && IMAGE_TYPES.has(from)) {
    return notImplemented('Blob', `getAs(${contentType}) from ${from}`);
  }
  if (contentType !== 'application/pdf' && !IMAGE_TYPES.has(contentType)) {
    // Google rejects targets outside the documented list.
    throw new Error(`Converting from ${from || 'unknown'} to ${contentType} is not supported.`);
  }
  return notImplemented('Blob', `getAs(${contentType}) from ${from || 'unknown type'}`);
}

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** Crude HTML → text lines for PDF rendering: block tags break lines, entities decoded. */
export function htmlToLines(html: string): string[] {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table|ul|ol)>/gi, '\n')
    .replace(/<\/t[dh]>/gi, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return text.split('\n').map((line) => line.replace(/\s+$/, ''));
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const FONT_SIZE = 11;
const LEADING = 14;
const LINES_PER_PAGE = Math.floor((PAGE_HEIGHT - 2 * MARGIN) / LEADING);
const CHARS_PER_LINE = 90;

function utf16Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex.toUpperCase();
}

function wrap(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.length <= CHARS_PER_LINE) {
      out.push(line);
      continue;
    }
    let rest = line;
    while (rest.length > CHARS_PER_LINE) {
      const cut = rest.lastIndexOf(' ', CHARS_PER_LINE);
      const at = cut > CHARS_PER_LINE / 2 ? cut : CHARS_PER_LINE;
      out.push(rest.slice(0, at));
      rest = rest.slice(at).replace(/^ /, '');
    }
    out.push(rest);
  }
  return out;
}

function toUnicodeCMap(): string {
  // Identity CIDs are UTF-16 code units; the CMap maps them back so text extraction gives Unicode.
  const ranges: string[] = [];
  for (let hi = 0; hi < 256; hi++) {
    const h = hi.toString(16).padStart(2, '0').toUpperCase();
    ranges.push(`<${h}00> <${h}FF> <${h}00>`);
  }
  const chunks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const part = ranges.slice(i, i + 100);
    chunks.push(`${part.length} beginbfrange\n${part.join('\n')}\nendbfrange`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...chunks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** A line of buildPdf's input that starts a new page. */
export const PDF_PAGE_BREAK = '\f';

/**
 * A small valid PDF (A4, one text line per input line, wrapped and paginated). Text is written
 * as UTF-16 code units through an Identity-H font with a ToUnicode map, so Cyrillic survives
 * extraction (pdfText below, pdftotext); the font is not embedded, so glyphs are the viewer's.
 */
export function buildPdf(lines: string[], title = ''): Uint8Array {
  const pages: string[][] = [];
  // A PDF_PAGE_BREAK line ends a page (a document's page break), as Google's export does.
  const groups: string[][] = [[]];
  for (const line of lines) {
    if (line === PDF_PAGE_BREAK) groups.push([]);
    else groups[groups.length - 1]!.push(line);
  }
  for (const group of groups) {
    const wrapped = wrap(group);
    if (wrapped.length === 0) pages.push([]);
    for (let i = 0; i < wrapped.length; i += LINES_PER_PAGE)
      pages.push(wrapped.slice(i, i + LINES_PER_PAGE));
  }
  if (pages.length === 0) pages.push([]);

  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const stream = (dict: string, data: string): string =>
    `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;

  const catalog = add('');
  const pagesObj = add('');
  const font = add('');
  const cidFont = add('');
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /ArialMT /Flags 32 /FontBBox [-665 -325 2000 1040] ' +
      '/ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 >>',
  );
  const cmap = add(stream('', toUnicodeCMap()));
  objects[font - 1] =
    `<< /Type /Font /Subtype /Type0 /BaseFont /ArialMT /Encoding /Identity-H ` +
    `/DescendantFonts [${cidFont} 0 R] /ToUnicode ${cmap} 0 R >>`;
  objects[cidFont - 1] =
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ArialMT ` +
    `/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
    `/FontDescriptor ${descriptor} 0 R /CIDToGIDMap /Identity /DW 556 >>`;
  const kids: number[] = [];
  for (const pageLines of pages) {
    const ops = [`BT /F1 ${FONT_SIZE} Tf ${LEADING} TL ${MARGIN} ${PAGE_HEIGHT - MARGIN} Td`];
    for (const line of pageLines) ops.push(`<${utf16Hex(line)}> Tj T*`);
    ops.push('ET');
    const content = add(stream('', ops.join('\n')));
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
          `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const info = add(`<< /Title <FEFF${utf16Hex(title)}> /Producer (workspace emulator) >>`);

  let pdf = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\n`;
  pdf += `startxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

/** Harness: the text lines of a PDF written by buildPdf (tests assert on a note's PDF). */
export function pdfText(pdf: Uint8Array | GoogleAppsScript.Base.BlobSource): string {
  const bytes = pdf instanceof Uint8Array ? pdf : blobBytes(pdf).bytes;
  const source = Buffer.from(bytes).toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/<([0-9A-F]*)> Tj/g)) {
    const hex = match[1]!;
    let line = '';
    for (let i = 0; i < hex.length; i += 4)
      line += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    lines.push(line);
  }
  return lines.join('\n');
}

/** Harness: the text of each page of a PDF written by buildPdf, page by page. */
export function pdfPages(pdf: Uint8Array | GoogleAppsScript.Base.BlobSource): string[] {
  const bytes = pdf instanceof Uint8Array ? pdf : blobBytes(pdf).bytes;
  const source = Buffer.from(bytes).toString('latin1');
  return source
    .split(/\nBT /)
    .slice(1)
    .map((page) => pdfText(new Uint8Array(Buffer.from(page.split('\nET')[0] ?? '', 'latin1'))));
}
