/**
 * closeSchoolYear: the archive of the year's aggregates, the annual note, then the children's
 * names replaced by their pseudonymous ids in every tab (raw response sheets included), the
 * forms' stored responses of the year deleted, and a clean start of the derived tabs.
 *
 * Without `confirm` it only reads and returns the preview. With it, the steps run in order, each
 * journaled and recorded as done in the document properties before the next starts, so a run cut
 * by the time budget or a fault continues on the next call (or the daily run) without doing a
 * step twice; every step is also safe to repeat (ids already in place are left, the archive and
 * the note replace their own leftovers). Nothing is removed before the archive and the note are
 * made and checked.
 */
import { argumentText } from '../domain/text/clean';
import { pendingCertificates } from './certificates';
import { installedSchoolYear } from './intakeOptions';
import { computeYearFigures, archiveTables, type YearFigures } from '../domain/annual';
import { buildAnnualNote } from '../domain/annualNote';
import {
  closeAllowedFrom,
  closingPeriods,
  namesInPlan,
  parseSchoolYear,
  periodsDueNotes,
  planPseudonymisation,
  responseYearResolver,
  type PseudonymisationPlan,
} from '../domain/yearClose';
import { EventCalendar } from '../domain/eventCalendar';
import { FORMS, type FormKind } from '../domain/forms';
import type { ReferenceData } from '../domain/intake';
import { QUALITY_SCHEMA, STATISTICS_TAB, columnIndex } from '../domain/schema';
import type { StatisticsInput } from '../domain/statistics';
import { formatDateNumeric } from '../domain/text/dates';
import { formatMonthYear, formatSchoolYearShort, schoolYearOfPeriod } from '../domain/text/periods';
import { ANNUAL_RU, ARCHIVE_RU, YEAR_CLOSE_RU } from '../i18n/ru/yearClose';
import { OUTPUTS_RU } from '../i18n/ru/outputs';
import { INTAKE_RU } from '../i18n/ru/intake';
import type { Settings } from '../domain/settings';
import { requireStaff } from '../workspace/access';
import {
  archiveCharts,
  archiveIdOf,
  closedYears,
  openArchive,
  readArchive,
  writeArchive,
} from '../workspace/archive';
import { chartImagesFromTab, publishDocument } from '../workspace/docRenderer';
import { folderAt, isFileTrashed, trashFile } from '../workspace/drive';
import { openForm } from '../workspace/forms';
import { GROUPED_SCHEMAS } from '../workspace/groupedTabs';
import { errorText, writeJournal } from '../workspace/journal';
import { withLock } from '../workspace/lock';
import { rawForms, readRawValues, readReference, readSettings } from '../workspace/master';
import {
  PROPERTY_FAMILIES,
  PROPERTY_KEYS,
  participantSalt,
  readAllProperties,
  readJsonProperty,
  writeProperties,
  writeProperty,
} from '../workspace/properties';
import {
  deleteFormResponses,
  near,
  secondOf,
  sweepChanges,
  writeCellChanges,
} from '../workspace/pseudonymSheets';
import { formIdOf, responseSheet, tabSheet } from '../workspace/sources';
import { startBudget, type Budget } from './budget';
import { syncAllChoices } from './choices';
import { refreshDerived } from './intake';
import { existingNoteId } from './monthlyNote';
import { computeAndWriteStatistics, displayPeriod, loadStatisticsInput } from './statistics';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The steps, in order. Names are removed only after the archive and the note are checked. */
export const CLOSE_STEPS = ['archive', 'note', 'sweep', 'names', 'responses', 'derived'] as const;
export type CloseStep = (typeof CLOSE_STEPS)[number];

/** Where a close stands (document property `year.close.<year>`). */
interface CloseState {
  startedAt: string;
  done: Partial<Record<CloseStep, string>>;
  finishedAt?: string;
}

/** What closeSchoolYear answers: the preview's or the run's lines, and whether it is closed. */
export interface YearCloseAnswer {
  schoolYear: string;
  /** True once every step is done. */
  closed: boolean;
  /** True for the preview (nothing was changed). */
  preview: boolean;
  message: string;
  lines: string[];
}

