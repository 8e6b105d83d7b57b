/**
 * A Google Doc of the emulator as .docx: headings, paragraphs, lists, tables and images, links,
 * and what the Docs API set (docs-api.ts): keep with next (`w:keepNext`), keep lines together
 * (`w:keepLines`), pinned header rows (`w:tblHeader`) and rows that do not break (`w:cantSplit`).
 * Each Docs list (LIST_ID) is its own numbered list, so a new list starts at 1 as in Docs.
 */
import * as fs from 'fs';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { BlockNode, DocumentContent, InlineNode, ParagraphNode } from '@opc/gas-emulator';

const HEADINGS: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  TITLE: HeadingLevel.TITLE,
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4,
  HEADING5: HeadingLevel.HEADING_5,
  HEADING6: HeadingLevel.HEADING_6,
};
const ALIGN: Record<string, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
  LEFT: AlignmentType.LEFT,
};

function imageType(contentType: string | null): 'png' | 'jpg' | 'gif' | 'bmp' | null {
  if (contentType === 'image/png') return 'png';
  if (contentType === 'image/jpeg') return 'jpg';
  if (contentType === 'image/gif') return 'gif';
  if (contentType === 'image/bmp') return 'bmp';
  return null;
}

type Child = TextRun | ImageRun | PageBreak | ExternalHyperlink;

/** Only web addresses become links in the .docx, as the app only links those. */
const WEB_LINK = /^https?:\/\//i;

/** Character attributes a paragraph gives its text (a run's own attribute, when set, wins). */
const TEXT_KEYS = ['BOLD', 'ITALIC', 'UNDERLINE', 'FONT_SIZE', 'FONT_FAMILY', 'FOREGROUND_COLOR'];

function paragraphText(p: ParagraphNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of TEXT_KEYS) if (p.attrs[key] !== undefined) out[key] = p.attrs[key];
  return out;
}

