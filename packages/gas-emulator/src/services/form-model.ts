/** Storage of forms, their items and responses. */

/** FormApp.ItemType names the emulator models (FILE_UPLOAD only arrives by hand: ws.uploadFileItem). */
export type ItemTypeName =
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'LIST'
  | 'MULTIPLE_CHOICE'
  | 'CHECKBOX'
  | 'DATE'
  | 'SCALE'
  | 'SECTION_HEADER'
  | 'PAGE_BREAK'
  | 'FILE_UPLOAD';

/** A text / checkbox validation rule built by FormApp.create*Validation(). */
export interface ValidationRule {
  kind:
    | 'NUMBER'
    | 'WHOLE_NUMBER'
    | 'NUMBER_BETWEEN'
    | 'NUMBER_GREATER_THAN'
    | 'NUMBER_LESS_THAN'
    | 'EMAIL'
    | 'URL'
    | 'LENGTH_AT_MOST'
    | 'LENGTH_AT_LEAST'
    | 'PATTERN'
    | 'SELECT_AT_LEAST'
    | 'SELECT_AT_MOST'
    | 'SELECT_EXACTLY';
  args: (number | string)[];
  helpText: string;
}

/** One question or layout item. */
export interface ItemModel {
  id: number;
  /**
   * The number a prefilled link names the question by (`entry.<n>=…`): Google's published form
   * has its own ids for questions, distinct from the item ids FormApp gives out.
   */
  entryId: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  hasOther: boolean;
  validation: ValidationRule | null;
  scale: { lower: number; upper: number; lowerLabel: string; upperLabel: string };
  includesYear: boolean;
  /** FILE_UPLOAD settings made in the Forms editor ("Maximum number of files", "Maximum file size"). */
  upload?: { maxFiles: number | null; maxFileSize: number | null };
}

/** Layout items have no answer and no response-sheet column. */
export function isQuestion(item: ItemModel): boolean {
  return item.type !== 'SECTION_HEADER' && item.type !== 'PAGE_BREAK';
}

/** A stored answer: a string, or string[] for checkbox and file-upload items. */
export type Answer = string | string[];

/** One form response (edits keep the id). */
export interface ResponseModel {
  id: string;
  timestamp: Date;
  respondent: string;
  answers: Map<number, Answer>;
  /** Row of the destination sheet holding this response, if linked. */
  sheetRow: number | null;
}

/** One form. */
export class FormModel {
  title: string;
  description = '';
  items: ItemModel[] = [];
  responses: ResponseModel[] = [];
  destination: { spreadsheetId: string; sheetId: number } | null = null;
  /** Column of each question in the destination sheet (Google keeps a column when the item goes). */
  columns = new Map<number, number>();
  collectEmail = false;
  requireLogin = false;
  confirmationMessage = '';
  acceptingResponses = true;
  allowResponseEdits = false;
  limitOneResponsePerUser = false;
  nextItemId = 1;

  constructor(
    readonly id: string,
    readonly publishedId: string,
    title: string,
  ) {
    this.title = title;
  }

  /** Adds an item with defaults. */
  addItem(type: ItemTypeName): ItemModel {
    const n = this.nextItemId++;
    const item: ItemModel = {
      id: 100000000 + n * 7919,
      entryId: 1000000000 + n * 104729,
      type,
      title: '',
      helpText: '',
      required: false,
      choices: [],
      hasOther: false,
      validation: null,
      scale: { lower: 1, upper: 5, lowerLabel: '', upperLabel: '' },
      includesYear: true,
    };
    this.items.push(item);
    return item;
  }

  /** The item with `id`. */
  item(id: number): ItemModel | undefined {
    return this.items.find((i) => i.id === id);
  }
}
