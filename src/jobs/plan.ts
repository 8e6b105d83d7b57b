/**
 * The centre's work plan: importing a pasted plan into «План работы», overdue items highlighted by
 * the daily run and listed in the monthly summary, and the plan execution analysis as a Google Doc.
 * The analysis replaces like the monthly note: the new document is finished first, the school
 * year's pointer (a document property) is switched to it, and only then is the old one trashed.
 */
import { argumentText } from '../domain/text/clean';
import { requireStaff } from '../workspace/access';
import type { PlanRow } from '../domain/model';
import {
  buildPlanAnalysis,
  calendarYearPlanPeriod,
  isOverdue,
  parsePlanText,
  schoolYearPlanPeriod,
  type ParsedPlanItem,
  type PlanPeriod,
} from '../domain/plan';
import {
  COLUMN_FORMAT,
  columnIndex,
  PLAN_MARKS,
  PLAN_SCHEMA,
  PLAN_TAB,
  headers,
  rowKey,
  toRow,
} from '../domain/schema';
import { formatDateNumeric } from '../domain/text/dates';
import { formatNumber } from '../domain/text/numbers';
import { schoolYearOf } from '../domain/text/periods';
import { plural } from '../domain/text/plural';
import { fillPhrase } from '../i18n/ru/note';
import { PLAN_UI_RU as RU } from '../i18n/ru/plan-ui';
import { documentUrl, publishDocument } from '../workspace/docRenderer';
import { folderAt } from '../workspace/drive';
import { errorText, writeJournal } from '../workspace/journal';
import { readSettings } from '../workspace/master';
import { isBlankPlanRow, planPeriodFromLabel, readPlanTab } from '../workspace/planTab';
import {
  ensureRows,
  ensureSheet,
  listValidation,
  syncTableBody,
  type Row,
} from '../workspace/table';
import { withLock } from '../workspace/lock';
import { alert, showDialogFile } from '../workspace/ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Light red 3 of the Sheets palette: visible, yet the text stays readable. */
export const OVERDUE_BACKGROUND = '#f4cccc';
const DEFAULT_BACKGROUND = '#ffffff';

/** The school year under way: month-only deadlines of a plan without a heading fall into it. */
function currentPeriod(asOf: Date): PlanPeriod {
  return schoolYearPlanPeriod(schoolYearOf(asOf));
}

/** Document property holding the id of the period's current analysis («planAnalysis.2021-2022»). */
export function planAnalysisKey(period: PlanPeriod): string {
  return (
    'planAnalysis.' +
    (period.kind === 'schoolYear'
      ? period.startYear + '-' + (period.startYear + 1)
      : String(period.startYear))
  );
}

/** Imports a plan pasted as tab-separated text into «План работы»; returns what was done, in Russian. */
export function importPlan(text: string): string {
  const { spreadsheet } = requireStaff();
  return withLock(() => {
    try {
      return importUnderLock(spreadsheet, argumentText(text), new Date());
    } catch (error) {
      writeJournal(spreadsheet, [
        {
          at: new Date(),
          job: RU.importJob,
          outcome: 'error',
          details: '',
          error: errorText(error),
        },
      ]);
      throw error;
    }
  });
}

function toPlanRow(item: ParsedPlanItem, period: PlanPeriod): PlanRow {
  return {
    plan: period.label,
    section: item.section,
    number: item.number,
    title: item.title,
    deadlineText: item.deadlineText,
    deadlineFrom: item.deadline.from,
    deadlineTo: item.deadline.to,
    responsible: item.responsible,
    expectedResult: item.expectedResult,
    document: item.document,
    mark: item.mark,
    result: item.result,
    comment: item.comment,
    audience: item.audience,
    deadlineParsed: item.deadline.kind !== 'unparsed',
    deadlineNote: item.deadline.reason,
  };
}