/** A manual close stops starting new work after this; the rest waits for the next call. */
const CLOSE_BUDGET_MS = 4 * 60 * 1000;

function readState(schoolYear: number): CloseState | null {
  return readJsonProperty<CloseState>(PROPERTY_FAMILIES.yearClose(schoolYear));
}

function saveState(schoolYear: number, state: CloseState): void {
  writeProperty(PROPERTY_FAMILIES.yearClose(schoolYear), JSON.stringify(state));
}

/**
 * Closes `schoolYear` («2021/2022»): without `confirm` returns the preview and changes nothing;
 * with `confirm === true` does it (or continues an interrupted close). Staff only.
 */
export function closeSchoolYear(schoolYear: unknown, confirm?: unknown): YearCloseAnswer {
  const { spreadsheet } = requireStaff();
  const year = parseSchoolYear(schoolYear);
  if (year === null) throw new Error(YEAR_CLOSE_RU.badYear(argumentText(schoolYear)));
  return withLock(
    () => {
      const label = formatSchoolYearShort(year);
      const state = readState(year);
      if (state?.finishedAt) {
        // Answers for the closed year that came after it was closed lose their names too.
        const late = confirm === true ? removeLateNames(spreadsheet, year) : [];
        return {
          schoolYear: label,
          closed: true,
          preview: confirm !== true,
          message:
            late.length > 0 ? YEAR_CLOSE_RU.lateRemoved(label) : YEAR_CLOSE_RU.alreadyClosed(label),
          lines: late,
        };
      }
      if (!state) refuseEarly(year);
      if (confirm !== true) return previewClose(spreadsheet, year, state);
      return runClose(spreadsheet, year, startBudget(CLOSE_BUDGET_MS));
    },
    { busyMessage: INTAKE_RU.rebuildBusy },
  );
}

/**
 * Throws the refusal in Russian before 1 June of the closing year, while a note is missing, or while
 * certificates are unfinished: they are made from the children's names the close removes.
 */
function refuseEarly(year: number): void {
  const now = new Date();
  const from = closeAllowedFrom(year);
  if (now.getTime() < from.getTime()) {
    throw new Error(YEAR_CLOSE_RU.tooEarly(formatSchoolYearShort(year), formatDateNumeric(from)));
  }
  const missing = periodsDueNotes(year, now).filter((p) => existingNoteId(p) === null);
  if (missing.length > 0) {
    throw new Error(YEAR_CLOSE_RU.notesMissing(missing.map(formatMonthYear).join(', ')));
  }
  const certificates = pendingCertificates();
  if (certificates.length > 0) {
    throw new Error(YEAR_CLOSE_RU.certificatesPending(certificates.map((c) => c.message)));
  }
}

/** Continues a close an earlier run left unfinished (from the daily run); null if none. */
export function resumeYearClose(spreadsheet: Spreadsheet, budget: Budget): YearCloseAnswer | null {
  for (const year of startedYears()) {
    const state = readState(year);
    if (state && !state.finishedAt) return runClose(spreadsheet, year, budget);
  }
  return null;
}

/** Years whose close was started: every `year.close.<year>` key, oldest first. */
function startedYears(): number[] {
  const prefix = PROPERTY_FAMILIES.yearClose(0).replace(/0$/, '');
  return Object.keys(readAllProperties())
    .filter((k) => k.startsWith(prefix))
    .map((k) => Number(k.slice(prefix.length)))
    .filter((y) => y > 0)
    .sort((a, b) => a - b);
}

/** What a close reads: the reference, the response sheets, the year's figures (on demand). */
interface CloseData {
  settings: Settings;
  reference: ReferenceData;
  values: Map<FormKind, unknown[][]>;
  plan: PseudonymisationPlan;
  readonly figures: YearFigures;
}

