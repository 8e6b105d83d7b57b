/**
 * Intake: a form submit, a catch-up and `rebuildAll()` all run the same projection of the raw
 * responses (domain/intake.ts) and write only what changed, under the script lock. A lost lock or a
 * failed service leaves the raw row in place; the next run catches up, and «Журнал» says so.
 */
import {
  projectIntake,
  uploadPrint,
  type IntakeOptions,
  type Projection,
  type RawForms,
  type ReferenceData,
} from '../domain/intake';
import { buildSchoolIndex, type SchoolIndex } from '../domain/matching';
import { sha256, toHex } from '../domain/hash';
import {
  AGE_CATEGORIES_SCHEMA,
  COMPETENCIES_SCHEMA,
  EVENTS_SCHEMA,
  INDEX_TAB,
  QUALITY_SCHEMA,
  RESULTS_SCHEMA,
  SCHOOLS_SCHEMA,
  SETTINGS_TAB,
  columnIndex,
} from '../domain/schema';
import type { Settings } from '../domain/settings';
import type { QualityIssue } from '../domain/model';
import { FORMS, ORDER_FORM, type FormKind } from '../domain/forms';
import {
  rawForms,
  readDerived,
  readQualityTab,
  readRawValues,
  readReferenceChecked,
  readSettings,
  writeRegistryFills,
  confirmationsChanged,
  confirmationsChangedIn,
  CONFIRMATION_COLUMNS,
  qualityInOrder,
  referenceFromValues,
  settingsFromRows,
  writeProjection,
  type ReferenceValues,
} from '../workspace/master';
import {
  FAMILIES,
  familyOf,
  formOfResponseId,
  GROUPED_SCHEMAS,
  GROUPED_TABS,
} from '../domain/formRegistry';
import { columnTexts, groupedColumnsIntact, groupedTabIntact } from '../workspace/groupedTabs';
import { readRanges, sheetsApiAvailable, type GridRead } from '../workspace/sheetsApi';
import {
  indexLines,
  INDEX_WIDTH,
  linesChecksum,
  parseIndex,
  type AnswerRows,
  type Placed,
  type PlacedState,
  type TabCounts,
} from '../domain/responseIndex';
import { readIndexTab, writeIndexTab } from '../workspace/responseIndexTab';
import type { Row } from '../workspace/table';
import { placeSubmit } from './submit';
import { writeJournal, errorText, type JournalEntry } from '../workspace/journal';
import { moveOrderFiles, type FileMoves, type OrderUpload } from '../workspace/orderFiles';
import { checkFolders, journalFolderRepairs } from './driveHealth';
import { requireStaff } from '../workspace/access';
import { activeSpreadsheet } from '../workspace/session';
import {
  deleteProperty,
  PROPERTY_KEYS,
  readJsonProperty,
  readProperty,
  writeProperty,
} from '../workspace/properties';
import { withLock } from '../workspace/lock';
import {
  formIdOf,
  formIds,
  formOfSheet,
  recordedTabId,
  responsesTabKey,
  responseSheet,
  spreadsheetIdOf,
  missingSources,
  recordMissingSources,
  type MissingSource,
} from '../workspace/sources';
import { isBlankRow, schoolAnswerReader, TIMESTAMP_TITLE } from '../domain/responses';
import { intakeOptions, placedUploads, refusedUploads } from './intakeOptions';
import { startBudget, type Budget } from './budget';
import { INTAKE_RU } from '../i18n/ru/intake';
import { RELIABILITY_RU } from '../i18n/ru/reliability';
import { REGISTRY_RU } from '../i18n/ru/registry';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface IntakeRun {
  projection: Projection;
  written: Record<string, number>;
  settings: Settings;
  reference: ReferenceData;
  /** Order responses of this run that were placed, with their upload answers. */
  uploads: OrderUpload[];
  /** Forms whose projection was stopped (a source missing): their tabs were left as they were. */
  stopped: FormKind[];
}

/** Why a projection was stopped for a family of forms: a source it needs cannot be found. */
export class SourceMissingError extends Error {
  constructor(readonly problems: string) {
    super(problems);
    this.name = 'SourceMissingError';
  }
}

