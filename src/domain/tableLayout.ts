/**
 * Column widths of a document table from what its cells hold, the way a browser lays out a table
 * of automatic width: every column is at least as wide as its longest word (so «Результативность»
 * or «Мастерята» never break letter by letter) and at most as wide as its longest line; the page's
 * remaining width goes to the columns whose text would otherwise wrap, in proportion to how much
 * they lack. Numbers come out narrow, names and titles wide.
 */

/**
 * Advances of Times New Roman's letters as a share of the size, rounded up a little (a serif
 * font of the same metrics is what official papers use): narrow, wide and the rest.
 */
const NARROW = new Set(' .,:;!|\'"()[]-ilfjtrгзIJ'.split(''));
const WIDE = new Set('жмшщыюфЖМШЩЫЮФmwMW%—'.split(''));
function advance(ch: string): number {
  if (NARROW.has(ch) || ch === '\u00a0') return 0.33;
  if (WIDE.has(ch)) return 0.76;
  if (ch !== ch.toLowerCase()) return 0.7;
  return 0.54;
}
/** A header row is bold: its letters are wider. */
const BOLD = 1.08;
/** Left and right padding of a Docs table cell together, points (and a little to spare). */
const CELL_PADDING = 12;
/** The Docs API's narrowest column, points. */
const NARROWEST = 5;

/** Width of a text set in `fontSize` points, estimated letter by letter. */
function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * fontSize * (bold ? BOLD : 1);
}

/**
 * Widths in points of the columns of `rows` (the header row first) for a table `available`
 * points wide set in `fontSize`. The widths add up to `available`.
 */
export function columnWidths(
  rows: readonly string[][],
  available: number,
  fontSize: number,
): number[] {
  const count = Math.max(0, ...rows.map((r) => r.length));
  if (count === 0) return [];
  const least: number[] = new Array<number>(count).fill(0);
  const most: number[] = new Array<number>(count).fill(0);
  // A header may wrap between its words; a cell of the body should keep to one line if it can.
  const [header = [], ...body] = rows;
  const measure = (cell: string, c: number, whole: boolean, bold: boolean): void => {
    for (const line of cell.split('\n')) {
      for (const word of line.split(/[ \t]+/)) {
        least[c] = Math.max(least[c]!, textWidth(word, fontSize, bold));
        if (!whole) most[c] = Math.max(most[c]!, textWidth(word, fontSize, bold));
      }
      if (whole) most[c] = Math.max(most[c]!, textWidth(line.trim(), fontSize, bold));
    }
  };
  header.forEach((cell, c) => measure(cell, c, body.length === 0, true));
  for (const row of body) row.forEach((cell, c) => measure(cell, c, true, false));
  const min = least.map((w) => w + CELL_PADDING);
  const max = most.map((w, c) => Math.max(w + CELL_PADDING, min[c]!));
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(max) <= available) {
    // Everything fits on one line: the spare width goes to the columns by their size.
    const spare = available - sum(max);
    widths = max.map((w) => w + (spare * w) / sum(max));
  } else if (sum(min) >= available) {
    // Even the longest words do not fit: share the page in proportion to them.
    widths = min.map((w) => (available * w) / sum(min));
  } else {
    const spare = available - sum(min);
    const lack = max.map((w, c) => w - min[c]!);
    const total = sum(lack);
    widths = min.map((w, c) => w + (total > 0 ? (spare * lack[c]!) / total : spare / count));
  }
  return widths.map((w) => Math.max(NARROWEST, Math.round(w * 10) / 10));
}
