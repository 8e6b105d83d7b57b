/**
 * Column widths of a document table from what its cells hold, the way a browser lays out a table
 * of automatic width: every column is at least as wide as its longest word (so «Результативность»
 * or «Мастерята» never break letter by letter) and at most as wide as its longest line; the page's
 * remaining width goes to the columns whose text would otherwise wrap, in proportion to how much
 * they lack. Numbers come out narrow, names and titles wide. A table too wide for the page at its
 * font size is set a point or two smaller (tableLayout), and if its longest words still do not
 * fit, only the widest columns give way, so that a column of numbers never breaks «21» into «2 1».
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
 * The pieces a line may wrap between: words, and within a word after a hyphen that joins letters
 * («Апрель-май», «ОУ-участников»), as LibreOffice and Docs break them. A slash does not count:
 * LibreOffice keeps «педагогов/родителей/обучающихся» whole. A number keeps its «1–2».
 */
function words(line: string): string[] {
  return line
    .split(/[ \t]+/)
    .flatMap((word) =>
      word.replace(/([A-Za-zА-Яа-яЁё]-)(?=[A-Za-zА-Яа-яЁё])/g, '$1\n').split('\n'),
    );
}

/** The minimal widths shrunk to `available` by capping the widest columns at one level. */
function capWidest(min: readonly number[], available: number): number[] {
  const sorted = [...min].sort((a, b) => b - a);
  let below = sorted.reduce((a, b) => a + b, 0);
  for (let k = 0; k < sorted.length; k++) {
    below -= sorted[k]!;
    const level = (available - below) / (k + 1);
    if (k === sorted.length - 1 || level >= sorted[k + 1]!)
      return min.map((w) => Math.min(w, level));
  }
  return min.slice();
}

/** Rows sampled for the height estimate: a city's appendix has thousands. */
const SAMPLE_ROWS = 120;

/**
 * Shares `spare` points out over columns at their least widths `min` so that the table comes out
 * shortest: a few points at a time go to the column where they save the most lines (a row is as
 * tall as its tallest cell), none beyond its longest line `max`; what saves nothing is shared in
 * proportion to the widths at the end.
 */
function shortest(
  text: readonly number[][][],
  min: readonly number[],
  max: readonly number[],
  spare: number,
): number[] {
  const step = Math.max(2, spare / 60);
  const rows =
    text.length <= SAMPLE_ROWS
      ? text
      : Array.from(
          { length: SAMPLE_ROWS },
          (_, i) => text[Math.floor((i * text.length) / SAMPLE_ROWS)]!,
        );
  const height = (widths: readonly number[]): number =>
    rows.reduce(
      (total, row) =>
        total +
        Math.max(
          1,
          ...row.map((lines, c) =>
            lines.reduce(
              (n, line) => n + Math.max(1, line / Math.max(1, widths[c]! - CELL_PADDING)),
              0,
            ),
          ),
        ),
      0,
    );
  const widths = min.slice();
  let left = spare;
  while (left > 0.01) {
    const give = Math.min(step, left);
    const now = height(widths);
    let best = -1;
    let saved = 0.001;
    widths.forEach((w, c) => {
      if (w + give > max[c]! + 0.01) return;
      const trial = widths.slice();
      trial[c] = w + give;
      const gain = now - height(trial);
      if (gain > saved) [best, saved] = [c, gain];
    });
    if (best < 0) break;
    widths[best] = widths[best]! + give;
    left -= give;
  }
  if (left > 0.01) {
    const total = widths.reduce((a, b) => a + b, 0);
    return widths.map((w) => w + (left * w) / total);
  }
  return widths;
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
  /** Per row, per column: the widths of the cell's lines (a cell may hold several). */
  const text: number[][][] = [];
  // A header may wrap between its words; a cell of the body should keep to one line if it can.
  const [header = [], ...body] = rows;
  const measure = (row: number[][], cell: string, c: number, whole: boolean, bold: boolean) => {
    row[c] = [];
    for (const line of cell.split('\n')) {
      for (const word of words(line)) {
        least[c] = Math.max(least[c]!, textWidth(word, fontSize, bold));
        if (!whole) most[c] = Math.max(most[c]!, textWidth(word, fontSize, bold));
      }
      const width = textWidth(line.trim(), fontSize, bold);
      if (whole) most[c] = Math.max(most[c]!, width);
      row[c]!.push(width);
    }
  };
  const measured = (cells: readonly string[], whole: boolean, bold: boolean): number[][] => {
    const row: number[][] = [];
    cells.forEach((cell, c) => measure(row, cell, c, whole, bold));
    return row;
  };
  text.push(measured(header, body.length === 0, true));
  for (const row of body) text.push(measured(row, true, false));
  const min = least.map((w) => w + CELL_PADDING);
  const max = most.map((w, c) => Math.max(w + CELL_PADDING, min[c]!));
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(max) <= available) {
    // Everything fits on one line: the spare width goes to the columns by their size.
    const spare = available - sum(max);
    widths = max.map((w) => w + (spare * w) / sum(max));
  } else if (sum(min) >= available) {
    // Even the longest words do not fit: the widest columns give way, the narrow ones keep theirs
    // (the page shared in proportion when there are too many columns for that).
    const capped = capWidest(min, available);
    widths = capped.every((w) => w >= NARROWEST * 2)
      ? capped
      : min.map((w) => (available * w) / sum(min));
  } else {
    widths = shortest(text, min, max, available - sum(min));
  }
  return widths.map((w) => Math.max(NARROWEST, Math.round(w * 10) / 10));
}

/** The least width of each column of `rows` at `fontSize`: its longest word, padded. */
export function leastWidths(rows: readonly string[][], fontSize: number): number[] {
  const count = Math.max(0, ...rows.map((r) => r.length));
  const least: number[] = new Array<number>(count).fill(0);
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      for (const line of cell.split('\n'))
        for (const word of words(line))
          least[c] = Math.max(least[c]!, textWidth(word, fontSize, r === 0));
    }),
  );
  return least.map((w) => w + CELL_PADDING);
}

/** Whether `rows` fit `available` at `fontSize`, but for one long word of the widest column. */
function fits(rows: readonly string[][], available: number, fontSize: number): boolean {
  const least = leastWidths(rows, fontSize);
  if (least.reduce((a, b) => a + b, 0) <= available) return true;
  const capped = capWidest(least, available);
  return capped.filter((w, c) => w < least[c]! - 0.01).length <= 1;
}

/**
 * The font size and column widths of a table: at `fontSize` when its longest words fit across
 * `available` (a single long word of the widest column may wrap), otherwise a point smaller at a
 * time down to `smallest` — a wide table of figures in 10 points rather than numbers broken
 * across lines — then columnWidths.
 */
export function tableLayout(
  rows: readonly string[][],
  available: number,
  fontSize: number,
  smallest = Math.max(8, fontSize - 2),
): { fontSize: number; widths: number[] } {
  let size = fontSize;
  while (size > smallest && !fits(rows, available, size)) size--;
  return { fontSize: size, widths: columnWidths(rows, available, size) };
}