/**
 * Projects every response and writes the derived tabs and the index of answers; the caller holds
 * the lock. With `submitted` (a response id such as `REG-5`) the family of that answer's form must
 * have all its sources, or SourceMissingError says what is missing; a submit that can place its
 * answer alone (jobs/submit.ts) never comes here.
 */
export function refreshDerived(spreadsheet: Spreadsheet, submitted?: string): IntakeRun {
  const settings = readSettings(spreadsheet);
  const form = submitted ? formOfResponse(submitted) : undefined;
  const family = form && familyOf(form.kind);
  const values = readRawValues(spreadsheet, family?.forms);
  if (family) {
    const absent = family.forms.filter((kind) => !values.has(kind));
    if (absent.length > 0) throw new SourceMissingError(noteMissing(spreadsheet, absent));
  }
  const { reference, check } = readReferenceChecked(spreadsheet);
  const schools = buildSchoolIndex(reference.schools);
  const options = intakeOptions(settings);
  readRawValues(spreadsheet, undefined, values);
  const absent = FORMS.map((f) => f.kind).filter((kind) => !values.has(kind));
  const stopped = FAMILIES.filter((f) => f.forms.some((k) => absent.includes(k))).flatMap(
    (f) => f.forms,
  );
  if (absent.length > 0) noteMissing(spreadsheet, absent);
  const filled = writeRegistryFills(spreadsheet, check.fills);
  if (filled.length > 0) {
    writeJournal(spreadsheet, [
      {
        at: new Date(),
        job: 'ОУ',
        outcome: 'ok',
        details: REGISTRY_RU.filled(filled.length, filled.join(', ')),
      },
    ]);
  }
  const full = { ...options, registryIssues: check.issues };
  const lengths: TabCounts = {};
  const result = projectAll(spreadsheet, values, reference, schools, full, stopped, lengths);
  const projected = FORMS.map((f) => f.kind).filter((k) => !stopped.includes(k));
  const indexTab = readIndexTab(spreadsheet);
  const before = indexTab?.index?.meta;
  const placed: Placed = { ...(before?.placed ?? {}), ...placedStates(values, projected) };
  writeIndexTab(
    spreadsheet,
    indexTab,
    indexLines({
      meta: {
        placed,
        tabs: { ...(before?.tabs ?? {}), ...lengths },
        complete: stopped.length === 0,
      },
      answers: answersOf(values, projected),
      blocks: blocksOf(result.projection),
    }) as Row[],
  );
  // Where the next submits start reading each response sheet.
  writeProperty(PROPERTY_KEYS.intakePlaced, JSON.stringify(placed));
  if (stopped.length === 0) recordFullIntake(reference, settings, check.issues);
  return runOf(result, settings, reference, stopped);
}

/** The run's result, with the order uploads it placed. */
function runOf(
  { projection, written, raw }: Projected,
  settings: Settings,
  reference: ReferenceData,
  stopped: FormKind[],
): IntakeRun {
  const uploads = placedUploads(raw.order, projection);
  return { projection, written, settings, reference, uploads, stopped };
}

/** Each ОУ answer's rows in each form's response sheet (blank rows left out). */
function answersOf(
  values: Map<FormKind, unknown[][]>,
  kinds: readonly FormKind[],
): Map<string, AnswerRows> {
  const answers = new Map<string, AnswerRows>();
  for (const kind of kinds) {
    const sheet = values.get(kind);
    if (!sheet) continue;
    const label = schoolAnswerReader(sheet[0] ?? []);
    for (let i = 1; i < sheet.length; i++) {
      const row = sheet[i];
      if (!row || isBlankRow(row)) continue;
      const answer = label(row);
      let rows = answers.get(answer);
      if (!rows) answers.set(answer, (rows = {}));
      (rows[kind] ??= []).push(i + 1);
    }
  }
  return answers;
}

