/**
 * The harness: one emulated Google Workspace (Drive, spreadsheets, forms, docs, mail, clock)
 * and the script projects loaded onto it. The API is the contract of EMULATOR.md.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- signatures mirror @types/google-apps-script, which uses any */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { Clock } from './core/clock';
import { SCRIPT_TIME_FACTOR } from './core/costs';
import { ExecutionTracker, messageOf } from './core/execution';
import { appsScriptGlobals } from './core/globals';
import { IdFactory } from './core/ids';
import { createBundleContext, isDate } from './core/realm';
import { ACCOUNT_QUOTAS } from './core/state';
import type { DriveItem, ProjectState, Quotas, SentMail, TriggerRecord } from './core/state';
import type { Ctx, World } from './core/world';
import { buildPdf } from './services/blob';
import {
  createDocumentApp,
  DocumentView,
  documentFileHandler,
  documentsView,
} from './services/documents';
import {
  createDriveItem,
  DOCUMENT_MIME,
  DriveApp,
  emptyOldTrash,
  FOLDER_MIME,
  folderPath,
} from './services/drive';
import { formatDate, zonedFields } from './services/format-date';
import { MimeType, mimeTypeOfName } from './services/mime-type';
import { Answer, FormModel, isQuestion, ItemModel, ResponseModel } from './services/form-model';
import {
  fixedHeaders,
  FormApp,
  formFacade,
  FormResponse,
  syncDestination,
  writeResponseRow,
  destinationSheet,
} from './services/forms';
import { createHtmlService, vmRunner } from './services/html';
import { createGmailApp, createMailApp } from './services/mail';
import { CacheService, LockService, PropertiesService } from './services/properties';
import { Range } from './services/range';
import { AuthMode, nextDue, ScriptApp } from './services/script';
import { Sheet } from './services/sheet';
import { CellValue, displayValue, SpreadsheetModel } from './services/sheet-model';
import { ChartType } from './services/chart';
import {
  createSpreadsheetFile,
  registerSpreadsheetFiles,
  Spreadsheet,
  SpreadsheetApp,
} from './services/spreadsheet';
import { UrlFetchApp, type FakeHttpResponse } from './services/url-fetch';
import { Logger, makeConsole, Session, Utilities } from './services/utilities';

/** Options of createWorkspace. */
export interface WorkspaceOptions {
  /** Simulated clock start (ISO). Default 2021-09-01T09:00:00+03:00. */
  now?: string;
  /** Script and spreadsheet time zone. Default Europe/Moscow. */
  timeZone?: string;
  /** The user running every script (active = effective user). */
  user?: string;
  /** Spreadsheet locale. Default ru_RU. */
  locale?: string;
  /** Name of the bound master spreadsheet. */
  masterName?: string;
  /** The kind of Google account: its daily quotas (mail, new documents). Default 'consumer'. */
  account?: 'consumer' | 'workspace';
  /** Overrides of the account's daily quotas. */
  quotas?: Partial<Quotas>;
  /** Send-as aliases per user (GmailApp.getAliases; a GmailApp `from` must be one of them). */
  mailAliases?: Record<string, string[]>;
  /**
   * Modelled milliseconds per millisecond of the script's own CPU time (between service calls);
   * default SCRIPT_TIME_FACTOR of the cost table. 0 leaves the script's computing out, for tests
   * that need modelled time (and so the clock) to depend on service calls alone.
   */
  scriptTimeFactor?: number;
  /**
   * What happens when a trigger's handler throws: 'throw' (default) re-throws from submitForm /
   * advanceTo after recording the failed execution; 'record' only records it, as Google does.
   */
  triggerErrors?: 'throw' | 'record';
}

/** A loaded bundle: one script project. */
export interface BundleApp {
  /** Calls a global function of the bundle as one execution. */
  call(name: string, ...args: unknown[]): any;
  /** True if the bundle defines a global function `name`. */
  has(name: string): boolean;
  /** The project's state (properties, menus, sidebars, logs). */
  readonly project: ProjectState;
  /** The bundle's vm context (globals of the script). */
  readonly context: vm.Context;
}