function runs(children: InlineNode[], inherited: Record<string, unknown> = {}): Child[] {
  const out: Child[] = [];
  for (const node of children) {
    if (node.type === 'TEXT') {
      for (const run of node.runs) {
        const a: Record<string, unknown> = { ...inherited };
        for (const [key, value] of Object.entries(run.attrs))
          if (value !== null && value !== undefined) a[key] = value;
        const lines = run.text.split(/\r|\n/);
        const texts = lines.map(
          (line, i) =>
            new TextRun({
              text: line,
              break: i > 0 ? 1 : 0,
              bold: a.BOLD === true,
              italics: a.ITALIC === true,
              underline: a.UNDERLINE === true || typeof a.LINK_URL === 'string' ? {} : undefined,
              size: typeof a.FONT_SIZE === 'number' ? a.FONT_SIZE * 2 : undefined,
              font: typeof a.FONT_FAMILY === 'string' ? a.FONT_FAMILY : undefined,
              // A link is blue unless the document coloured it.
              color:
                typeof a.FOREGROUND_COLOR === 'string'
                  ? a.FOREGROUND_COLOR.replace(/^#/, '')
                  : typeof a.LINK_URL === 'string'
                    ? '1155CC'
                    : undefined,
            }),
        );
        const url = typeof a.LINK_URL === 'string' ? a.LINK_URL : '';
        if (WEB_LINK.test(url)) out.push(new ExternalHyperlink({ link: url, children: texts }));
        else out.push(...texts);
      }
    } else if (node.type === 'INLINE_IMAGE') {
      const type = imageType(node.contentType);
      if (!type) continue;
      const w = node.width ?? 600;
      const h = node.height ?? 400;
      const scale = Math.min(1, 600 / w);
      out.push(
        new ImageRun({
          type,
          data: Buffer.from(node.bytes),
          transformation: { width: Math.round(w * scale), height: Math.round(h * scale) },
        }),
      );
    } else if (node.type === 'PAGE_BREAK') {
      out.push(new PageBreak());
    }
  }
  return out;
}

/** docx numbering instances of the Docs lists met so far, by LIST_ID (one per document). */
type ListInstances = Map<string, number>;

function paragraph(p: ParagraphNode, lists: ListInstances): Paragraph {
  const heading = HEADINGS[String(p.attrs.HEADING ?? '')];
  const alignment = ALIGN[String(p.attrs.HORIZONTAL_ALIGNMENT ?? '')];
  const numbered =
    p.type === 'LIST_ITEM' && /NUMBER|LATIN|ROMAN/.test(String(p.attrs.GLYPH_TYPE ?? ''));
  const listId = String(p.attrs.LIST_ID ?? '');
  if (numbered && !lists.has(listId)) lists.set(listId, lists.size + 1);
  const points = (key: string): number | undefined =>
    typeof p.attrs[key] === 'number' ? Math.round((p.attrs[key] as number) * 20) : undefined;
  const before = points('SPACING_BEFORE');
  const after = points('SPACING_AFTER');
  const firstLine = points('INDENT_FIRST_LINE');
  const start = points('INDENT_START');
  // Docs' line spacing is a multiple of single; Word's «auto» line is in 240ths of a line.
  const line =
    typeof p.attrs.LINE_SPACING === 'number' ? Math.round(p.attrs.LINE_SPACING * 240) : undefined;
  const inherited = paragraphText(p);
  return new Paragraph({
    children: runs(p.children, inherited),
    heading,
    alignment,
    keepNext: p.apiStyle?.keepWithNext === true ? true : undefined,
    keepLines: p.apiStyle?.keepLinesTogether === true ? true : undefined,
    spacing:
      before !== undefined || after !== undefined || line !== undefined
        ? // «auto»: a multiple of the line, so an image makes its line as tall as itself.
          { before, after, line, lineRule: line !== undefined ? LineRuleType.AUTO : undefined }
        : undefined,
    indent:
      firstLine !== undefined || (start !== undefined && p.type !== 'LIST_ITEM')
        ? { firstLine, start: p.type === 'LIST_ITEM' ? undefined : start }
        : undefined,
    // The paragraph mark takes the paragraph's font: an empty line is as high as its text.
    run:
      typeof inherited.FONT_SIZE === 'number' || typeof inherited.FONT_FAMILY === 'string'
        ? {
            size: typeof inherited.FONT_SIZE === 'number' ? inherited.FONT_SIZE * 2 : undefined,
            font: typeof inherited.FONT_FAMILY === 'string' ? inherited.FONT_FAMILY : undefined,
          }
        : undefined,
    ...(p.type === 'LIST_ITEM'
      ? numbered
        ? {
            numbering: {
              reference: 'numbered',
              level: Number(p.attrs.NESTING_LEVEL ?? 0),
              instance: lists.get(listId),
            },
          }
        : { bullet: { level: Number(p.attrs.NESTING_LEVEL ?? 0) } }
      : {}),
  });
}

/** Usable width of an A4 page with Docs' default 1 inch margins, in twips (1/20 pt). */
const PAGE_WIDTH_TWIPS = 9026;

/** The width text may take on the page the document set (its page width less its margins). */
function textWidthTwips(content: DocumentContent): number {
  const a = content.body.attrs;
  if (typeof a.PAGE_WIDTH !== 'number') return PAGE_WIDTH_TWIPS;
  const margin = (key: string): number => (typeof a[key] === 'number' ? (a[key] as number) : 72);
  return Math.round((a.PAGE_WIDTH - margin('MARGIN_LEFT') - margin('MARGIN_RIGHT')) * 20);
}

/** Column widths in twips: the ones the document set (points), the rest share what is left. */
function columnWidths(set: Record<number, number>, count: number, available: number): number[] {
  const fixed = Object.values(set).reduce((sum, pt) => sum + pt * 20, 0);
  const free = count - Object.keys(set).length;
  const share = free > 0 ? Math.max(400, Math.floor((available - fixed) / free)) : 0;
  return Array.from({ length: count }, (_, i) => (set[i] !== undefined ? set[i]! * 20 : share));
}

function blocks(
  children: BlockNode[],
  lists: ListInstances,
  available: number,
): (Paragraph | Table)[] {
  return children.map((b) => {
    if (b.type !== 'TABLE') return paragraph(b, lists);
    const widths = columnWidths(b.columnWidths, b.rows[0]?.cells.length ?? 1, available);
    const pinned = b.apiStyle?.pinnedHeaderRows ?? 0;
    // Table.setBorderWidth(0) draws no borders (an approval block laid out in a table).
    const borderless = b.attrs.BORDER_WIDTH === 0;
    return new Table({
      width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
      columnWidths: widths,
      borders: borderless ? TableBorders.NONE : undefined,
      rows: b.rows.map(
        (row, r) =>
          new TableRow({
            // What the document says: Docs' pinned header rows repeat, rows that may not break don't.
            tableHeader: r < pinned ? true : undefined,
            cantSplit: row.apiStyle?.preventOverflow === true ? true : undefined,
            children: row.cells.map((cell, c) => {
              const inner = blocks(cell.children, lists, widths[c] ?? available);
              return new TableCell({
                width: { size: widths[c] ?? 400, type: WidthType.DXA },
                borders: borderless
                  ? {
                      top: { style: 'none', size: 0, color: 'FFFFFF' },
                      bottom: { style: 'none', size: 0, color: 'FFFFFF' },
                      left: { style: 'none', size: 0, color: 'FFFFFF' },
                      right: { style: 'none', size: 0, color: 'FFFFFF' },
                    }
                  : undefined,
                children: inner.length ? inner : [new Paragraph('')],
              });
            }),
          }),
      ),
    });
  });
}

/** The body's page size and margins (points in the model, twips in Word), when the doc set them. */
function pageProperties(content: DocumentContent) {
  const a = content.body.attrs;
  const twips = (key: string): number | undefined =>
    typeof a[key] === 'number' ? Math.round((a[key] as number) * 20) : undefined;
  const width = twips('PAGE_WIDTH');
  const height = twips('PAGE_HEIGHT');
  const margins = {
    top: twips('MARGIN_TOP'),
    bottom: twips('MARGIN_BOTTOM'),
    left: twips('MARGIN_LEFT'),
    right: twips('MARGIN_RIGHT'),
  };
  return {
    page: {
      ...(width && height ? { size: { width, height } } : {}),
      ...(Object.values(margins).some((m) => m !== undefined) ? { margin: margins } : {}),
    },
  };
}

/**
 * Google Docs' own defaults for what a document does not set (Arial 11, line spacing 1,15; black
 * headings of 20, 16 and 14 pt, the third grey; title 26 pt; subtitle 15 pt grey), so an
 * exported Doc looks as it does in Docs rather than in Word's blue heading styles.
 */
const heading = (id: string, name: string, size: number, color: string, before: number) => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: 'Arial', size: size * 2, color, bold: false },
  paragraph: { spacing: { before: before * 20, after: 120 } },
});
const GOOGLE_DOCS_STYLES = {
  default: {
    document: {
      run: { font: 'Arial', size: 22 },
      // «auto»: 1,15 of each line's own height. Without the rule LibreOffice reads 276 as an
      // exact 13,8 pt, and a 40-pt «ДИПЛОМ» is overprinted by the line below it.
      paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO, after: 0 } },
    },
  },
  paragraphStyles: [
    heading('Title', 'Title', 26, '000000', 0),
    heading('Subtitle', 'Subtitle', 15, '666666', 0),
    heading('Heading1', 'Heading 1', 20, '000000', 20),
    heading('Heading2', 'Heading 2', 16, '000000', 18),
    heading('Heading3', 'Heading 3', 14, '434343', 16),
  ],
};

/** Writes the document content to `file`. */
export async function writeDocx(
  title: string,
  content: DocumentContent,
  file: string,
): Promise<void> {
  const lists: ListInstances = new Map();
  const available = textWidthTwips(content);
  const body = blocks(content.body.children, lists, available);
  const doc = new Document({
    title,
    creator: 'Мониторинг участия ОУ (эмулятор)',
    styles: GOOGLE_DOCS_STYLES,
    numbering: {
      config: [
        {
          reference: 'numbered',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: 'decimal' as const,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
          })),
        },
      ],
    },
    sections: [
      {
        properties: pageProperties(content),
        headers: content.header
          ? { default: new Header({ children: blocks(content.header.children, lists, available) }) }
          : undefined,
        footers: content.footer
          ? { default: new Footer({ children: blocks(content.footer.children, lists, available) }) }
          : undefined,
        children: body.length ? body : [new Paragraph('')],
      },
    ],
  });
  fs.writeFileSync(file, await Packer.toBuffer(doc));
}
