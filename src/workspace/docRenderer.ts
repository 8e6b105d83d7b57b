/**
 * Draws a DocumentModel (the monthly note, the plan execution analysis, the annual note) into a
 * copy of its kind's template (documentTemplates.ts): the template brings the header, the footer,
 * the approval block and the title; the model's text goes where {{Текст документа}} stands.
 * This file only lays the text out: numbered HEADING2 sections with HEADING3 subheadings,
 * paragraphs, numbered and bulleted lists, tables, every figure as a chart image with its caption
 * below, conclusions and recommendations each numbered from 1, the signature, and the appendices
 * each on a new page. Fonts, sizes, bold header rows, column widths and alignment are not set
 * here: docLayout.ts sets them through the Docs service in one batch, with what DocumentApp cannot
 * do (keep with next, repeated header rows); the renderer only records which paragraphs it wants
 * centred or set to the right.
 */
import { oneLine } from '../domain/text/clean';
import { keepNumberSign } from '../domain/text/numbers';
import type {
  ChartBlock,
  DocumentBlock,
  DocumentModel,
  DocumentSignature,
  LinkListBlock,
  TableBlock,
} from '../domain/document';
import { mapDocumentText, signatureLines } from '../domain/document';
import {
  DOCUMENT_TEMPLATE_SETTING,
  documentFieldValues,
  type DocumentKind,
} from '../domain/documentTemplate';
import type { Settings } from '../domain/settings';
import { DOCUMENTS_RU } from '../i18n/ru/documents';
import { fillPhrase } from '../i18n/ru/note';
import { OUTPUTS_RU } from '../i18n/ru/outputs';
import { applyDocumentLayout, type AlignedParagraph, type ParagraphAlignment } from './docLayout';
import { openFromTemplate } from './documentTemplates';
import type { TabChart } from './statisticsTab';
import { readProperty, writeProperties } from './properties';

type Body = GoogleAppsScript.Document.Body;
type BlobSource = GoogleAppsScript.Base.BlobSource;

/** Widest image that fits an A4 page with the template's margins, in points. */
const MAX_IMAGE_WIDTH = 450;

/** Inserts elements into a body one after another from a position. */
class Cursor {
  /** Paragraphs docLayout aligns, by their place among the inserted elements. */
  readonly aligned: AlignedParagraph[] = [];
  private readonly start: number;

  constructor(
    readonly body: Body,
    public at: number,
  ) {
    this.start = at;
  }

  paragraph(text: string): GoogleAppsScript.Document.Paragraph {
    return this.body.insertParagraph(this.at++, text);
  }

  /** A paragraph docLayout's one batch aligns: no DocumentApp call per paragraph. */
  alignedParagraph(
    text: string,
    alignment: ParagraphAlignment,
  ): GoogleAppsScript.Document.Paragraph {
    this.aligned.push({ index: this.at - this.start, alignment });
    return this.paragraph(text);
  }

  listItem(text: string): GoogleAppsScript.Document.ListItem {
    return this.body.insertListItem(this.at++, text);
  }

  table(cells: string[][]): GoogleAppsScript.Document.Table {
    return this.body.insertTable(this.at++, cells);
  }

  pageBreak(): void {
    this.body.insertPageBreak(this.at++);
  }
}

/** What rendering did: how many elements it inserted, and the figures drawn as tables. */
export interface RenderResult {
  inserted: number;
  /** Inserted paragraphs to align (counted from the first inserted element). */
  aligned: AlignedParagraph[];
  /** «Журнал» lines of figures that could not be drawn and went in as tables of their data. */
  figuresAsTables: string[];
}

/**
 * Inserts the text of `model` into `body` at `at` (title and subtitle are the template's fields).
 * `charts` maps a chart block's caption to its PNG (from «Статистика»); any other figure is drawn
 * with the Charts service, and only if that fails is it printed as a table, which is reported.
 */
