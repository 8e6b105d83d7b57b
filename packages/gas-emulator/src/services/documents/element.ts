/**
 * What every document element shares. Google hands out fresh element objects; each one points at
 * a node of the model and at the Document it was reached through (closing that Document closes
 * its elements). Element classes live in their own modules and register here, so `wrap` can hand
 * out the class of any node without this module importing its subclasses.
 */
import { notImplemented, stubUnimplemented } from '../../core/errors';
import type { DriveItem, WorkspaceState } from '../../core/state';
import {
  ElementType,
  exposed,
  LIST_ATTRIBUTES,
  PARAGRAPH_ATTRIBUTES,
  stored,
  TEXT_ATTRIBUTES,
  type AnyNode,
  type Attrs,
  type DocumentContent,
} from './model';
import { applyTextAttrs, splitAttrs, textNodesOf, uniform } from './model-text';

type GElement = GoogleAppsScript.Document.Element;
/** Google's interface minus what the fake implements; merged into the fake class (see finish). */
export type Rest<GI, Impl> = Omit<GI, keyof Impl>;
/** The part of Google's interface the fake implements: checked by `implements`. */
export type Implemented<GI, Impl> = Pick<GI, Extract<keyof Impl, keyof GI>>;

/** The open Document an element was reached through. */
export interface DocCtx {
  ws: WorkspaceState;
  id: string;
  content: DocumentContent;
  closed: boolean;
}

/** The model node behind each element object. */
export const NODE = new WeakMap<object, AnyNode>();
/** The Document each element (and each Document object) belongs to. */
export const CTX = new WeakMap<object, DocCtx>();

/** The model node behind an element; fails for objects that are not our elements. */
export function nodeOf<T extends AnyNode>(el: object): T {
  const node = NODE.get(el);
  if (!node) throw new Error('emulator: not an element of this emulator');
  return node as T;
}

/** The Drive item of a document; fails as Google does once it is gone. */
export function driveItem(ctx: { ws: WorkspaceState; id: string }): DriveItem {
  const item = ctx.ws.drive.items.get(ctx.id);
  if (!item)
    throw new Error("Document is missing (perhaps it was deleted, or you don't have read access?)");
  return item;
}

/** Nesting of instrumented calls in progress (the emulator is single-threaded). */
let depth = 0;

const MUTATORS = /^(set|append|insert|remove|clear|replace|delete|add|merge)/;

/**
 * Wraps every method (own and inherited) of a fake element class so that each call is recorded
 * as `${className}.${method}`, fails once its Document is closed, and touches the Drive item.
 */
function instrument(
  cls: { prototype: object; name: string },
  className: string,
  cells: Record<string, (args: unknown[]) => number> = {},
): void {
  const seen = new Set<string>();
  for (
    let proto = cls.prototype;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || seen.has(name)) continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (!descriptor || typeof descriptor.value !== 'function') continue;
      seen.add(name);
      const original = descriptor.value as (...args: unknown[]) => unknown;
      Object.defineProperty(cls.prototype, name, {
        value: function instrumented(this: object, ...args: unknown[]): unknown {
          const ctx = CTX.get(this);
          // Only the outermost call is a service call (appendParagraph uses insertParagraph).
          if (ctx && depth === 0) {
            if (ctx.closed) throw new Error('Document is closed, its contents cannot be updated.');
            ctx.ws.tracker.record(`${className}.${name}`, cells[name]?.(args) ?? 0);
            if (MUTATORS.test(name)) driveItem(ctx).updatedAt = ctx.ws.clock.now();
          }
          depth += 1;
          try {
            return original.apply(this, args);
          } finally {
            depth -= 1;
          }
        },
        writable: true,
        configurable: true,
      });
    }
  }
}

/** A space-separated method list as an array. */
export function methods(list: string): string[] {
  return list.split(' ');
}

const ELEMENT_METHODS =
  'asBody asDate asEquation asEquationFunction asEquationFunctionArgumentSeparator asEquationSymbol asFooterSection asFootnote asFootnoteSection asHeaderSection asHorizontalRule asInlineDrawing asInlineImage asListItem asPageBreak asParagraph asPerson asRichLink asTable asTableCell asTableOfContents asTableRow asText copy getAttributes getNextSibling getParent getPreviousSibling getType isAtDocumentEnd merge removeFromParent setAttributes';
