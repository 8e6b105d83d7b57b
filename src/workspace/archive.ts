/**
 * The archive of a closed school year: a spreadsheet «Архив 2021/2022» in the year's folder of
 * notes, one tab per table of domain/annual.ts (one setValues each), and a chart of the year by
 * month that the annual note shows. Found again by the id kept in the document properties; the
 * next year's statistics read its «Год» and «Месяцы» tabs (once per execution).
 */
import { readArchivedYear, type ArchiveTable } from '../domain/annual';
import type { ArchivedYear } from '../domain/statistics';
import { ARCHIVE_RU, ANNUAL_RU } from '../i18n/ru/yearClose';
import { PROPERTY_FAMILIES, PROPERTY_KEYS, readJsonProperty, readProperty } from './properties';
import { safeRows, type Row } from './table';
import type { TabChart } from './statisticsTab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Drive's type of a Google Sheet (MimeType.GOOGLE_SHEETS). */
const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';

/** The tab with the data of the annual note's chart (month, participants, medals). */
const CHART_TAB = 'Диаграмма';

/** The school years closed so far, oldest first. */
export function closedYears(): number[] {
  const years = readJsonProperty<number[]>(PROPERTY_KEYS.closedYears) ?? [];
  return years.filter((y) => typeof y === 'number').sort((a, b) => a - b);
}

/** Id of a year's archive spreadsheet, or null. */
export function archiveIdOf(schoolYear: number): string | null {
  return readProperty(PROPERTY_FAMILIES.archiveId(schoolYear));
}

/**
 * Writes the archive: a new spreadsheet moved into `folder` before it is filled with the tables and
 * the chart — an execution stopped by the time limit runs no `catch`, and a half-filled archive
 * left in My Drive would be found by nothing. Same-titled leftovers of an interrupted earlier
 * attempt are trashed, so the archive exists once: in the folder, any; in My Drive (an attempt
 * stopped between the creation and the move), only those created since `since` — the close's
 * start — so a file of staff's own with that title is never touched. Returns its id; the caller
 * records it only once it is checked.
 */
export function writeArchive(
  folder: GoogleAppsScript.Drive.Folder,
  title: string,
  tables: readonly ArchiveTable[],
  chart: { categories: string[]; series: Array<{ name: string; values: number[] }> },
  since: Date,
): string {
  const spreadsheet = SpreadsheetApp.create(title);
  const id = spreadsheet.getId();
  try {
    DriveApp.getFileById(id).moveTo(folder);
    const first = spreadsheet.getSheets()[0]!;
    tables.forEach((t, i) => {
      const sheet = i === 0 ? first.setName(t.name) : spreadsheet.insertSheet(t.name);
      const width = t.header.length;
      const rows = safeRows([t.header, ...t.rows] as Row[], width);
      fitSheet(sheet, rows.length, width);
      sheet.getRange(1, 1, rows.length, width).setValues(rows);
      sheet.getRange(1, 1, 1, width).setFontWeight('bold');
      sheet.setFrozenRows(1);
    });
    const sheet = spreadsheet.insertSheet(CHART_TAB);
    const rows = safeRows(
      [
        [ARCHIVE_RU.headers.period, ...chart.series.map((s) => s.name)],
        ...chart.categories.map((c, i) => [c, ...chart.series.map((s) => s.values[i] ?? 0)]),
      ] as Row[],
      chart.series.length + 1,
    );
    sheet.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows);
    if (chart.categories.length > 0) {
      sheet.insertChart(
        sheet
          .newChart()
          .setChartType(Charts.ChartType.COLUMN)
          .addRange(sheet.getRange(1, 1, rows.length, 1))
          .addRange(sheet.getRange(1, 2, rows.length, 1))
          .addRange(sheet.getRange(1, 3, rows.length, 1))
          .setOption('title', ANNUAL_RU.chartTitle)
          .setPosition(1, 5, 0, 0)
          .build(),
      );
    }
  } catch (error) {
    try {
      DriveApp.getFileById(id).setTrashed(true);
    } catch {
      // the original error matters more
    }
    throw error;
  }
  for (const [place, anyAge] of [
    [folder, true],
    [DriveApp.getRootFolder(), false],
  ] as const) {
    const same = place.getFilesByName(title);
    while (same.hasNext()) {
      const file = same.next();
      if (file.getId() === id || file.isTrashed()) continue;
      if (file.getMimeType() !== SPREADSHEET_MIME) continue;
      if (anyAge || file.getDateCreated().getTime() >= since.getTime()) file.setTrashed(true);
    }
  }
  return id;
}

/** A new sheet grown to hold `rows` × `columns` (it starts at 1000 × 26). */
function fitSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** The archive spreadsheet if it is still there (not trashed), else null. */
export function openArchive(id: string | null): Spreadsheet | null {
  if (!id) return null;
  try {
    if (DriveApp.getFileById(id).isTrashed()) return null;
    return SpreadsheetApp.openById(id);
  } catch {
    return null;
  }
}

const archives = new Map<string, ArchivedYear | null>();

/** A year's archive read back («Год» and «Месяцы», one read each), once per execution. */
export function readArchive(schoolYear: number): ArchivedYear | null {
  const id = archiveIdOf(schoolYear);
  if (!id) return null;
  if (archives.has(id)) return archives.get(id)!;
  const spreadsheet = openArchive(id);
  const values = (name: string): unknown[][] =>
    spreadsheet?.getSheetByName(name)?.getDataRange().getValues() ?? [];
  const year = spreadsheet
    ? readArchivedYear(values(ARCHIVE_RU.tabs.year), values(ARCHIVE_RU.tabs.months))
    : null;
  archives.set(id, year);
  return year;
}

/** The archive of the last closed year, the one the current year's dynamics compare with. */
export function lastArchivedYear(): ArchivedYear | null {
  const years = closedYears();
  const last = years[years.length - 1];
  return last === undefined ? null : readArchive(last);
}

/** The archive's chart with the data it shows, for the annual note's figure. */
export function archiveCharts(spreadsheet: Spreadsheet): TabChart[] {
  const sheet = spreadsheet.getSheetByName(CHART_TAB);
  if (!sheet) return [];
  const chart = sheet.getCharts()[0];
  if (!chart) return [];
  const [, ...rows] = sheet.getDataRange().getValues();
  return [
    {
      key: 'dynamics',
      chart,
      categories: rows.map((r) => String(r[0])),
      series: [rows.map((r) => Number(r[1])), rows.map((r) => Number(r[2]))],
    },
  ];
}
