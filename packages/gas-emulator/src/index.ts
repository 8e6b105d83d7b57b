/**
 * @opc/gas-emulator — an in-memory Google Workspace for running Apps Script projects offline.
 * `createWorkspace` is the entry point; the types below are what tests and exporters read.
 */
export { createWorkspace, Workspace } from './workspace';
export type {
  BundleApp,
  BurstItem,
  BurstReport,
  ContainerOption,
  CostReport,
  LoadOptions,
  OpenOptions,
  SeedItem,
  SubmitOptions,
  UploadAnswer,
  UploadItemOptions,
  WorkspaceOptions,
} from './harness/api';
export { formatDate } from './services/format-date';
export { pdfPages, pdfText } from './services/blob';
export type { CellValue, SheetModel, SpreadsheetModel } from './services/sheet-model';
export type {
  BlockNode,
  DocumentContent,
  DocumentView,
  InlineNode,
  ParagraphNode,
  RowNode,
  TableNode,
} from './services/documents';
export type { DriveItem, SentMail } from './core/state';
export type { StopHandle } from './core/execution';
