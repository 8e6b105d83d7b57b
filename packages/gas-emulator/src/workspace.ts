/**
 * The harness: one emulated Google Workspace (Drive, spreadsheets, forms, docs, mail, clock)
 * and the script projects loaded onto it. The API is the contract of EMULATOR.md.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- signatures mirror @types/google-apps-script, which uses any */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { Clock } from './core/clock';
import { MAX_EXECUTION_MS, SCRIPT_TIME_FACTOR } from './core/costs';
import {
  ExecutionTracker,
  messageOf,
  TIME_LIMIT_ERROR,
  type ExecutionRecord,
  type RunOptions,
  type StopHandle,
} from './core/execution';
import { appsScriptGlobals } from './core/globals';
import { IdFactory } from './core/ids';
import { createBundleContext } from './core/realm';
import { ACCOUNT_QUOTAS } from './core/state';
import type { ContainerRef, DriveItem, ProjectState, SentMail, TriggerRecord } from './core/state';
import type { Ctx, World } from './core/world';
import type {
  BundleApp,
  BurstItem,
  BurstReport,
  ContainerOption,
  CostReport,
  LoadOptions,
  OpenOptions,
  SeedItem,
  SubmitOptions,
  UploadItemOptions,
  WorkspaceOptions,
} from './harness/api';
import { changeEvent, clockEvent, editEvent, openEvent } from './harness/events';
import { acceptAnswers, deliverSubmit, newResponse, questionsOf } from './harness/submit';
import {
  createDocumentApp,
  createDocumentFile,
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
  FORM_MIME,
  SPREADSHEET_MIME,
} from './services/drive';
import type { Answer, FormModel, ResponseModel } from './services/form-model';
import {
  createFormFile,
  FormApp,
  FormResponse,
  syncDestination,
  writeResponseRow,
} from './services/forms';
import { MimeType } from './services/mime-type';
import { advancedServiceGlobals } from './services/advanced';
import { createHtmlService, vmRunner } from './services/html';
import { createGmailApp, createMailApp, dayKey } from './services/mail';
import {
  CacheService,
  LockService,
  PropertiesService,
  releaseLocksOf,
} from './services/properties';
import { nextDue, ScriptApp } from './services/script';
import { Range } from './services/range';
import { Sheet } from './services/sheet';
import { CellValue, displayValue, SpreadsheetModel } from './services/sheet-model';
import { ChartsService } from './services/charts';
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

/** Apps Script's message when the day's trigger runtime is used up (guides/services/quotas, exception messages). */
export const TRIGGER_RUNTIME_ERROR = 'Service using too much computer time for one day.';

/** Apps Script's message past "Simultaneous executions per user" (guides/services/quotas). */
export const SIMULTANEOUS_ERROR =
  'There are too many scripts running simultaneously for this Google user account.';

/** Simple triggers "cannot run for longer than 30 seconds" (guides/triggers#restrictions). */
export const SIMPLE_TRIGGER_MS = 30_000;

