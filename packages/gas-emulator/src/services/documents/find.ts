/**
 * findElement and findText (reference/document/body#findelementelementtype,-from,
 * #findtextsearchpattern,-from) and the RangeElement they return (reference/document/range-element).
 * Both search the element's descendants in document order; `from` continues after a previous
 * result, and null means nothing (more) was found. findText matches the pattern "independently
 * against each text block", i.e. within one Text element at a time.
 */
import { stubInterface } from '../../core/errors';
import { childrenOf, CTX, ElementBase, nodeOf, wrap, type DocCtx } from './element';
import type { AnyNode, TextNode } from './model';
import { nodeText, replaceInNode, textNodesOf, toRegExp } from './model-text';

type GElement = GoogleAppsScript.Document.Element;
type GRangeElement = GoogleAppsScript.Document.RangeElement;

/** A search result: a whole element (findElement) or characters of a Text element (findText). */
export class RangeElement {
  constructor(
    private readonly ctx: DocCtx,
    readonly node: AnyNode,
    /** Inclusive character offsets of a text match; null for a whole element. */
    readonly span: { start: number; end: number } | null,
  ) {}

  /** The element found (a Text element for findText). */
  getElement(): GElement {
    return wrap(this.ctx, this.node) as unknown as GElement;
  }

  /** Offset of the first matched character; -1 for a whole element. */
  getStartOffset(): number {
    return this.span ? this.span.start : -1;
  }

  /** Offset of the last matched character; -1 for a whole element. */
  getEndOffsetInclusive(): number {
    return this.span ? this.span.end : -1;
  }

  /** True when only some of the element's characters are covered (text matches). */
  isPartial(): boolean {
    return this.span !== null;
  }
}
stubInterface(RangeElement, 'Document.RangeElement');

/** The descendants of `root` in document order (root itself excluded). */
function descendants(root: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  const visit = (node: AnyNode): void => {
    for (const child of childrenOf(node) ?? []) {
      out.push(child);
      visit(child);
    }
  };
  visit(root);
  return out;
}

function ctxOf(el: object): DocCtx {
  return CTX.get(el)!;
}

function fromResult(from: unknown): RangeElement | null {
  if (from === undefined || from === null) return null;
  if (!(from instanceof RangeElement))
    throw new Error('emulator: `from` must be a RangeElement returned by a search');
  return from;
}

/** findElement(elementType[, from]) on element `el`. */
export function findElementIn(el: object, elementType: unknown, from?: unknown): GRangeElement {
  const type = String(elementType);
  const all = descendants(nodeOf(el));
  const previous = fromResult(from);
  const start = previous ? all.indexOf(previous.node) + 1 : 0;
  if (previous && start === 0) return null!;
  const found = all.slice(start).find((n) => n.type === type);
  return (found ? new RangeElement(ctxOf(el), found, null) : null) as unknown as GRangeElement;
}

/** findText(searchPattern[, from]) on element `el` (a Text element searches only itself). */
export function findTextIn(el: object, searchPattern: string, from?: unknown): GRangeElement {
  const root = nodeOf(el);
  const texts = (
    root.type === 'TEXT' ? [root] : descendants(root).filter((n) => n.type === 'TEXT')
  ) as TextNode[];
  const previous = fromResult(from);
  let index = 0;
  let offset = 0;
  if (previous) {
    index = texts.indexOf(previous.node as TextNode);
    if (index < 0) return null!;
    offset = (previous.span?.end ?? -1) + 1;
  }
  for (; index < texts.length; index++, offset = 0) {
    const regex = toRegExp(searchPattern);
    regex.lastIndex = offset;
    const text = nodeText(texts[index]!);
    const match = regex.exec(text);
    if (match && match[0].length > 0) {
      const span = { start: match.index, end: match.index + match[0].length - 1 };
      return new RangeElement(ctxOf(el), texts[index]!, span) as unknown as GRangeElement;
    }
  }
  return null!;
}

/**
 * findText and replaceText, which Text and every element holding text (body, paragraph, table,
 * row, cell...) have alike: both work on the text nodes under the element, one at a time.
 */
export abstract class TextSearchBase extends ElementBase {
  /** First match of a pattern in a Text element after `from` (body#findtextsearchpattern,-from); null when none. */
  findText(searchPattern: string, from?: GRangeElement): GRangeElement {
    return findTextIn(this, searchPattern, from);
  }

  /** Reference: pattern is a regular expression string matched within each text element. */
  replaceText(searchPattern: string, replacement: string): GElement {
    const regex = toRegExp(searchPattern);
    for (const node of textNodesOf(nodeOf(this))) replaceInNode(node, regex, String(replacement));
    return this as unknown as GElement;
  }
}
