/**
 * DocumentApp (developers.google.com/apps-script/reference/document) over an in-memory document
 * model. model.ts holds the stored shape, element.ts what every element shares; each element
 * module registers its classes with element.ts's `wrap`, and document-app.ts opens documents.
 */
export {
  Attribute,
  copyDocumentContent,
  DOCUMENT_MIME,
  documentContent,
  ElementType,
  GlyphType,
  HorizontalAlignment,
  ParagraphHeading,
  PositionedLayout,
  TextAlignment,
  VerticalAlignment,
} from './model';
export type {
  Attrs,
  BlockNode,
  CellNode,
  DocumentContent,
  HorizontalRuleNode,
  ImageNode,
  InlineNode,
  PageBreakNode,
  ParagraphNode,
  Run,
  RowNode,
  SectionNode,
  TableNode,
  TextNode,
} from './model';
export { HorizontalRuleEl, imageSize, InlineImageEl, PageBreakEl } from './inline';
export { TextEl } from './text';
export { RangeElement } from './find';
export { ListItemEl, ParagraphEl } from './paragraphs';
export { BodyEl, FooterEl, HeaderEl } from './sections';
export { TableCellEl, TableEl, TableRowEl } from './tables';
export {
  countDocumentCreated,
  createDocumentApp,
  createDocumentFile,
  documentFacade,
  DOCS_QUOTA_ERROR,
  documentFileHandler,
  documentsView,
  FakeDocument,
  FakeDocumentApp,
  type DocumentView,
} from './document-app';