export function renderContent(
  body: Body,
  at: number,
  model: DocumentModel,
  charts: Map<string, BlobSource>,
): RenderResult {
  const cursor = new Cursor(body, at);
  const figuresAsTables: string[] = [];
  const draw = (block: DocumentBlock): void => renderBlock(cursor, block, charts, figuresAsTables);
  for (const section of model.sections) {
    heading(cursor, section.heading);
    for (const block of section.blocks) draw(block);
  }
  // Sections of the note are numbered «1. …»; the closing parts continue that numbering.
  let next = model.sections.every((s) => /^\d+\.\s/.test(s.heading))
    ? model.sections.length + 1
    : 0;
  const closing = (title: string, items: string[]): void => {
    if (items.length === 0) return;
    heading(cursor, next > 0 ? `${next++}. ${title}` : title);
    numberedParagraphs(cursor, items);
  };
  closing(OUTPUTS_RU.document.conclusions, model.conclusions);
  closing(OUTPUTS_RU.document.recommendations, model.recommendations);
  signature(cursor, model.signature);
  for (const appendix of model.appendices ?? []) {
    cursor.pageBreak();
    cursor.alignedParagraph(appendix.label, 'END');
    cursor
      .alignedParagraph(appendix.title, 'CENTER')
      .setHeading(DocumentApp.ParagraphHeading.HEADING3);
    for (const block of appendix.blocks) draw(block);
  }
  return { inserted: cursor.at - at, aligned: cursor.aligned, figuresAsTables };
}

function heading(cursor: Cursor, text: string): void {
  cursor.paragraph(text).setHeading(DocumentApp.ParagraphHeading.HEADING2);
}

/**
 * Conclusions and recommendations: paragraphs numbered «1.», «2.» in their text. Each list starts
 * at 1 whatever list the editor or an export joins list items into.
 */
function numberedParagraphs(cursor: Cursor, items: string[]): void {
  items.forEach((item, i) => {
    cursor.paragraph(fillPhrase(OUTPUTS_RU.document.numbered, { n: i + 1, text: item }));
  });
}

/** Past this many items a list is printed as one paragraph: a city has thousands of ОУ. */
const LONGEST_LIST = 15;

function list(cursor: Cursor, items: string[], glyph: GoogleAppsScript.Document.GlyphType): void {
  if (items.length > LONGEST_LIST) {
    cursor.paragraph(`${items.join('; ')}.`);
    return;
  }
  // Consecutive list items form one list, so numbering runs 1, 2, 3 … without setListId.
  for (const item of items) {
    const li = cursor.listItem(item);
    if (glyph !== DocumentApp.GlyphType.BULLET) li.setGlyphType(glyph);
  }
}

/** «ОУ: https://…» per line; docLayout links the web addresses (anything else stays text). */
function links(cursor: Cursor, block: LinkListBlock): void {
  for (const item of block.items) {
    cursor.listItem(fillPhrase(OUTPUTS_RU.document.linkPrefix, { label: item.label }) + item.url);
  }
}

function renderBlock(
  cursor: Cursor,
  block: DocumentBlock,
  charts: Map<string, BlobSource>,
  figuresAsTables: string[],
): void {
  switch (block.type) {
    case 'paragraph':
      // Justified by docLayout in one request per run of paragraphs.
      cursor.paragraph(block.text);
      return;
    case 'subheading':
      cursor.paragraph(block.text).setHeading(DocumentApp.ParagraphHeading.HEADING3);
      return;
    case 'links':
      links(cursor, block);
      return;
    case 'numbered':
      list(cursor, block.items, DocumentApp.GlyphType.NUMBER);
      return;
    case 'bullets':
      list(cursor, block.items, DocumentApp.GlyphType.BULLET);
      return;
    case 'table':
      renderTable(cursor, block);
      return;
    case 'chart':
      renderChart(cursor, block, charts.get(block.caption), figuresAsTables);
      return;
  }
}

function renderTable(cursor: Cursor, block: TableBlock): void {
  // Russian practice: «Таблица N. …» above the table. Header row, fonts and widths: docLayout.
  if (block.caption) cursor.paragraph(block.caption);
  cursor.table([block.header, ...block.rows]);
}

/** Pixels of a drawn chart: bars get taller with their categories so labels stay readable. */
function chartSize(block: ChartBlock): { width: number; height: number } {
  if (block.kind === 'bar')
    return { width: 600, height: Math.max(260, 60 + 22 * block.categories.length) };
  return { width: 600, height: block.kind === 'pie' ? 320 : 371 };
}

