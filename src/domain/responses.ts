/**
 * A raw form response as the intake sees it: read by question title from the linked response
 * sheet, so column order and questions added later (the file upload) do not matter.
 */
import { Q, type FormDefinition } from './forms';
import { formatDateNumeric } from './text/dates';

export interface RawResponse {
  /** Stable id: the form's prefix and the response sheet row, e.g. `REG-5`. Edits keep the row. */
  id: string;
  row: number;
  timestamp: Date | null;
  answers: Record<string, string>;
  /** The respondent's address, when the form collects it («Проверять отправителя»); else ''. */
  respondent: string;
}

/** Google's timestamp column of every linked response sheet. */
export const TIMESTAMP_TITLE = 'Отметка времени';
/** Google's column of the respondent's address, when the form collects it. */
export const RESPONDENT_TITLE = 'Адрес электронной почты';

/**
 * Turns the response sheet's values (header first) into responses; blank rows are skipped.
 * `keepSchool`, given the ОУ answer, lets a submit skip other schools' rows before parsing them.
 */
export function toResponses(
  definition: FormDefinition,
  values: unknown[][],
  keepSchool?: (schoolAnswer: string) => boolean,
): RawResponse[] {
  const header = values[0] ?? [];
  const titles = header.map((h) => String(h).trim());
  const schoolOf = schoolAnswerReader(header);
  const responses: RawResponse[] = [];
  // Rows a submit did not read are holes in `values`: forEach passes over them.
  values.forEach((row, sheetIndex) => {
    if (sheetIndex === 0) return;
    const index = sheetIndex - 1;
    if (keepSchool && !keepSchool(schoolOf(row))) return;
    if (isBlankRow(row)) return;
    // Keyed by column titles, which staff may type: no prototype for «__proto__» to reach.
    const answers = Object.create(null) as Record<string, string>;
    let timestamp: Date | null = null;
    let respondent = '';
    titles.forEach((title, c) => {
      const cell = row[c];
      if (title === TIMESTAMP_TITLE) {
        timestamp = cell instanceof Date ? cell : null;
        return;
      }
      if (title === RESPONDENT_TITLE) {
        respondent = cellText(cell).trim().toLowerCase();
        return;
      }
      if (title === '') return;
      // A question deleted and added again has two columns of one title: the answer is in one.
      const text = cellText(cell);
      if (text !== '' || answers[title] === undefined) answers[title] = text;
    });
    const sheetRow = index + 2;
    responses.push({
      id: `${definition.idPrefix}-${sheetRow}`,
      row: sheetRow,
      timestamp,
      answers,
      respondent,
    });
  });
  return responses;
}

/** Reads the ОУ answer of a response row (the first non-empty ОУ column), given the header. */
export function schoolAnswerReader(
  header: readonly unknown[],
): (row: readonly unknown[]) => string {
  const schoolColumns = header.flatMap((h, i) => (String(h).trim() === Q.school ? [i] : []));
  return (row) => {
    for (const c of schoolColumns) {
      const text = cellText(row[c]);
      if (text !== '') return text;
    }
    return '';
  };
}

/** A row with no answer at all (a response sheet row cleared by hand). */
export function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((cell) => cell === '' || cell === null || cell === undefined);
}

/** A response cell as the text the school typed (numbers and dates as Sheets shows them). */
function cellText(cell: unknown): string {
  if (typeof cell === 'string') return cell;
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return formatDateNumeric(cell);
  return String(cell);
}
