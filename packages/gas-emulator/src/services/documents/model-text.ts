/**
 * Text over the document model: the text of a node, runs split and merged as attributes change,
 * the nodes under a node, and replaceText's regular expressions.
 */
import {
  Attribute,
  TEXT_ATTRIBUTES,
  type AnyNode,
  type Attrs,
  type BlockNode,
  type CellNode,
  type Container,
  type ParagraphNode,
  type Run,
  type TableNode,
  type TextNode,
} from './model';

/** The text of a Text node: its runs joined. */
export function nodeText(node: TextNode): string {
  return node.runs.map((run) => run.text).join('');
}

/** A paragraph's text (inline images and breaks are not text). */
export function paragraphText(p: ParagraphNode): string {
  return p.children.map((c) => (c.type === 'TEXT' ? nodeText(c) : '')).join('');
}

/** A cell's text: its paragraphs and tables joined by '\n'. */
export function cellText(cell: CellNode): string {
  return cell.children.map(blockText).join('\n');
}

/** A table's text: cell by cell, row by row, joined by '\n'. */
export function tableText(table: TableNode): string {
  return table.rows.map((row) => row.cells.map(cellText).join('\n')).join('\n');
}

function blockText(block: BlockNode): string {
  return block.type === 'TABLE' ? tableText(block) : paragraphText(block);
}

/** A section's or cell's text: its blocks joined by '\n'. */
export function containerText(container: Container): string {
  return container.children.map(blockText).join('\n');
}

function sameAttrs(a: Attrs, b: Attrs): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** Drops empty runs and merges neighbours with the same attributes. */
export function normalize(node: TextNode): void {
  const runs: Run[] = [];
  for (const run of node.runs) {
    const last = runs[runs.length - 1];
    if (run.text === '') continue;
    if (last && sameAttrs(last.attrs, run.attrs)) last.text += run.text;
    else runs.push({ text: run.text, attrs: { ...run.attrs } });
  }
  node.runs = runs;
}

/** Splits runs so that `pos` is a run boundary; returns the index of the run starting there. */
export function splitAt(node: TextNode, pos: number): number {
  let offset = 0;
  for (let i = 0; i < node.runs.length; i++) {
    const run = node.runs[i]!;
    if (pos === offset) return i;
    if (pos < offset + run.text.length) {
      const cut = pos - offset;
      node.runs.splice(
        i,
        1,
        { text: run.text.slice(0, cut), attrs: run.attrs },
        { text: run.text.slice(cut), attrs: { ...run.attrs } },
      );
      return i + 1;
    }
    offset += run.text.length;
  }
  return node.runs.length;
}

/** Sets attributes on the characters [start, end) of a Text node. */
export function applyToNode(node: TextNode, start: number, end: number, attrs: Attrs): void {
  if (end <= start) return;
  const from = splitAt(node, start);
  const to = splitAt(node, end);
  for (let i = from; i < to; i++) node.runs[i]!.attrs = { ...node.runs[i]!.attrs, ...attrs };
  normalize(node);
}

/** The attributes of the character at `pos` (of the last run past the end). */
export function attrsAt(node: TextNode, pos: number): Attrs {
  let offset = 0;
  for (const run of node.runs) {
    if (pos < offset + run.text.length) return run.attrs;
    offset += run.text.length;
  }
  return node.runs[node.runs.length - 1]?.attrs ?? {};
}

/** The character attributes a paragraph gives new text. */
export function textDefaults(p: ParagraphNode | null): Attrs {
  const out: Attrs = {};
  if (!p) return out;
  for (const key of TEXT_ATTRIBUTES) if (p.attrs[key] !== undefined) out[key] = p.attrs[key];
  return out;
}

/** Replaces a paragraph's contents by one Text that keeps the formatting of its first run. */
export function setParagraphText(p: ParagraphNode, text: string): void {
  const first = p.children.find((c): c is TextNode => c.type === 'TEXT');
  const attrs = first?.runs[0]?.attrs ?? textDefaults(p);
  p.children =
    String(text) === ''
      ? []
      : [{ type: 'TEXT', runs: [{ text: String(text), attrs: { ...attrs } }] }];
}

/** Known attributes split into character-level ones and the rest; unknown keys dropped. */
export function splitAttrs(attrs: Attrs): { text: Attrs; other: Attrs } {
  const text: Attrs = {};
  const other: Attrs = {};
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (!(key in Attribute)) continue;
    (TEXT_ATTRIBUTES.includes(key) ? text : other)[key] = value;
  }
  return { text, other };
}

