/**
 * The project's two installable triggers: ONE spreadsheet form-submit trigger (every linked form
 * arrives through it) and ONE daily time-driven trigger. Installing is idempotent and removes
 * duplicates, so the script also works unchanged as an Editor add-on (which allows one of each).
 */
import { PROPERTY_KEYS, readProperty, writeProperty } from './properties';
import { effectiveUserEmail } from './session';

export const FORM_SUBMIT_HANDLER = 'handleFormSubmit';
export const DAILY_HANDLER = 'runDailyJobs';
/** The daily run starts early in the morning, Moscow time, before staff arrive. */
export const DAILY_HOUR = 6;

export interface TriggerStatus {
  formSubmit: number;
  daily: number;
}

/** Counts this project's triggers by handler. */
export function triggerStatus(): TriggerStatus {
  const triggers = ScriptApp.getProjectTriggers();
  return {
    formSubmit: triggers.filter((t) => t.getHandlerFunction() === FORM_SUBMIT_HANDLER).length,
    daily: triggers.filter((t) => t.getHandlerFunction() === DAILY_HANDLER).length,
  };
}

/** The user whose account runs the triggers, or '' if none were installed yet. */
export function triggerOwner(): string {
  return readProperty(PROPERTY_KEYS.triggersOwner) ?? '';
}

/**
 * Ensures exactly one trigger of each kind; returns how many were created and removed. Triggers
 * belong to the user who installs them and getProjectTriggers lists only the caller's, so when
 * another staff member runs the set-up nothing is installed twice: `owner` names who holds them.
 */
export function installTriggers(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  staff: readonly string[],
): {
  created: number;
  removed: number;
  owner: string;
} {
  const me = effectiveUserEmail();
  const owner = triggerOwner();
  // The holder keeps the triggers while they are staff or the owner of the spreadsheet; someone
  // who left the centre (removed from «Настройки») is taken over, or nobody could ever reinstall.
  const fileOwner = spreadsheet.getOwner();
  const holderStays =
    staff.includes(owner.toLowerCase()) ||
    (fileOwner !== null && fileOwner.getEmail().toLowerCase() === owner.toLowerCase());
  if (owner !== '' && owner !== me && holderStays) return { created: 0, removed: 0, owner };
  let created = 0;
  let removed = 0;
  const triggers = ScriptApp.getProjectTriggers();
  for (const handler of [FORM_SUBMIT_HANDLER, DAILY_HANDLER]) {
    const mine = triggers.filter((t) => t.getHandlerFunction() === handler);
    mine.slice(1).forEach((t) => {
      ScriptApp.deleteTrigger(t);
      removed++;
    });
    if (mine.length > 0) continue;
    if (handler === FORM_SUBMIT_HANDLER) {
      ScriptApp.newTrigger(handler).forSpreadsheet(spreadsheet).onFormSubmit().create();
    } else {
      ScriptApp.newTrigger(handler)
        .timeBased()
        .everyDays(1)
        .atHour(DAILY_HOUR)
        .inTimezone('Europe/Moscow')
        .create();
    }
    created++;
  }
  if (owner !== me) writeProperty(PROPERTY_KEYS.triggersOwner, me);
  return { created, removed, owner: me };
}

/** Whether one of the caller's own triggers of this project has the unique id `uid`. */
export function isOwnTrigger(uid: string): boolean {
  return ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === uid);
}