/** A figure drawn by the Charts service from the block's own numbers. */
function drawChart(block: ChartBlock): BlobSource {
  let data = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, '');
  for (const s of block.series) data = data.addColumn(Charts.ColumnType.NUMBER, s.name);
  block.categories.forEach((category, i) => {
    data = data.addRow([category, ...block.series.map((s) => s.values[i] ?? 0)]);
  });
  const { width, height } = chartSize(block);
  const colors = block.colors ?? [];
  // The builders share these methods but not a type: each is finished on its own.
  switch (block.kind) {
    case 'pie': {
      const pie = Charts.newPieChart().setDataTable(data).setDimensions(width, height);
      return (colors.length ? pie.setColors(colors) : pie).build().getAs('image/png');
    }
    case 'line': {
      const line = Charts.newLineChart().setDataTable(data).setDimensions(width, height);
      return (colors.length ? line.setColors(colors) : line).build().getAs('image/png');
    }
    case 'bar': {
      let bars = Charts.newBarChart().setDataTable(data).setDimensions(width, height);
      if (colors.length) bars = bars.setColors(colors);
      return (block.stacked ? bars.setStacked() : bars).build().getAs('image/png');
    }
    case 'column': {
      let columns = Charts.newColumnChart().setDataTable(data).setDimensions(width, height);
      if (colors.length) columns = columns.setColors(colors);
      return (block.stacked ? columns.setStacked() : columns).build().getAs('image/png');
    }
  }
}

