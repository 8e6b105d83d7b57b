/**
 * The sidebar «Опорный центр» and the server functions its client calls through google.script.run.
 * Every function here is public (google.script.run can reach it), so each one checks that the
 * caller is centre staff before reading or changing anything.
 */
import { argumentText } from '../domain/text/clean';
import {
  ORDERS_SCHEMA,
  PARTICIPANTS_SCHEMA,
  QUALITY_SCHEMA,
  QUALITY_TAB,
  REPORTS_SCHEMA,
  RESULTS_SCHEMA,
  SETTINGS_TAB,
  type TabSchema,
} from '../domain/schema';
import {
  parseSettings,
  SETTING_KEYS,
  settingToCell,
  type SettingKey,
  type Settings,
} from '../domain/settings';
import { computeStatistics } from '../domain/statistics';
import { undatedEvents } from '../domain/eventCalendar';
import {
  addMonths,
  formatMonthYear,
  formatSchoolYearShort,
  parsePeriod,
  periodOf,
  schoolYearOfPeriod,
  schoolYearPeriodsThrough,
} from '../domain/text/periods';
import { DOMAIN_RU } from '../i18n/ru/domain';
import { SETTINGS_RU } from '../i18n/ru/settings';
import { SIDEBAR_RU } from '../i18n/ru/sidebar';
import { generateMonthlyNote } from '../jobs/summary';
import { requireStaff } from '../workspace/access';
import { syncAllChoices } from '../jobs/choices';
import { sendMonthlySummary, type SummaryStatus } from '../jobs/summary';
import { uploadState } from '../jobs/setup';
import { JOURNAL_TAB } from '../workspace/journal';
import { derivedRecords, readDerived, readReference, settingsRows } from '../workspace/master';
import { ensureSheet, readTable, safeRows, type Row } from '../workspace/table';
import { withLock } from '../workspace/lock';
import { saveStaff } from '../workspace/access';
import { syncProtections } from '../workspace/protections';
import { protectedSheets } from '../jobs/access';
import { missingSources } from '../workspace/sources';
import { describeMissing } from '../jobs/intake';
import { readLedger, remainingMailQuota } from '../workspace/mailQueue';
import { schoolLettersStatus } from '../jobs/schoolLetters';
import { setCollectEmail } from '../workspace/forms';
import { formatDateNumeric } from '../domain/text/dates';
import { RELIABILITY_RU } from '../i18n/ru/reliability';
import { triggerOwner, triggerStatus } from '../workspace/triggers';
import { effectiveUserEmail } from '../workspace/session';
import { fileLink } from '../workspace/drive';
import { showSidebarFile } from '../workspace/ui';
import { tabSheet } from '../workspace/sources';
import { lateLines } from '../jobs/daily';
import { folderRepairLines } from '../jobs/driveHealth';
import { PROPERTY_KEYS, readProperty } from '../workspace/properties';

/** Figures of one span of time shown on the dashboard. */
export interface DashboardFigures {
  participants: number;
  schoolsParticipating: number;
  winners: number;
  prizeWinners: number;
}

/**
 * What the dashboard shows. Participants, winners and ОУ are by event date (the events held in
 * the month); `registrations` is the pipeline: registrations received this month, for any month.
 */
export interface DashboardData {
  period: string;
  periodLabel: string;
  schoolYearLabel: string;
  schoolsTotal: number;
  month: DashboardFigures;
  year: DashboardFigures;
  registrations: number;
  /** What makes a note not ready to sign, or the figures less exact: shown above «Сформировать». */
  warnings: string[];
  qualityNew: number;
  qualityUrl: string;
  series: { period: string; label: string; participants: number }[];
  topSchools: { name: string; participants: number }[];
  /** Months a note can be made for (YYYY-MM), oldest first, and the one to preselect. */
  periods: { key: string; label: string }[];
  defaultPeriod: string;
}

/** One row of «Журнал». */
export interface JournalRun {
  at: string;
  job: string;
  result: string;
  details: string;
  link: string;
  error: string;
}

/** What the health panel shows. */
export interface HealthData {
  /** `owner`: whose account runs them; counts are of the caller's own triggers (Google shows no others). */
  triggers: { formSubmit: number; daily: number; ok: boolean; owner: string; mine: boolean };
  runs: JournalRun[];
  mailQuota: number;
  /** Letters waiting in the mail queue for the next days. */
  mailQueued: number;
  /** When the monthly letters to ОУ of the latest month went out and how many wait. */
  schoolLetters: string;
  fileUpload: { present: boolean; instructions: string };
  /** Sources the projection cannot find (a red line each): the form's answers wait unplaced. */
  problems: string[];
  /** What «Проверять отправителя» needs from the form owner, when it is on; else ''. */
  senderCheck: string;
  /** Monthly jobs done after their day lately (after an outage): what was late and when done. */
  late: string[];
  /** Drive folders of the app found trashed, moved or gone lately, and what was done. */
  drive: string[];
}

