/**
 * The world the services act on: the lead's WorkspaceState plus the stores of spreadsheets and
 * forms, and the context each service call runs in (which project is calling).
 */
import type { FormModel } from '../services/form-model';
import type { UrlFetchState } from '../services/url-fetch';
import type { SpreadsheetModel } from '../services/sheet-model';
import type { ProjectState, WorkspaceState } from './state';

/** A form-submit delivery, kept so `fireDuplicateLastSubmit` can deliver it again. */
export interface SubmitDelivery {
  formId: string;
  responseId: string;
  sheetRow: number | null;
}

/** Everything one emulated workspace holds. */
export interface World extends WorkspaceState {
  /** Spreadsheet locale, e.g. 'ru_RU' (values in form-submit events are formatted in it). */
  locale: string;
  spreadsheets: Map<string, SpreadsheetModel>;
  forms: Map<string, FormModel>;
  lastSubmit: SubmitDelivery | null;
  /** Deterministic counter for Utilities.getUuid. */
  uuidCounter: number;
  /** Per Google-native mime type: how Drive copies and exports it (the documents helper adds Docs). */
  nativeFiles: Map<string, NativeFileHandler>;
  /** Responses registered for UrlFetchApp and the requests made. */
  urlFetch: UrlFetchState;
}

/** What Drive needs from the store of a Google-native file type. */
export interface NativeFileHandler {
  /** Called before a copy is made: may refuse it (the daily quota of new documents). */
  beforeCopy?(): void;
  /** Deep-copies the content of `fromId` into a new file `toId` (File.makeCopy). */
  copy(fromId: string, toId: string): void;
  /** The file converted to `contentType` (File.getAs / getBlob), or null if unsupported. */
  exportAs(id: string, contentType: string): Uint8Array | null;
}

/** What every fake holds: the world and the project whose script is calling. */
export interface Ctx {
  world: World;
  project: ProjectState;
}

/** Counts one service call (and its modelled cost) in the running execution. */
export function record(ctx: Ctx, call: string, cells = 0): void {
  ctx.world.tracker.record(call, cells);
}
