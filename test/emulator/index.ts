/** The in-memory Google Workspace emulator (EMULATOR.md): `createWorkspace` is the entry point. */
export { createWorkspace, Workspace } from './workspace';
export type { BundleApp, CostReport, SeedItem, SubmitOptions, WorkspaceOptions } from './workspace';
export { formatDate } from './services/format-date';
export { pdfText } from './services/blob';
export type { CellValue } from './services/sheet-model';