function renderChart(
  cursor: Cursor,
  block: ChartBlock,
  tabImage: BlobSource | undefined,
  figuresAsTables: string[],
): void {
  let image = tabImage;
  let failure = '';
  if (!image) {
    try {
      image = drawChart(block);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
  }
  if (image) {
    const paragraph = cursor.alignedParagraph('', 'CENTER');
    const picture = paragraph.appendInlineImage(image);
    const width = picture.getWidth();
    if (width > MAX_IMAGE_WIDTH) {
      picture.setHeight(Math.round((picture.getHeight() * MAX_IMAGE_WIDTH) / width));
      picture.setWidth(MAX_IMAGE_WIDTH);
    }
    // «Рисунок N. …» below the figure.
    cursor.alignedParagraph(block.caption, 'CENTER');
    return;
  }
  // Never silently: the job writes this line to «Журнал».
  figuresAsTables.push(DOCUMENTS_RU.figureAsTable(block.caption, failure));
  cursor.paragraph(fillPhrase(OUTPUTS_RU.document.chartAsTable, { caption: block.caption }));
  cursor.table([
    ['', ...block.series.map((s) => s.name)],
    ...block.categories.map((category, i) => [
      category,
      ...block.series.map((s) => String(s.values[i] ?? '')),
    ]),
  ]);
}

function signature(cursor: Cursor, s: DocumentSignature): void {
  const { line, date } = signatureLines(s);
  // The empty paragraph spaces the block from the text; docLayout keeps all three together.
  cursor.paragraph('');
  cursor.paragraph(line);
  cursor.paragraph(date);
}

/**
 * Images for a model's chart blocks, taken from the «Статистика» charts that show exactly the same
 * data (so the picture and the tab agree); blocks without such a chart get none.
 */
export function chartImagesFromTab(
  model: DocumentModel,
  tabCharts: TabChart[],
): Map<string, BlobSource> {
  const images = new Map<string, BlobSource>();
  for (const section of model.sections) {
    for (const block of section.blocks) {
      if (block.type !== 'chart') continue;
      const match = tabCharts.find((c) => sameData(block, c));
      if (match) images.set(block.caption, match.chart.getAs('image/png'));
    }
  }
  return images;
}

function sameData(block: ChartBlock, chart: TabChart): boolean {
  if (block.series.length !== chart.series.length) return false;
  if (block.categories.join('\n') !== chart.categories.join('\n')) return false;
  return block.series.every((s, i) => s.values.join(',') === (chart.series[i] ?? []).join(','));
}

/** A document made current: its id and link, and whether it replaced an earlier one. */
export interface PublishedDocument {
  id: string;
  url: string;
  replaced: boolean;
  /** «Журнал» lines of figures printed as tables because they could not be drawn. */
  figuresAsTables: string[];
}

/** What a job asks publishDocument to make. */
export interface PublishRequest {
  /** Which template: «Настройки» name it by kind (DOCUMENT_TEMPLATE_SETTING). */
  kind: DocumentKind;
  folder: GoogleAppsScript.Drive.Folder;
  model: DocumentModel;
  /** Images of chart blocks by caption, taken from «Статистика»; other figures are drawn. */
  charts: Map<string, BlobSource>;
  /** Document property holding the id of the current document of this kind and period. */
  key: string;
  /** Properties set in the same write as `key`. */
  extra?: Record<string, string>;
  settings: Settings;
  /** Values of the kind's own template fields. */
  fields?: Record<string, string>;
}

/**
 * Builds a Doc from `model` in a copy of its kind's template and only when it is complete makes
 * it the current one under the document property `key` (with `extra` properties set in the same
 * write), then trashes the document it replaces and any same-titled leftover. A half-made Doc is
 * trashed and the old one stays current, so a failure never leaves a broken document linked; a
 * template with an unknown field stops before anything is made, with the field's name.
 */
export function publishDocument(request: PublishRequest): PublishedDocument {
  const { kind, folder, key, settings } = request;
  // The document's text keeps «№ 47» on one line: the renderer and docLayout (which finds link
  // lines and the signature by the model's text) both read this model. The job's model, and
  // whatever the tabs hold, stay as typed.
  const model = mapDocumentText(request.model, keepNumberSign);
  const charts = new Map(
    [...request.charts].map(([caption, image]) => [keepNumberSign(caption), image]),
  );
  // A title comes from settings and answers: one clean line, whatever was typed.
  const title = oneLine(model.title);
  const fields = documentFieldValues({
    title,
    subtitle: model.subtitle,
    settings,
    date: new Date(),
    extra: request.fields,
  });
  const values: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) values[field] = keepNumberSign(value);
  const reference = String(settings[DOCUMENT_TEMPLATE_SETTING[kind]] ?? '');
  const made = openFromTemplate(kind, reference, folder, title, values);
  const { id, doc, body, marker } = made;
  const url = doc.getUrl();
  let figuresAsTables: string[];
  try {
    const first = body.getChildIndex(marker);
    const rendered = renderContent(body, first, model, charts);
    figuresAsTables = rendered.figuresAsTables;
    // The marker goes; a body must end with a paragraph, so a last one is only emptied.
    if (marker.getNextSibling()) marker.removeFromParent();
    else marker.setText('');
    doc.saveAndClose();
    // The Docs API sees the document as saved: look, keep-with-next, header rows, unsplit rows.
    applyDocumentLayout(id, model, {
      first,
      count: rendered.inserted,
      aligned: rendered.aligned,
      look: made.look,
      textWidth: made.textWidth,
    });
  } catch (error) {
    try {
      DriveApp.getFileById(id).setTrashed(true);
    } catch {
      // the original error matters more
    }
    throw error;
  }
  const previous = readProperty(key);
  writeProperties({ ...(request.extra ?? {}), [key]: id });
  return {
    id,
    url,
    replaced: trashReplaced(folder, title, id, previous),
    figuresAsTables,
  };
}

/** Trashes the previous document and any same-titled leftover in the folder. */
function trashReplaced(
  folder: GoogleAppsScript.Drive.Folder,
  title: string,
  keepId: string,
  previousId: string | null,
): boolean {
  let replaced = false;
  if (previousId && previousId !== keepId) {
    try {
      const old = DriveApp.getFileById(previousId);
      if (!old.isTrashed()) {
        old.setTrashed(true);
        replaced = true;
      }
    } catch {
      // already deleted by hand: nothing to replace
    }
  }
  const sameName = folder.getFilesByName(title);
  while (sameName.hasNext()) {
    const file = sameName.next();
    if (file.getId() !== keepId && !file.isTrashed()) {
      file.setTrashed(true);
      replaced = true;
    }
  }
  return replaced;
}

/** The link of the Google Doc `id` (opened through DocumentApp). */
export function documentUrl(id: string): string {
  return DocumentApp.openById(id).getUrl();
}

/** The link and name of the Google Doc `id` (opened once through DocumentApp). */
export function documentLink(id: string): { url: string; name: string } {
  const doc = DocumentApp.openById(id);
  return { url: doc.getUrl(), name: doc.getName() };
}