/** One field of the settings form. */
export interface SettingsField {
  key: SettingKey;
  label: string;
  value: string;
}

/** The outcome of saveSettings. */
export interface SaveSettingsResult {
  ok: boolean;
  message: string;
  errors: Partial<Record<SettingKey, string>>;
  fields: SettingsField[];
}

/** Opens the sidebar of the master spreadsheet. */
export function showSidebar(): void {
  openSidebar('');
}

/** Shows the sidebar scrolled to the section `focus` ('' for the top). */
export function openSidebar(focus: string): void {
  showSidebarFile('Sidebar', { focus }, SIDEBAR_RU.title);
}

/** Key figures of the current month and school year, the quality queue and the top ОУ. */
export function getDashboard(): DashboardData {
  const { spreadsheet, settings } = requireStaff();
  const reference = readReference(spreadsheet);
  const derived = readDerived(spreadsheet);
  const records = <R>(schema: TabSchema<R>): R[] =>
    derivedRecords(derived.rows.get(schema.name) ?? [], schema);
  const period = periodOf(new Date());
  const stats = computeStatistics(
    {
      schools: reference.schools,
      events: reference.events,
      participants: records(PARTICIPANTS_SCHEMA),
      results: records(RESULTS_SCHEMA),
      reports: records(REPORTS_SCHEMA),
      orders: records(ORDERS_SCHEMA),
    },
    period,
  );
  const figures = (f: DashboardFigures): DashboardFigures => ({
    participants: f.participants,
    schoolsParticipating: f.schoolsParticipating,
    winners: f.winners,
    prizeWinners: f.prizeWinners,
  });
  const qualityNew = records(QUALITY_SCHEMA).filter(
    (q) => q.status === DOMAIN_RU.quality.statusNew,
  ).length;
  const qualitySheet = tabSheet(spreadsheet, QUALITY_TAB);
  const warnings: string[] = [];
  if (!settings.signatureName.trim()) warnings.push(SIDEBAR_RU.warnings.noSignatory);
  const undated = undatedEvents(reference.events).length;
  if (undated > 0) warnings.push(SIDEBAR_RU.warnings.undatedEvents(undated));
  return {
    period,
    periodLabel: formatMonthYear(period),
    schoolYearLabel: formatSchoolYearShort(stats.schoolYear),
    schoolsTotal: stats.schoolsTotal,
    month: figures(stats.month),
    year: figures(stats.yearToDate),
    registrations: stats.registrations.participants,
    warnings,
    qualityNew,
    qualityUrl: qualitySheet ? `${spreadsheet.getUrl()}#gid=${qualitySheet.getSheetId()}` : '',
    series: stats.series.map((p) => ({
      period: p.period,
      label: formatMonthYear(p.period),
      participants: p.participants,
    })),
    topSchools: stats.ratingYearToDate
      .filter((r) => r.participants > 0)
      .slice(0, 5)
      .map((r) => ({ name: r.name, participants: r.participants })),
    ...notePeriods(period),
  };
}

/** Makes the forms' dropdowns equal the reference tabs now, without waiting for the daily run. */
export function syncFormChoices(): string {
  const { spreadsheet, settings } = requireStaff();
  const changed = withLock(() =>
    syncAllChoices(readReference(spreadsheet), settings.reportDeadlineDay),
  );
  return SIDEBAR_RU.health.choicesSynced(changed);
}

