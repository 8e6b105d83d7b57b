/**
 * Intake: a form submit, a catch-up and `rebuildAll()` all run the same projection of the raw
 * responses (domain/intake.ts) and write only what changed, under the script lock. A lost lock or a
 * failed service leaves the raw row in place; the next run catches up, and «Журнал» says so.
 */
import {
  partitionResolver,
  projectIntake,
  type IntakeOptions,
  type Projection,
  type RawForms,
  type ReferenceData,
} from '../domain/intake';
import { buildSchoolIndex, type SchoolIndex } from '../domain/matching';
import { sha256, toHex } from '../domain/hash';
import {
  ORDERS_SCHEMA,
  PARTICIPANTS_SCHEMA,
  QUALITY_SCHEMA,
  REPORTS_SCHEMA,
  RESULTS_SCHEMA,
} from '../domain/schema';
import type { Settings } from '../domain/settings';
import {
  formByResponseSheet,
  FORMS,
  ORDER_FILE_QUESTION,
  ORDER_FORM,
  Q,
  type FormDefinition,
  type FormKind,
} from '../domain/forms';
import {
  rawForms,
  readDerived,
  readQualityTab,
  type QualityTab,
  readRawValues,
  readReference,
  readSettings,
  writeProjection,
  writeQualityScope,
} from '../workspace/master';
import {
  confirmedResults,
  readBlocks,
  readGroupedIndex,
  writeBlocks,
  type GroupedTab,
} from '../workspace/groupedTabs';
import { writeJournal, errorText } from '../workspace/journal';
import { moveOrderFiles, type FileMoves, type OrderUpload } from '../workspace/orderFiles';
import { requireStaff } from '../workspace/access';
import { participantSalt } from '../workspace/properties';
import { INTAKE_RU } from '../i18n/ru/intake';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How long a submit waits for another execution to finish (Apps Script caps a trigger at 6 min). */
const LOCK_WAIT_MS = 30000;

export interface IntakeRun {
  projection: Projection;
  written: Record<string, number>;
  settings: Settings;
  reference: ReferenceData;
  /** Order responses of this run that were placed, with their upload answers. */
  uploads: OrderUpload[];
}

/**
 * Projects the responses and writes the derived tabs; the caller holds the lock. With `submitted`
 * (a response id such as `REG-5`) of a new answer only that answer's ОУ is re-projected and its
 * blocks rewritten; otherwise everything is.
 */
export function refreshDerived(spreadsheet: Spreadsheet, submitted?: string): IntakeRun {
  const settings = readSettings(spreadsheet);
  const form = submitted ? formOfResponse(submitted) : undefined;
  const family = form && FAMILIES.find((f) => f.forms.includes(form.kind));
  const values = readRawValues(spreadsheet, family?.forms);
  const reference = readReference(spreadsheet);
  const schools = buildSchoolIndex(reference.schools);
  const options = { reportDeadlineDay: settings.reportDeadlineDay, salt: participantSalt() };
  // Only a new answer — the last row of its sheet, below every row already placed — is placed by
  // its ОУ alone. An edited response keeps its row (Forms rewrites it in place), so a submit of a
  // row already seen is an edit or a repeated delivery: the old answer may have sat in another
  // ОУ, merged into another answer's row, so the whole projection runs, exactly as rebuildAll
  // would. So does a submit that finds a tab not grouped by ОУ.
  const seen = seenRows();
  const row = submitted ? Number(submitted.split('-')[1]) : 0;
  const tabs =
    form && family && isLastRow(submitted!, values) && row > (seen[form.kind] ?? Infinity)
      ? readGroupedIndex(spreadsheet, family.tabs)
      : null;
  const quality = tabs && readQualityTab(spreadsheet);
  const scoped = tabs && quality ? { tabs, quality } : null;
  const { projection, written, raw } = scoped
    ? projectScope(scoped, submitted!, values, reference, schools, options)
    : projectAll(
        spreadsheet,
        readRawValues(spreadsheet, undefined, values),
        reference,
        schools,
        options,
      );
  if (scoped) recordSeenRows({ ...seen, [form!.kind]: row });
  else {
    recordSeenRows(Object.fromEntries(FORMS.map((f) => [f.kind, values.get(f.kind)?.length ?? 0])));
    recordFullIntake(reference, settings);
  }
  const placed = new Map(projection.orders.map((o) => [o.sourceResponseId, o.schoolKey]));
  const uploads = raw.order
    .filter((r) => placed.has(r.id) && (r.answers[ORDER_FILE_QUESTION] ?? '') !== '')
    .map((r) => ({
      responseId: r.id,
      row: r.row,
      submittedAt: r.timestamp,
      schoolKey: placed.get(r.id) ?? '',
      uploadAnswer: r.answers[ORDER_FILE_QUESTION] ?? '',
    }));
  return { projection, written, settings, reference, uploads };
}

