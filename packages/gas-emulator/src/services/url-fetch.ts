/**
 * UrlFetchApp (developers.google.com/apps-script/reference/url-fetch/url-fetch-app). There is no
 * network in the emulator: a fetch answers only from responses a test registered with
 * `ws.fakeUrl(url, …)`, and otherwise throws saying so. Every request is kept (`ws.fetches()`).
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type --
   a fake class merges with its Google interface so unimplemented methods (stubbed at runtime) typecheck */
import { stubInterface } from '../core/errors';
import type { Ctx } from '../core/world';
import { record } from '../core/world';
import { newBlob } from './blob';

type Params = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;

/** A response a test registers for a URL. */
export interface FakeHttpResponse {
  /** HTTP status; default 200. */
  status?: number;
  /** Body text (UTF-8) or bytes. */
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** One request the script made. */
export interface FetchRecord {
  url: string;
  method: string;
  payload: string | null;
  at: Date;
}

/** What the workspace keeps for UrlFetchApp. */
export interface UrlFetchState {
  responses: Map<string, FakeHttpResponse>;
  requests: FetchRecord[];
}

/** The message when a script fetches a URL no test registered. */
export function noNetworkMessage(url: string): string {
  return `emulator: there is no network in the emulator (UrlFetchApp.fetch ${url}); register a fake response with ws.fakeUrl(url, { status, body, headers })`;
}

export interface HttpResponse extends GoogleAppsScript.URL_Fetch.HTTPResponse {}
/** The response of a fetch: code, headers and body, as HTTPResponse. */
export class HttpResponse {
  readonly #status: number;
  readonly #bytes: Uint8Array;
  readonly #headers: Record<string, string>;

  constructor(response: FakeHttpResponse) {
    this.#status = response.status ?? 200;
    const body = response.body ?? '';
    this.#bytes = typeof body === 'string' ? new Uint8Array(Buffer.from(body, 'utf8')) : body;
    this.#headers = { ...response.headers };
  }

  getResponseCode(): number {
    return this.#status;
  }

  getContentText(): string {
    return Buffer.from(this.#bytes).toString('utf8');
  }

  getContent(): number[] {
    // Apps Script byte arrays are signed Java bytes.
    return Array.from(this.#bytes, (b) => (b > 127 ? b - 256 : b));
  }

  getHeaders(): object {
    return { ...this.#headers };
  }

  getAllHeaders(): object {
    return { ...this.#headers };
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    const type = Object.entries(this.#headers).find(([k]) => k.toLowerCase() === 'content-type');
    return newBlob(this.#bytes, type ? type[1].split(';')[0]!.trim() : null, null);
  }
}
stubInterface(HttpResponse, 'URL_Fetch.HTTPResponse');

export interface UrlFetchApp extends GoogleAppsScript.URL_Fetch.UrlFetchApp {}
/** UrlFetchApp over registered fake responses. */
export class UrlFetchApp {
  constructor(private readonly ctx: Ctx) {}

  /** Fetches `url`: the registered response, or the no-network error. */
  fetch(url: string, params: Params = {}): HttpResponse {
    record(this.ctx, 'UrlFetchApp.fetch');
    return this.#answer(url, params);
  }

  /** Fetches several requests; each is charged like a fetch. */
  fetchAll(requests: (string | (Params & { url: string }))[]): HttpResponse[] {
    record(this.ctx, 'UrlFetchApp.fetchAll');
    return requests.map((r) =>
      typeof r === 'string' ? this.#answer(r, {}) : this.#answer(r.url, r),
    );
  }

  #answer(url: string, params: Params): HttpResponse {
    const state = this.ctx.world.urlFetch;
    const payload = params.payload;
    state.requests.push({
      url,
      method: String(params.method ?? 'get').toUpperCase(),
      payload:
        payload === undefined
          ? null
          : typeof payload === 'string'
            ? payload
            : JSON.stringify(payload),
      at: this.ctx.world.clock.now(),
    });
    const fake = state.responses.get(url);
    if (!fake) throw new Error(noNetworkMessage(url));
    const response = new HttpResponse(fake);
    const code = response.getResponseCode();
    if (code >= 400 && !params.muteHttpExceptions)
      // Google's message when muteHttpExceptions is not set.
      throw new Error(
        `Request failed for ${url} returned code ${code}. Truncated server response: ${response
          .getContentText()
          .slice(0, 100)} (use muteHttpExceptions option to examine full response)`,
      );
    return response;
  }
}
stubInterface(UrlFetchApp, 'URL_Fetch.UrlFetchApp');