/** Each ОУ's rows in each grouped tab, in the index's column order. */
function blocksOf(projection: Projection): Map<string, number[]> {
  const lists = GROUPED_TABS.map((tab) => tab.records(projection));
  const blocks = new Map<string, number[]>();
  lists.forEach((records, column) => {
    for (const record of records) {
      let counts = blocks.get(record.schoolKey);
      if (!counts) blocks.set(record.schoolKey, (counts = lists.map(() => 0)));
      counts[column]!++;
    }
  });
  return blocks;
}

/** Records the forms whose sources are missing and says what is wrong, in Russian. */
function noteMissing(spreadsheet: Spreadsheet, kinds: readonly FormKind[]): string {
  const missing = kinds.map((kind) => ({
    kind,
    what: 'sheet' as const,
    detail: FORMS.find((f) => f.kind === kind)!.title,
  }));
  const known = missingSources();
  const fresh = missing.filter((m) => !known.some((k) => k.kind === m.kind));
  if (fresh.length > 0) recordMissingSources([...known, ...fresh]);
  const all = [...known.filter((k) => kinds.includes(k.kind)), ...fresh];
  void spreadsheet;
  return describeMissing(all);
}

/** Missing sources as one Russian phrase. */
export function describeMissing(missing: readonly Omit<MissingSource, 'since'>[]): string {
  return missing
    .map((m) =>
      RELIABILITY_RU.sources.missing(m.what, FORMS.find((f) => f.kind === m.kind)!.title, m.detail),
    )
    .join('; ');
}

interface Projected {
  projection: Projection;
  written: Record<string, number>;
  raw: RawForms;
}

/**
 * Every answer projected, every derived tab read whole and brought up to date — rows deleted,
 * sorted or blanked by hand come back, with the staff columns carried over by key. The tabs of a
 * `stopped` family (a source missing) are left exactly as they are.
 */
function projectAll(
  spreadsheet: Spreadsheet,
  values: Map<FormKind, unknown[][]>,
  reference: ReferenceData,
  schools: SchoolIndex,
  options: IntakeOptions,
  stopped: readonly FormKind[],
  lengths: TabCounts,
): Projected {
  const current = readDerived(spreadsheet);
  const raw = rawForms(values);
  for (const kind of stopped) raw[kind] = [];
  const projection = projectIntake(raw, reference, options, current.staff, undefined, schools);
  const keepTabs = FAMILIES.filter((f) => f.forms.some((k) => stopped.includes(k))).flatMap(
    (f) => f.tabs,
  );
  const keepPrefixes = FORMS.filter((f) => stopped.includes(f.kind)).map((f) => f.idPrefix);
  const written = writeProjection(
    spreadsheet,
    current,
    projection,
    keepTabs,
    keepPrefixes,
    lengths,
  );
  return { projection, written, raw };
}

/** The timestamp (ms, 0 if none) of row `i` of a response sheet's values (header first). */
function timeReader(sheet: unknown[][]): (i: number) => number {
  const column = (sheet[0] ?? []).map((h) => String(h).trim()).indexOf(TIMESTAMP_TITLE);
  return (i) => {
    const cell = sheet[i]?.[column];
    return cell instanceof Date ? cell.getTime() : 0;
  };
}

/** The placed state of a sheet whose first `rows` rows (header included) were placed. */
function stateOf(sheet: unknown[][], rows = sheet.length): PlacedState {
  const time = timeReader(sheet);
  let max = 0;
  for (let i = 1; i < rows; i++) max = Math.max(max, time(i));
  return { rows, last: rows > 1 ? time(rows - 1) : 0, max };
}

function placedStates(values: Map<FormKind, unknown[][]>, kinds: readonly FormKind[]): Placed {
  const placed: Placed = {};
  for (const kind of kinds) {
    const sheet = values.get(kind);
    if (sheet) placed[kind] = stateOf(sheet);
  }
  return placed;
}

function sameState(a: PlacedState, b: PlacedState): boolean {
  return a.rows === b.rows && a.last === b.last && a.max === b.max;
}

/** A full projection at least this often, for what no check sees (a derived cell edited by hand). */
const FULL_EVERY_DAYS = 7;