/**
 * Forms whose answers depend on each other, and the grouped tabs they fill. Participants carry
 * their order status and best result, orders and results are matched to participants; monthly
 * reports stand alone. A submit reads and rewrites only its family.
 */
const FAMILIES: { forms: FormKind[]; tabs: string[] }[] = [
  {
    forms: ['registration', 'order', 'results'],
    tabs: [PARTICIPANTS_SCHEMA.name, ORDERS_SCHEMA.name, RESULTS_SCHEMA.name],
  },
  { forms: ['report'], tabs: [REPORTS_SCHEMA.name] },
];

interface Projected {
  projection: Projection;
  written: Record<string, number>;
  raw: RawForms;
}

/** Every answer projected, every derived tab read whole and brought up to date. */
function projectAll(
  spreadsheet: Spreadsheet,
  values: Map<FormKind, unknown[][]>,
  reference: ReferenceData,
  schools: SchoolIndex,
  options: IntakeOptions,
): Projected {
  const current = readDerived(spreadsheet);
  const raw = rawForms(values);
  const projection = projectIntake(raw, reference, options, current.staff, undefined, schools);
  return { projection, written: writeProjection(spreadsheet, current, projection), raw };
}

/** The answers of the submitted response's ОУ projected; only their blocks read and rewritten. */
function projectScope(
  { tabs, quality }: { tabs: GroupedTab[]; quality: QualityTab },
  submitted: string,
  values: Map<FormKind, unknown[][]>,
  reference: ReferenceData,
  schools: SchoolIndex,
  options: IntakeOptions,
): Projected {
  const partitionOf = partitionResolver(schools);
  const scope = new Set([partitionOf(schoolAnswerOf(submitted, values))]);
  readBlocks(tabs, scope);
  const raw = rawForms(values, (answer) => scope.has(partitionOf(answer)));
  const staff = { resultConfirmed: confirmedResults(tabs), qualityStatus: quality.statuses };
  const projection = projectIntake(raw, reference, options, staff, scope, schools);
  const written = writeBlocks(tabs, projection, scope);
  written[QUALITY_SCHEMA.name] = writeQualityScope(
    quality,
    projection.quality,
    new Set([...projection.responseIds, submitted]),
  );
  return { projection, written, raw };
}

/** The last sheet row placed per form: a submit of a row at or above it is an edit. */
const SEEN_KEY = 'intake.rows';

function seenRows(): Partial<Record<FormKind, number>> {
  try {
    return JSON.parse(
      PropertiesService.getDocumentProperties().getProperty(SEEN_KEY) ?? '{}',
    ) as Partial<Record<FormKind, number>>;
  } catch {
    return {}; // unknown: the submit runs the full projection, which records the rows again
  }
}

function recordSeenRows(rows: Partial<Record<FormKind, number>>): void {
  PropertiesService.getDocumentProperties().setProperty(SEEN_KEY, JSON.stringify(rows));
}

/** Document properties of the catch-up: behind after a failed submit; the last full run. */
const BEHIND_KEY = 'intake.behind';
const FULL_KEY = 'intake.lastFull';
/** A full catch-up at least this often, for a trigger Google never delivered. */
const FULL_EVERY_DAYS = 7;

/** What a full projection depends on besides the answers: the reference tabs and the deadline. */
function intakeFingerprint(reference: ReferenceData, settings: Settings): string {
  return toHex(sha256(JSON.stringify([reference, settings.reportDeadlineDay]))).slice(0, 16);
}

/** Notes that a submit could not place its answer, so the next daily run must catch up. */
function markIntakeBehind(): void {
  try {
    PropertiesService.getDocumentProperties().setProperty(BEHIND_KEY, '1');
  } catch {
    // the daily run also catches up weekly; the journal already has the failure
  }
}

function recordFullIntake(reference: ReferenceData, settings: Settings): void {
  const properties = PropertiesService.getDocumentProperties();
  properties.setProperty(
    FULL_KEY,
    JSON.stringify({
      at: new Date().toISOString(),
      fingerprint: intakeFingerprint(reference, settings),
    }),
  );
  properties.deleteProperty(BEHIND_KEY);
}

