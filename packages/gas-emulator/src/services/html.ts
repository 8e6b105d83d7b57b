/**
 * HtmlService (developers.google.com/apps-script/reference/html/html-service) with templates
 * (developers.google.com/apps-script/guides/html/templates): scriptlets are compiled to a JS
 * function body and run in the bundle's own vm context, so they see its global functions
 * (the `include()` pattern) exactly as in Apps Script.
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type --
   a fake class merges with its Google interface so unimplemented methods (stubbed at runtime) typecheck */
import * as vm from 'vm';
import { notImplemented, stubInterface } from '../core/errors';
import type { ProjectState, WorkspaceState } from '../core/state';
import { Blob, blobBytes, convertBlob } from './blob';

type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GHtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

/**
 * Runs `code` as the body of a function whose parameters are the keys of `vars`, inside the
 * bundle's context, and returns what the body returns. The workspace supplies it (see vmRunner).
 */
export type RunInContext = (code: string, vars: Record<string, unknown>) => unknown;

/** A RunInContext over a node vm context (what loadBundle's context should use). */
export function vmRunner(context: vm.Context): RunInContext {
  return (code, vars) => {
    const names = Object.keys(vars);
    const fn = vm.runInContext(`(function (${names.join(', ')}) {\n${code}\n})`, context) as (
      ...args: unknown[]
    ) => unknown;
    return fn(...names.map((name) => vars[name]));
  };
}

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

/** HTML-text escaping of printing scriptlets and appendUntrusted (Caja-style numeric quotes). */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;')
    .replace(/'/g, '&#39;');
}

/**
 * Printing scriptlet inside <script>: the value becomes a JavaScript literal (a string stays a
 * quoted string, so `<?= JSON.stringify(x) ?>` yields a string the page must JSON.parse), with
 * characters that could close the script escaped.
 */