/** Options of submitForm. */
export interface SubmitOptions {
  respondent?: string;
  /** Edit a previous response: same id, its sheet row rewritten, triggers fired again. */
  editOf?: string;
}

/** One response for seedResponses: answers by question title, as for submitForm. */
export interface SeedItem {
  answers: Record<string, unknown>;
  respondent?: string;
  /** Timestamp (ISO or Date); default the call's `at`, else the clock's now. */
  at?: string | Date;
}

/** What costs() returns. */
export interface CostReport {
  calls: Record<string, number>;
  /** serviceMs + scriptMs. */
  modelledMs: number;
  /** Modelled time of service calls (the cost table). */
  serviceMs: number;
  /** The script's own computing, measured as CPU time times scriptTimeFactor. */
  scriptMs: number;
  executions: {
    project: string;
    functionName: string;
    trigger: string;
    startedAt: Date;
    calls: Record<string, number>;
    modelledMs: number;
    serviceMs: number;
    scriptMs: number;
    error?: string;
  }[];
}

interface Project {
  state: ProjectState;
  context: vm.Context;
  ctx: Ctx;
}

const DEFAULTS = {
  now: '2021-09-01T09:00:00+03:00',
  timeZone: 'Europe/Moscow',
  user: 'metodist@center.example',
  locale: 'ru_RU',
  masterName: 'Мониторинг участия ОУ',
};

function newProjectState(id: string): ProjectState {
  return {
    id,
    scriptProperties: new Map(),
    userProperties: new Map(),
    documentProperties: new Map(),
    cache: new Map(),
    sidebars: [],
    dialogs: [],
    menus: [],
    alerts: [],
    htmlFiles: new Map(),
    logs: [],
  };
}

/** One emulated Workspace. */
export class Workspace {
  readonly world: World;
  private readonly projects = new Map<string, Project>();
  /** Context for harness-side facades: calls are counted outside any execution. */
  private readonly harness: Ctx;
  private readonly triggerErrors: 'throw' | 'record';
  private lastDelivery: { formId: string; responseId: string } | null = null;

  /** The simulated clock. */
  readonly clock: { now(): Date; advanceTo(iso: string | Date): void };
  /** Fault injection: the next `times` calls of `call` (e.g. 'DocumentApp.create') throw `error`. */
  readonly faults: { fail(call: string, options?: { times?: number; error?: string }): void };

  constructor(options: WorkspaceOptions = {}) {
    const o = { ...DEFAULTS, ...options };
    const ids = new IdFactory();
    const rootId = ids.next('0A');
    const clock = new Clock(o.now);
    this.world = {
      clock,
      tracker: new ExecutionTracker({
        clock,
        scriptTimeFactor: options.scriptTimeFactor ?? SCRIPT_TIME_FACTOR,
      }),
      ids,
      timeZone: o.timeZone,
      user: o.user,
      quotas: { ...ACCOUNT_QUOTAS[options.account ?? 'consumer'], ...options.quotas },
      drive: { rootId, items: new Map() },
      mailSentPerDay: new Map(),
      documentsCreatedPerDay: new Map(),
      outbox: [],
      triggers: [],
      lockHeldElsewhere: false,
      activeSpreadsheetId: '',
      locale: o.locale,
      spreadsheets: new Map(),
      forms: new Map(),
      lastSubmit: null,
      uuidCounter: 0,
      nativeFiles: new Map(),
      urlFetch: { responses: new Map(), requests: [] },
      mailAliases: new Map(Object.entries(options.mailAliases ?? {})),
    };
    const now = clock.now();
    this.world.drive.items.set(rootId, {
      id: rootId,
      name: 'Мой диск',
      mimeType: FOLDER_MIME,
      parents: [],
      trashed: false,
      owner: o.user,
      createdAt: now,
      updatedAt: now,
    });
    registerSpreadsheetFiles(this.world);
    this.world.nativeFiles.set(DOCUMENT_MIME, documentFileHandler(this.world));
    this.world.activeSpreadsheetId = createSpreadsheetFile(this.world, o.masterName).id;
    this.harness = { world: this.world, project: newProjectState('harness') };
    this.triggerErrors = o.triggerErrors ?? 'throw';
    this.clock = { now: () => clock.now(), advanceTo: (to) => this.advanceTo(to) };
    this.faults = { fail: (call, opts) => this.world.tracker.fail(call, opts) };
  }

