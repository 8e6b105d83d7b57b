/**
 * The index of answers by ОУ, kept on the hidden tab «Индекс ответов» so that a form submit reads
 * only what its ОУ needs: Forms append answers by time, not by ОУ, and a district's response
 * sheets run to tens of thousands of rows. Three kinds of lines, sorted by key:
 *
 * - `#` — what was placed of each response sheet (its last row, that row's timestamp and the
 *   latest timestamp: a new row below, or a row edited or deleted without a trigger, shows), the
 *   body rows of each derived tab as written, how many lines follow and their checksum (a hand
 *   edit of the index shows to the daily check);
 * - `ОУ: <key>` — the rows of that ОУ's block in each grouped tab (the blocks are in key order, so
 *   the counts of the ОУ before it say where it starts);
 * - `ответ: <ОУ as answered>` — the rows of each form holding that answer. Keyed by the answer,
 *   not by the ОУ it matched: the registry decides the ОУ when the index is read, so an alias added
 *   by staff moves answers to their ОУ without rewriting the index.
 *
 * Columns: the key; the four block counts (an ОУ line's); the four lists of rows (an answer's). A
 * submit and the daily check read every line and trust the index only when there are as many as
 * the `#` line says and they add up to its checksum (a line added, deleted or edited by hand
 * shows); a submit decodes only the lists of its ОУ's answers. A full projection writes the index
 * whole; a submit rewrites the lines of its ОУ. Pure data here; workspace/responseIndexTab.ts
 * reads and writes the tab.
 */
import type { FormKind } from './forms';
import { comparePartitions } from './intake';
import { FORM_REGISTRY, GROUPED_SCHEMAS } from './formRegistry';

/** What was placed of one response sheet (see the module comment). */
export interface PlacedState {
  rows: number;
  last: number;
  max: number;
}

export type Placed = Partial<Record<FormKind, PlacedState>>;

/** Body rows of each derived tab after the app last wrote it, by tab name. */
export type TabCounts = Record<string, number>;

/** The grouped tabs in the order of the index's block columns. */
export const BLOCK_TABS: readonly string[] = GROUPED_SCHEMAS.map((s) => s.name);

/** The forms in the order of the index's columns of rows. */
export const INDEX_FORMS: readonly FormKind[] = FORM_REGISTRY.map((e) => e.definition.kind);

/** Column of the first block count and of the first list of rows. */
export const BLOCK_COLUMN = 1;
export const ROWS_COLUMN = BLOCK_COLUMN + BLOCK_TABS.length;
/** The width of an index line. */
export const INDEX_WIDTH = ROWS_COLUMN + INDEX_FORMS.length;

/** The tab's header: «Ключ», «Блок: <вкладка>» per grouped tab, «Строки: <форма>» per form. */
export const INDEX_HEADER: readonly string[] = [
  'Ключ',
  ...BLOCK_TABS.map((tab) => `Блок: ${tab}`),
  ...FORM_REGISTRY.map((e) => `Строки: ${e.definition.indexLabel}`),
];

/** The `#` line. */
export interface IndexMeta {
  placed: Placed;
  tabs: TabCounts;
  /** False when a form's projection was stopped: then no submit may trust the index. */
  complete: boolean;
}

/** Rows of each form holding one answer; null when there were too many to list in a cell. */
export type AnswerRows = Partial<Record<FormKind, number[] | null>>;

/** The index to write: every answer's rows decoded. */
export interface IndexContent {
  meta: IndexMeta;
  /** ОУ answer as typed → its rows per form. */
  answers: Map<string, AnswerRows>;
  /** ОУ key → rows of its block in each grouped tab, in BLOCK_TABS order. */
  blocks: Map<string, number[]>;
}

/** The index as read (the answers' lists may not have been). */
export interface ResponseIndex {
  meta: IndexMeta;
  /** ОУ answer as typed → its line's place among the lines read (0 is the `#` line). */
  answers: Map<string, number>;
  /** ОУ key → rows of its block in each grouped tab, in BLOCK_TABS order. */
  blocks: Map<string, number[]>;
  /** What the `#` line records: the other lines' count and checksum when they were written. */
  lines: number;
  checksum: number;
}

export const META_KEY = '#';
const ANSWER_PREFIX = 'ответ: ';
const BLOCK_PREFIX = 'ОУ: ';

/** Sheets refuses a cell over 50,000 characters: a longer list of rows is not kept. */
const MAX_LIST_CHARS = 49_000;

/** Rows as text: runs of consecutive rows as «5-7», others by commas. */
export function encodeRows(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join(',');
}

/** The rows of an encoded list; null when the text is not one (never written by the index). */
export function decodeRows(text: string): number[] | null {
  const rows: number[] = [];
  if (text.trim() === '') return rows;
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)(?:-(\d+))?\s*$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from || to - from > 1_000_000) return null;
    for (let r = from; r <= to; r++) rows.push(r);
  }
  return rows;
}

/** 32-bit FNV-1a of a text. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A line's share of the checksum: the checksum is their sum, so a line can be swapped in place. */
export function lineChecksum(line: readonly unknown[]): number {
  let text = '';
  for (let c = 0; c < INDEX_WIDTH; c++) {
    const cell = line[c];
    text += (cell === null || cell === undefined ? '' : String(cell)) + '\u0001';
  }
  return fnv(text);
}

