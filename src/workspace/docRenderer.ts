/**
 * Draws a DocumentModel (the monthly note, the plan execution analysis) into a Google Doc.
 * The model carries final Russian text; this file only lays it out: centred title, numbered
 * HEADING2 sections with HEADING3 subheadings, justified paragraphs, numbered and bulleted lists,
 * tables with a bold header row, charts as PNG images with a caption below, conclusions and
 * recommendations each numbered from 1, the signature, and the appendices each on a new page.
 * DocumentApp cannot keep paragraphs together or repeat a table's header row: docLayout.ts does
 * that through the Docs advanced service once the document is saved.
 */
import type {
  ChartBlock,
  DocumentBlock,
  DocumentModel,
  DocumentSignature,
  LinkListBlock,
  TableBlock,
} from '../domain/document';
import { signatureLines } from '../domain/document';
import { fillPhrase } from '../i18n/ru/note';
import { OUTPUTS_RU } from '../i18n/ru/outputs';
import { applyDocumentLayout } from './docLayout';
import type { TabChart } from './statisticsTab';
import { readProperty, writeProperties } from './properties';

type Body = GoogleAppsScript.Document.Body;
type BlobSource = GoogleAppsScript.Base.BlobSource;

/** Widest image that fits an A4 page with default margins, in points. */
const MAX_IMAGE_WIDTH = 450;

/**
 * Renders `model` into the (fresh) document `doc`. `charts` maps a chart block's caption to its
 * PNG; a chart without an image is printed as a small table of its data, so no figure is lost.
 */
export function renderDocument(
  doc: GoogleAppsScript.Document.Document,
  model: DocumentModel,
  charts: Map<string, BlobSource>,
): void {
  const body = doc.getBody();
  body.clear();
  // A cleared body keeps one empty paragraph (Docs needs it): it becomes the title.
  const title = body.getParagraphs()[0]!;
  // Centred, as pictures, captions and appendix labels are aligned, by docLayout in one batch.
  title.setText(model.title);
  title.setHeading(DocumentApp.ParagraphHeading.TITLE);
  if (model.subtitle) {
    body.appendParagraph(model.subtitle).setHeading(DocumentApp.ParagraphHeading.SUBTITLE);
  }
  for (const section of model.sections) {
    heading(body, section.heading);
    for (const block of section.blocks) renderBlock(body, block, charts);
  }
  // Sections of the note are numbered «1. …»; the closing parts continue that numbering.
  let next = model.sections.every((s) => /^\d+\.\s/.test(s.heading))
    ? model.sections.length + 1
    : 0;
  const closing = (title: string, items: string[]): void => {
    if (items.length === 0) return;
    heading(body, next > 0 ? `${next++}. ${title}` : title);
    numberedParagraphs(body, items);
  };
  closing(OUTPUTS_RU.document.conclusions, model.conclusions);
  closing(OUTPUTS_RU.document.recommendations, model.recommendations);
  signature(body, model.signature);
  for (const appendix of model.appendices ?? []) {
    body.appendPageBreak();
    body.appendParagraph(appendix.label);
    body.appendParagraph(appendix.title).setHeading(DocumentApp.ParagraphHeading.HEADING3);
    for (const block of appendix.blocks) renderBlock(body, block, charts);
  }
  footer(doc, model.title);
}

function heading(body: Body, text: string): void {
  body.appendParagraph(text).setHeading(DocumentApp.ParagraphHeading.HEADING2);
}

/**
 * Conclusions and recommendations: paragraphs numbered «1.», «2.» in their text. Each list starts
 * at 1 whatever list the editor or an export joins list items into.
 */
function numberedParagraphs(body: Body, items: string[]): void {
  items.forEach((item, i) => {
    body.appendParagraph(fillPhrase(OUTPUTS_RU.document.numbered, { n: i + 1, text: item }));
  });
}

/** Past this many items a list is printed as one paragraph: a city has thousands of ОУ. */
const LONGEST_LIST = 15;

function list(body: Body, items: string[], glyph: GoogleAppsScript.Document.GlyphType): void {
  if (items.length > LONGEST_LIST) {
    body.appendParagraph(`${items.join('; ')}.`);
    return;
  }
  // Consecutive list items form one list, so numbering runs 1, 2, 3 … without setListId.
  for (const item of items) {
    const li = body.appendListItem(item);
    if (glyph !== DocumentApp.GlyphType.BULLET) li.setGlyphType(glyph);
  }
}

