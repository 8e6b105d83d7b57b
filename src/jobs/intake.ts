/**
 * Intake: a form submit, a catch-up and `rebuildAll()` all run the same projection of the raw
 * responses (domain/intake.ts) and write only what changed, under the script lock. A lost lock or a
 * failed service leaves the raw row in place; the next run catches up, and «Журнал» says so.
 */
import { projectIntake, type Projection } from '../domain/intake';
import { formByResponseSheet, ORDER_FORM } from '../domain/forms';
import {
  readDerived,
  readRawForms,
  readReference,
  readSettings,
  writeProjection,
} from '../workspace/master';
import { writeJournal, errorText } from '../workspace/journal';
import { moveOrderFiles } from '../workspace/orderFiles';
import { participantSalt } from '../workspace/properties';
import { INTAKE_RU } from '../i18n/ru/intake';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How long a submit waits for another execution to finish (Apps Script caps a trigger at 6 min). */
const LOCK_WAIT_MS = 30000;

export interface IntakeRun {
  projection: Projection;
  written: Record<string, number>;
}

/** Projects all responses and writes the derived tabs; the caller holds the lock. */
export function refreshDerived(spreadsheet: Spreadsheet): IntakeRun {
  const settings = readSettings(spreadsheet);
  const current = readDerived(spreadsheet);
  const projection = projectIntake(
    readRawForms(spreadsheet),
    readReference(spreadsheet),
    { reportDeadlineDay: settings.reportDeadlineDay, salt: participantSalt() },
    current.staff,
  );
  const written = writeProjection(spreadsheet, current, projection);
  return { projection, written };
}

/** The installable spreadsheet form-submit trigger: places (or flags) the new answer. */
export function handleFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheetName = e && e.range ? e.range.getSheet().getName() : '';
  const form = formByResponseSheet(sheetName);
  if (!form) return; // a form the app does not own
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    writeJournal(spreadsheet, [
      {
        at: new Date(),
        job: 'handleFormSubmit',
        outcome: 'queued',
        details: INTAKE_RU.lockBusy(sheetName, e.range.getRow()),
      },
    ]);
    return;
  }
  try {
    const { projection } = refreshDerived(spreadsheet);
    if (form.kind === ORDER_FORM.kind) {
      const id = `${form.idPrefix}-${e.range.getRow()}`;
      moveOrderFiles(
        spreadsheet,
        projection.orders.filter((o) => o.sourceResponseId === id),
      );
    }
  } catch (error) {
    writeJournal(spreadsheet, [
      {
        at: new Date(),
        job: 'handleFormSubmit',
        outcome: 'error',
        details: INTAKE_RU.failed(sheetName, e.range.getRow()),
        error: errorText(error),
      },
    ]);
  } finally {
    lock.releaseLock();
  }
}

/** Rebuilds every derived tab from the raw responses and the staff tabs (menu, sidebar). */
export function rebuildAll(): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const lock = LockService.getScriptLock();
  lock.waitLock(LOCK_WAIT_MS);
  try {
    const { projection, written } = refreshDerived(spreadsheet);
    moveOrderFiles(spreadsheet, projection.orders);
    const summary = INTAKE_RU.rebuilt(projection, written);
    writeJournal(spreadsheet, [
      { at: new Date(), job: 'rebuildAll', outcome: 'ok', details: summary },
    ]);
    return summary;
  } catch (error) {
    writeJournal(spreadsheet, [
      { at: new Date(), job: 'rebuildAll', outcome: 'error', details: '', error: errorText(error) },
    ]);
    throw error;
  } finally {
    lock.releaseLock();
  }
}