/** Method names of each Google interface (besides Element's), for the stubs. */
export const GOOGLE_METHODS: Record<string, string> = {
  Body: 'appendHorizontalRule appendImage appendListItem appendPageBreak appendParagraph appendTable clear copy editAsText findElement findText getAttributes getChild getChildIndex getHeadingAttributes getImages getListItems getMarginBottom getMarginLeft getMarginRight getMarginTop getNumChildren getPageHeight getPageWidth getParagraphs getParent getTables getText getTextAlignment getType insertHorizontalRule insertImage insertListItem insertPageBreak insertParagraph insertTable removeChild replaceText setAttributes setHeadingAttributes setMarginBottom setMarginLeft setMarginRight setMarginTop setPageHeight setPageWidth setText setTextAlignment getFootnotes getLinkUrl getNextSibling getPreviousSibling isAtDocumentEnd setLinkUrl',
  HeaderSection:
    'appendHorizontalRule appendImage appendListItem appendParagraph appendTable clear copy editAsText findElement findText getAttributes getChild getChildIndex getImages getListItems getNumChildren getParagraphs getParent getTables getText getTextAlignment getType insertHorizontalRule insertImage insertListItem insertParagraph insertTable removeChild removeFromParent replaceText setAttributes setText setTextAlignment getFootnotes getLinkUrl getNextSibling getPreviousSibling isAtDocumentEnd setLinkUrl',
  Paragraph:
    'addPositionedImage appendHorizontalRule appendInlineImage appendPageBreak appendText clear copy editAsText findElement findText getAlignment getAttributes getChild getChildIndex getHeading getIndentEnd getIndentFirstLine getIndentStart getLineSpacing getLinkUrl getNextSibling getNumChildren getParent getPositionedImage getPositionedImages getPreviousSibling getSpacingAfter getSpacingBefore getText getTextAlignment getType insertHorizontalRule insertInlineImage insertPageBreak insertText isAtDocumentEnd isLeftToRight merge removeChild removeFromParent removePositionedImage replaceText setAlignment setAttributes setHeading setIndentEnd setIndentFirstLine setIndentStart setLeftToRight setLineSpacing setLinkUrl setSpacingAfter setSpacingBefore setText setTextAlignment',
  ListItem: 'getGlyphType getListId getNestingLevel setGlyphType setListId setNestingLevel',
  Table:
    'appendTableRow clear copy editAsText findElement findText getAttributes getBorderColor getBorderWidth getCell getChild getChildIndex getColumnWidth getLinkUrl getNextSibling getNumChildren getNumRows getParent getPreviousSibling getRow getText getTextAlignment getType insertTableRow isAtDocumentEnd removeChild removeFromParent removeRow replaceText setAttributes setBorderColor setBorderWidth setColumnWidth setLinkUrl setTextAlignment',
  TableRow:
    'appendTableCell clear copy editAsText findElement findText getAttributes getCell getChild getChildIndex getLinkUrl getMinimumHeight getNextSibling getNumCells getNumChildren getParent getParentTable getPreviousSibling getText getTextAlignment getType insertTableCell isAtDocumentEnd merge removeCell removeChild removeFromParent replaceText setAttributes setLinkUrl setMinimumHeight setTextAlignment',
  TableCell:
    'appendHorizontalRule appendImage appendListItem appendParagraph appendTable clear copy editAsText findElement findText getAttributes getBackgroundColor getChild getChildIndex getColSpan getLinkUrl getNextSibling getNumChildren getPaddingBottom getPaddingLeft getPaddingRight getPaddingTop getParent getParentRow getParentTable getPreviousSibling getRowSpan getText getTextAlignment getType getVerticalAlignment getWidth insertHorizontalRule insertImage insertListItem insertParagraph insertTable isAtDocumentEnd merge removeChild removeFromParent replaceText setAttributes setBackgroundColor setLinkUrl setPaddingBottom setPaddingLeft setPaddingRight setPaddingTop setText setTextAlignment setVerticalAlignment setWidth',
  Text: 'appendText copy deleteText editAsText findText getAttributes getBackgroundColor getFontFamily getFontSize getForegroundColor getLinkUrl getNextSibling getParent getPreviousSibling getText getTextAlignment getTextAttributeIndices getType insertText isAtDocumentEnd isBold isItalic isStrikethrough isUnderline merge removeFromParent replaceText setAttributes setBackgroundColor setBold setFontFamily setFontSize setForegroundColor setItalic setLinkUrl setStrikethrough setText setTextAlignment setUnderline',
  InlineImage:
    'copy getAltDescription getAltTitle getAs getAttributes getBlob getHeight getLinkUrl getNextSibling getParent getPreviousSibling getType getWidth isAtDocumentEnd merge removeFromParent setAltDescription setAltTitle setAttributes setHeight setLinkUrl setWidth',
  PageBreak:
    'copy getAttributes getNextSibling getParent getPreviousSibling getType isAtDocumentEnd removeFromParent setAttributes',
  Document:
    'addBookmark addEditor addEditors addFooter addHeader addNamedRange addViewer addViewers getActiveTab getAs getBlob getBody getBookmark getBookmarks getCursor getEditors getFooter getFootnotes getHeader getId getLanguage getName getNamedRangeById getNamedRanges getSelection getSupportedLanguageCodes getTab getTabs getUrl getViewers newPosition newRange removeEditor removeViewer saveAndClose setActiveTab setCursor setLanguage setName setSelection',
  DocumentApp: 'create getActiveDocument getUi openById openByUrl',
};