function readCloseData(spreadsheet: Spreadsheet, year: number): CloseData {
  const settings = readSettings(spreadsheet);
  const reference = readReference(spreadsheet);
  const values = readRawValues(spreadsheet);
  const plan = planPseudonymisation(
    rawForms(values),
    reference,
    participantSalt(),
    year,
    undefined,
    installedSchoolYear(),
  );
  let figures: YearFigures | null = null;
  const yearFigures = (): YearFigures => {
    if (figures) return figures;
    const input: StatisticsInput = {
      ...loadStatisticsInput(spreadsheet, reference),
      previousYear: readArchive(year - 1),
    };
    const calendar = new EventCalendar(reference.events);
    const periods = closingPeriods(
      year,
      new Date(),
      input.participants.map((p) => calendar.placement(p).period),
    );
    figures = computeYearFigures(input, year, periods);
    return figures;
  };
  return {
    settings,
    reference,
    values,
    plan,
    get figures() {
      return yearFigures();
    },
  };
}

function archiveTitle(year: number): string {
  return ARCHIVE_RU.title(formatSchoolYearShort(year));
}

function yearFolder(settings: Settings, year: number): GoogleAppsScript.Drive.Folder {
  return folderAt([settings.rootFolderName, OUTPUTS_RU.note.notesFolder, `${year}-${year + 1}`]);
}

