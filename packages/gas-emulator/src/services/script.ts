/**
 * ScriptApp: installable triggers of one project (developers.google.com/apps-script/reference/script).
 * Time-driven triggers fire from the harness clock (ws.clock.advanceTo).
 */
import { asEnum, makeEnum } from '../core/enums';
import { asGas, Fake, stubInterface } from '../core/errors';
import { isDate } from '../core/realm';
import type { TriggerRecord } from '../core/state';
import type { Ctx } from '../core/world';
import { record } from '../core/world';
import { zonedFields, zonedToInstant } from './format-date';

/** ScriptApp.AuthMode. */
export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
/** ScriptApp.EventType. */
export const EventType = makeEnum([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
] as const);
/** ScriptApp.TriggerSource. */
export const TriggerSource = makeEnum([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
] as const);
/** ScriptApp.WeekDay (also used by onWeekDay). */
export const WeekDay = makeEnum([
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const);

/** Google's per-user, per-script trigger limit (developers.google.com/apps-script/guides/services/quotas). */
export const MAX_TRIGGERS = 20;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The next instant a time-driven trigger is due after `after`. */
export function nextDue(t: TriggerRecord, after: Date): Date | null {
  if (t.wallClock) {
    const w = t.wallClock;
    const f = zonedFields(after, w.timeZone);
    for (let d = 0; d <= 7 * w.everyDays + 7; d++) {
      const day = new Date(Date.UTC(f.year, f.month - 1, f.day + d));
      const candidate = zonedToInstant(
        w.timeZone,
        day.getUTCFullYear(),
        day.getUTCMonth() + 1,
        day.getUTCDate(),
        w.hour,
        w.minute,
      );
      if (candidate.getTime() <= after.getTime()) continue;
      if (w.weekDay !== null && day.getUTCDay() !== w.weekDay) continue;
      return candidate;
    }
    return null;
  }
  if (t.intervalMs) return new Date(after.getTime() + t.intervalMs);
  return null;
}

/** An installed trigger as the script sees it. */
export class Trigger implements Fake<GoogleAppsScript.Script.Trigger, Trigger> {
  constructor(
    private readonly ctx: Ctx,
    readonly model: TriggerRecord,
  ) {}

  /** The handler function name. */
  getHandlerFunction(): string {
    record(this.ctx, 'Trigger.getHandlerFunction');
    return this.model.handler;
  }

  /** Unique id (also the event's triggerUid). */
  getUniqueId(): string {
    record(this.ctx, 'Trigger.getUniqueId');
    return this.model.uid;
  }

  /** ScriptApp.EventType. */
  getEventType(): GoogleAppsScript.Script.EventType {
    record(this.ctx, 'Trigger.getEventType');
    return asEnum(EventType[this.model.type]);
  }

  /** ScriptApp.TriggerSource. */
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    record(this.ctx, 'Trigger.getTriggerSource');
    return asEnum(
      TriggerSource[this.model.source === 'SPREADSHEET' ? 'SPREADSHEETS' : this.model.source],
    );
  }

  /** Id of the spreadsheet or form, null for time-driven. */
  getTriggerSourceId(): string {
    record(this.ctx, 'Trigger.getTriggerSourceId');
    // Google returns null for time-driven triggers; @types omits the null.
    return this.model.sourceId!;
  }
}
stubInterface(Trigger, 'Script.Trigger');

function idOf(source: unknown): string {
  if (typeof source === 'string') return source;
  return (source as { getId(): string }).getId();
}

/** Builds one trigger: ScriptApp.newTrigger(fn).forSpreadsheet(…)/forForm(…)/timeBased()… .create(). */
export class TriggerBuilder {
  private draft: Partial<TriggerRecord> & {
    everyDays?: number;
    everyWeeks?: number;
    hour?: number;
    minute?: number;
    weekDay?: number | null;
    timeZone?: string;
    at?: Date;
  };

  constructor(
    private readonly ctx: Ctx,
    handler: string,
  ) {
    this.draft = { handler };
  }