function importUnderLock(spreadsheet: Spreadsheet, text: string, now: Date): string {
  const plan = parsePlanText(text, currentPeriod(now));
  if (plan.items.length === 0) throw new Error(RU.noTable);

  let tab = readPlanTab(spreadsheet, plan.period);
  if (!tab) {
    // setupSystem lays the tab out; a deleted one is recreated here with its header.
    const sheet = ensureSheet(spreadsheet, PLAN_TAB);
    const header = headers(PLAN_SCHEMA);
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
    tab = readPlanTab(spreadsheet, plan.period)!;
  }
  const width = tab.header.length;
  const index = new Map<string, number>();
  tab.records.forEach((r, i) => index.set(rowKey(PLAN_SCHEMA, r), i));
  const next: Row[] = tab.rows.map((r) => r.slice());
  let added = 0;
  let updated = 0;
  for (const item of plan.items) {
    const record = toPlanRow(item, plan.period);
    const key = rowKey(PLAN_SCHEMA, record);
    const at = index.get(key);
    let row: Row;
    if (at === undefined) {
      row = new Array<string>(width).fill('');
      index.set(key, next.length);
      next.push(row);
      added++;
    } else {
      // A re-import refreshes the plan's text but keeps the marks and comments staff put in.
      const old = tab.records[at];
      if (old) {
        record.mark = record.mark || old.mark;
        record.result = record.result || old.result;
        record.comment = record.comment || old.comment;
      }
      row = next[at]!;
      updated++;
    }
    const values = toRow(PLAN_SCHEMA, record) as Row;
    // A column setupSystem has not appended yet (position -1) is skipped.
    tab.positions.forEach((p, c) => {
      if (p >= 0) row[p] = values[c]!;
    });
  }
  // Formats go first: in a Russian-locale sheet «5.4» typed into an automatic cell becomes 5 April.
  ensureRows(tab.sheet, next.length + 1);
  const body = tab.sheet.getRange(2, 1, next.length, width);
  const formats = body.getNumberFormats();
  PLAN_SCHEMA.columns.forEach((c, i) => {
    const at = tab.positions[i]!;
    if (at >= 0) for (const line of formats) line[at] = COLUMN_FORMAT[c.kind];
  });
  body.setNumberFormats(formats);
  syncTableBody(tab.sheet, tab.rows, next, width);
  const markColumn = tab.positions[columnIndex(PLAN_SCHEMA, 'mark')]!;
  tab.sheet
    .getRange(2, markColumn + 1, next.length, 1)
    .setDataValidation(listValidation(PLAN_MARKS));

  const unparsed = plan.items.filter((i) => i.deadline.kind === 'unparsed');
  const message = [
    fillPhrase(RU.imported, {
      title: plan.title || RU.untitled,
      period: plan.period.label,
      n: formatNumber(plan.items.length),
      items: plural(plan.items.length, RU.items),
      added: formatNumber(added),
      updated: formatNumber(updated),
    }),
    unparsed.length === 0
      ? RU.allParsed
      : fillPhrase(RU.unparsed, {
          n: formatNumber(unparsed.length),
          numbers: unparsed.map((i) => i.number).join(', '),
        }),
  ].join(' ');
  writeJournal(spreadsheet, [
    { at: new Date(), job: RU.importJob, outcome: 'ok', details: message },
  ]);
  return message;
}

/** Overdue items of «План работы» on `asOf`; none when the tab is missing or unreadable. */
export function overduePlanItems(spreadsheet: Spreadsheet, asOf: Date): PlanRow[] {
  try {
    const tab = readPlanTab(spreadsheet, currentPeriod(asOf));
    return tab ? tab.records.filter((r) => !isBlankPlanRow(r) && isOverdue(r, asOf)) : [];
  } catch {
    // The summary must go out even if staff broke the plan's header; the daily run journals that.
    return [];
  }
}

/**
 * Colours overdue rows of «План работы» (one getBackgrounds, one setBackgrounds over the body);
 * rows no longer overdue lose the colour, other colours staff chose are kept. Returns a journal
 * line, '' when the tab has no items.
 */
export function highlightOverduePlan(spreadsheet: Spreadsheet, asOf: Date): string {
  const tab = readPlanTab(spreadsheet, currentPeriod(asOf));
  if (!tab || tab.rows.length === 0) return ''; // no plan imported: nothing to say
  const range = tab.sheet.getRange(2, 1, tab.rows.length, tab.header.length);
  const current = range.getBackgrounds();
  let overdue = 0;
  let changed = false;
  const next = current.map((line, r) => {
    const record = tab.records[r]!;
    const late = !isBlankPlanRow(record) && isOverdue(record, asOf);
    if (late) overdue++;
    return line.map((colour) => {
      const ours = colour.toLowerCase() === OVERDUE_BACKGROUND;
      const want = late ? OVERDUE_BACKGROUND : ours ? DEFAULT_BACKGROUND : colour;
      if (want !== colour) changed = true;
      return want;
    });
  });
  if (changed) range.setBackgrounds(next);
  return overdue === 0 ? RU.overdueNone : fillPhrase(RU.overdueFound, { n: formatNumber(overdue) });
}

