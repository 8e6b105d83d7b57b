/**
 * The templates of the centre's documents — the monthly note, the annual note and the plan
 * execution analysis — as plain data: which kinds exist and which setting holds each one's
 * template, the fields a template may use (the same {{…}} syntax and loud errors as the
 * certificates, domain/template.ts), their values from «Настройки», what to do with a template's
 * text (where the document's text goes, which lines vanish because their fields are empty), the
 * look read from it, and the built-in template setupSystem writes into a Google Doc.
 *
 * A template is an ordinary Google Doc: header and footer, an approval block («СОГЛАСОВАНО …
 * УТВЕРЖДАЮ … Приказ от … № …»), the title line, the paragraph {{Текст документа}} where the
 * generated text goes (its font, size, indent and spacing are the text's), and optionally a table
 * whose cell says {{Образец таблицы}} (its font and size are the tables'). A kind is a key: the
 * annual note plugs in by its own entry here and its own fields.
 */
import type { Settings, SettingKey } from './settings';
import {
  emptiedByFill,
  fillTokens,
  parseTemplate,
  type FilledToken,
  type TemplateField,
} from './template';
import { parseDateAnswer } from './text/dateAnswers';
import { formatDateLong } from './text/dates';
import { DOCUMENTS_RU } from '../i18n/ru/documents';
import { TEMPLATE_RU } from '../i18n/ru/templates';
import type { DocumentKind } from './document';

/** The kinds of document made from a template (one DocumentModel.kind). */
export type { DocumentKind } from './document';

/** The kinds in the order setupSystem makes their templates. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'monthlyNote',
  'annualNote',
  'planAnalysis',
];

/** The setting holding each kind's template (a link or an id). */
export const DOCUMENT_TEMPLATE_SETTING: Record<DocumentKind, SettingKey> = {
  monthlyNote: 'templateMonthlyNote',
  annualNote: 'templateAnnualNote',
  planAnalysis: 'templatePlanAnalysis',
};

const F = DOCUMENTS_RU.fields;

/** Fields every document template may use. */
const COMMON_FIELDS: TemplateField[] = [
  { name: F.title },
  { name: F.subtitle },
  { name: F.content },
  { name: F.sampleTable },
  { name: F.centre },
  { name: F.district },
  { name: F.date },
  { name: F.approverPosition },
  { name: F.approverName },
  { name: F.orderNumber },
  { name: F.orderDate },
  { name: F.agreedPosition },
  { name: F.agreedName },
  { name: F.signatoryPosition },
  { name: F.signatoryName },
];

/** Fields a kind adds to the common ones (none yet: the annual note may add its own). */
const KIND_FIELDS: Record<DocumentKind, TemplateField[]> = {
  monthlyNote: [],
  annualNote: [],
  planAnalysis: [],
};

/** The fields a template of `kind` may use. */
export function documentFields(kind: DocumentKind): TemplateField[] {
  return [...COMMON_FIELDS, ...KIND_FIELDS[kind]];
}

/** The raw text of a field as written in a template: «{{Текст документа}}». */
export function fieldMark(name: string): string {
  return `{{${name}}}`;
}

/** What one document fills its template's fields with. */
export interface DocumentFieldInput {
  title: string;
  subtitle: string;
  settings: Pick<
    Settings,
    | 'centreName'
    | 'districtName'
    | 'signaturePosition'
    | 'signatureName'
    | 'approverPosition'
    | 'approverName'
    | 'approvalOrderNumber'
    | 'approvalOrderDate'
    | 'agreedPosition'
    | 'agreedName'
  >;
  /** The document's date. */
  date: Date;
  /** Values of the kind's own fields. */
  extra?: Record<string, string>;
}

/** «28 июня 2021 г.» from what staff typed («28.06.2021»); as typed when it is not a date. */
function orderDate(typed: string): string {
  if (typed.trim() === '') return '';
  const parsed = parseDateAnswer(typed);
  return parsed.ok ? formatDateLong(parsed.date) : typed.trim();
}