  /** Loads every .js file of `dir` into a fresh context as a new script project (.html files are its HtmlService files). */
  loadBundle(dir: string): BundleApp {
    const id = `project-${this.projects.size + 1}-${this.world.ids.next('1').slice(0, 12)}`;
    const state = newProjectState(id);
    for (const file of fs.readdirSync(dir)) {
      if (file.endsWith('.html'))
        state.htmlFiles.set(
          file.replace(/\.html$/, ''),
          fs.readFileSync(path.join(dir, file), 'utf8'),
        );
    }
    const ctx: Ctx = { world: this.world, project: state };
    let runner: ((code: string, vars: Record<string, unknown>) => unknown) | null = null;
    const globals: Record<string, unknown> = {
      SpreadsheetApp: new SpreadsheetApp(ctx),
      FormApp: new FormApp(ctx),
      DriveApp: new DriveApp(ctx),
      DocumentApp: createDocumentApp(this.world),
      MailApp: createMailApp(this.world),
      GmailApp: createGmailApp(this.world),
      ScriptApp: new ScriptApp(ctx),
      PropertiesService: new PropertiesService(ctx),
      CacheService: new CacheService(ctx),
      LockService: new LockService(ctx),
      HtmlService: createHtmlService(this.world, state, (code, vars) => runner!(code, vars)),
      Utilities: new Utilities(ctx),
      Session: new Session(ctx),
      Logger: new Logger(ctx),
      Charts: { ChartType },
      MimeType,
      UrlFetchApp: new UrlFetchApp(ctx),
      console: makeConsole(ctx),
    };
    const context = createBundleContext(appsScriptGlobals(globals), () =>
      this.world.clock.now().getTime(),
    );
    runner = vmRunner(context);
    // gas-local loads every .js file of the folder into the context we give it (vm contexts are reused as-is).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const gas = require('gas-local') as { require(dir: string, globals: object): vm.Context };
    gas.require(dir, context);
    const project: Project = { state, context, ctx };
    this.projects.set(id, project);
    return {
      call: (name, ...args) => this.execute(project, name, args, 'direct'),
      has: (name) => typeof (context as Record<string, unknown>)[name] === 'function',
      project: state,
      context,
    };
  }