  /** Source: a spreadsheet (or its id). */
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): this {
    this.draft.source = 'SPREADSHEET';
    this.draft.sourceId = idOf(sheet);
    return this;
  }

  /** Source: a form (or its id). */
  forForm(form: GoogleAppsScript.Forms.Form | string): this {
    this.draft.source = 'FORMS';
    this.draft.sourceId = idOf(form);
    return this;
  }

  /** Source: a document (or its id); a document's only installable trigger is onOpen (document-trigger-builder). */
  forDocument(document: GoogleAppsScript.Document.Document | string): this {
    this.draft.source = 'DOCUMENTS';
    this.draft.sourceId = idOf(document);
    return this;
  }

  /** Time-driven. */
  timeBased(): this {
    this.draft.source = 'CLOCK';
    this.draft.sourceId = null;
    this.draft.type = 'CLOCK';
    return this;
  }

  /** On form submit. */
  onFormSubmit(): this {
    this.draft.type = 'ON_FORM_SUBMIT';
    return this;
  }

  /** On open. */
  onOpen(): this {
    this.draft.type = 'ON_OPEN';
    return this;
  }

  /** On edit (recorded; the emulator has no user edits to fire it). */
  onEdit(): this {
    this.draft.type = 'ON_EDIT';
    return this;
  }

  /** On change (recorded only). */
  onChange(): this {
    this.draft.type = 'ON_CHANGE';
    return this;
  }

  /** Every n minutes: n must be 1, 5, 10, 15 or 30 (clock-trigger-builder#everyminutesn). */
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n))
      throw new Error('The value passed to everyMinutes must be one of 1, 5, 10, 15 or 30.');
    this.draft.intervalMs = n * 60_000;
    return this;
  }

  /** Every n hours: n must be 1, 2, 4, 6, 8 or 12. */
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n))
      throw new Error('The value passed to everyHours must be one of 1, 2, 4, 6, 8 or 12.');
    this.draft.intervalMs = n * HOUR;
    return this;
  }

  /** Every n days (at atHour, default midnight). */
  everyDays(n: number): this {
    this.draft.everyDays = n;
    return this;
  }

  /** Every n weeks on onWeekDay. */
  everyWeeks(n: number): this {
    this.draft.everyWeeks = n;
    return this;
  }

  /** Day of the week for everyWeeks. */
  onWeekDay(day: GoogleAppsScript.Base.Weekday): this {
    this.draft.weekDay = (WeekDay as Record<string, { ordinal(): number }>)[String(day)]!.ordinal();
    return this;
  }

  /** Hour (0-23) for daily/weekly triggers; Google runs within that hour, we run at hour:nearMinute. */
  atHour(hour: number): this {
    if (hour < 0 || hour > 23)
      throw new Error('The value passed to atHour must be between 0 and 23.');
    this.draft.hour = hour;
    return this;
  }

  /** Minute (Google: ±15 min); we run at exactly that minute. */
  nearMinute(minute: number): this {
    this.draft.minute = minute;
    return this;
  }

  /** Time zone of atHour (default: the script's time zone). */
  inTimezone(timezone: string): this {
    this.draft.timeZone = timezone;
    return this;
  }

  /** Once, `durationMilliseconds` from now. */
  after(durationMilliseconds: number): this {
    this.draft.at = new Date(this.ctx.world.clock.now().getTime() + durationMilliseconds);
    return this;
  }

  /** Once, at `date`. */
  at(date: Date): this {
    if (!isDate(date)) throw new Error('Invalid argument: date');
    this.draft.at = new Date(date.getTime());
    return this;
  }

  /** Once, at midnight of a date in the script's time zone. */
  atDate(year: number, month: number, day: number): this {
    this.draft.at = zonedToInstant(this.ctx.world.timeZone, year, month, day);
    return this;
  }

  /** Installs the trigger. */
  create(): GoogleAppsScript.Script.Trigger {
    record(this.ctx, 'TriggerBuilder.create');
    const world = this.ctx.world;
    const d = this.draft;
    if (!d.source || !d.type) throw new Error('emulator: trigger has no source or event type');
    // The limit is per user, per script (guides/services/quotas: "Triggers: 20 / user / script").
    const mine = world.triggers.filter(
      (t) => t.project === this.ctx.project.id && t.owner === world.user,
    );
    if (mine.length >= MAX_TRIGGERS) {
      throw new Error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    const t: TriggerRecord = {
      uid: world.ids.nextNumeric(),
      project: this.ctx.project.id,
      owner: world.user,
      handler: d.handler!,
      type: d.type,
      source: d.source,
      sourceId: d.sourceId ?? null,
      schedule: null,
      nextRun: null,
      intervalMs: null,
      wallClock: null,
    };
    if (d.source === 'CLOCK') {
      const now = world.clock.now();
      if (d.at) {
        t.schedule = `at(${d.at.toISOString()})`;
        t.nextRun = d.at;
      } else if (d.intervalMs) {
        t.intervalMs = d.intervalMs;
        t.schedule =
          d.intervalMs < HOUR
            ? `everyMinutes(${d.intervalMs / 60000})`
            : `everyHours(${d.intervalMs / HOUR})`;
        t.nextRun = nextDue(t, now);
      } else if (d.everyDays || d.everyWeeks) {
        const timeZone = d.timeZone ?? world.timeZone;
        t.wallClock = {
          everyDays: d.everyDays ?? 7 * (d.everyWeeks ?? 1),
          hour: d.hour ?? 0,
          minute: d.minute ?? 0,
          weekDay: d.everyWeeks ? (d.weekDay ?? 1) : null,
          timeZone,
        };
        t.intervalMs = t.wallClock.everyDays * DAY;
        t.schedule =
          (d.everyWeeks
            ? `everyWeeks(${d.everyWeeks}) onWeekDay(${d.weekDay ?? 1})`
            : `everyDays(${d.everyDays})`) +
          ` atHour(${t.wallClock.hour}) nearMinute(${t.wallClock.minute}) inTimezone(${timeZone})`;
        t.nextRun = nextDue(t, now);
      } else {
        throw new Error(
          'emulator: a time-based trigger needs after/at/everyMinutes/everyHours/everyDays/everyWeeks',
        );
      }
    }
    world.triggers.push(t);
    return asGas(new Trigger(this.ctx, t));
  }
}

