/** A1 notation: column letters, cell and range references (developers.google.com/apps-script/guides/sheets#a1_notation). */

/** 1 -> 'A', 27 -> 'AA'. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 'A' -> 1, 'AA' -> 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed reference; open-ended parts (A:A, 1:1) are null and resolved against the sheet. */
export interface A1Ref {
  sheetName: string | null;
  row: number | null;
  column: number | null;
  lastRow: number | null;
  lastColumn: number | null;
}

const CELL = /^\$?([A-Za-z]*)\$?(\d*)$/;

/** Parses 'A1', 'A1:C3', 'A:A', '2:5', "'My sheet'!B2:C" ; throws Google's message when invalid. */
export function parseA1(notation: string): A1Ref {
  let text = notation.trim();
  let sheetName: string | null = null;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = text.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'")) {
      sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    }
    text = text.slice(bang + 1);
  }
  const [first, second] = text.split(':');
  const a = CELL.exec(first ?? '');
  const b = second === undefined ? a : CELL.exec(second);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) throw new Error('Range not found');
  const col1 = a[1] ? columnNumber(a[1]) : null;
  const row1 = a[2] ? Number(a[2]) : null;
  const col2 = b[1] ? columnNumber(b[1]) : null;
  const row2 = b[2] ? Number(b[2]) : null;
  return {
    sheetName,
    row: row1 === null || row2 === null ? (row1 ?? row2) : Math.min(row1, row2),
    column: col1 === null || col2 === null ? (col1 ?? col2) : Math.min(col1, col2),
    lastRow:
      row1 === null || row2 === null ? (second === undefined ? row1 : null) : Math.max(row1, row2),
    lastColumn:
      col1 === null || col2 === null ? (second === undefined ? col1 : null) : Math.max(col1, col2),
  };
}

/** 'A1' or 'A1:C3' for a rectangle. */
export function a1Notation(
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): string {
  const start = `${columnLetter(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetter(column + numColumns - 1)}${row + numRows - 1}`;
}
