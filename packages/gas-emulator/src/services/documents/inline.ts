/**
 * Inline elements of a paragraph: images (with their pixel size read from the bytes), page breaks
 * and horizontal rules.
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type --
   a fake class merges with its Google interface so unimplemented methods (stubbed at runtime) typecheck */
import { notImplemented } from '../../core/errors';
import { Blob, blobBytes } from '../blob';
import {
  ElementBase,
  finish,
  nodeOf,
  registerElement,
  type Implemented,
  type Rest,
} from './element';
import type { HorizontalRuleNode, ImageNode, PageBreakNode } from './model';

type GBlobSource = GoogleAppsScript.Base.BlobSource;

/** Pixel size from a PNG, GIF or JPEG header; null for other formats. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const u16be = (i: number): number => (bytes[i]! << 8) | bytes[i + 1]!;
  if (bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50) {
    const u32 = (i: number): number =>
      ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    return { width: u32(16), height: u32(20) };
  }
  if (bytes.length > 10 && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) {
    return { width: bytes[6]! | (bytes[7]! << 8), height: bytes[8]! | (bytes[9]! << 8) };
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      if (
        marker >= 0xc0 &&
        marker <= 0xcf &&
        marker !== 0xc4 &&
        marker !== 0xc8 &&
        marker !== 0xcc
      ) {
        return { width: u16be(i + 7), height: u16be(i + 5) };
      }
      i += 2 + u16be(i + 2);
    }
  }
  return null;
}

/** An image node holding a copy of the blob's bytes. */
export function imageNode(source: GBlobSource): ImageNode {
  const { bytes, name, mimeType } = blobBytes(source);
  const size = imageSize(bytes);
  return {
    type: 'INLINE_IMAGE',
    bytes: bytes.slice(),
    contentType: mimeType,
    name,
    width: size?.width ?? null,
    height: size?.height ?? null,
    attrs: {},
  };
}

/** An image inside a paragraph. */
class InlineImageImpl extends ElementBase {
  get #image(): ImageNode {
    return nodeOf<ImageNode>(this);
  }

  getWidth(): number {
    return (
      this.#image.width ??
      notImplemented('InlineImage', 'getWidth of an image whose size is unknown')
    );
  }
  setWidth(width: number): this {
    this.#image.width = width;
    return this;
  }
  getHeight(): number {
    return (
      this.#image.height ??
      notImplemented('InlineImage', 'getHeight of an image whose size is unknown')
    );
  }
  setHeight(height: number): this {
    this.#image.height = height;
    return this;
  }
  getBlob(): Blob {
    const image = this.#image;
    return new Blob(image.bytes.slice(), image.contentType, image.name, this.ctx.ws.tracker);
  }
  getAltTitle(): string {
    return (this.#image.attrs.ALT_TITLE as string | undefined) ?? (null as unknown as string);
  }
  setAltTitle(title: string): this {
    this.#image.attrs.ALT_TITLE = title;
    return this;
  }
  getAltDescription(): string {
    return (this.#image.attrs.ALT_DESCRIPTION as string | undefined) ?? (null as unknown as string);
  }
  setAltDescription(description: string): this {
    this.#image.attrs.ALT_DESCRIPTION = description;
    return this;
  }
}
export interface InlineImageEl extends Rest<
  GoogleAppsScript.Document.InlineImage,
  InlineImageImpl
> {}
export class InlineImageEl
  extends InlineImageImpl
  implements Implemented<GoogleAppsScript.Document.InlineImage, InlineImageImpl> {}
finish(InlineImageEl, 'InlineImage', ['InlineImage']);

/** A page break inside a paragraph. */
export interface PageBreakEl extends Rest<GoogleAppsScript.Document.PageBreak, ElementBase> {}
export class PageBreakEl
  extends ElementBase
  implements Implemented<GoogleAppsScript.Document.PageBreak, ElementBase> {}
finish(PageBreakEl, 'PageBreak', ['PageBreak']);

/** A horizontal rule inside a paragraph. */
export interface HorizontalRuleEl extends Rest<
  GoogleAppsScript.Document.HorizontalRule,
  ElementBase
> {}
export class HorizontalRuleEl
  extends ElementBase
  implements Implemented<GoogleAppsScript.Document.HorizontalRule, ElementBase> {}
finish(HorizontalRuleEl, 'HorizontalRule', ['PageBreak']);

registerElement(['INLINE_IMAGE'], (ctx, node: ImageNode) => new InlineImageEl(ctx, node));
registerElement(['PAGE_BREAK'], (ctx, node: PageBreakNode) => new PageBreakEl(ctx, node));
registerElement(
  ['HORIZONTAL_RULE'],
  (ctx, node: HorizontalRuleNode) => new HorizontalRuleEl(ctx, node),
);