  /** Runs a global function of a project as one execution. */
  private execute(project: Project, name: string, args: unknown[], trigger: string): any {
    const fn = (project.context as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return this.world.tracker.run(project.state.id, name, trigger, this.world.clock.now(), () =>
      (fn as (...a: unknown[]) => unknown)(...args),
    );
  }

  /** Runs a trigger's handler in its own project; errors follow the triggerErrors option. */
  private fire(
    t: TriggerRecord,
    event: (ctx: Ctx) => Record<string, unknown>,
    kind: string,
  ): Error | null {
    const project = this.projects.get(t.project);
    if (!project) return null;
    // "Installable triggers always run under the account of the person who created them"
    // (developers.google.com/apps-script/guides/triggers/installable#restrictions).
    const previousUser = this.world.user;
    this.world.user = t.owner;
    try {
      this.execute(project, t.handler, [event(project.ctx)], kind);
      return null;
    } catch (error) {
      return error instanceof Error ? error : new Error(messageOf(error));
    } finally {
      this.world.user = previousUser;
    }
  }

  private advanceTo(to: string | Date): void {
    const target = new Date(to);
    if (Number.isNaN(target.getTime())) throw new Error(`emulator: bad date ${String(to)}`);
    for (;;) {
      const due = this.world.triggers
        .filter((t) => t.type === 'CLOCK' && t.nextRun && t.nextRun.getTime() <= target.getTime())
        .sort((a, b) => a.nextRun!.getTime() - b.nextRun!.getTime());
      const t = due[0];
      if (!t) break;
      const at = t.nextRun!;
      if (at.getTime() > this.world.clock.now().getTime()) this.world.clock.set(at);
      const next = nextDue(t, at);
      if (next) t.nextRun = next;
      else this.world.triggers.splice(this.world.triggers.indexOf(t), 1);
      const error = this.fire(t, () => clockEvent(at, t.uid), 'CLOCK');
      if (error && this.triggerErrors === 'throw') throw error;
    }
    if (target.getTime() > this.world.clock.now().getTime()) this.world.clock.set(target);
  }

  private form(titleOrId: string): FormModel {
    const byId = this.world.forms.get(titleOrId);
    if (byId) return byId;
    const matches = [...this.world.forms.values()].filter(
      (f) => f.title === titleOrId && !this.world.drive.items.get(f.id)?.trashed,
    );
    if (matches.length === 0) throw new Error(`emulator: no form titled or with id «${titleOrId}»`);
    // Several forms with one title (e.g. re-created): the newest is the one respondents have.
    return matches[matches.length - 1]!;
  }

  /** Submits a response as a respondent would; Google's form validation applies first. */
  submitForm(
    formTitleOrId: string,
    answers: Record<string, unknown>,
    options: SubmitOptions = {},
  ): GoogleAppsScript.Forms.FormResponse {
    const form = this.form(formTitleOrId);
    if (!form.acceptingResponses)
      throw new Error(`emulator: form «${form.title}» is not accepting responses`);
    const respondent = options.respondent ?? 'respondent@example.org';
    const stored = new Map<number, Answer>();
    const byTitle = new Map<string, ItemModel>();
    for (const item of form.items) if (isQuestion(item)) byTitle.set(item.title, item);
    for (const [title, value] of Object.entries(answers)) {
      const item = byTitle.get(title);
      if (!item) throw new Error(`emulator: form «${form.title}» has no question «${title}»`);
      const answer = this.validateAnswer(form, item, value, respondent);
      if (answer !== null) stored.set(item.id, answer);
    }
    for (const item of byTitle.values()) {
      if (item.required && !stored.has(item.id)) {
        throw new Error(`emulator: «${item.title}» is required in form «${form.title}»`);
      }
    }
    let response: ResponseModel;
    if (options.editOf) {
      const previous = form.responses.find((r) => r.id === options.editOf);
      if (!previous)
        throw new Error(`emulator: form «${form.title}» has no response ${options.editOf}`);
      previous.answers = stored;
      previous.timestamp = this.world.clock.now();
      response = previous;
    } else {
      response = {
        id: `2_ABaOnu${this.world.ids.next('d').slice(0, 40)}`,
        timestamp: this.world.clock.now(),
        respondent,
        answers: stored,
        sheetRow: null,
      };
      form.responses.push(response);
    }
    writeResponseRow(this.world, form, response);
    this.lastDelivery = { formId: form.id, responseId: response.id };
    this.world.lastSubmit = {
      formId: form.id,
      responseId: response.id,
      sheetRow: response.sheetRow,
    };
    this.deliver(form, response);
    return new FormResponse(
      this.harness,
      form,
      response,
    ) as unknown as GoogleAppsScript.Forms.FormResponse;
  }

  /**
   * Stores many responses at once, as submitForm would (same validation, same response records,
   * same response-sheet rows) but without firing any trigger: for building a large state fast
   * (npm run bench). Each item's `at` (default: options.at, else now) is its timestamp. Answers
   * Google Forms would refuse throw, or are counted and skipped with `invalid: 'skip'`.
   */
  seedResponses(
    formTitleOrId: string,
    items: readonly SeedItem[],
    options: { at?: string | Date; respondent?: string; invalid?: 'throw' | 'skip' } = {},
  ): { seeded: number; rejected: number } {
    const form = this.form(formTitleOrId);
    if (!form.acceptingResponses)
      throw new Error(`emulator: form «${form.title}» is not accepting responses`);
    const byTitle = new Map<string, ItemModel>();
    for (const item of form.items) if (isQuestion(item)) byTitle.set(item.title, item);
    const required = [...byTitle.values()].filter((i) => i.required);
    const fallback = options.at === undefined ? this.world.clock.now() : new Date(options.at);
    let seeded = 0;
    let rejected = 0;
    for (const seed of items) {
      const respondent = seed.respondent ?? options.respondent ?? 'respondent@example.org';
      const stored = new Map<number, Answer>();
      try {
        for (const [title, value] of Object.entries(seed.answers)) {
          const item = byTitle.get(title);
          if (!item) throw new Error(`emulator: form «${form.title}» has no question «${title}»`);
          const answer = this.validateAnswer(form, item, value, respondent);
          if (answer !== null) stored.set(item.id, answer);
        }
        for (const item of required)
          if (!stored.has(item.id))
            throw new Error(`emulator: «${item.title}» is required in form «${form.title}»`);
      } catch (error) {
        if (options.invalid !== 'skip') throw error;
        rejected++;
        continue;
      }
      const timestamp = seed.at === undefined ? fallback : new Date(seed.at);
      if (Number.isNaN(timestamp.getTime()))
        throw new Error(`emulator: bad date ${String(seed.at)}`);
      const response: ResponseModel = {
        id: `2_ABaOnu${this.world.ids.next('d').slice(0, 40)}`,
        timestamp,
        respondent,
        answers: stored,
        sheetRow: null,
      };
      form.responses.push(response);
      // The model's rows are plain arrays: one row each, no service call, no trigger.
      writeResponseRow(this.world, form, response);
      seeded++;
    }
    return { seeded, rejected };
  }

  /** Checks one answer as Google Forms would and returns what is stored (null = unanswered). */
  private validateAnswer(
    form: FormModel,
    item: ItemModel,
    value: unknown,
    respondent: string,
  ): Answer | null {
    const where = `«${item.title}» of form «${form.title}»`;
    if (
      value === undefined ||
      value === null ||
      value === '' ||
      (Array.isArray(value) && value.length === 0)
    )
      return null;
    const rule = item.validation;
    const fail = (why: string): never => {
      throw new Error(`emulator: ${where}: ${rule?.helpText || why}`);
    };
    switch (item.type) {
      case 'CHECKBOX': {
        const list = (Array.isArray(value) ? value : [value]).map(String);
        const others = list.filter((v) => !item.choices.includes(v));
        if (others.length > (item.hasOther ? 1 : 0)) fail(`not a choice: ${others.join(', ')}`);
        if (rule) {
          const n = Number(rule.args[0]);
          if (rule.kind === 'SELECT_AT_LEAST' && list.length < n) fail(`select at least ${n}`);
          if (rule.kind === 'SELECT_AT_MOST' && list.length > n) fail(`select at most ${n}`);
          if (rule.kind === 'SELECT_EXACTLY' && list.length !== n) fail(`select exactly ${n}`);
        }
        return list;
      }
      case 'LIST':
      case 'MULTIPLE_CHOICE': {
        const v = String(value);
        if (!item.choices.includes(v) && !(item.type === 'MULTIPLE_CHOICE' && item.hasOther))
          fail(`not a choice: ${v}`);
        return v;
      }
      case 'SCALE': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < item.scale.lower || n > item.scale.upper)
          fail(`not on the scale: ${String(value)}`);
        return String(n);
      }
      case 'DATE': {
        if (isDate(value)) return formatDate(value, this.world.timeZone, 'yyyy-MM-dd');
        const v = String(value);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) fail(`not a date (yyyy-MM-dd): ${v}`);
        return v;
      }
      case 'FILE_UPLOAD': {
        const names = (Array.isArray(value) ? value : [value]).map(String);
        return names.map((name) => this.uploadFile(form, item, name, respondent).id);
      }
      default: {
        const v = String(value);
        if (rule) checkText(rule, v, fail);
        return v;
      }
    }
  }

  /** Creates an uploaded file where Google puts it: «<form> (File responses)/<question> (File responses)». */
  private uploadFile(
    form: FormModel,
    item: ItemModel,
    name: string,
    respondent: string,
  ): DriveItem {
    const folder = (parent: string, title: string): string => {
      const existing = [...this.world.drive.items.values()].find(
        (i) =>
          i.mimeType === FOLDER_MIME &&
          i.name === title &&
          i.parents.includes(parent) &&
          !i.trashed,
      );
      return existing
        ? existing.id
        : createDriveItem(this.world, { name: title, mimeType: FOLDER_MIME, parent }).id;
    };
    const formFolder = folder(this.world.drive.rootId, `${form.title} (File responses)`);
    const itemFolder = folder(formFolder, `${item.title} (File responses)`);
    // Google appends " - <respondent name>" to uploaded file names.
    const dot = name.lastIndexOf('.');
    const who = respondent.split('@')[0];
    const stored =
      dot > 0 ? `${name.slice(0, dot)} - ${who}${name.slice(dot)}` : `${name} - ${who}`;
    return createDriveItem(this.world, {
      name: stored,
      mimeType: mimeTypeOfName(name) ?? 'application/octet-stream',
      parent: itemFolder,
      owner: respondent,
      bytes: buildPdf([name], name),
    });
  }

  /** Fires the spreadsheet and form ON_FORM_SUBMIT triggers for a response. */
  private deliver(form: FormModel, response: ResponseModel): void {
    const errors: Error[] = [];
    const sheet = destinationSheet(this.world, form);
    const ssId = form.destination?.spreadsheetId ?? null;
    for (const t of [...this.world.triggers]) {
      if (t.type !== 'ON_FORM_SUBMIT') continue;
      if (t.source === 'SPREADSHEET' && ssId && t.sourceId === ssId && sheet && response.sheetRow) {
        const ss = this.world.spreadsheets.get(ssId)!;
        const error = this.fire(
          t,
          (ctx) => sheetSubmitEvent(ctx, ss, sheet, response.sheetRow!, t.uid),
          'ON_FORM_SUBMIT',
        );
        if (error) errors.push(error);
      }
      if (t.source === 'FORMS' && t.sourceId === form.id) {
        const error = this.fire(
          t,
          (ctx) => ({
            authMode: AuthMode.FULL,
            response: new FormResponse(ctx, form, response),
            source: formFacade(ctx, form),
            triggerUid: t.uid,
          }),
          'ON_FORM_SUBMIT',
        );
        if (error) errors.push(error);
      }
    }
    if (errors.length > 0 && this.triggerErrors === 'throw') throw errors[0]!;
  }

  /** Delivers the last form-submit event again (Google sometimes does). */
  fireDuplicateLastSubmit(): void {
    if (!this.lastDelivery) throw new Error('emulator: no form submit to repeat');
    const form = this.world.forms.get(this.lastDelivery.formId)!;
    const response = form.responses.find((r) => r.id === this.lastDelivery!.responseId)!;
    this.deliver(form, response);
  }

  /** Adds a FILE_UPLOAD question by hand, as an operator would in the Forms editor. */
  uploadFileItem(formTitleOrId: string, title: string): void {
    const form = this.form(formTitleOrId);
    const item = form.addItem('FILE_UPLOAD');
    item.title = title;
    syncDestination(this.world, form);
  }

  /** The master (bound) spreadsheet; calls through it count outside any execution. */
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return new Spreadsheet(
      this.harness,
      this.master(),
    ) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  /** The master's model (for exporters). */
  master(): SpreadsheetModel {
    return this.world.spreadsheets.get(this.world.activeSpreadsheetId)!;
  }

  /** Values of a tab of the master (header included), up to its last row and column; no calls counted. */
  sheetValues(tabName: string, spreadsheetId?: string): CellValue[][] {
    const ss = this.world.spreadsheets.get(spreadsheetId ?? this.world.activeSpreadsheetId)!;
    const sheet = ss.sheetByName(tabName);
    if (!sheet)
      throw new Error(
        `emulator: no tab «${tabName}» (tabs: ${ss.sheets.map((s) => s.name).join(', ')})`,
      );
    return new Sheet(this.harness, ss, sheet).peekValues();
  }

  /** Displayed values of a tab of the master, as a user sees them. */
  sheetDisplayValues(tabName: string): string[][] {
    const ss = this.master();
    return this.sheetValues(tabName).map((row, r) =>
      row.map((v, c) =>
        displayValue(v, ss.sheetByName(tabName)!.format(r + 1, c + 1)?.numberFormat, ss),
      ),
    );
  }

  /** Makes a tab of the master active (as a user clicking it). */
  setActiveSheet(tabName: string): void {
    const sheet = this.master().sheetByName(tabName);
    if (!sheet) throw new Error(`emulator: no tab «${tabName}»`);
    this.master().activeSheetId = sheet.id;
  }

  /** Every Google Doc (delegates to the documents service's store). */
  documents(): DocumentView[] {
    return documentsView(this.world);
  }

  /** Every email sent. */
  outbox(): SentMail[] {
    return [...this.world.outbox];
  }

  /** Installed triggers of every project and every user. */
  triggers(): {
    owner: string;
    handler: string;
    type: string;
    source: string;
    schedule: string | null;
    sourceId: string | null;
    project: string;
    nextRun: Date | null;
  }[] {
    return this.world.triggers.map((t) => ({
      owner: t.owner,
      handler: t.handler,
      type: t.type,
      source: t.source,
      schedule: t.schedule,
      sourceId: t.sourceId,
      project: t.project,
      nextRun: t.nextRun,
    }));
  }

  /** Service calls and modelled time, in total and per execution. */
  costs(): CostReport {
    const totals = this.world.tracker.totals();
    return {
      ...totals,
      executions: this.world.tracker.executions.map((e) => ({ ...e, calls: { ...e.calls } })),
    };
  }

  /** Forgets recorded executions and calls. */
  resetCosts(): void {
    this.world.tracker.reset();
  }

  /** Makes `user` the active and effective user of every later call (another person opening the script). */
  actAs(user: string): void {
    this.world.user = user;
  }

  /** Whether another execution holds the script/document lock. */
  lockHeldElsewhere(held: boolean): void {
    this.world.lockHeldElsewhere = held;
  }

  /** HTML of the last sidebar shown by any project, after template evaluation. */
  lastSidebar(): string | null {
    let last: string | null = null;
    for (const p of this.projects.values())
      if (p.state.sidebars.length) last = p.state.sidebars[p.state.sidebars.length - 1]!;
    return last;
  }

  /** Texts of the alerts every project showed, oldest first. */
  alerts(): string[] {
    return [...this.projects.values()].flatMap((p) => p.state.alerts);
  }

  /** Menus added by every project. */
  menus(): { title: string; items: { caption: string; functionName: string }[] }[] {
    return [...this.projects.values()].flatMap((p) => p.state.menus);
  }

  /** Every Drive item (files and folders) with its folder path. */
  files(): (DriveItem & { path: string })[] {
    emptyOldTrash(this.world);
    return [...this.world.drive.items.values()]
      .filter((i) => i.id !== this.world.drive.rootId)
      .map((i) => ({ ...i, path: folderPath(this.world, i) }));
  }

  /** Every form: title, id, question titles and types, linked spreadsheet and response count. */
  forms(): {
    id: string;
    title: string;
    items: { title: string; type: string; required: boolean; choices: string[] }[];
    destinationId: string | null;
    responses: number;
  }[] {
    return [...this.world.forms.values()].map((f) => ({
      id: f.id,
      title: f.title,
      items: f.items.map((i) => ({
        title: i.title,
        type: i.type,
        required: i.required,
        choices: [...i.choices],
      })),
      destinationId: f.destination?.spreadsheetId ?? null,
      responses: f.responses.length,
    }));
  }

  /** Registers the response UrlFetchApp.fetch(url) gets (there is no network in the emulator). */
  fakeUrl(url: string, response: FakeHttpResponse): void {
    this.world.urlFetch.responses.set(url, response);
  }

  /** Every request scripts made through UrlFetchApp, answered or not. */
  fetches(): { url: string; method: string; payload: string | null; at: Date }[] {
    return this.world.urlFetch.requests.map((r) => ({ ...r }));
  }

  /** Log lines of every project. */
  logs(): string[] {
    return [...this.projects.values()].flatMap((p) => p.state.logs);
  }
}