/**
 * Whether the daily run must project everything, and why — decided by comparing the sources with
 * what was placed, never by trusting that every trigger fired: a submit fell behind; staff changed
 * a reference tab or the deadline; a response sheet has rows (or timestamps) that were not placed;
 * a derived tab lost a row, got a blank one or was sorted; staff ticked or unticked a result; a
 * week passed. Cheap: one column of each response sheet, two of each grouped tab, «Требует
 * проверки», and the confirmation columns of «Результаты». The reference tabs it read go to
 * `onReference`.
 */
export function fullIntakeDue(
  spreadsheet: Spreadsheet,
  onReference: (reference: ReferenceData) => void = () => undefined,
): boolean {
  if (readProperty(PROPERTY_KEYS.intakeBehind)) return true;
  const last = readJsonProperty<{ at?: string; fingerprint?: string }>(
    PROPERTY_KEYS.intakeLastFull,
  );
  if (!last) return true;
  const age = Date.now() - new Date(last.at ?? 0).getTime();
  if (!(age < FULL_EVERY_DAYS * 24 * 3600 * 1000)) return true;
  // With the Sheets service, everything below is read in one call.
  const read = readDueSources(spreadsheet);
  if (read) return dueBySources(read, last.fingerprint, onReference);
  const { reference, check } = readReferenceChecked(spreadsheet);
  onReference(reference); // the daily run's later jobs need not read it again
  const settings = readSettings(spreadsheet);
  if (intakeFingerprint(reference, settings, check.issues) !== last.fingerprint) return true;
  const indexTab = readIndexTab(spreadsheet);
  const index = indexTab?.index;
  // The index must be whole and as written (a hand edit of it shows in its checksum).
  if (!index || !index.meta.complete || linesChecksum(indexTab!.lines) !== index.checksum) {
    return true;
  }
  const placed = index.meta.placed;
  for (const definition of FORMS) {
    const before = placed[definition.kind];
    const sheet = responseSheet(spreadsheet, definition, formIdOf(definition.kind));
    if (!before || !sheet) return true;
    const column = sheet.getRange('A1:A').getValues();
    let rows = column.length;
    while (rows > 0 && column[rows - 1]![0] === '') rows--;
    if (!sameState(stateOf(column, Math.max(rows, 1)), before)) return true;
  }
  const counts = index.meta.tabs;
  for (const schema of GROUPED_SCHEMAS) {
    if (!groupedTabIntact(spreadsheet, schema, counts[schema.name] ?? -1)) return true;
  }
  const quality = readQualityTab(spreadsheet);
  const filled = quality ? quality.rows.filter((row) => row.some((c) => c !== '')).length : -1;
  return filled !== counts[QUALITY_SCHEMA.name] || confirmationsChanged(spreadsheet);
}

/** What fullIntakeDue looks at, as one Sheets API call reads it. */
interface DueSources {
  reference: ReferenceValues;
  settingsRows: Row[];
  indexLines: Row[];
  /** Column A of each response sheet, header first, Dates as Dates. */
  responses: Map<FormKind, Row[]>;
  /** The ОУ keys and the answers of each grouped tab's body, as text. */
  grouped: Map<string, { keys: string[]; sources: string[] }>;
  qualityRows: Row[];
  confirmations: Row[];
}

/**
 * The sources of fullIntakeDue in one call of the Sheets API, by recorded sheet ids; null without
 * the service, with a tab whose id is not recorded or when the read fails (a tab gone): then
 * fullIntakeDue reads them one by one, as before, and finds what is wrong.
 */
