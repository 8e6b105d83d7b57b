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
import { createBundleContext } from './core/realm';
import { ACCOUNT_QUOTAS } from './core/state';
import type { DriveItem, ProjectState, SentMail, TriggerRecord } from './core/state';
import type { Ctx, World } from './core/world';
import type {
  BundleApp,
  CostReport,
  SeedItem,
  SubmitOptions,
  WorkspaceOptions,
} from './harness/api';
import { clockEvent } from './harness/events';
import { acceptAnswers, deliverSubmit, newResponse, questionsOf } from './harness/submit';
import {
  createDocumentApp,
  DocumentView,
  documentFileHandler,
  documentsView,
} from './services/documents';
import { DOCUMENT_MIME, DriveApp, emptyOldTrash, FOLDER_MIME, folderPath } from './services/drive';
import type { Answer, FormModel, ResponseModel } from './services/form-model';
import { FormApp, FormResponse, syncDestination, writeResponseRow } from './services/forms';
import { MimeType } from './services/mime-type';
import { advancedServiceGlobals } from './services/advanced';
import { createHtmlService, vmRunner } from './services/html';
import { createGmailApp, createMailApp } from './services/mail';
import { CacheService, LockService, PropertiesService } from './services/properties';
import { nextDue, ScriptApp } from './services/script';
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
      // Only what the folder's appsscript.json enables (e.g. `Docs`); absent otherwise.
      ...advancedServiceGlobals(dir, this.world),
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
    const stored = acceptAnswers(this.world, form, questionsOf(form), answers, respondent);
    let response: ResponseModel;
    if (options.editOf) {
      const previous = form.responses.find((r) => r.id === options.editOf);
      if (!previous)
        throw new Error(`emulator: form «${form.title}» has no response ${options.editOf}`);
      previous.answers = stored;
      previous.timestamp = this.world.clock.now();
      response = previous;
    } else {
      response = newResponse(this.world, respondent, stored, this.world.clock.now());
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
    const questions = questionsOf(form);
    const fallback = options.at === undefined ? this.world.clock.now() : new Date(options.at);
    let seeded = 0;
    let rejected = 0;
    for (const seed of items) {
      const respondent = seed.respondent ?? options.respondent ?? 'respondent@example.org';
      let stored: Map<number, Answer>;
      try {
        stored = acceptAnswers(this.world, form, questions, seed.answers, respondent);
      } catch (error) {
        if (options.invalid !== 'skip') throw error;
        rejected++;
        continue;
      }
      const timestamp = seed.at === undefined ? fallback : new Date(seed.at);
      if (Number.isNaN(timestamp.getTime()))
        throw new Error(`emulator: bad date ${String(seed.at)}`);
      const response = newResponse(this.world, respondent, stored, timestamp);
      form.responses.push(response);
      // The model's rows are plain arrays: one row each, no service call, no trigger.
      writeResponseRow(this.world, form, response);
      seeded++;
    }
    return { seeded, rejected };
  }

  /** Fires the spreadsheet and form ON_FORM_SUBMIT triggers for a response. */
  private deliver(form: FormModel, response: ResponseModel): void {
    const errors = deliverSubmit(this.world, form, response, (t, event, kind) =>
      this.fire(t, event, kind),
    );
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

/** Creates an emulated Workspace with its bound master spreadsheet. */
export function createWorkspace(options: WorkspaceOptions = {}): Workspace {
  return new Workspace(options);
}