/** «ОУ: https://…» per line; docLayout links the web addresses (anything else stays text). */
function links(body: Body, block: LinkListBlock): void {
  for (const item of block.items) {
    body.appendListItem(
      fillPhrase(OUTPUTS_RU.document.linkPrefix, { label: item.label }) + item.url,
    );
  }
}

function renderBlock(body: Body, block: DocumentBlock, charts: Map<string, BlobSource>): void {
  switch (block.type) {
    case 'paragraph':
      // Justified by docLayout in one request per run of paragraphs.
      body.appendParagraph(block.text);
      return;
    case 'subheading':
      body.appendParagraph(block.text).setHeading(DocumentApp.ParagraphHeading.HEADING3);
      return;
    case 'links':
      links(body, block);
      return;
    case 'numbered':
      list(body, block.items, DocumentApp.GlyphType.NUMBER);
      return;
    case 'bullets':
      list(body, block.items, DocumentApp.GlyphType.BULLET);
      return;
    case 'table':
      renderTable(body, block);
      return;
    case 'chart':
      renderChart(body, block, charts.get(block.caption));
      return;
  }
}

/** Width of the names column of wide tables, in points (a third of an A4 text line). */
const FIRST_COLUMN_PT = 160;

function renderTable(body: Body, block: TableBlock): void {
  // Russian practice: «Таблица N. …» above the table.
  if (block.caption) body.appendParagraph(block.caption);
  // Its header row is made bold by docLayout, in the one batch of the whole document.
  const table = body.appendTable([block.header, ...block.rows]);
  // The first column holds names (ОУ, competency); in a wide table it would wrap letter by letter.
  if (block.header.length >= 5) table.setColumnWidth(0, FIRST_COLUMN_PT);
}

function renderChart(body: Body, block: ChartBlock, image: BlobSource | undefined): void {
  if (image) {
    const paragraph = body.appendParagraph('');
    const picture = paragraph.appendInlineImage(image);
    const width = picture.getWidth();
    if (width > MAX_IMAGE_WIDTH) {
      picture.setHeight(Math.round((picture.getHeight() * MAX_IMAGE_WIDTH) / width));
      picture.setWidth(MAX_IMAGE_WIDTH);
    }
    // «Рисунок N. …» below the figure.
    body.appendParagraph(block.caption);
    return;
  }
  body.appendParagraph(fillPhrase(OUTPUTS_RU.document.chartAsTable, { caption: block.caption }));
  body.appendTable([
    ['', ...block.series.map((s) => s.name)],
    ...block.categories.map((category, i) => [
      category,
      ...block.series.map((s) => String(s.values[i] ?? '')),
    ]),
  ]);
}

function signature(body: Body, s: DocumentSignature): void {
  const { line, date } = signatureLines(s);
  // The empty paragraph spaces the block from the text; docLayout keeps all three together.
  body.appendParagraph('');
  body.appendParagraph(line);
  body.appendParagraph(date);
}

/**
 * The footer names the document on every page. Page numbers are not added: DocumentApp has no
 * way to insert a page-number field (only the Docs REST API or Insert → Page numbers by hand can),
 * so an operator who needs them adds them in the open document.
 */
function footer(doc: GoogleAppsScript.Document.Document, title: string): void {
  const section = doc.getFooter() ?? doc.addFooter();
  section.clear();
  const line = section.getParagraphs()[0]!;
  line.setText(title);
  line.editAsText().setFontSize(8);
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
}

/**
 * Builds a Doc from `model` in `folder` and only when it is complete makes it the current one
 * under the document property `key` (with `extra` properties set in the same write), then trashes
 * the document it replaces and any same-titled leftover. A half-made Doc is trashed and the old
 * one stays current, so a failure never leaves a broken document linked.
 */
export function publishDocument(
  folder: GoogleAppsScript.Drive.Folder,
  model: DocumentModel,
  charts: Map<string, BlobSource>,
  key: string,
  extra: Record<string, string> = {},
): PublishedDocument {
  const doc = DocumentApp.create(model.title);
  const id = doc.getId();
  const url = doc.getUrl();
  try {
    renderDocument(doc, model, charts);
    doc.saveAndClose();
    // The Docs API sees the document as saved: keep-with-next, header rows, unsplit rows.
    applyDocumentLayout(id, model);
    DriveApp.getFileById(id).moveTo(folder);
  } catch (error) {
    try {
      DriveApp.getFileById(id).setTrashed(true);
    } catch {
      // the original error matters more
    }
    throw error;
  }
  const previous = readProperty(key);
  writeProperties({ ...extra, [key]: id });
  return { id, url, replaced: trashReplaced(folder, model.title, id, previous) };
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