function readDueSources(spreadsheet: Spreadsheet): DueSources | null {
  if (!sheetsApiAvailable()) return null;
  const tabs = [
    SETTINGS_TAB,
    SCHOOLS_SCHEMA.name,
    COMPETENCIES_SCHEMA.name,
    EVENTS_SCHEMA.name,
    AGE_CATEGORIES_SCHEMA.name,
    INDEX_TAB,
    QUALITY_SCHEMA.name,
    RESULTS_SCHEMA.name,
    ...GROUPED_SCHEMAS.map((g) => g.name),
    ...FORMS.map((f) => responsesTabKey(f.kind)),
  ];
  const ids = new Map(tabs.map((t) => [t, recordedTabId(t)]));
  if ([...ids.values()].some((id) => id === undefined)) return null;
  const id = (tab: string): number => ids.get(tab)!;
  const ranges: GridRead[] = [
    { sheetId: id(SETTINGS_TAB), startRow: 1 },
    { sheetId: id(SCHOOLS_SCHEMA.name), startRow: 0 },
    { sheetId: id(COMPETENCIES_SCHEMA.name), startRow: 0 },
    { sheetId: id(EVENTS_SCHEMA.name), startRow: 0 },
    { sheetId: id(AGE_CATEGORIES_SCHEMA.name), startRow: 0 },
    { sheetId: id(INDEX_TAB), startRow: 1, endColumn: INDEX_WIDTH },
    { sheetId: id(QUALITY_SCHEMA.name), startRow: 1 },
    {
      sheetId: id(RESULTS_SCHEMA.name),
      startRow: 1,
      startColumn: CONFIRMATION_COLUMNS.first,
      endColumn: CONFIRMATION_COLUMNS.end,
    },
  ];
  for (const schema of GROUPED_SCHEMAS) {
    for (const field of ['schoolKey', 'sourceResponseId'] as const) {
      const column = columnIndex(schema, field);
      ranges.push({
        sheetId: id(schema.name),
        startRow: 1,
        startColumn: column,
        endColumn: column + 1,
      });
    }
  }
  for (const form of FORMS) {
    ranges.push({
      sheetId: id(responsesTabKey(form.kind)),
      startRow: 0,
      endColumn: 1,
      dateColumns: [0],
    });
  }
  let values: Row[][];
  try {
    values = readRanges(spreadsheetIdOf(spreadsheet), ranges);
  } catch {
    return null;
  }
  const [
    settingsRows,
    schools,
    competencies,
    events,
    ageCategories,
    lines,
    quality,
    confirmations,
  ] = values as [Row[], Row[], Row[], Row[], Row[], Row[], Row[], Row[]];
  const grouped = new Map<string, { keys: string[]; sources: string[] }>();
  GROUPED_SCHEMAS.forEach((schema, g) => {
    grouped.set(schema.name, {
      keys: columnTexts(values[8 + 2 * g]!),
      sources: columnTexts(values[9 + 2 * g]!),
    });
  });
  const responses = new Map<FormKind, Row[]>();
  FORMS.forEach((form, f) => responses.set(form.kind, values[8 + 2 * GROUPED_SCHEMAS.length + f]!));
  const width = QUALITY_SCHEMA.columns.length;
  return {
    reference: { schools, competencies, events, ageCategories },
    settingsRows,
    indexLines: lines,
    responses,
    grouped,
    // As getValues gives them: every row at least as wide as the tab's columns.
    qualityRows: quality.map((row) =>
      row.length >= width ? row : [...row, ...new Array<string>(width - row.length).fill('')],
    ),
    confirmations,
  };
}

/** fullIntakeDue's checks on what readDueSources read. */
function dueBySources(
  read: DueSources,
  fingerprint: string | undefined,
  onReference: (reference: ReferenceData) => void,
): boolean {
  const { reference, check } = referenceFromValues(read.reference, true);
  onReference(reference);
  const settings = settingsFromRows(read.settingsRows);
  if (intakeFingerprint(reference, settings, check.issues) !== fingerprint) return true;
  const index = parseIndex(read.indexLines);
  if (!index || !index.meta.complete || linesChecksum(read.indexLines) !== index.checksum) {
    return true;
  }
  for (const definition of FORMS) {
    const before = index.meta.placed[definition.kind];
    const column = read.responses.get(definition.kind)!;
    if (!before) return true;
    let rows = column.length;
    while (rows > 0 && (column[rows - 1]![0] ?? '') === '') rows--;
    if (!sameState(stateOf(column, Math.max(rows, 1)), before)) return true;
  }
  const counts = index.meta.tabs;
  for (const schema of GROUPED_SCHEMAS) {
    const { keys, sources } = read.grouped.get(schema.name)!;
    if (!groupedColumnsIntact(keys, sources, counts[schema.name] ?? -1)) return true;
  }
  const quality = read.qualityRows;
  const filled = qualityInOrder(quality)
    ? quality.filter((row) => row.some((c) => c !== '')).length
    : -1;
  return filled !== counts[QUALITY_SCHEMA.name] || confirmationsChangedIn(read.confirmations);
}

