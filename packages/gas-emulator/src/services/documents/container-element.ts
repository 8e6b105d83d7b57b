/**
 * What every element holding other elements shares (reference/document/container-element):
 * its children by index, removeChild, findElement, and findText / replaceText over its text.
 * Sections, table cells, paragraphs, list items, tables and table rows extend it.
 */
import { childrenOf, nodeOf, removeChildAt, wrap } from './element';
import { findElementIn, TextSearchBase } from './find';
import type { AnyNode } from './model';

type GElement = GoogleAppsScript.Document.Element;
type GRangeElement = GoogleAppsScript.Document.RangeElement;

export abstract class ContainerElementBase extends TextSearchBase {
  /** A section's or cell's blocks, a paragraph's inline elements, a table's rows, a row's cells. */
  get #children(): AnyNode[] {
    return childrenOf(nodeOf(this))!;
  }

  getNumChildren(): number {
    return this.#children.length;
  }

  getChild(childIndex: number): GElement {
    const children = this.#children;
    const child = children[childIndex];
    if (!child)
      throw new Error(
        `Child index (${childIndex}) must be less than the number of child elements (${children.length}).`,
      );
    return wrap(this.ctx, child) as unknown as GElement;
  }

  getChildIndex(child: GElement): number {
    const index = this.#children.indexOf(nodeOf(child));
    if (index < 0) throw new Error('Element does not contain the specified child element.');
    return index;
  }

  /** Reference: "Removes the specified child element"; a section keeps its last paragraph. */
  removeChild(child: GElement): this {
    removeChildAt(nodeOf(this), this.getChildIndex(child));
    return this;
  }

  /** First descendant of a type after `from` (body#findelementelementtype,-from); null when none. */
  findElement(
    elementType: GoogleAppsScript.Document.ElementType,
    from?: GRangeElement,
  ): GRangeElement {
    return findElementIn(this, elementType, from);
  }
}
