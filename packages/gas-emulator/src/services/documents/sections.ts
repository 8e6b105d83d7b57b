/** The document's sections: the body (with page breaks and margins), the header and the footer. */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type --
   a fake class merges with its Google interface so unimplemented methods (stubbed at runtime) typecheck */
import { cellCount, ContainerBase } from './containers';
import {
  checkInsertIndex,
  finish,
  registerElement,
  wrap,
  type Implemented,
  type Rest,
} from './element';
import { InlineImageEl, PageBreakEl } from './inline';
import type { ImageNode, PageBreakNode, SectionNode } from './model';
import { paragraphsOf, tablesOf } from './model-text';
import { ListItemEl } from './paragraphs';
import { TableEl } from './tables';

/** Body, header and footer: the container methods plus the whole-section queries. */
abstract class SectionBase extends ContainerBase {
  /** Reference: "all the Paragraphs contained in the section (including ListItems)". */
  getParagraphs(): GoogleAppsScript.Document.Paragraph[] {
    return paragraphsOf(this.container).map(
      (p) => wrap(this.ctx, p) as unknown as GoogleAppsScript.Document.Paragraph,
    );
  }

  getListItems(): GoogleAppsScript.Document.ListItem[] {
    return paragraphsOf(this.container)
      .filter((p) => p.type === 'LIST_ITEM')
      .map((p) => new ListItemEl(this.ctx, p) as unknown as GoogleAppsScript.Document.ListItem);
  }

  getTables(): GoogleAppsScript.Document.Table[] {
    return tablesOf(this.container).map(
      (t) => new TableEl(this.ctx, t) as unknown as GoogleAppsScript.Document.Table,
    );
  }

  getImages(): GoogleAppsScript.Document.InlineImage[] {
    return paragraphsOf(this.container)
      .flatMap((p) => p.children.filter((c): c is ImageNode => c.type === 'INLINE_IMAGE'))
      .map(
        (img) =>
          new InlineImageEl(this.ctx, img) as unknown as GoogleAppsScript.Document.InlineImage,
      );
  }
}

/** The document body. */
class BodyImpl extends SectionBase {
  appendPageBreak(): PageBreakEl {
    return this.insertPageBreak(this.container.children.length);
  }

  /** The page break is inline: Docs wraps it in a new paragraph. */
  insertPageBreak(childIndex: number): PageBreakEl {
    const node: PageBreakNode = { type: 'PAGE_BREAK' };
    const children = this.container.children;
    checkInsertIndex(children, childIndex);
    children.splice(childIndex, 0, { type: 'PARAGRAPH', attrs: {}, children: [node] });
    return new PageBreakEl(this.ctx, node);
  }

  #margin(key: string, value?: number): number {
    if (value !== undefined) this.container.attrs[key] = value;
    // A new Google Doc has 1-inch margins (72 points).
    return (this.container.attrs[key] as number | undefined) ?? 72;
  }

  setMarginTop(marginTop: number): this {
    this.#margin('MARGIN_TOP', marginTop);
    return this;
  }
  setMarginBottom(marginBottom: number): this {
    this.#margin('MARGIN_BOTTOM', marginBottom);
    return this;
  }
  setMarginLeft(marginLeft: number): this {
    this.#margin('MARGIN_LEFT', marginLeft);
    return this;
  }
  setMarginRight(marginRight: number): this {
    this.#margin('MARGIN_RIGHT', marginRight);
    return this;
  }
  getMarginTop(): number {
    return this.#margin('MARGIN_TOP');
  }
  getMarginBottom(): number {
    return this.#margin('MARGIN_BOTTOM');
  }
  getMarginLeft(): number {
    return this.#margin('MARGIN_LEFT');
  }
  getMarginRight(): number {
    return this.#margin('MARGIN_RIGHT');
  }

  /** Reference (Body.setPageWidth / setPageHeight): the page size in points. */
  setPageWidth(pageWidth: number): this {
    this.container.attrs.PAGE_WIDTH = pageWidth;
    return this;
  }
  setPageHeight(pageHeight: number): this {
    this.container.attrs.PAGE_HEIGHT = pageHeight;
    return this;
  }
  /** A new Google Doc is US Letter, 612 × 792 points. */
  getPageWidth(): number {
    return (this.container.attrs.PAGE_WIDTH as number | undefined) ?? 612;
  }
  getPageHeight(): number {
    return (this.container.attrs.PAGE_HEIGHT as number | undefined) ?? 792;
  }
}
export interface BodyEl extends Rest<GoogleAppsScript.Document.Body, BodyImpl> {}
export class BodyEl
  extends BodyImpl
  implements Implemented<GoogleAppsScript.Document.Body, BodyImpl> {}
finish(BodyEl, 'Body', ['Body'], { appendTable: cellCount, insertTable: cellCount });

/** The header section (Document.addHeader). */
export interface HeaderEl extends Rest<GoogleAppsScript.Document.HeaderSection, SectionBase> {}
export class HeaderEl
  extends SectionBase
  implements Implemented<GoogleAppsScript.Document.HeaderSection, SectionBase> {}
finish(HeaderEl, 'HeaderSection', ['HeaderSection'], {
  appendTable: cellCount,
  insertTable: cellCount,
});

/** The footer section (Document.addFooter). */
export interface FooterEl extends Rest<GoogleAppsScript.Document.FooterSection, SectionBase> {}
export class FooterEl
  extends SectionBase
  implements Implemented<GoogleAppsScript.Document.FooterSection, SectionBase> {}
finish(FooterEl, 'FooterSection', ['HeaderSection'], {
  appendTable: cellCount,
  insertTable: cellCount,
});

registerElement(['BODY_SECTION'], (ctx, node: SectionNode) => new BodyEl(ctx, node));
registerElement(['HEADER_SECTION'], (ctx, node: SectionNode) => new HeaderEl(ctx, node));
registerElement(['FOOTER_SECTION'], (ctx, node: SectionNode) => new FooterEl(ctx, node));
