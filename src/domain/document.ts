/**
 * The content of a generated document as plain data: the monthly analytic note and the plan
 * execution analysis share these blocks so one renderer (Google Docs, .docx, HTML) draws both.
 * Text is final Russian with numbers already formatted; renderers only lay it out.
 */
import { fillPhrase } from '../i18n/ru/note';
import { OUTPUTS_RU } from '../i18n/ru/outputs';

/** The kinds of analytic documents the app writes. */
export type DocumentKind = 'monthlyNote' | 'annualNote' | 'planAnalysis';

/** A paragraph of running text. */
export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
}

/** A heading inside a section (one event of the results analysis, one theme of difficulties). */
export interface SubheadingBlock {
  type: 'subheading';
  text: string;
}

/**
 * Links, one per line: «label: url». Renderers make `url` clickable only when it is an http(s)
 * address (isWebLink); anything else a school typed stays plain text.
 */
export interface LinkListBlock {
  type: 'links';
  items: Array<{ label: string; url: string }>;
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
  /** A column of web addresses: a renderer links the cells that are http(s) URLs (isWebLink). */
  linkColumn?: number;
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
  /** Bars or columns of a category stacked on one another (parts of a whole). */
  stacked?: boolean;
  /** Colours of the series (of a pie's slices), '#rrggbb'; the renderer's palette otherwise. */
  colors?: string[];
}

/** Any block of a section. */
export type DocumentBlock =
  | ParagraphBlock
  | SubheadingBlock
  | LinkListBlock
  | NumberedListBlock
  | BulletListBlock
  | TableBlock
  | ChartBlock;

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

/** An appendix after the signature («Приложение 1. …»): the full versions of long tables. */
export interface DocumentAppendix {
  /** «Приложение 1» — the label the body refers to. */
  label: string;
  title: string;
  blocks: DocumentBlock[];
}

/**
 * What every generated document has: the renderer's contract. Conclusions and recommendations
 * are numbered from 1 each; appendices follow the signature, each on a new page.
 */
export interface DocumentModel {
  /**
   * Which kind of document this is: a renderer or a template chooser (document templates per
   * kind) can tell the annual note from the monthly one without reading the title.
   */
  kind?: DocumentKind;
  title: string;
  subtitle: string;
  sections: DocumentSection[];
  conclusions: string[];
  recommendations: string[];
  signature: DocumentSignature;
  appendices?: DocumentAppendix[];
}

/**
 * The signature's lines: «Руководитель опорного центра ____________ Е.В. Французан» and the date.
 * Without a name (not set in «Настройки») the line ends with the signature space; the job warns
 * in «Журнал» and the sidebar instead of printing an empty name.
 */
export function signatureLines(s: DocumentSignature): { line: string; date: string } {
  const line = fillPhrase(
    s.name ? OUTPUTS_RU.document.signatureNamed : OUTPUTS_RU.document.signatureUnnamed,
    { position: s.position, name: s.name },
  );
  return { line, date: s.date };
}

/** A paragraph block. */
export function paragraph(text: string): ParagraphBlock {
  return { type: 'paragraph', text };
}

/** A table block. */
export function table(caption: string, header: string[], rows: string[][]): TableBlock {
  return { type: 'table', caption, header, rows };
}

/** A subheading block. */
export function subheading(text: string): SubheadingBlock {
  return { type: 'subheading', text };
}

/** A bulleted list block. */
export function bullets(items: string[]): BulletListBlock {
  return { type: 'bullets', items };
}

/** Whether a text is a web address a document may make clickable (http or https only). */
export function isWebLink(url: string): boolean {
  return /^https?:\/\/[^\s/?#]+\.[^\s/?#]{2,}(\/\S*)?$/i.test(url);
}

/**
 * `doc` with every text it prints passed through `typeset` (web addresses stay exactly as they
 * are: they are links). Chart numbers and colours are not text.
 */
export function mapDocumentText(
  doc: DocumentModel,
  typeset: (text: string) => string,
): DocumentModel {
  const block = (b: DocumentBlock): DocumentBlock => {
    switch (b.type) {
      case 'paragraph':
      case 'subheading':
        return { ...b, text: typeset(b.text) };
      case 'links':
        return {
          ...b,
          items: b.items.map((i) => ({
            label: typeset(i.label),
            url: isWebLink(i.url) ? i.url : typeset(i.url),
          })),
        };
      case 'numbered':
      case 'bullets':
        return { ...b, items: b.items.map(typeset) };
      case 'table':
        return {
          ...b,
          caption: typeset(b.caption),
          header: b.header.map(typeset),
          rows: b.rows.map((row) => row.map((cell) => (isWebLink(cell) ? cell : typeset(cell)))),
        };
      case 'chart':
        return {
          ...b,
          caption: typeset(b.caption),
          categories: b.categories.map(typeset),
          series: b.series.map((s) => ({ ...s, name: typeset(s.name) })),
        };
    }
  };
  return {
    ...doc,
    title: typeset(doc.title),
    subtitle: typeset(doc.subtitle),
    sections: doc.sections.map((s) => ({
      ...s,
      heading: typeset(s.heading),
      blocks: s.blocks.map(block),
    })),
    conclusions: doc.conclusions.map(typeset),
    recommendations: doc.recommendations.map(typeset),
    signature: {
      position: typeset(doc.signature.position),
      name: typeset(doc.signature.name),
      date: typeset(doc.signature.date),
    },
    ...(doc.appendices
      ? {
          appendices: doc.appendices.map((a) => ({
            ...a,
            label: typeset(a.label),
            title: typeset(a.title),
            blocks: a.blocks.map(block),
          })),
        }
      : {}),
  };
}

/** The text of a block in reading order (tables cell by cell). */
export function blockText(block: DocumentBlock): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'subheading':
      return [block.text];
    case 'links':
      return block.items.map(
        (i) => fillPhrase(OUTPUTS_RU.document.linkPrefix, { label: i.label }) + i.url,
      );
    case 'numbered':
    case 'bullets':
      return block.items;
    case 'table':
      return [block.caption, ...block.header, ...block.rows.flat()];
    case 'chart':
      return [block.caption, ...block.categories];
  }
}

/** All text of a document in reading order (tables cell by cell): for tests and plain-text mail. */
export function documentText(doc: DocumentModel): string[] {
  const out: string[] = [doc.title, doc.subtitle];
  for (const section of doc.sections) {
    out.push(section.heading);
    for (const block of section.blocks) out.push(...blockText(block));
  }
  out.push(...doc.conclusions, ...doc.recommendations);
  out.push(doc.signature.position, doc.signature.name, doc.signature.date);
  for (const appendix of doc.appendices ?? []) {
    out.push(appendix.label, appendix.title);
    for (const block of appendix.blocks) out.push(...blockText(block));
  }
  return out;
}