/** What a full projection depends on besides the answers: the reference tabs and the deadline. */
function intakeFingerprint(
  reference: ReferenceData,
  settings: Settings,
  registryIssues: readonly QualityIssue[],
): string {
  const issues = registryIssues.map((i) => i.key ?? '');
  return toHex(
    sha256(JSON.stringify([reference, settings.reportDeadlineDay, settings.checkSender, issues])),
  ).slice(0, 16);
}

/**
 * Notes that a submit could not place its answer, so the next run catches up. Written before
 * anything else and without the lock (small and idempotent), so that neither a busy table nor a
 * failing journal can lose it.
 */
function markIntakeBehind(): void {
  try {
    writeProperty(PROPERTY_KEYS.intakeBehind, '1');
  } catch {
    // the daily run projects everything anyway
  }
}

function recordFullIntake(
  reference: ReferenceData,
  settings: Settings,
  registryIssues: readonly QualityIssue[],
): void {
  writeProperty(
    PROPERTY_KEYS.intakeLastFull,
    JSON.stringify({
      at: new Date().toISOString(),
      fingerprint: intakeFingerprint(reference, settings, registryIssues),
    }),
  );
  if (readProperty(PROPERTY_KEYS.intakeBehind)) deleteProperty(PROPERTY_KEYS.intakeBehind);
}

/** The form a response id (`REG-5`) belongs to. */
const formOfResponse = formOfResponseId;

/** Journal rows that must not be lost with a failing journal write: tried, never thrown. */
function journalQuietly(spreadsheet: Spreadsheet, entries: JournalEntry[]): void {
  try {
    writeJournal(spreadsheet, entries);
  } catch {
    // the «behind» mark is already written: the next run catches up and journals then
  }
}

/** The installable spreadsheet form-submit trigger: places (or flags) the new answer. */
export function handleFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  if (!e || !e.range) return;
  const spreadsheet = activeSpreadsheet();
  const sheet = e.range.getSheet();
  const row = e.range.getRow();
  withLock(
    () => {
      const form = formOfSheet(sheet, formIds());
      if (!form) return; // a form the app does not own
      const id = `${form.idPrefix}-${row}`;
      try {
        const family = familyOf(form.kind);
        // Its own ОУ only, when that can be trusted; else everything, as rebuildAll does.
        const run =
          placeSubmit(spreadsheet.getId(), form, row, family) ?? refreshDerived(spreadsheet, id);
        if (form.kind === ORDER_FORM.kind) {
          const uploads = run.uploads.filter((u) => u.responseId === id);
          const moves = moveOrderFiles(
            run.settings.rootFolderName,
            uploads,
            undefined,
            refusedUploads(),
          );
          journalFailedMoves(spreadsheet, moves);
          journalFolderRepairs(spreadsheet);
          if (recordRefused(spreadsheet, moves)) refreshDerived(spreadsheet);
        }
      } catch (error) {
        markIntakeBehind();
        const details =
          error instanceof SourceMissingError
            ? RELIABILITY_RU.sources.submitStopped(sheet.getName(), row, error.problems)
            : INTAKE_RU.failed(sheet.getName(), row);
        journalQuietly(spreadsheet, [
          {
            at: new Date(),
            job: 'handleFormSubmit',
            outcome: 'error',
            details,
            error: error instanceof SourceMissingError ? '' : errorText(error),
          },
        ]);
      }
    },
    {
      onBusy: () => {
        markIntakeBehind();
        journalQuietly(spreadsheet, [
          {
            at: new Date(),
            job: 'handleFormSubmit',
            outcome: 'queued',
            details: INTAKE_RU.lockBusy(sheet.getName(), row),
          },
        ]);
      },
    },
  );
}