/** Instruments a class and stubs the rest of its Google interface (EMULATOR.md rule 2). */
export function finish(
  cls: { prototype: object; name: string },
  className: string,
  lists: string[],
  cells: Record<string, (args: unknown[]) => number> = {},
): void {
  instrument(cls, className, cells);
  stubUnimplemented(
    cls,
    [...methods(ELEMENT_METHODS), ...lists.flatMap((l) => methods(GOOGLE_METHODS[l]!))],
    className,
  );
}

type ElementFactory = (ctx: DocCtx, node: AnyNode) => ElementBase;
const ELEMENT_CLASSES = new Map<AnyNode['type'], ElementFactory>();

/** Called by each element module at load time: `make` builds its class for nodes of `types`. */
export function registerElement<N extends AnyNode>(
  types: N['type'][],
  make: (ctx: DocCtx, node: N) => ElementBase,
): void {
  for (const type of types) ELEMENT_CLASSES.set(type, make as ElementFactory);
}

/** Wraps a model node in the fake element class of its type. */
export function wrap(ctx: DocCtx, node: AnyNode): ElementBase {
  const make = ELEMENT_CLASSES.get(node.type);
  if (!make) throw new Error(`emulator: no element class registered for ${node.type}`);
  return make(ctx, node);
}

/** The child nodes of a node in document order, or null for a leaf. */
export function childrenOf(node: AnyNode): AnyNode[] | null {
  switch (node.type) {
    case 'BODY_SECTION':
    case 'HEADER_SECTION':
    case 'FOOTER_SECTION':
    case 'TABLE_CELL':
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return node.children;
    case 'TABLE':
      return node.rows;
    case 'TABLE_ROW':
      return node.cells;
    default:
      return null;
  }
}

/** The parent of a node, found by walking the document (documents are small). */
export function parentOf(ctx: DocCtx, target: AnyNode): AnyNode | null {
  const roots: AnyNode[] = [
    ctx.content.body,
    ...(ctx.content.header ? [ctx.content.header] : []),
    ...(ctx.content.footer ? [ctx.content.footer] : []),
  ];
  const visit = (node: AnyNode): AnyNode | null => {
    const children = childrenOf(node);
    if (!children) return null;
    for (const child of children) {
      if (child === target) return node;
      const found = visit(child);
      if (found) return found;
    }
    return null;
  };
  for (const root of roots) {
    const found = visit(root);
    if (found) return found;
  }
  return null;
}

/** The Apps Script class name of each node type (for error messages). */
export const TYPE_CLASS: Record<string, string> = {
  BODY_SECTION: 'Body',
  HEADER_SECTION: 'HeaderSection',
  FOOTER_SECTION: 'FooterSection',
  PARAGRAPH: 'Paragraph',
  LIST_ITEM: 'ListItem',
  TABLE: 'Table',
  TABLE_ROW: 'TableRow',
  TABLE_CELL: 'TableCell',
  TEXT: 'Text',
  INLINE_IMAGE: 'InlineImage',
  PAGE_BREAK: 'PageBreak',
  HORIZONTAL_RULE: 'HorizontalRule',
};

/** What every element has: type, parent, siblings, casts, attributes, removal. */
export abstract class ElementBase {
  constructor(ctx: DocCtx, node: AnyNode) {
    NODE.set(this, node);
    CTX.set(this, ctx);
  }

  protected get ctx(): DocCtx {
    return CTX.get(this)!;
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return ElementType[nodeOf(this).type] as unknown as GoogleAppsScript.Document.ElementType;
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    const parent = parentOf(this.ctx, nodeOf(this));
    return (parent
      ? wrap(this.ctx, parent)
      : null) as unknown as GoogleAppsScript.Document.ContainerElement;
  }

  getNextSibling(): GElement {
    return this.#sibling(1);
  }

  getPreviousSibling(): GElement {
    return this.#sibling(-1);
  }