/** ScriptApp for one project. */
export class ScriptApp implements Fake<GoogleAppsScript.Script.ScriptApp, ScriptApp> {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;

  constructor(private readonly ctx: Ctx) {}

  /** Starts building a trigger for a global function. */
  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    record(this.ctx, 'ScriptApp.newTrigger');
    return asGas(new TriggerBuilder(this.ctx, functionName));
  }

  /**
   * "Gets all installable triggers associated with the current project and current user"
   * (script-app#getprojecttriggers): another user's triggers of the same project are not listed.
   */
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    record(this.ctx, 'ScriptApp.getProjectTriggers');
    return this.mine().map((t) => asGas(new Trigger(this.ctx, t)));
  }

  /** "…installable triggers owned by this user in the given document, for this script only" (script-app#getusertriggers). */
  getUserTriggers(source: { getId(): string }): GoogleAppsScript.Script.Trigger[] {
    record(this.ctx, 'ScriptApp.getUserTriggers');
    const id = source.getId();
    return this.mine()
      .filter((t) => t.sourceId === id)
      .map((t) => asGas(new Trigger(this.ctx, t)));
  }

  /** Removes one of the current user's triggers; another user's trigger is left alone. */
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    record(this.ctx, 'ScriptApp.deleteTrigger');
    const uid = trigger.getUniqueId();
    const world = this.ctx.world;
    const i = world.triggers.findIndex(
      (t) => t.uid === uid && t.project === this.ctx.project.id && t.owner === world.user,
    );
    if (i >= 0) world.triggers.splice(i, 1);
  }

  /** This project's triggers owned by the current user. */
  private mine(): TriggerRecord[] {
    const world = this.ctx.world;
    return world.triggers.filter(
      (t) => t.project === this.ctx.project.id && t.owner === world.user,
    );
  }

  /** The script project's id; a standalone script's is the id of its Drive file (script-app#getscriptid). */
  getScriptId(): string {
    record(this.ctx, 'ScriptApp.getScriptId');
    return this.ctx.project.scriptId;
  }

  /**
   * An OAuth 2.0 access token for the effective user (script-app#getoauthtoken). There is no
   * network in the emulator, so it opens nothing; it is stable per user and project.
   */
  getOAuthToken(): string {
    record(this.ctx, 'ScriptApp.getOAuthToken');
    return `ya29.emulator-${Buffer.from(`${this.ctx.project.id}:${this.ctx.world.user}`).toString('base64url')}`;
  }

  /** Authorization is not modelled: every scope is granted. */
  getAuthorizationInfo(): GoogleAppsScript.Script.AuthorizationInfo {
    record(this.ctx, 'ScriptApp.getAuthorizationInfo');
    return asGas({
      getAuthorizationStatus: () =>
        asEnum(makeEnum(['REQUIRED', 'NOT_REQUIRED'] as const).NOT_REQUIRED),
      getAuthorizationUrl: () => null,
      getAuthorizedScopes: () => [],
    });
  }
}
stubInterface(ScriptApp, 'Script.ScriptApp');