/** Rebuilds every derived tab from the raw responses and the staff tabs (menu, sidebar). */
export function rebuildAll(): string {
  const { spreadsheet } = requireStaff();
  return withLock(
    () => {
      try {
        const run = refreshDerived(spreadsheet);
        const { projection, written } = run;
        const budget = startBudget(REBUILD_BUDGET_MS);
        checkFolders(run.settings.rootFolderName);
        catchUpOrderFiles(spreadsheet, run, true, budget);
        journalFolderRepairs(spreadsheet);
        const summary = INTAKE_RU.rebuilt(projection, written);
        writeJournal(spreadsheet, [
          { at: new Date(), job: 'rebuildAll', outcome: 'ok', details: summary },
        ]);
        return summary;
      } catch (error) {
        writeJournal(spreadsheet, [
          {
            at: new Date(),
            job: 'rebuildAll',
            outcome: 'error',
            details: '',
            error: errorText(error),
          },
        ]);
        throw error;
      }
    },
    {
      onBusy: () => {
        journalQuietly(spreadsheet, [
          { at: new Date(), job: 'rebuildAll', outcome: 'queued', details: INTAKE_RU.rebuildBusy },
        ]);
        throw new Error(INTAKE_RU.rebuildBusy);
      },
    },
  );
}

/** A manual rebuild stops moving files past this time; the daily run moves the rest. */
const REBUILD_BUDGET_MS = 4 * 60 * 1000;

/** Uploads older than this whose file cannot be moved are not journaled again every day. */
const CATCH_UP_DAYS = 14;

/**
 * Moves every placed upload not yet in its ОУ folder, however old: a submit that found the table
 * busy or failed, an order placed only after staff fixed its ОУ, a file taken out of its folder.
 * Each ОУ folder is listed once and compared with what is placed (orderFiles.ts), so only what is
 * missing costs calls. A file that cannot be moved (deleted) is journaled while its answer is
 * recent — always by rebuildAll (`everything`).
 */
export function catchUpOrderFiles(
  spreadsheet: Spreadsheet,
  run: IntakeRun,
  everything = false,
  budget?: Budget,
): FileMoves {
  const since = Date.now() - CATCH_UP_DAYS * 24 * 3600 * 1000;
  const recent = new Set(
    run.uploads
      .filter((u) => everything || (u.submittedAt !== null && u.submittedAt.getTime() >= since))
      .map((u) => u.responseId),
  );
  const moves = moveOrderFiles(run.settings.rootFolderName, run.uploads, budget, refusedUploads());
  journalFailedMoves(spreadsheet, {
    ...moves,
    failed: moves.failed.filter((f) => recent.has(f.responseId)),
  });
  // A refused row is flagged by the projection: placed again, now with the flag (rare).
  if (recordRefused(spreadsheet, moves)) refreshDerived(spreadsheet);
  if (moves.left > 0) {
    writeJournal(spreadsheet, [
      {
        at: new Date(),
        job: 'moveOrderFiles',
        outcome: 'queued',
        details: RELIABILITY_RU.budget.filesLeft(moves.left),
      },
    ]);
  }
  return moves;
}

/** At most this many refused rows are remembered (a property holds 9 KB); the oldest go first. */
const MAX_REFUSED = 200;

/**
 * Records and journals uploads refused for the first time; true if any was new. Kept small: one
 * fingerprint of the cell per refused row.
 */
function recordRefused(spreadsheet: Spreadsheet, moves: FileMoves): boolean {
  const known = refusedUploads();
  const fresh = moves.refused.filter(
    (r) => known.get(r.responseId) !== uploadPrint(r.uploadAnswer),
  );
  if (fresh.length === 0) return false;
  for (const r of fresh) {
    known.delete(r.responseId);
    known.set(r.responseId, uploadPrint(r.uploadAnswer));
  }
  const kept = [...known.entries()].slice(-MAX_REFUSED);
  writeProperty(PROPERTY_KEYS.refusedUploads, JSON.stringify(Object.fromEntries(kept)));
  writeJournal(
    spreadsheet,
    fresh.map((r) => ({
      at: new Date(),
      job: 'moveOrderFiles',
      outcome: 'error' as const,
      details: INTAKE_RU.fileNotUploaded(r.responseId),
    })),
  );
  return true;
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