/** Every field's text for one document ('' where «Настройки» leave it empty). */
export function documentFieldValues(input: DocumentFieldInput): Record<string, string> {
  const s = input.settings;
  return {
    [F.title]: input.title,
    [F.subtitle]: input.subtitle,
    [F.centre]: s.centreName,
    [F.district]: s.districtName,
    [F.date]: formatDateLong(input.date),
    [F.approverPosition]: s.approverPosition,
    [F.approverName]: s.approverName,
    [F.orderNumber]: s.approvalOrderNumber,
    [F.orderDate]: orderDate(s.approvalOrderDate),
    [F.agreedPosition]: s.agreedPosition,
    [F.agreedName]: s.agreedName,
    [F.signatoryPosition]: s.signaturePosition,
    [F.signatoryName]: s.signatureName,
    ...(input.extra ?? {}),
  };
}

/** The look of text as a template shows it; null where the template leaves it to the style. */
export interface TextLook {
  fontFamily: string | null;
  /** Points. */
  fontSize: number | null;
}

/** The look of running text: font, and the paragraph's first-line indent and line spacing. */
export interface ParagraphLook extends TextLook {
  /** Points. */
  indentFirstLine: number | null;
  /** Per cent of single spacing (100 = single). */
  lineSpacing: number | null;
}

/** A paragraph of a template as read from the saved document. */
export interface TemplateParagraph {
  text: string;
  look: ParagraphLook;
}

/** A top-level element of a template's body. */
export type TemplateBlock =
  | { type: 'paragraph'; paragraph: TemplateParagraph }
  /** rows → cells → paragraphs. */
  | { type: 'table'; cells: TemplateParagraph[][][] }
  | { type: 'other' };

/** A template as read: the body's top-level elements, the header's and footer's paragraphs. */
export interface TemplateStructure {
  body: TemplateBlock[];
  header: string[];
  footer: string[];
  /** The document's normal text style, for a marker paragraph that sets nothing itself. */
  normal: TextLook;
}

/** The look a document takes from its template, complete. */
export interface DocumentLook {
  text: { fontFamily: string; fontSize: number; indentFirstLine: number; lineSpacing: number };
  table: { fontFamily: string; fontSize: number };
}

/** The usual form of Russian official papers: Times New Roman 14, tables 12, indent 1,25 cm. */
export const DEFAULT_LOOK: DocumentLook = {
  text: { fontFamily: 'Times New Roman', fontSize: 14, indentFirstLine: 35.4, lineSpacing: 100 },
  table: { fontFamily: 'Times New Roman', fontSize: 12 },
};

/** Where in a body a paragraph, a cell's paragraph, or a whole table is. */
export type BlockAddress =
  { block: number } | { block: number; row: number; cell: number; paragraph: number };

/** What the adapter does with a copy of the template for one document. */
export interface TemplatePlan {
  /** Messages that stop the run, each naming the field. */
  errors: string[];
  /** Index of the {{Текст документа}} paragraph among the body's top-level elements. */
  content: number;
  /** Index of the table holding {{Образец таблицы}}, or null. */
  sampleTable: number | null;
  /** Elements whose fields are all empty, to remove (in descending order of position). */
  remove: BlockAddress[];
  /** Paragraphs to empty instead (the last paragraph of a cell or of the body cannot go). */
  empty: BlockAddress[];
  /** Field texts to put into the body, the header and the footer (only fields present). */
  body: FilledToken[];
  header: FilledToken[];
  footer: FilledToken[];
  look: DocumentLook;
}

/**
 * Reads a template for one document: checks its fields against the kind's (an unknown one stops
 * the run with its name and a suggestion), finds where the text goes and the sample table, and
 * decides what vanishes: a paragraph whose fields are all empty («Приказ от {{Дата приказа}} №
 * {{Номер приказа}}» without an order), a cell whose paragraphs with fields all vanish (the
 * «СОГЛАСОВАНО» half of the approval block without a name), a table whose fields all vanish.
 */