/** «2021/2022» → that school year; «2017» → the calendar year (plans «на 2017 год»). */
function analysisPeriod(value: string): PlanPeriod | null {
  const school = /^\s*(\d{4})\s*[/-]\s*(\d{4})\s*$/.exec(value);
  if (school && Number(school[2]) === Number(school[1]) + 1) {
    return schoolYearPlanPeriod(Number(school[1]));
  }
  const year = /^\s*(\d{4})\s*$/.exec(value);
  return year ? calendarYearPlanPeriod(Number(year[1])) : null;
}

function belongsTo(record: PlanRow, period: PlanPeriod): boolean {
  const own = planPeriodFromLabel(record.plan);
  if (own) return own.kind === period.kind && own.startYear === period.startYear;
  // A row staff added by hand without «План» counts where its deadline falls.
  const to = record.deadlineTo;
  const from = record.deadlineFrom ?? to;
  return to !== null && from !== null && to >= period.from && from <= period.to;
}

/** Creates (or replaces) the plan execution analysis for «2021/2022»; returns the document id. */
export function generatePlanAnalysis(schoolYear: string): string {
  const { spreadsheet } = requireStaff();
  const typed = argumentText(schoolYear);
  return withLock(() => {
    try {
      const period = analysisPeriod(typed);
      if (!period) throw new Error(RU.badYear);
      return createPlanAnalysis(spreadsheet, period, new Date());
    } catch (error) {
      writeJournal(spreadsheet, [
        {
          at: new Date(),
          job: RU.analysisJob,
          outcome: 'error',
          details: typed,
          error: errorText(error),
        },
      ]);
      throw error;
    }
  });
}

function createPlanAnalysis(spreadsheet: Spreadsheet, period: PlanPeriod, asOf: Date): string {
  const settings = readSettings(spreadsheet);
  const tab = readPlanTab(spreadsheet, period);
  const items = tab ? tab.records.filter((r) => !isBlankPlanRow(r) && belongsTo(r, period)) : [];
  if (items.length === 0) throw new Error(fillPhrase(RU.noItems, { period: period.label }));
  const built = buildPlanAnalysis(
    items,
    {
      centreName: settings.centreName,
      periodLabel: period.label,
      signaturePosition: settings.signaturePosition,
      signatureName: settings.signatureName,
    },
    asOf,
  );
  // The centre's name is nominative in «Настройки», so it goes to the subtitle, not after «плана работы».
  const model = {
    ...built,
    title: fillPhrase(RU.docTitle, { period: period.label }),
    subtitle: fillPhrase(RU.docSubtitle, {
      centre: settings.centreName,
      date: formatDateNumeric(asOf),
    }),
  };
  const folder = folderAt([settings.rootFolderName, RU.analysisFolder]);
  // No «Статистика» chart shows the plan: the renderer draws its figures with the Charts service.
  const { id, url, replaced, figuresAsTables } = publishDocument({
    kind: 'planAnalysis',
    folder,
    model,
    charts: new Map(),
    key: planAnalysisKey(period),
    settings,
  });
  writeJournal(spreadsheet, [
    {
      at: new Date(),
      job: RU.analysisJob,
      outcome: 'ok',
      details: fillPhrase(RU.done, { period: period.label }) + (replaced ? ' ' + RU.replaced : ''),
      link: url,
    },
    ...figuresAsTables.map((details) => ({
      at: new Date(),
      job: RU.analysisJob,
      outcome: 'warning' as const,
      details,
      link: url,
    })),
  ]);
  return id;
}

/** Menu: the analysis for the school year under way, with its link in an alert. */
export function promptPlanAnalysis(): void {
  const period = currentPeriod(new Date());
  const id = generatePlanAnalysis(period.startYear + '/' + (period.startYear + 1));
  const url = documentUrl(id);
  alert(fillPhrase(RU.done, { period: period.label }) + '\n' + url);
}

/** Menu: a dialog to paste a plan into (PlanImport.html); it calls importPlan and shows the result. */
export function showPlanImport(): void {
  showDialogFile('PlanImport', RU.dialogTitle, 700, 480);
}