/**
 * Whether the daily run must project everything: a submit failed or found the table busy, staff
 * changed a reference tab or the report deadline (placements may shift), or a week has passed.
 * Otherwise every answer was already placed by its own submit and the tabs are up to date.
 */
export function fullIntakeDue(spreadsheet: Spreadsheet): {
  due: boolean;
  reference?: ReferenceData;
} {
  const properties = PropertiesService.getDocumentProperties();
  if (properties.getProperty(BEHIND_KEY)) return { due: true };
  let last: { at?: string; fingerprint?: string } = {};
  try {
    last = JSON.parse(properties.getProperty(FULL_KEY) ?? '{}') as typeof last;
  } catch {
    return { due: true };
  }
  const age = Date.now() - new Date(last.at ?? 0).getTime();
  if (!(age < FULL_EVERY_DAYS * 24 * 3600 * 1000)) return { due: true };
  const reference = readReference(spreadsheet);
  const fingerprint = intakeFingerprint(reference, readSettings(spreadsheet));
  return { due: fingerprint !== last.fingerprint, reference };
}

/** The form a response id (`REG-5`) belongs to. */
function formOfResponse(responseId: string): FormDefinition | undefined {
  const prefix = responseId.split('-')[0];
  return FORMS.find((f) => f.idPrefix === prefix);
}

/** Whether the response (`REG-5`) is the last row of its response sheet. */
function isLastRow(responseId: string, values: Map<FormKind, unknown[][]>): boolean {
  const form = formOfResponse(responseId);
  const row = Number(responseId.split('-')[1]);
  return form !== undefined && row === (values.get(form.kind) ?? []).length;
}

/** The ОУ answer of a response, as typed. */
function schoolAnswerOf(responseId: string, values: Map<FormKind, unknown[][]>): string {
  const form = formOfResponse(responseId);
  const sheet = form ? (values.get(form.kind) ?? []) : [];
  const column = (sheet[0] ?? []).map((h) => String(h).trim()).indexOf(Q.school);
  const answer = sheet[Number(responseId.split('-')[1]) - 1]?.[column];
  return answer === undefined || answer === null ? '' : String(answer);
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
    markIntakeBehind();
    return;
  }
  try {
    const id = `${form.idPrefix}-${e.range.getRow()}`;
    const run = refreshDerived(spreadsheet, id);
    if (form.kind === ORDER_FORM.kind) {
      const uploads = run.uploads.filter((u) => u.responseId === id);
      journalFailedMoves(spreadsheet, moveOrderFiles(run.settings.rootFolderName, uploads));
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
    markIntakeBehind();
  } finally {
    lock.releaseLock();
  }
}

/** Rebuilds every derived tab from the raw responses and the staff tabs (menu, sidebar). */
export function rebuildAll(): string {
  const { spreadsheet } = requireStaff();
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    writeJournal(spreadsheet, [
      { at: new Date(), job: 'rebuildAll', outcome: 'queued', details: INTAKE_RU.rebuildBusy },
    ]);
    throw new Error(INTAKE_RU.rebuildBusy);
  }
  try {
    const run = refreshDerived(spreadsheet);
    const { projection, written } = run;
    catchUpOrderFiles(spreadsheet, run, true);
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

/** How far back the daily catch-up looks for uploads a submit could not move. */
const CATCH_UP_DAYS = 14;

/**
 * Moves the uploads a submit could not (busy lock, failure, an order placed only after staff fixed
 * its ОУ). The daily run looks at answers of the last two weeks — an edited answer has a fresh
 * timestamp — so a file that can never be moved stops being retried; rebuildAll looks at all.
 */
export function catchUpOrderFiles(
  spreadsheet: Spreadsheet,
  run: IntakeRun,
  everything = false,
): FileMoves {
  const since = Date.now() - CATCH_UP_DAYS * 24 * 3600 * 1000;
  const recent = everything
    ? run.uploads
    : run.uploads.filter((u) => u.submittedAt !== null && u.submittedAt.getTime() >= since);
  const moves = moveOrderFiles(run.settings.rootFolderName, recent);
  journalFailedMoves(spreadsheet, moves);
  return moves;
}

/** One journal row per order whose file could not be moved. */
function journalFailedMoves(spreadsheet: Spreadsheet, moves: FileMoves): void {
  writeJournal(
    spreadsheet,
    moves.failed.map((f) => ({
      at: new Date(),
      job: 'moveOrderFiles',
      outcome: 'error' as const,
      details: INTAKE_RU.fileNotMoved(f.responseId),
      error: f.error,
    })),
  );
}