/** Every text node under a node, in document order. */
export function textNodesOf(node: AnyNode): TextNode[] {
  switch (node.type) {
    case 'TEXT':
      return [node];
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return node.children.filter((c): c is TextNode => c.type === 'TEXT');
    case 'TABLE':
      return node.rows.flatMap(textNodesOf);
    case 'TABLE_ROW':
      return node.cells.flatMap(textNodesOf);
    case 'TABLE_CELL':
    case 'BODY_SECTION':
    case 'HEADER_SECTION':
    case 'FOOTER_SECTION':
      return node.children.flatMap(textNodesOf);
    default:
      return [];
  }
}

/** Every paragraph and list item under a node, in document order. */
export function paragraphsOf(node: AnyNode): ParagraphNode[] {
  switch (node.type) {
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return [node];
    case 'TABLE':
      return node.rows.flatMap(paragraphsOf);
    case 'TABLE_ROW':
      return node.cells.flatMap(paragraphsOf);
    case 'TABLE_CELL':
    case 'BODY_SECTION':
    case 'HEADER_SECTION':
    case 'FOOTER_SECTION':
      return node.children.flatMap(paragraphsOf);
    default:
      return [];
  }
}

/** Every table under a node (nested tables after their parent), in document order. */
export function tablesOf(node: AnyNode): TableNode[] {
  switch (node.type) {
    case 'TABLE':
      return [node, ...node.rows.flatMap((r) => r.cells.flatMap(tablesOf))];
    case 'TABLE_CELL':
    case 'BODY_SECTION':
    case 'HEADER_SECTION':
    case 'FOOTER_SECTION':
      return node.children.flatMap(tablesOf);
    default:
      return [];
  }
}

/** Sets a character attribute on all text under `node`, and as the default of its paragraphs. */
export function applyTextAttrs(node: AnyNode, attrs: Attrs): void {
  if (Object.keys(attrs).length === 0) return;
  for (const p of paragraphsOf(node)) Object.assign(p.attrs, attrs);
  for (const t of textNodesOf(node)) applyToNode(t, 0, nodeText(t).length, attrs);
}

/** Uniform value of a character attribute over text nodes, or null when mixed or absent. */
export function uniform(nodes: TextNode[], key: string, fallback: Attrs): unknown {
  let value: unknown = undefined;
  for (const node of nodes) {
    for (const run of node.runs) {
      const v = run.attrs[key] ?? null;
      if (value === undefined) value = v;
      else if (value !== v) return null;
    }
  }
  return value === undefined ? (fallback[key] ?? null) : value;
}

// Regular expressions: Apps Script passes the pattern as a string matched (RE2) against each text
// element; the replacement follows Java's Matcher rules ($n groups, backslash escapes).

/** The pattern as a global RegExp; RE2's leading inline flags such as (?i) become flags. */
export function toRegExp(pattern: string): RegExp {
  let source = String(pattern);
  let flags = 'g';
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1]!) if (f !== 'x' && !flags.includes(f)) flags += f;
  }
  return new RegExp(source, flags);
}

function expandReplacement(replacement: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]!;
    if (c === '\\') {
      i++;
      if (i >= replacement.length) throw new Error('character to be escaped is missing');
      out += replacement[i];
    } else if (c === '$') {
      const digits = /^\d+/.exec(replacement.slice(i + 1));
      if (!digits) throw new Error('Illegal group reference');
      let ref = digits[0];
      // Java takes as many digits as still name an existing group.
      while (ref.length > 1 && Number(ref) >= match.length) ref = ref.slice(0, -1);
      if (Number(ref) >= match.length) throw new Error(`No group ${ref}`);
      out += match[Number(ref)] ?? '';
      i += ref.length;
    } else {
      out += c;
    }
  }
  return out;
}

/** Replaces every match within one Text node; replacements take the matched text's attributes. */
export function replaceInNode(node: TextNode, regex: RegExp, replacement: string): void {
  const text = nodeText(node);
  regex.lastIndex = 0;
  const runs: Run[] = [];
  const copy = (from: number, to: number): void => {
    let offset = 0;
    for (const run of node.runs) {
      const a = Math.max(from, offset);
      const b = Math.min(to, offset + run.text.length);
      if (a < b) runs.push({ text: run.text.slice(a - offset, b - offset), attrs: run.attrs });
      offset += run.text.length;
    }
  };
  let pos = 0;
  let changed = false;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    copy(pos, match.index);
    runs.push({ text: expandReplacement(replacement, match), attrs: attrsAt(node, match.index) });
    pos = match.index + match[0].length;
    changed = true;
    if (match[0].length === 0) regex.lastIndex++;
  }
  if (!changed) return;
  copy(pos, text.length);
  node.runs = runs;
  normalize(node);
}