/** The checksum of index lines (the `#` line and blank lines left out). */
export function linesChecksum(lines: readonly (readonly unknown[])[]): number {
  let sum = 0;
  for (const line of lines) {
    const key = String(line[0] ?? '');
    if (key === META_KEY || key === '') continue;
    sum = (sum + lineChecksum(line)) >>> 0;
  }
  return sum;
}

/** The key of an answer's line. */
export function answerKey(answer: string): string {
  return ANSWER_PREFIX + answer;
}

/** The key of an ОУ block's line. */
export function blockKey(partition: string): string {
  return BLOCK_PREFIX + partition;
}

/** An answer's line. */
export function answerLine(answer: string, rows: AnswerRows): unknown[] {
  const line: unknown[] = new Array(INDEX_WIDTH).fill('');
  line[0] = answerKey(answer);
  INDEX_FORMS.forEach((kind, i) => {
    const list = rows[kind];
    if (list === undefined) return;
    const text = list === null ? '' : encodeRows(list);
    line[ROWS_COLUMN + i] = list === null || text.length > MAX_LIST_CHARS ? '*' : text;
  });
  return line;
}

/** An ОУ block's line. */
export function blockLine(partition: string, counts: readonly number[]): unknown[] {
  const line: unknown[] = new Array(INDEX_WIDTH).fill('');
  line[0] = blockKey(partition);
  counts.forEach((n, i) => (line[BLOCK_COLUMN + i] = n));
  return line;
}

/** The `#` line: `lines` other lines whose checksums add up to `checksum`. */
export function metaLine(meta: IndexMeta, lines: number, checksum: number): unknown[] {
  const line: unknown[] = new Array(INDEX_WIDTH).fill('');
  line[0] = META_KEY;
  line[1] = JSON.stringify({ ...meta, lines, checksum });
  return line;
}

/** Index lines sorted by key, the `#` line first. */
export function sortLines(lines: unknown[][]): unknown[][] {
  return lines
    .map((line) => ({ line, key: String(line[0] ?? '') }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.line);
}

/** The whole index as lines, sorted, with its `#` line. */
export function indexLines(index: IndexContent): unknown[][] {
  const body: unknown[][] = [];
  for (const [answer, rows] of index.answers) body.push(answerLine(answer, rows));
  for (const [partition, counts] of index.blocks) {
    if (counts.some((n) => n > 0)) body.push(blockLine(partition, counts));
  }
  return sortLines([metaLine(index.meta, body.length, linesChecksum(body)), ...body]);
}

/**
 * The index from the tab's lines (header left out); null without a readable `#` line, with a line
 * of no known kind or with more or fewer lines than the `#` line says.
 */
export function parseIndex(lines: readonly (readonly unknown[])[]): ResponseIndex | null {
  let meta: (IndexMeta & { lines?: number; checksum?: number }) | null = null;
  const answers = new Map<string, number>();
  const blocks = new Map<string, number[]>();
  let count = 0;
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at]!;
    const key = String(line[0] ?? '');
    if (key === '') continue;
    if (key === META_KEY) {
      try {
        meta = JSON.parse(String(line[1] ?? '')) as IndexMeta & { lines?: number };
      } catch {
        return null;
      }
      continue;
    }
    count++;
    if (key.startsWith(ANSWER_PREFIX)) answers.set(key.slice(ANSWER_PREFIX.length), at);
    else if (key.startsWith(BLOCK_PREFIX)) {
      blocks.set(
        key.slice(BLOCK_PREFIX.length),
        BLOCK_TABS.map((_, i) => Number(line[BLOCK_COLUMN + i]) || 0),
      );
    } else return null;
  }
  if (!meta || typeof meta !== 'object' || !meta.placed || !meta.tabs) return null;
  if (Number(meta.lines) !== count) return null;
  return {
    meta: { placed: meta.placed, tabs: meta.tabs, complete: meta.complete !== false },
    answers,
    blocks,
    lines: count,
    checksum: Number(meta.checksum) >>> 0,
  };
}

/** An answer's rows per form from its line; null when a cell is not a list of rows. */
export function answerRows(line: readonly unknown[]): AnswerRows | null {
  const rows: AnswerRows = {};
  for (let i = 0; i < INDEX_FORMS.length; i++) {
    const text = String(line[ROWS_COLUMN + i] ?? '');
    if (text === '') continue;
    if (text === '*') {
      rows[INDEX_FORMS[i]!] = null;
      continue;
    }
    const list = decodeRows(text);
    if (list === null) return null;
    rows[INDEX_FORMS[i]!] = list;
  }
  return rows;
}

/**
 * Where the block of `partition` starts in a grouped tab (body index from 0): the rows of every
 * ОУ before it in key order. `column` is the tab's place in BLOCK_TABS.
 */
export function blockStart(
  blocks: ReadonlyMap<string, readonly number[]>,
  partition: string,
  column: number,
): number {
  let start = 0;
  for (const [key, counts] of blocks) {
    if (key !== partition && comparePartitions(key, partition) < 0) start += counts[column] ?? 0;
  }
  return start;
}