/** Text validation as Google Forms applies it. */
function checkText(
  rule: NonNullable<ItemModel['validation']>,
  v: string,
  fail: (why: string) => never,
): void {
  const n = Number(v.replace(',', '.'));
  const numeric = v.trim() !== '' && !Number.isNaN(n);
  const [a, b] = rule.args.map(Number);
  switch (rule.kind) {
    case 'NUMBER':
      if (!numeric) fail('not a number');
      break;
    case 'WHOLE_NUMBER':
      if (!numeric || !Number.isInteger(n)) fail('not a whole number');
      break;
    case 'NUMBER_BETWEEN':
      if (!numeric || n < a! || n > b!) fail(`not between ${a} and ${b}`);
      break;
    case 'NUMBER_GREATER_THAN':
      if (!numeric || n <= a!) fail(`not greater than ${a}`);
      break;
    case 'NUMBER_LESS_THAN':
      if (!numeric || n >= a!) fail(`not less than ${a}`);
      break;
    case 'EMAIL':
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) fail('not an email');
      break;
    case 'URL':
      if (!/^(https?:\/\/)?[^\s.]+\.[^\s]+$/.test(v)) fail('not a URL');
      break;
    case 'LENGTH_AT_MOST':
      if (v.length > a!) fail(`longer than ${a}`);
      break;
    case 'LENGTH_AT_LEAST':
      if (v.length < a!) fail(`shorter than ${a}`);
      break;
    case 'PATTERN':
      if (!new RegExp(`^(?:${String(rule.args[0])})$`).test(v)) fail('does not match the pattern');
      break;
    default:
      break;
  }
}