/** The master's tabs the sweep reads: all but response sheets, grouped tabs and «Статистика». */
function sweptTabs(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet[] {
  const skip = new Set<number>();
  for (const f of FORMS) {
    const sheet = responseSheet(spreadsheet, f, formIdOf(f.kind));
    if (sheet) skip.add(sheet.getSheetId());
  }
  for (const schema of GROUPED_SCHEMAS) {
    const sheet = tabSheet(spreadsheet, schema.name);
    if (sheet) skip.add(sheet.getSheetId());
  }
  const stats = tabSheet(spreadsheet, STATISTICS_TAB);
  if (stats) skip.add(stats.getSheetId());
  return spreadsheet.getSheets().filter((s) => !skip.has(s.getSheetId()));
}

/** «Требует проверки» rows of a response are rebuilt by the intake; the sweep keeps off them. */
function qualitySheetRowKept(sheet: GoogleAppsScript.Spreadsheet.Sheet, spreadsheet: Spreadsheet) {
  const quality = tabSheet(spreadsheet, QUALITY_SCHEMA.name);
  const response = columnIndex(QUALITY_SCHEMA, 'responseId');
  return quality && quality.getSheetId() === sheet.getSheetId()
    ? (row: readonly unknown[]) => String(row[response] ?? '') !== ''
    : () => false;
}

/** The timestamps (seconds) of the year's rows and of other rows, per form, from the sheets. */
function rowSeconds(data: CloseData, year: number) {
  const yearOf = responseYearResolver(data.reference.events);
  const raw = rawForms(data.values);
  const out = new Map<FormKind, { closed: Set<number>; kept: Set<number> }>();
  for (const f of FORMS) {
    const closed = new Set<number>();
    const kept = new Set<number>();
    for (const r of raw[f.kind]) {
      if (!r.timestamp) continue;
      (yearOf(f.kind, r) === year ? closed : kept).add(secondOf(r.timestamp));
    }
    out.set(f.kind, { closed, kept });
  }
  return out;
}

function previewClose(
  spreadsheet: Spreadsheet,
  year: number,
  state: CloseState | null,
): YearCloseAnswer {
  const P = YEAR_CLOSE_RU.preview;
  const label = formatSchoolYearShort(year);
  const data = readCloseData(spreadsheet, year);
  const y = data.figures;
  const lines = [P.heading(label)];
  if (state) {
    const left = CLOSE_STEPS.filter((s) => !state.done[s]).map((s) => YEAR_CLOSE_RU.steps[s]);
    lines.push(P.resume(left.join(', ')));
  }
  lines.push(
    P.archive(
      archiveTitle(year),
      y.year.participants,
      y.year.winners + y.year.prizeWinners,
      y.periods.length,
    ),
    P.note(annualTitle(data, year)),
  );
  const names = namesInPlan(data.plan);
  for (const f of FORMS) {
    const n = names[f.kind];
    const responses = data.plan.responses[f.kind];
    if (n === 0) continue;
    if (f.kind === 'registration') lines.push(P.registrations(f.title, n, responses));
    else if (f.kind === 'report') lines.push(P.freeText(f.title, n, responses));
    else lines.push(P.lines(f.title, n, responses));
  }
  // Each row of a response sheet is a stored form response (reading every response's timestamp
  // from the forms would cost a call each).
  for (const f of FORMS) {
    if (data.plan.responses[f.kind] > 0) lines.push(P.form(f.title, data.plan.responses[f.kind]));
  }
  for (const sheet of sweptTabs(spreadsheet)) {
    const values = sheet.getDataRange().getValues();
    const cells = sweepChanges(values, data.plan.names, qualitySheetRowKept(sheet, spreadsheet));
    if (cells.length > 0) lines.push(P.tab(sheet.getName(), cells.length));
  }
  lines.push(P.derived, P.kept, P.cannot, P.confirm);
  return { schoolYear: label, closed: false, preview: true, message: lines[0]!, lines };
}

function annualTitle(data: CloseData, year: number): string {
  return buildAnnualNote(data.figures, data.settings, archiveTitle(year), null, new Date()).title;
}

/** Runs the steps not yet done, within `budget`; journals each. The caller holds the lock. */
function runClose(spreadsheet: Spreadsheet, year: number, budget: Budget): YearCloseAnswer {
  const label = formatSchoolYearShort(year);
  const state: CloseState = readState(year) ?? { startedAt: new Date().toISOString(), done: {} };
  if (!readState(year)) saveState(year, state);
  const lines: string[] = [];
  let data: CloseData | null = null;
  const dataOf = (): CloseData => (data = data ?? readCloseData(spreadsheet, year));
  for (const step of CLOSE_STEPS) {
    if (state.done[step]) continue;
    const left = (): string =>
      CLOSE_STEPS.filter((s) => !state.done[s])
        .map((s) => YEAR_CLOSE_RU.steps[s])
        .join(', ');
    if (budget.spent()) return stopped(spreadsheet, label, lines, YEAR_CLOSE_RU.outOfTime(left()));
    let outcome: { details: string; complete: boolean };
    try {
      outcome = runStep(spreadsheet, year, step, dataOf, budget);
      // A step that changed the sheets makes the next one read them again.
      if (step === 'names' || step === 'sweep') data = null;
    } catch (error) {
      writeJournal(spreadsheet, [
        {
          at: new Date(),
          job: YEAR_CLOSE_RU.job,
          outcome: 'error',
          details: YEAR_CLOSE_RU.failed(YEAR_CLOSE_RU.steps[step]!),
          error: errorText(error),
        },
      ]);
      throw error;
    }
    const entry = YEAR_CLOSE_RU.stepDone(YEAR_CLOSE_RU.steps[step]!, outcome.details);
    lines.push(entry);
    if (!outcome.complete) {
      writeJournal(spreadsheet, [
        { at: new Date(), job: YEAR_CLOSE_RU.job, outcome: 'queued', details: entry },
      ]);
      return stopped(spreadsheet, label, lines, YEAR_CLOSE_RU.outOfTime(left()));
    }
    state.done[step] = new Date().toISOString();
    saveState(year, state);
    writeJournal(spreadsheet, [
      { at: new Date(), job: YEAR_CLOSE_RU.job, outcome: 'ok', details: entry },
    ]);
  }
  state.finishedAt = new Date().toISOString();
  saveState(year, state);
  const message = YEAR_CLOSE_RU.done(label);
  writeJournal(spreadsheet, [
    { at: new Date(), job: YEAR_CLOSE_RU.job, outcome: 'ok', details: message },
  ]);
  return { schoolYear: label, closed: true, preview: false, message, lines };
}

function stopped(
  spreadsheet: Spreadsheet,
  label: string,
  lines: string[],
  message: string,
): YearCloseAnswer {
  writeJournal(spreadsheet, [
    { at: new Date(), job: YEAR_CLOSE_RU.job, outcome: 'queued', details: message },
  ]);
  return { schoolYear: label, closed: false, preview: false, message, lines };
}

function runStep(
  spreadsheet: Spreadsheet,
  year: number,
  step: CloseStep,
  dataOf: () => CloseData,
  budget: Budget,
): { details: string; complete: boolean } {
  switch (step) {
    case 'archive':
      return { details: makeArchive(dataOf(), year), complete: true };
    case 'note':
      return { details: makeAnnualNote(spreadsheet, dataOf(), year), complete: true };
    case 'sweep': {
      const data = dataOf();
      let cells = 0;
      for (const sheet of sweptTabs(spreadsheet)) {
        const values = sheet.getDataRange().getValues();
        const changes = sweepChanges(
          values,
          data.plan.names,
          qualitySheetRowKept(sheet, spreadsheet),
        );
        cells += writeCellChanges(sheet, values, changes);
      }
      return { details: YEAR_CLOSE_RU.sweepDone(cells), complete: true };
    }
    case 'names':
      return removeNames(spreadsheet, dataOf(), budget);
    case 'responses':
      return deleteResponses(dataOf(), year, budget);
    case 'derived': {
      const closed = [...new Set([...closedYears(), year])].sort((a, b) => a - b);
      writeProperty(PROPERTY_KEYS.closedYears, JSON.stringify(closed));
      const run = refreshDerived(spreadsheet);
      syncAllChoices(run.reference, readSettings(spreadsheet).reportDeadlineDay);
      computeAndWriteStatistics(
        spreadsheet,
        displayPeriod(new Date()),
        loadStatisticsInput(spreadsheet, run.reference),
      );
      return { details: YEAR_CLOSE_RU.derivedDone, complete: true };
    }
  }
}

/** The archive made, read back and compared with the figures it was made from. */
function makeArchive(data: CloseData, year: number): string {
  const title = archiveTitle(year);
  const y = data.figures;
  // Leftovers of this close's earlier attempts are those made since it started.
  const since = new Date(readState(year)?.startedAt ?? Date.now());
  const chart = {
    categories: y.months.map((m) => formatMonthYear(m.period)),
    series: [
      { name: ANNUAL_RU.chartParticipants, values: y.months.map((m) => m.month.participants) },
      {
        name: ANNUAL_RU.chartMedals,
        values: y.months.map((m) => m.month.winners + m.month.prizeWinners),
      },
    ],
  };
  const id = writeArchive(yearFolder(data.settings, year), title, archiveTables(y), chart, since);
  const back = openArchive(id);
  const yearValues = back?.getSheetByName(ARCHIVE_RU.tabs.year)?.getDataRange().getValues() ?? [];
  const byKey = new Map(yearValues.slice(1).map((r) => [String(r[2]), Number(r[1])]));
  const idsBack = (back?.getSheetByName(ARCHIVE_RU.tabs.participants)?.getLastRow() ?? 1) - 1;
  const wrong = (['participants', 'winners', 'prizeWinners'] as const).filter(
    (k) => byKey.get(k) !== y.year[k],
  );
  if (idsBack !== y.participants.length) wrong.push('participants');
  if (wrong.length > 0) {
    if (back) trashFile(id);
    throw new Error(YEAR_CLOSE_RU.archiveMismatch(wrong.join(', ')));
  }
  writeProperties({ [PROPERTY_FAMILIES.archiveId(year)]: id });
  return YEAR_CLOSE_RU.archiveDone(title);
}

/** The annual note in the year's folder of notes, made current under its property. */
function makeAnnualNote(spreadsheet: Spreadsheet, data: CloseData, year: number): string {
  const title = archiveTitle(year);
  const model = buildAnnualNote(
    data.figures,
    data.settings,
    title,
    readArchive(year - 1),
    new Date(),
  );
  const archive = openArchive(archiveIdOf(year));
  const images = chartImagesFromTab(model, archive ? archiveCharts(archive) : []);
  const folder = yearFolder(data.settings, year);
  const { id, url } = publishDocument({
    kind: 'annualNote',
    folder,
    model,
    charts: images,
    key: PROPERTY_FAMILIES.annualNoteId(year),
    settings: data.settings,
  });
  if (isFileTrashed(id)) throw new Error(model.title);
  writeJournal(spreadsheet, [
    {
      at: new Date(),
      job: YEAR_CLOSE_RU.noteJob,
      outcome: 'ok',
      details: OUTPUTS_RU.note.done(model.title),
      link: url,
    },
  ]);
  return YEAR_CLOSE_RU.noteDone(model.title);
}

/**
 * Ids into the response sheets, one sheet at a time: the monthly reports and the orders and
 * results first, the registrations — whose names the others are matched against — last.
 */
function removeNames(
  spreadsheet: Spreadsheet,
  data: CloseData,
  budget: Budget,
): { details: string; complete: boolean } {
  const order: FormKind[] = ['report', 'order', 'results', 'registration'];
  const done: string[] = [];
  for (const kind of order) {
    if (budget.spent()) return { details: done.join('; '), complete: false };
    const definition = FORMS.find((f) => f.kind === kind)!;
    const sheet = responseSheet(spreadsheet, definition, formIdOf(kind));
    const values = data.values.get(kind);
    if (!sheet || !values) continue;
    const cells = writeCellChanges(sheet, values, data.plan.changes[kind]);
    done.push(YEAR_CLOSE_RU.namesDone(definition.title, cells));
  }
  return { details: done.join('; '), complete: true };
}

/**
 * Names of answers for a closed year that arrived after its close: replaced and their stored
 * form responses deleted; journaled. Nothing is written (not even «Журнал») when there are none.
 */
function removeLateNames(spreadsheet: Spreadsheet, year: number): string[] {
  const data = readCloseData(spreadsheet, year);
  const seconds = rowSeconds(data, year);
  const stored = FORMS.some((f) => {
    const form = openForm(f.kind);
    const { closed, kept } = seconds.get(f.kind)!;
    return form
      ?.getResponses()
      .some(
        (r) => near(closed, secondOf(r.getTimestamp())) && !near(kept, secondOf(r.getTimestamp())),
      );
  });
  const cells = FORMS.some((f) => data.plan.changes[f.kind].length > 0);
  if (!stored && !cells) return [];
  const budget = startBudget(CLOSE_BUDGET_MS);
  const lines = [
    YEAR_CLOSE_RU.stepDone(
      YEAR_CLOSE_RU.steps.names!,
      removeNames(spreadsheet, data, budget).details,
    ),
    YEAR_CLOSE_RU.stepDone(
      YEAR_CLOSE_RU.steps.responses!,
      deleteResponses(data, year, budget).details,
    ),
  ];
  writeJournal(
    spreadsheet,
    lines.map((details) => ({
      at: new Date(),
      job: YEAR_CLOSE_RU.job,
      outcome: 'ok' as const,
      details,
    })),
  );
  return lines;
}

/** The forms' stored responses of the year, found by their timestamps in the response sheets. */
function deleteResponses(
  data: CloseData,
  year: number,
  budget: Budget,
): { details: string; complete: boolean } {
  const seconds = rowSeconds(data, year);
  const done: string[] = [];
  let complete = true;
  for (const f of FORMS) {
    const form = openForm(f.kind);
    if (!form) continue;
    const { closed, kept } = seconds.get(f.kind)!;
    const result = deleteFormResponses(form, closed, kept, budget);
    done.push(YEAR_CLOSE_RU.responsesDone(f.title, result.deleted));
    if (result.left > 0) complete = false;
  }
  return { details: done.join('; '), complete };
}

/** Whether a month ('YYYY-MM') belongs to a closed school year. */
export function inClosedYear(period: string): boolean {
  return closedYears().includes(schoolYearOfPeriod(period));
}