export function planTemplate(
  kind: DocumentKind,
  template: TemplateStructure,
  values: Readonly<Record<string, string>>,
): TemplatePlan {
  const name = DOCUMENTS_RU.kinds[kind];
  const fields = documentFields(kind);
  const mark = { content: fieldMark(F.content), sample: fieldMark(F.sampleTable) };
  const errors: string[] = [];
  const bodyTexts = template.body.flatMap((b) =>
    b.type === 'paragraph'
      ? [b.paragraph.text]
      : b.type === 'table'
        ? b.cells.flat(2).map((p) => p.text)
        : [],
  );
  const sections = [...template.header, ...template.footer];
  const parsedBody = parseTemplate(bodyTexts, fields);
  const parsedSections = parseTemplate(sections, fields);
  for (const error of [...parsedBody.errors, ...parsedSections.errors])
    errors.push(TEMPLATE_RU.inTemplate(name, error.message));
  if (sections.some((t) => t.includes(mark.content) || t.includes(mark.sample)))
    errors.push(DOCUMENTS_RU.contentOutsideBody(name, mark.content));

  let content = -1;
  let sampleTable: number | null = null;
  template.body.forEach((b, i) => {
    if (b.type === 'paragraph' && b.paragraph.text.includes(mark.content)) {
      if (content >= 0) errors.push(DOCUMENTS_RU.contentTwice(name, mark.content));
      else if (b.paragraph.text.trim() !== mark.content)
        errors.push(DOCUMENTS_RU.contentNotAlone(name, mark.content));
      content = i;
    } else if (b.type === 'table') {
      const texts = b.cells.flat(2).map((p) => p.text);
      if (texts.some((t) => t.includes(mark.content)))
        errors.push(DOCUMENTS_RU.contentOutsideBody(name, mark.content));
      if (sampleTable === null && texts.some((t) => t.includes(mark.sample))) sampleTable = i;
    }
  });
  if (content < 0 && !errors.some((e) => e.includes(mark.content)))
    errors.push(DOCUMENTS_RU.noContent(name, mark.content));

  const filled = new Map<string, string>();
  const fill = (texts: string[]): FilledToken[] => {
    const tokens = parseTemplate(texts, fields).tokens.filter(
      (t) => t.raw !== mark.content && t.raw !== mark.sample,
    );
    const out = fillTokens(tokens, { values, gender: null });
    for (const f of out) filled.set(f.raw, f.text);
    return out;
  };
  const body = fill(bodyTexts);
  const header = fill(template.header);
  const footer = fill(template.footer);

  const remove: BlockAddress[] = [];
  const empty: BlockAddress[] = [];
  const lastBlock = template.body.length - 1;
  template.body.forEach((b, i) => {
    if (i === content || i === sampleTable) return;
    if (b.type === 'paragraph') {
      if (!emptiedByFill(b.paragraph.text, filled)) return;
      (i === lastBlock ? empty : remove).push({ block: i });
    } else if (b.type === 'table') {
      const withFields = b.cells.flat(2).filter((p) => /\{\{/.test(p.text));
      if (withFields.length > 0 && withFields.every((p) => emptiedByFill(p.text, filled))) {
        remove.push({ block: i });
        return;
      }
      b.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const own = cell.filter((p) => /\{\{/.test(p.text));
          const cellGoes = own.length > 0 && own.every((p) => emptiedByFill(p.text, filled));
          cell.forEach((p, k) => {
            const address = { block: i, row: r, cell: c, paragraph: k };
            // A vanishing cell loses its other lines too («СОГЛАСОВАНО» without anyone).
            if (!cellGoes && !emptiedByFill(p.text, filled)) return;
            (k === cell.length - 1 ? empty : remove).push(address);
          });
        }),
      );
    }
  });
  // Later elements first, so that removing one does not move the others.
  const order = (a: BlockAddress, b: BlockAddress): number =>
    b.block - a.block ||
    ('row' in b ? b.row : 0) - ('row' in a ? a.row : 0) ||
    ('cell' in b ? b.cell : 0) - ('cell' in a ? a.cell : 0) ||
    ('paragraph' in b ? b.paragraph : 0) - ('paragraph' in a ? a.paragraph : 0);
  remove.sort(order);

  return {
    errors,
    content,
    sampleTable,
    remove,
    empty,
    body,
    header,
    footer,
    look: lookOf(template, content, sampleTable),
  };
}

/** The text's look from the content paragraph, the tables' from the sample table's first cell. */
function lookOf(
  template: TemplateStructure,
  content: number,
  sampleTable: number | null,
): DocumentLook {
  const marker = template.body[content];
  const own = marker?.type === 'paragraph' ? marker.paragraph.look : null;
  const fontFamily = own?.fontFamily ?? template.normal.fontFamily ?? DEFAULT_LOOK.text.fontFamily;
  const fontSize = own?.fontSize ?? template.normal.fontSize ?? DEFAULT_LOOK.text.fontSize;
  const sample = sampleTable === null ? null : template.body[sampleTable];
  const cell = sample?.type === 'table' ? (sample.cells[0]?.[0]?.[0]?.look ?? null) : null;
  return {
    text: {
      fontFamily,
      fontSize,
      indentFirstLine: own?.indentFirstLine ?? 0,
      lineSpacing: own?.lineSpacing ?? 100,
    },
    table: {
      fontFamily: cell?.fontFamily ?? fontFamily,
      // Without a sample, tables are two points smaller than the text, as 12 is to 14.
      fontSize: cell?.fontSize ?? Math.max(8, fontSize - 2),
    },
  };
}

/** One line of the built-in template, with its look. */
export interface DefaultLine {
  text: string;
  fontSize: number;
  bold?: boolean;
  align: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent, points. */
  indent?: number;
  /** Space after the paragraph, points. */
  after?: number;
}

/** The built-in template of a kind, top to bottom (the adapter writes it into a Google Doc). */
export interface DefaultTemplate {
  /** A4 and margins in points: 2 cm top and bottom, 3 cm left, 1,5 cm right. */
  page: { width: number; height: number; top: number; bottom: number; left: number; right: number };
  fontFamily: string;
  header: DefaultLine[];
  footer: DefaultLine[];
  /** The approval block: two cells side by side, no borders. */
  approval: { left: DefaultLine[]; right: DefaultLine[] };
  /** After the approval block: title, subtitle, the text. */
  lines: DefaultLine[];
  /** The sample table's one cell. */
  sampleTable: DefaultLine;
}

/** The built-in template: the same for every kind today; a kind may get its own wording. */
export function defaultTemplate(kind: DocumentKind): DefaultTemplate {
  void kind;
  const line = (text: string, extra: Partial<DefaultLine> = {}): DefaultLine => ({
    text,
    fontSize: DEFAULT_LOOK.text.fontSize,
    align: 'left',
    ...extra,
  });
  const D = DOCUMENTS_RU.defaults;
  return {
    page: { width: 595.3, height: 841.9, top: 56.7, bottom: 56.7, left: 85, right: 42.5 },
    fontFamily: DEFAULT_LOOK.text.fontFamily,
    header: [line(fieldMark(F.centre), { fontSize: 10, align: 'center' })],
    footer: [line(fieldMark(F.title), { fontSize: 8, align: 'left' })],
    approval: {
      left: [line(D.agreed), line(fieldMark(F.agreedPosition)), line(fieldMark(F.agreedName))],
      right: [
        line(D.approved),
        line(fieldMark(F.approverPosition)),
        line(fieldMark(F.approverName)),
        line(D.order),
      ],
    },
    lines: [
      line(''),
      line(fieldMark(F.title), { bold: true, align: 'center' }),
      line(fieldMark(F.subtitle), { align: 'center', after: 12 }),
      line(fieldMark(F.content), {
        align: 'justify',
        indent: DEFAULT_LOOK.text.indentFirstLine,
      }),
    ],
    sampleTable: line(D.sampleTable, { fontSize: DEFAULT_LOOK.table.fontSize }),
  };
}
