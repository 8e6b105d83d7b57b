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
 * Advances of Times New Roman's letters, digits and signs in thousandths of the size, regular and
 * bold — read from Liberation Serif, whose metrics are Times New Roman's (what LibreOffice sets
 * a .docx in); official papers use it. Another font is estimated by these.
 */
const GLYPHS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяЁё№–—«»„“”…\u00a0−';
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
  500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
  556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
  722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
  278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
  722, 574, 667, 578, 682, 611, 896, 501, 722, 722, 667, 678, 889, 722, 722, 722, 556, 667, 611,
  708, 790, 722, 722, 650, 1009, 1009, 706, 872, 574, 660, 1028, 667, 444, 509, 472, 410, 509, 444,
  691, 395, 535, 535, 486, 499, 633, 535, 500, 535, 500, 444, 437, 500, 648, 500, 535, 503, 770,
  770, 517, 672, 456, 429, 747, 460, 611, 444, 954, 500, 1000, 500, 500, 444, 444, 444, 1000, 250,
  564,
];
const BOLD_ADVANCE = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500,
  500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667,
  611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722,
  722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556,
  278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
  722, 661, 667, 636, 688, 667, 989, 528, 778, 778, 725, 745, 944, 778, 778, 778, 611, 722, 667,
  734, 859, 722, 778, 734, 1098, 1098, 765, 982, 661, 678, 1126, 722, 500, 500, 540, 454, 506, 444,
  725, 402, 576, 576, 576, 561, 681, 576, 500, 576, 556, 444, 491, 500, 692, 500, 576, 564, 844,
  844, 583, 781, 529, 432, 764, 541, 667, 444, 1005, 500, 1000, 500, 500, 500, 500, 500, 1000, 250,
  570,
];
const ADVANCE = new Map<string, [number, number]>(
  Array.from(GLYPHS).map((ch, i) => [ch, [REGULAR[i]! / 1000, BOLD_ADVANCE[i]! / 1000]]),
);
/** A little to spare: rounding of the renderer, a font a little wider than Times. */
const SPARE = 1.03;
function advance(ch: string, bold: boolean): number {
  const known = ADVANCE.get(ch);
  if (known) return known[bold ? 1 : 0] * SPARE;
  return (ch !== ch.toLowerCase() ? 0.72 : 0.56) * (bold ? 1.06 : 1) * SPARE;
}
/** Left and right padding of a Docs table cell together, points (and a little to spare). */
const CELL_PADDING = 12;
/** The Docs API's narrowest column, points. */
const NARROWEST = 5;

/** Width of a text set in `fontSize` points, estimated letter by letter. */
function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += advance(ch, bold);
  return em * fontSize;
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
 * shortest: each time, the column and the amount (a few points or more) that save the most lines
 * per point go first — a row is as tall as its tallest cell, a cell's line takes as many lines as
 * it is longer than the column — never beyond a column's longest line `max`. What saves nothing
 * is shared in proportion to the widths at the end.
 */
function shortest(
  text: readonly number[][][],
  min: readonly number[],
  max: readonly number[],
  spare: number,
): number[] {
  const step = Math.max(2, spare / 30);
  const rows =
    text.length <= SAMPLE_ROWS
      ? text
      : Array.from(
          { length: SAMPLE_ROWS },
          (_, i) => text[Math.floor((i * text.length) / SAMPLE_ROWS)]!,
        );
  const lines = (cell: readonly number[] | undefined, width: number): number =>
    (cell ?? []).reduce(
      (n, line) => n + Math.max(1, Math.ceil(line / Math.max(1, width - CELL_PADDING) - 1e-9)),
      0,
    );
  const widths = min.slice();
  let left = spare;
  while (left > 0.01) {
    let best: { column: number; give: number; rate: number } | null = null;
    for (let c = 0; c < widths.length; c++) {
      // The height of each row without this column, then what each width of it would make.
      const others = rows.map((row) =>
        row.reduce((h, cell, k) => (k === c ? h : Math.max(h, lines(cell, widths[k]!))), 1),
      );
      const height = (width: number): number =>
        rows.reduce((total, row, r) => total + Math.max(others[r]!, lines(row[c], width)), 0);
      const now = height(widths[c]!);
      const room = Math.min(left, max[c]! - widths[c]!);
      for (
        let give = Math.min(step, room);
        give > 0.01;
        give = give >= room ? 0 : Math.min(give + step, room)
      ) {
        const rate = (now - height(widths[c]! + give)) / give;
        if (rate > 1e-9 && (!best || rate > best.rate)) best = { column: c, give, rate };
      }
    }
    if (!best) break;
    widths[best.column] = widths[best.column]! + best.give;
    left -= best.give;
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

/** Whether the longest words of `rows` fit across `available` at `fontSize`. */
function fits(rows: readonly string[][], available: number, fontSize: number): boolean {
  return leastWidths(rows, fontSize).reduce((a, b) => a + b, 0) <= available;
}

/**
 * The font size and column widths of a table: at `fontSize` when its longest words fit across
 * `available`, otherwise a point smaller at a time down to `smallest` — a wide table of figures
 * in 10 points rather than numbers broken across lines, «обучающихся» rather than
 * «обучающихс|я» — then columnWidths (below `smallest` the widest columns give way).
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
