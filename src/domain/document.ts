/**
 * The content of a generated document as plain data: the monthly analytic note and the plan
 * execution analysis share these blocks so one renderer (Google Docs, .docx, HTML) draws both.
 * Text is final Russian with numbers already formatted; renderers only lay it out.
 */

/** A paragraph of running text. */
export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
}

/** A numbered list («1.», «2.» …). */
export interface NumberedListBlock {
  type: 'numbered';
  items: string[];
}

/** A bulleted list. */
export interface BulletListBlock {
  type: 'bullets';
  items: string[];
}

/** A table: `header` cells, then `rows` of the same width; cells are display text. */
export interface TableBlock {
  type: 'table';
  caption: string;
  header: string[];
  rows: string[][];
}

/** Chart kinds a renderer must support. */
export type ChartKind = 'column' | 'bar' | 'line' | 'pie';

/** One data series of a chart; `values` align with the chart's `categories`. */
export interface ChartSeries {
  name: string;
  values: number[];
}

/** A chart drawn from raw numbers (the renderer formats axis labels). */
export interface ChartBlock {
  type: 'chart';
  kind: ChartKind;
  caption: string;
  categories: string[];
  series: ChartSeries[];
}

/** Any block of a section. */
export type DocumentBlock =
  ParagraphBlock | NumberedListBlock | BulletListBlock | TableBlock | ChartBlock;

/** A headed section. */
export interface DocumentSection {
  heading: string;
  blocks: DocumentBlock[];
}

/** The signature at the end of a document. */
export interface DocumentSignature {
  position: string;
  name: string;
  date: string;
}

/** What every generated document has: the renderer's contract. */
export interface DocumentModel {
  title: string;
  subtitle: string;
  sections: DocumentSection[];
  conclusions: string[];
  recommendations: string[];
  signature: DocumentSignature;
}

/** A paragraph block. */
export function paragraph(text: string): ParagraphBlock {
  return { type: 'paragraph', text };
}

/** A table block. */
export function table(caption: string, header: string[], rows: string[][]): TableBlock {
  return { type: 'table', caption, header, rows };
}

/** All text of a document in reading order (tables cell by cell): for tests and plain-text mail. */
export function documentText(doc: DocumentModel): string[] {
  const out: string[] = [doc.title, doc.subtitle];
  for (const section of doc.sections) {
    out.push(section.heading);
    for (const block of section.blocks) {
      switch (block.type) {
        case 'paragraph':
          out.push(block.text);
          break;
        case 'numbered':
        case 'bullets':
          out.push(...block.items);
          break;
        case 'table':
          out.push(block.caption, ...block.header);
          for (const row of block.rows) out.push(...row);
          break;
        case 'chart':
          out.push(block.caption, ...block.categories);
          break;
      }
    }
  }
  out.push(...doc.conclusions, ...doc.recommendations);
  out.push(doc.signature.position, doc.signature.name, doc.signature.date);
  return out;
}