/** The spreadsheet form-submit event (guides/triggers/events#form-submit): values are display strings. */
function sheetSubmitEvent(
  ctx: Ctx,
  ss: SpreadsheetModel,
  sheet: import('./services/sheet-model').SheetModel,
  row: number,
  triggerUid: string,
): Record<string, unknown> {
  const width = sheet.lastColumn();
  const header = Array.from({ length: width }, (_, c) => String(sheet.get(1, c + 1)));
  const headers = fixedHeaders(ss.locale);
  const values = header.map((_, c) => {
    const v = sheet.get(row, c + 1);
    if (c === 0 && isDate(v)) {
      // The timestamp is written as the locale's date-time, e.g. 01.09.2021 9:00:00 for ru_RU.
      return formatDate(
        v,
        ss.timeZone,
        ss.locale.startsWith('ru') ? 'dd.MM.yyyy H:mm:ss' : 'M/d/yyyy H:mm:ss',
      );
    }
    return displayValue(v, undefined, ss);
  });
  const namedValues: Record<string, string[]> = {};
  header.forEach((title, c) => {
    if (title === '' && c > 0) return;
    namedValues[title || headers.timestamp] = [values[c]!];
  });
  return {
    authMode: AuthMode.FULL,
    namedValues,
    range: new Range(ctx, ss, sheet, row, 1, 1, Math.max(width, 1)),
    source: new Spreadsheet(ctx, ss),
    triggerUid,
    values,
  };
}

/** The time-driven event (guides/triggers/events#time-driven-events): fields in UTC, as documented. */
function clockEvent(at: Date, triggerUid: string): Record<string, unknown> {
  const f = zonedFields(at, 'UTC');
  const weekOfYear = Number(formatDate(at, 'UTC', 'w'));
  return {
    authMode: AuthMode.FULL,
    'day-of-month': f.day,
    'day-of-week': f.weekday === 0 ? 7 : f.weekday,
    hour: f.hour,
    minute: f.minute,
    month: f.month,
    second: f.second,
    timezone: 'UTC',
    triggerUid,
    'week-of-year': weekOfYear,
    year: f.year,
  };
}

/** Creates an emulated Workspace with its bound master spreadsheet. */
export function createWorkspace(options: WorkspaceOptions = {}): Workspace {
  return new Workspace(options);
}