function newProjectState(id: string, scriptId: string, container: ContainerRef): ProjectState {
  return {
    id,
    scriptId,
    container,
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
  /** During ws.burst: the trigger executions so far, to count those running at once per user. */
  private burstRuns: { user: string; start: number; end: number }[] | null = null;

  /** The simulated clock. */
  readonly clock: { now(): Date; advanceTo(iso: string | Date): void };
  /** Fault injection: the next `times` calls of `call` (e.g. 'DocumentApp.create') throw `error`. */
  readonly faults: {
    fail(call: string, options?: { times?: number; error?: string }): void;
    /** Kills the execution at the nth matching call as the 6-minute limit would (core/execution.ts). */
    stopAt(calls: readonly string[] | ((call: string) => boolean), nth: number): StopHandle;
    /** Disarms a stop not reached. */
    clearStop(): void;
  };

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
      triggerRuntimePerDay: new Map(),
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
    this.harness = {
      world: this.world,
      project: newProjectState('harness', 'harness', {
        kind: 'SPREADSHEET',
        id: this.world.activeSpreadsheetId,
      }),
    };
    this.triggerErrors = o.triggerErrors ?? 'throw';
    this.world.tracker.onExecutionEnd((record) => releaseLocksOf(this.world, record));
    this.clock = { now: () => clock.now(), advanceTo: (to) => this.advanceTo(to) };
    this.faults = {
      fail: (call, opts) => this.world.tracker.fail(call, opts),
      stopAt: (calls, nth) => this.world.tracker.stopAt(calls, nth),
      clearStop: () => this.world.tracker.clearStop(),
    };
  }

  /**
   * Loads every .js file of `dir` into a fresh context as a new script project (.html files are
   * its HtmlService files), bound to `options.container`: the master spreadsheet by default, any
   * spreadsheet, document or form, or 'standalone' (a script file of its own in My Drive).
   */
  loadBundle(dir: string, options: LoadOptions = {}): BundleApp {
    const scriptId = this.world.ids.next('1');
    const id = `project-${this.projects.size + 1}-${scriptId.slice(0, 12)}`;
    const container = this.containerOf(options.container);
    const state = newProjectState(id, scriptId, container);
    if (container.kind === 'STANDALONE') {
      // A standalone script is a file of its own in My Drive, listed like any other (guides/standalone).
      createDriveItem(this.world, {
        id: scriptId,
        name: options.name ?? 'Untitled project',
        mimeType: MimeType.GOOGLE_APPS_SCRIPT!,
      });
    }
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
      DocumentApp: createDocumentApp(this.world, ctx),
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
      Charts: new ChartsService(ctx),
      MimeType,
      UrlFetchApp: new UrlFetchApp(ctx),
      console: makeConsole(ctx),
      // Only what the folder's appsscript.json enables (e.g. `Docs`); absent otherwise.
      ...advancedServiceGlobals(dir, ctx),
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

  /** The container a loadBundle option names, checked against Drive. */
  private containerOf(option: ContainerOption | undefined): ContainerRef {
    if (option === undefined) return { kind: 'SPREADSHEET', id: this.world.activeSpreadsheetId };
    if (option === 'standalone') return { kind: 'STANDALONE', id: null };
    const need = (id: string, mime: string, what: string): string => {
      const item = this.world.drive.items.get(id);
      if (!item || item.mimeType !== mime) throw new Error(`emulator: no ${what} with id «${id}»`);
      return id;
    };
    if ('spreadsheet' in option)
      return {
        kind: 'SPREADSHEET',
        id: need(option.spreadsheet, SPREADSHEET_MIME, 'spreadsheet'),
      };
    if ('document' in option)
      return { kind: 'DOCUMENT', id: need(option.document, DOCUMENT_MIME, 'document') };
    if ('form' in option) return { kind: 'FORM', id: this.form(option.form).id };
    throw new Error(`emulator: unknown container ${JSON.stringify(option)}`);
  }

  /** Runs a global function of a project as one execution, as the workspace's current user. */
  private execute(
    project: Project,
    name: string,
    args: unknown[],
    trigger: string,
    options: RunOptions = {},
  ): any {
    const fn = (project.context as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return this.world.tracker.run(
      project.state.id,
      name,
      trigger,
      this.world.clock.now(),
      () => (fn as (...a: unknown[]) => unknown)(...args),
      { user: this.world.user, ...options },
    );
  }

  /**
   * Runs a trigger's handler as `user`: counted against that user's daily trigger runtime
   * ("Triggers total runtime", guides/services/quotas), which, once used up, stops executions
   * with "Service using too much computer time for one day." Simple triggers run with
   * AuthMode.LIMITED and for 30 seconds at most.
   */
  private runTrigger(
    project: Project,
    handler: string,
    event: unknown,
    kind: string,
    user: string,
    simple = false,
  ): Error | null {
    const world = this.world;
    const previousUser = world.user;
    world.user = user;
    try {
      const key = `${user}|${dayKey(world.clock.now(), world.timeZone)}`;
      const runtime = world.triggerRuntimePerDay!;
      const left = world.quotas.triggerRuntimePerDayMs - (runtime.get(key) ?? 0);
      const cap = simple ? SIMPLE_TRIGGER_MS : MAX_EXECUTION_MS;
      let limit =
        left < cap
          ? { ms: left, error: TRIGGER_RUNTIME_ERROR }
          : { ms: cap, error: TIME_LIMIT_ERROR };
      const runs = this.burstRuns;
      if (runs) {
        const t = world.clock.now().getTime();
        const running = runs.filter((r) => r.user === user && r.start <= t && t < r.end).length;
        if (running >= world.quotas.simultaneousExecutionsPerUser)
          limit = { ms: 0, error: SIMULTANEOUS_ERROR };
      }
      this.execute(project, handler, [event], kind, {
        authMode: simple ? 'LIMITED' : 'FULL',
        limit,
        onEnd: (e: ExecutionRecord) => {
          runtime.set(key, (runtime.get(key) ?? 0) + e.modelledMs);
          runs?.push({ user, start: e.startedAt.getTime(), end: e.endedAt!.getTime() });
        },
      });
      return null;
    } catch (error) {
      return error instanceof Error ? error : new Error(messageOf(error));
    } finally {
      world.user = previousUser;
    }
  }

  /** Runs an installable trigger's handler in its own project, as the user who installed it. */
  private fire(
    t: TriggerRecord,
    event: (ctx: Ctx) => Record<string, unknown>,
    kind: string,
  ): Error | null {
    const project = this.projects.get(t.project);
    if (!project) return null;
    // "Installable triggers always run under the account of the person who created them"
    // (developers.google.com/apps-script/guides/triggers/installable#restrictions).
    return this.runTrigger(project, t.handler, event(project.ctx), kind, t.owner);
  }

  /**
   * A user opens a spreadsheet, document or form in its editor (default: the master): the simple
   * `onOpen(e)` of every project bound to it runs as that user (AuthMode.LIMITED, 30 s), then its
   * installable open triggers (guides/triggers#onopene; events: authMode, source, triggerUid
   * of installable ones, user). Errors follow the triggerErrors option.
   */
  open(fileId: string = this.world.activeSpreadsheetId, options: OpenOptions = {}): void {
    const item = this.world.drive.items.get(fileId);
    const kinds: Record<string, ContainerRef['kind']> = {
      [SPREADSHEET_MIME]: 'SPREADSHEET',
      [DOCUMENT_MIME]: 'DOCUMENT',
      [FORM_MIME]: 'FORM',
    };
    const kind = item && kinds[item.mimeType];
    if (!kind) throw new Error(`emulator: no spreadsheet, document or form with id «${fileId}»`);
    const user = options.user ?? this.world.user;
    const errors: Error[] = [];
    for (const project of this.projects.values()) {
      const c = project.state.container;
      if (c.id !== fileId || typeof project.context.onOpen !== 'function') continue;
      const event = openEvent(project.ctx, kind, fileId, user, null);
      const error = this.runTrigger(project, 'onOpen', event, 'ON_OPEN', user, true);
      if (error) errors.push(error);
    }
    const sources: Record<string, TriggerRecord['source']> = {
      SPREADSHEET: 'SPREADSHEET',
      DOCUMENT: 'DOCUMENTS',
      FORM: 'FORMS',
    };
    const source = sources[kind];
    for (const t of [...this.world.triggers]) {
      if (t.type !== 'ON_OPEN' || t.source !== source || t.sourceId !== fileId) continue;
      const error = this.fire(t, (ctx) => openEvent(ctx, kind, fileId, user, t.uid), 'ON_OPEN');
      if (error) errors.push(error);
    }
    if (errors.length > 0 && this.triggerErrors === 'throw') throw errors[0]!;
  }

  /**
   * A user types into a spreadsheet (default: the master): `value` into one cell, or a grid of
   * values pasted into a range ('Tab!A1', 'A1:B2' on the active tab). Then the simple onEdit(e)
   * of every project bound to it runs (LIMITED, 30 s), then its installable edit triggers and
   * its change triggers (changeType EDIT). Script writes never fire them ("Script executions and
   * API requests do not cause triggers to run", guides/triggers#restrictions).
   */
  edit(
    a1Notation: string,
    value: unknown,
    options: { spreadsheetId?: string; user?: string } = {},
  ): void {
    const ss = this.spreadsheetModel(options.spreadsheetId);
    const range = this.spreadsheet(ss.id).getRange(a1Notation) as unknown as Range;
    const single = range.numRows === 1 && range.numColumns === 1;
    let values: { value: string; oldValue: string | undefined } | null = null;
    if (single) {
      const before = range.getDisplayValue();
      range.setValue(value as CellValue);
      values = { value: String(value), oldValue: before === '' ? undefined : before };
    } else {
      if (!Array.isArray(value)) throw new Error('emulator: a range edit takes rows of values');
      range.setValues(value as CellValue[][]);
    }
    const user = options.user ?? this.world.user;
    const errors: Error[] = [];
    for (const project of this.projects.values()) {
      if (project.state.container.id !== ss.id) continue;
      if (typeof project.context.onEdit !== 'function') continue;
      const event = editEvent(project.ctx, ss, range.sheet, range, user, null, values);
      const error = this.runTrigger(project, 'onEdit', event, 'ON_EDIT', user, true);
      if (error) errors.push(error);
    }
    for (const t of [...this.world.triggers]) {
      if (t.source !== 'SPREADSHEET' || t.sourceId !== ss.id) continue;
      let error: Error | null = null;
      if (t.type === 'ON_EDIT')
        error = this.fire(
          t,
          (ctx) => editEvent(ctx, ss, range.sheet, range, user, t.uid, values),
          'ON_EDIT',
        );
      else if (t.type === 'ON_CHANGE')
        error = this.fire(t, (ctx) => changeEvent(ctx, ss, 'EDIT', user, t.uid), 'ON_CHANGE');
      if (error) errors.push(error);
    }
    if (errors.length > 0 && this.triggerErrors === 'throw') throw errors[0]!;
  }

  /** A new spreadsheet in My Drive, as a user makes one (e.g. to bind a script to it); returns its id. */
  createSpreadsheet(name: string): string {
    return createSpreadsheetFile(this.world, name).id;
  }

  /** A new empty Google Doc in My Drive; returns its id. */
  createDocument(name: string): string {
    return createDocumentFile(this.world, name);
  }

  /** A new empty form in My Drive; returns its id. */
  createForm(title: string): string {
    return createFormFile(this.world, title).id;
  }

  private advanceTo(to: string | Date): void {
    const target = new Date(to);
    if (Number.isNaN(target.getTime())) throw new Error(`emulator: bad date ${String(to)}`);
    const now = this.world.clock.now();
    if (target.getTime() < now.getTime()) {
      // The modelled clock only moves forward; a test asking for an earlier time has lost track
      // of it (executions move the clock too), and ignoring that would hide the mistake.
      throw new Error(
        `emulator: the clock cannot go back to ${target.toISOString()} (it is ${now.toISOString()})`,
      );
    }
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
    const response = this.storeResponse(form, answers, options);
    if (options.deliver !== false) this.deliver(form, response);
    return new FormResponse(
      this.harness,
      form,
      response,
    ) as unknown as GoogleAppsScript.Forms.FormResponse;
  }

  /** A respondent's answers checked and stored as Forms does, with their response-sheet row. */
  private storeResponse(
    form: FormModel,
    answers: Record<string, unknown>,
    options: SubmitOptions,
  ): ResponseModel {
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
    return response;
  }

  /**
   * Many respondents submit forms within a few modelled minutes, and the triggers of each submit
   * start at its `at`, overlapping one another as on Google: each execution runs on its own
   * timeline from its start, they compete for locks in modelled time (a waitLock waits for the
   * others' holds or times out with Google's message; tryLock gives false), and past 30 running
   * at once for one user an execution does not start ("There are too many scripts running
   * simultaneously…", guides/services/quotas). Executions run one after another in the order they
   * start. Trigger errors are recorded, never thrown (see the report and costs()); answers Forms
   * would refuse throw. Time-driven triggers due during the burst fire at the next advanceTo. The
   * clock ends when the last execution does.
   */
  burst(items: readonly BurstItem[]): BurstReport {
    const world = this.world;
    const timed = items
      .map((item, i) => ({ item, at: new Date(item.at), i }))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.i - b.i);
    for (const { item, at } of timed)
      if (Number.isNaN(at.getTime())) throw new Error(`emulator: bad date ${String(item.at)}`);
    const first = timed[0];
    if (!first) return { submitted: 0, executions: [], endedAt: world.clock.now() };
    this.advanceTo(first.at);
    const from = world.tracker.executions.length;
    let end = world.clock.now().getTime();
    this.burstRuns = [];
    try {
      for (const { item, at } of timed) {
        world.clock.rewind(at);
        const form = this.form(item.form);
        const response = this.storeResponse(form, item.answers, { respondent: item.respondent });
        deliverSubmit(world, form, response, (t, event, kind) => {
          world.clock.rewind(at);
          const error = this.fire(t, event, kind);
          end = Math.max(end, world.clock.now().getTime());
          return error;
        });
        end = Math.max(end, at.getTime());
      }
    } finally {
      this.burstRuns = null;
      world.clock.rewind(new Date(end));
    }
    return {
      submitted: timed.length,
      executions: world.tracker.executions.slice(from).map((e) => ({
        functionName: e.functionName,
        user: e.user,
        startedAt: e.startedAt,
        endedAt: e.endedAt!,
        modelledMs: e.modelledMs,
        lockWaitMs: e.lockWaitMs,
        ...(e.error === undefined ? {} : { error: e.error }),
      })),
      endedAt: new Date(end),
    };
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

  /**
   * Adds a FILE_UPLOAD question by hand, as an operator would in the Forms editor (FormApp
   * cannot), with its maximum number of files and file size if given.
   */
  uploadFileItem(formTitleOrId: string, title: string, options: UploadItemOptions = {}): void {
    const form = this.form(formTitleOrId);
    const item = form.addItem('FILE_UPLOAD');
    item.title = title;
    item.upload = { maxFiles: options.maxFiles ?? null, maxFileSize: options.maxFileSize ?? null };
    syncDestination(this.world, form);
  }

  /** A spreadsheet (default: the master); calls through it count outside any execution. */
  spreadsheet(spreadsheetId?: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return new Spreadsheet(
      this.harness,
      this.spreadsheetModel(spreadsheetId),
    ) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  /** A spreadsheet's model (the master by default), for exporters. */
  master(spreadsheetId?: string): SpreadsheetModel {
    return this.spreadsheetModel(spreadsheetId);
  }

  private spreadsheetModel(spreadsheetId?: string): SpreadsheetModel {
    const ss = this.world.spreadsheets.get(spreadsheetId ?? this.world.activeSpreadsheetId);
    if (!ss) throw new Error(`emulator: no spreadsheet with id «${spreadsheetId}»`);
    return ss;
  }

  /** Values of a tab (header included) of a spreadsheet (default: the master), up to its last row and column; no calls counted. */
  sheetValues(tabName: string, spreadsheetId?: string): CellValue[][] {
    const ss = this.spreadsheetModel(spreadsheetId);
    const sheet = ss.sheetByName(tabName);
    if (!sheet)
      throw new Error(
        `emulator: no tab «${tabName}» (tabs: ${ss.sheets.map((s) => s.name).join(', ')})`,
      );
    return new Sheet(this.harness, ss, sheet).peekValues();
  }

  /** Displayed values of a tab of a spreadsheet (default: the master), as a user sees them. */
  sheetDisplayValues(tabName: string, spreadsheetId?: string): string[][] {
    const ss = this.spreadsheetModel(spreadsheetId);
    return this.sheetValues(tabName, spreadsheetId).map((row, r) =>
      row.map((v, c) =>
        displayValue(v, ss.sheetByName(tabName)!.format(r + 1, c + 1)?.numberFormat, ss),
      ),
    );
  }

  /** Makes a tab of a spreadsheet (default: the master) active, as a user clicking it. */
  setActiveSheet(tabName: string, spreadsheetId?: string): void {
    const ss = this.spreadsheetModel(spreadsheetId);
    const sheet = ss.sheetByName(tabName);
    if (!sheet) throw new Error(`emulator: no tab «${tabName}»`);
    ss.activeSheetId = sheet.id;
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

  /** The user's answer to the next Ui.prompt of any project: the text typed and the button pressed. */
  answerPrompt(text: string, button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE' = 'OK'): void {
    (this.world.promptAnswers ??= []).push({ text, button });
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

  /**
   * What a respondent sees filled in when opening a prefilled link (FormResponse.toPrefilledUrl or
   * one built like it): the form's title and each answered question's value by title (a checkbox
   * question's values as an array). Throws for a link that is not to a form of this workspace, or
   * that names an entry the form does not have, as such a link would open empty on Google.
   */
  prefilledAnswers(url: string): { form: string; answers: Record<string, string | string[]> } {
    const found = /^https:\/\/docs\.google\.com\/forms\/d\/e\/([^/?#]+)\/viewform\?([^#]*)$/.exec(
      url,
    );
    const form = found
      ? [...this.world.forms.values()].find((f) => f.publishedId === found[1])
      : undefined;
    if (!found || !form)
      throw new Error(`emulator: not a link to a form of this workspace: ${url}`);
    const answers: Record<string, string | string[]> = {};
    for (const pair of found[2]!.split('&')) {
      const [name = '', raw = ''] = pair.split('=');
      if (name === 'usp') continue;
      const entry = /^entry\.(\d+)$/.exec(name);
      const item = entry ? form.items.find((i) => i.entryId === Number(entry[1])) : undefined;
      if (!item) throw new Error(`emulator: form «${form.title}» has no question ${name}`);
      const value = decodeURIComponent(raw.replace(/\+/g, ' '));
      const before = answers[item.title];
      if (item.type === 'CHECKBOX') answers[item.title] = [...((before as string[]) ?? []), value];
      else answers[item.title] = value;
    }
    return { form: form.title, answers };
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