/** Triggers, the last runs from «Журнал», the mail quota and the order form's upload question. */
export function getHealth(): HealthData {
  const { spreadsheet, settings, ownerOnly, refused } = requireStaff();
  const triggers = triggerStatus();
  const owner = triggerOwner();
  const mine = owner === '' || owner === effectiveUserEmail();
  const journal = readTable(tabSheet(spreadsheet, JOURNAL_TAB)).rows.filter((row) =>
    row.some((cell) => cell !== ''),
  );
  const runs = journal
    .slice(-10)
    .reverse()
    .map((row) => ({
      at: row[0] instanceof Date ? row[0].toISOString() : String(row[0] ?? ''),
      job: String(row[1] ?? ''),
      result: String(row[2] ?? ''),
      details: String(row[3] ?? ''),
      link: String(row[4] ?? ''),
      error: String(row[5] ?? ''),
    }));
  const upload = uploadState();
  const ledger = readLedger(spreadsheet);
  const problems = missingSources().map((m) =>
    RELIABILITY_RU.sources.healthLine(describeMissing([m]), formatDateNumeric(new Date(m.since))),
  );
  if (ownerOnly) problems.unshift(RELIABILITY_RU.access.unreadable);
  for (const key of SETTING_KEYS) {
    const problem = refused[key];
    if (problem) problems.push(SETTINGS_RU.tabValueRefused(problem));
  }
  return {
    triggers: {
      ...triggers,
      owner,
      mine,
      // Another staff member's triggers cannot be listed; trust the record of who installed them.
      ok: mine ? triggers.formSubmit === 1 && triggers.daily === 1 : owner !== '',
    },
    runs,
    mailQuota: remainingMailQuota(),
    mailQueued: ledger.entries.filter((e) => e.status === 'queued').length,
    schoolLetters: schoolLettersStatus(ledger),
    fileUpload: {
      present: upload.present,
      instructions: upload.instructions,
    },
    problems,
    senderCheck: settings.checkSender ? RELIABILITY_RU.senderCheck.instructions : '',
    late: lateLines(readProperty(PROPERTY_KEYS.dailyLate), new Date()),
    drive: folderRepairLines(new Date()),
  };
}

/** The settings as the form shows them. */
export function getSettings(): SettingsField[] {
  return settingsFields(requireStaff().settings);
}

/** Validates the form's values; valid ones are written to «Настройки» in one block. */
export function saveSettings(values: Record<string, unknown>): SaveSettingsResult {
  const { spreadsheet, settings: current } = requireStaff();
  const raw: Record<string, unknown> = {};
  // Fields the form did not send keep their current value.
  for (const key of SETTING_KEYS) raw[key] = settingToCell(key, current);
  for (const key of SETTING_KEYS) {
    const value = values !== null && typeof values === 'object' ? values[key] : undefined;
    if (value !== undefined && value !== null) raw[key] = String(value);
  }
  const { settings, errors } = parseSettings(raw);
  // Fail closed: on a shared drive (no owner) an empty list would let every editor in.
  if (settings.staff.length === 0 && !errors.staff && spreadsheet.getOwner() === null)
    errors.staff = SETTINGS_RU.staffEmptyShared(SETTINGS_RU.labels.staff);
  if (Object.keys(errors).length > 0) {
    return {
      ok: false,
      message: SIDEBAR_RU.settingsInvalid,
      errors,
      fields: settingsFields(current),
    };
  }
  withLock(() => {
    // The saved list decides who is staff: saved first, so the cell never shows a list that
    // was not saved; the protections follow it at once.
    saveStaff(settings.staff);
    const sheet = ensureSheet(spreadsheet, SETTINGS_TAB);
    const header: Row = [...SETTINGS_RU.header];
    const rows = safeRows([header, ...settingsRows(settings)], 3);
    sheet.getRange(1, 1, rows.length, 3).setValues(rows);
    syncProtections(protectedSheets(spreadsheet), settings.staff, true);
    if (settings.checkSender !== current.checkSender) setCollectEmail(settings.checkSender);
  });
  return {
    ok: true,
    message: SIDEBAR_RU.settingsSaved,
    errors: {},
    fields: settingsFields(settings),
  };
}

/** Creates (or replaces) the note of `period` and returns its link. */
export function generateNote(period: string): { id: string; url: string; name: string } {
  requireStaff();
  const id = generateMonthlyNote(checkPeriod(period));
  const file = fileLink(id);
  return { id, url: file.url, name: file.name };
}

/** Sends the summary email of `period`. */
export function sendSummary(period: string): SummaryStatus {
  requireStaff();
  const result = sendMonthlySummary(checkPeriod(period));
  return { sent: result.sent, queued: result.queued, message: result.message };
}

function checkPeriod(period: unknown): string {
  const text = argumentText(period).trim();
  if (!parsePeriod(text)) throw new Error(SIDEBAR_RU.badPeriod(text));
  return text;
}

function settingsFields(settings: Settings): SettingsField[] {
  return SETTING_KEYS.map((key) => ({
    key,
    label: SETTINGS_RU.labels[key],
    value: String(settingToCell(key, settings)),
  }));
}

/**
 * Months a note can be made for: the school year through this month; in September also the
 * previous school year, because the note for August is made then. The previous month is preselected.
 */
function notePeriods(current: string): {
  periods: { key: string; label: string }[];
  defaultPeriod: string;
} {
  const keys = schoolYearPeriodsThrough(current);
  const previous = addMonths(current, -1);
  if (schoolYearOfPeriod(previous) !== schoolYearOfPeriod(current))
    keys.unshift(...schoolYearPeriodsThrough(previous));
  return {
    periods: keys.map((key) => ({ key, label: formatMonthYear(key) })),
    defaultPeriod: previous,
  };
}