  #sibling(step: number): GElement {
    const node = nodeOf(this);
    const parent = parentOf(this.ctx, node);
    const siblings = parent ? childrenOf(parent) : null;
    const next = siblings?.[siblings.indexOf(node) + step];
    return (next ? wrap(this.ctx, next) : null) as unknown as GElement;
  }

  removeFromParent(): this {
    detach(this.ctx, nodeOf(this));
    return this;
  }

  /**
   * Reference (Element.copy): "Returns a detached, deep copy of the current element. Any child
   * elements present in the element are also copied. The new element doesn't have a parent."
   */
  copy(): this {
    return wrap(this.ctx, structuredClone(nodeOf(this))) as unknown as this;
  }

  getAttributes(): Attrs {
    return attributesOf(nodeOf(this));
  }

  setAttributes(attributes: Attrs): this {
    setAttributesOf(nodeOf(this), attributes);
    return this;
  }

  #as<T>(type: string): T {
    const actual = nodeOf(this).type;
    if (actual !== type)
      return notImplemented(
        TYPE_CLASS[actual] ?? actual,
        `as ${type} (Google would fail the cast)`,
      );
    return this as unknown as T;
  }

  asParagraph(): GoogleAppsScript.Document.Paragraph {
    return this.#as('PARAGRAPH');
  }
  asListItem(): GoogleAppsScript.Document.ListItem {
    return this.#as('LIST_ITEM');
  }
  asTable(): GoogleAppsScript.Document.Table {
    return this.#as('TABLE');
  }
  asTableRow(): GoogleAppsScript.Document.TableRow {
    return this.#as('TABLE_ROW');
  }
  asTableCell(): GoogleAppsScript.Document.TableCell {
    return this.#as('TABLE_CELL');
  }
  asText(): GoogleAppsScript.Document.Text {
    return this.#as('TEXT');
  }
  asInlineImage(): GoogleAppsScript.Document.InlineImage {
    return this.#as('INLINE_IMAGE');
  }
  asPageBreak(): GoogleAppsScript.Document.PageBreak {
    return this.#as('PAGE_BREAK');
  }
  asHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    return this.#as('HORIZONTAL_RULE');
  }
  asBody(): GoogleAppsScript.Document.Body {
    return this.#as('BODY_SECTION');
  }
  asHeaderSection(): GoogleAppsScript.Document.HeaderSection {
    return this.#as('HEADER_SECTION');
  }
  asFooterSection(): GoogleAppsScript.Document.FooterSection {
    return this.#as('FOOTER_SECTION');
  }
}

/** Removes a node from its parent in the document, if it has one. */
export function detach(ctx: DocCtx, node: AnyNode): void {
  const parent = parentOf(ctx, node);
  if (parent) removeChildAt(parent, childrenOf(parent)!.indexOf(node));
}

/** Reference: a section must keep its last paragraph ("Can't remove the last paragraph..."). */
export function removeChildAt(parent: AnyNode, index: number): void {
  const siblings = childrenOf(parent)!;
  const node = siblings[index]!;
  const isSectionLike =
    parent.type !== 'TABLE' &&
    parent.type !== 'TABLE_ROW' &&
    parent.type !== 'PARAGRAPH' &&
    parent.type !== 'LIST_ITEM';
  if (
    isSectionLike &&
    index === siblings.length - 1 &&
    (node.type === 'PARAGRAPH' || node.type === 'LIST_ITEM')
  ) {
    throw new Error("Can't remove the last paragraph in a document section.");
  }
  siblings.splice(index, 1);
}

function attributesOf(node: AnyNode): Attrs {
  const out: Attrs = {};
  const own = 'attrs' in node ? node.attrs : {};
  switch (node.type) {
    case 'PARAGRAPH':
    case 'LIST_ITEM': {
      for (const key of PARAGRAPH_ATTRIBUTES) out[key] = own[key] ?? null;
      if (node.type === 'LIST_ITEM') for (const key of LIST_ATTRIBUTES) out[key] = own[key] ?? null;
      out.HEADING = own.HEADING ?? 'NORMAL';
      break;
    }
    default:
      Object.assign(out, own);
  }
  const texts = textNodesOf(node);
  const fallback = node.type === 'PARAGRAPH' || node.type === 'LIST_ITEM' ? node.attrs : {};
  for (const key of TEXT_ATTRIBUTES) out[key] = uniform(texts, key, fallback);
  for (const key of Object.keys(out)) out[key] = exposed(key, out[key]);
  return out;
}

function setAttributesOf(node: AnyNode, attributes: Attrs): void {
  const { text, other } = splitAttrs(attributes);
  if ('attrs' in node)
    for (const [key, value] of Object.entries(other)) node.attrs[key] = stored(key, value);
  applyTextAttrs(node, text);
}

/** Google's message for an insert position past the end of a container. */
export function checkInsertIndex(children: unknown[], index: number): void {
  if (!Number.isInteger(index) || index < 0 || index > children.length) {
    throw new Error(
      `Index (${index}) must be less than or equal to the number of child elements (${children.length}).`,
    );
  }
}