export function escapeScriptValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  const literal =
    typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(typeof value === 'object' ? value : String(value));
  return literal.replace(
    /[<>&='\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

interface HtmlEnv {
  ws: WorkspaceState;
  runInContext: RunInContext | null;
}

/** Sanitised HTML a script can serve (sidebar, dialog, web app). */
export interface HtmlOutput extends GHtmlOutput {}
export class HtmlOutput implements Pick<
  GHtmlOutput,
  | 'addMetaTag'
  | 'append'
  | 'appendUntrusted'
  | 'asTemplate'
  | 'clear'
  | 'getAs'
  | 'getBlob'
  | 'getContent'
  | 'getFaviconUrl'
  | 'getHeight'
  | 'getTitle'
  | 'getWidth'
  | 'setContent'
  | 'setFaviconUrl'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode'
> {
  #content: string;
  #title = '';
  #width: number | null = null;
  #height: number | null = null;
  #faviconUrl: string | null = null;
  #sandboxMode: unknown = SandboxMode.IFRAME;
  #xFrameOptionsMode: unknown = XFrameOptionsMode.DEFAULT;
  readonly #metaTags: { name: string; content: string }[] = [];
  readonly #env: HtmlEnv;

  constructor(env: HtmlEnv, content = '') {
    this.#env = env;
    this.#content = content;
  }

  #record(method: string): void {
    this.#env.ws.tracker.record(`HtmlOutput.${method}`);
  }

  /** Harness view of the output's settings (sidebar title, size, modes) without a service call. */
  describe(): {
    content: string;
    title: string;
    width: number | null;
    height: number | null;
    sandboxMode: unknown;
    xFrameOptionsMode: unknown;
    metaTags: { name: string; content: string }[];
  } {
    return {
      content: this.#content,
      title: this.#title,
      width: this.#width,
      height: this.#height,
      sandboxMode: this.#sandboxMode,
      xFrameOptionsMode: this.#xFrameOptionsMode,
      metaTags: [...this.#metaTags],
    };
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.#record('addMetaTag');
    this.#metaTags.push({ name, content });
    return this;
  }

  append(addedContent: string): HtmlOutput {
    this.#record('append');
    this.#content += String(addedContent);
    return this;
  }

  /** Reference: "Appends new content ... using contextual escaping". */
  appendUntrusted(addedContent: string): HtmlOutput {
    this.#record('appendUntrusted');
    this.#content += escapeHtml(addedContent);
    return this;
  }

  asTemplate(): HtmlTemplate {
    this.#record('asTemplate');
    return new HtmlTemplate(this.#env, this.#content);
  }

  clear(): HtmlOutput {
    this.#record('clear');
    this.#content = '';
    return this;
  }

  getAs(contentType: string): Blob {
    this.#record('getAs');
    return convertBlob(this.#blob(), contentType, this.#env.ws.tracker);
  }

  getBlob(): Blob {
    this.#record('getBlob');
    return this.#blob();
  }

  #blob(): Blob {
    return new Blob(
      new Uint8Array(Buffer.from(this.#content, 'utf8')),
      'text/html',
      this.#title || null,
      this.#env.ws.tracker,
    );
  }

  getContent(): string {
    this.#record('getContent');
    return this.#content;
  }

  getFaviconUrl(): string {
    this.#record('getFaviconUrl');
    return this.#faviconUrl ?? notImplemented('HtmlOutput', 'getFaviconUrl before setFaviconUrl');
  }

  getHeight(): number {
    this.#record('getHeight');
    // The default depends on where the output is shown; not modelled.
    return this.#height ?? notImplemented('HtmlOutput', 'getHeight before setHeight');
  }

  getTitle(): string {
    this.#record('getTitle');
    return this.#title;
  }

  getWidth(): number {
    this.#record('getWidth');
    return this.#width ?? notImplemented('HtmlOutput', 'getWidth before setWidth');
  }

  setContent(content: string): HtmlOutput {
    this.#record('setContent');
    this.#content = String(content);
    return this;
  }

  setFaviconUrl(iconUrl: string): HtmlOutput {
    this.#record('setFaviconUrl');
    this.#faviconUrl = iconUrl;
    return this;
  }

  setHeight(height: number): HtmlOutput {
    this.#record('setHeight');
    this.#height = height;
    return this;
  }

  /** Reference: only IFRAME is supported now; the call "has no effect". */
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    this.#record('setSandboxMode');
    this.#sandboxMode = mode;
    return this;
  }

  setTitle(title: string): HtmlOutput {
    this.#record('setTitle');
    this.#title = String(title);
    return this;
  }

  setWidth(width: number): HtmlOutput {
    this.#record('setWidth');
    this.#width = width;
    return this;
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    this.#record('setXFrameOptionsMode');
    this.#xFrameOptionsMode = mode;
    return this;
  }
}
stubInterface(HtmlOutput, 'HTML.HtmlOutput');

/** Compiles a template to a function body printing into `output` (helpers arrive as `__emu`). */
export function compileTemplate(raw: string): string {
  const lines: string[] = ['var output = __emu.output;'];
  let literalSoFar = '';
  let last = 0;
  const scriptlet = /<\?(!=|=)?([\s\S]*?)\?>/g;
  const emitLiteral = (text: string): void => {
    if (text === '') return;
    literalSoFar += text;
    lines.push(`output.append(${JSON.stringify(text)});`);
  };
  for (let match = scriptlet.exec(raw); match; match = scriptlet.exec(raw)) {
    emitLiteral(raw.slice(last, match.index));
    last = match.index + match[0].length;
    const kind = match[1];
    const code = match[2]!;
    if (kind === undefined) {
      lines.push(code);
      continue;
    }
    const expression = code.trim().replace(/;+$/, '');
    if (kind === '!=') {
      lines.push(`output.append(__emu.raw(${expression}));`);
    } else {
      const lower = literalSoFar.toLowerCase();
      const inScript = lower.lastIndexOf('<script') > lower.lastIndexOf('</script');
      lines.push(`output.append(__emu.${inScript ? 'script' : 'html'}(${expression}));`);
    }
  }
  emitLiteral(raw.slice(last));
  lines.push('return output.getContent();');
  return lines.join('\n');
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A template; properties assigned to it (`t.data = …`) are variables of its scriptlets. */
export interface HtmlTemplate extends GHtmlTemplate {}
export class HtmlTemplate implements Pick<GHtmlTemplate, 'evaluate' | 'getCode' | 'getRawContent'> {
  readonly #raw: string;
  readonly #env: HtmlEnv;

  constructor(env: HtmlEnv, raw: string) {
    this.#env = env;
    this.#raw = raw;
  }

  evaluate(): HtmlOutput {
    this.#env.ws.tracker.record('HtmlTemplate.evaluate');
    const run = this.#env.runInContext;
    if (!run) return notImplemented('HtmlTemplate', 'evaluate without a bundle context');
    const vars: Record<string, unknown> = {};
    for (const key of Object.keys(this)) {
      if (IDENTIFIER.test(key) && key !== '__emu')
        vars[key] = (this as Record<string, unknown>)[key];
    }
    // Printing goes through a plain buffer: output.append inside scriptlets is not a service call.
    let buffer = '';
    const output = {
      append: (s: unknown): void => {
        buffer += s === null || s === undefined ? '' : String(s);
      },
      appendUntrusted: (s: unknown): void => {
        buffer += escapeHtml(s);
      },
      getContent: (): string => buffer,
    };
    vars.__emu = { output, html: escapeHtml, script: escapeScriptValue, raw: (v: unknown) => v };
    const content = run(compileTemplate(this.#raw), vars);
    return new HtmlOutput(this.#env, String(content));
  }

  /** Our compiled form, not Google's (which differs in shape); useful when a template fails. */
  getCode(): string {
    this.#env.ws.tracker.record('HtmlTemplate.getCode');
    return compileTemplate(this.#raw);
  }

  getRawContent(): string {
    this.#env.ws.tracker.record('HtmlTemplate.getRawContent');
    return this.#raw;
  }
}
stubInterface(HtmlTemplate, 'HTML.HtmlTemplate');

function textOf(source: string | GoogleAppsScript.Base.BlobSource | undefined): string {
  if (source === undefined) return '';
  if (typeof source === 'string') return source;
  return new TextDecoder('utf-8').decode(blobBytes(source).bytes);
}

/** HtmlService of one project: files come from project.htmlFiles ("Index" or "Index.html"). */
export interface FakeHtmlService extends GoogleAppsScript.HTML.HtmlService {}
export class FakeHtmlService implements Pick<
  GoogleAppsScript.HTML.HtmlService,
  'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile'
> {
  readonly SandboxMode = SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode =
    XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;
  readonly #env: HtmlEnv;
  readonly #project: ProjectState;

  constructor(env: HtmlEnv, project: ProjectState) {
    this.#env = env;
    this.#project = project;
  }

  #file(filename: string): string {
    const name = String(filename);
    const files = this.#project.htmlFiles;
    const bare = name.replace(/\.html$/, '');
    const content = files.get(bare) ?? files.get(`${bare}.html`) ?? files.get(name);
    if (content === undefined) throw new Error(`No HTML file named ${bare} was found.`);
    return content;
  }

  createHtmlOutput(source?: string | GoogleAppsScript.Base.BlobSource): HtmlOutput {
    this.#env.ws.tracker.record('HtmlService.createHtmlOutput');
    return new HtmlOutput(this.#env, textOf(source));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    this.#env.ws.tracker.record('HtmlService.createHtmlOutputFromFile');
    return new HtmlOutput(this.#env, this.#file(filename));
  }

  createTemplate(source: string | GoogleAppsScript.Base.BlobSource): HtmlTemplate {
    this.#env.ws.tracker.record('HtmlService.createTemplate');
    return new HtmlTemplate(this.#env, textOf(source));
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    this.#env.ws.tracker.record('HtmlService.createTemplateFromFile');
    return new HtmlTemplate(this.#env, this.#file(filename));
  }
}
stubInterface(FakeHtmlService, 'HTML.HtmlService');

/**
 * HtmlService for one project. `runInContext` runs scriptlet code in the bundle's context
 * (vmRunner(context)); without it, evaluate() throws.
 */
export function createHtmlService(
  ws: WorkspaceState,
  project: ProjectState,
  runInContext: RunInContext | null = null,
): FakeHtmlService {
  return new FakeHtmlService({ ws, runInContext }, project);
}
