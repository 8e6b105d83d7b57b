/**
 * The monthly analytic note as a Google Doc. One computation feeds both «Статистика» and the note,
 * so their figures agree. Re-generation replaces: the new document is finished and closed first,
 * then the month's pointer (a document property) is switched to it, and only then is the old note
 * trashed — a failure midway leaves the previous note linked and whole.
 */
import { buildMonthlyNote } from '../domain/note';
import { listWinners, type Statistics } from '../domain/statistics';
import { OUTPUTS_RU } from '../i18n/ru/outputs';
import { chartImagesFromTab, publishDocument } from '../workspace/docRenderer';
import { folderAt, isFileTrashed } from '../workspace/drive';
import { writeJournal, type JournalEntry } from '../workspace/journal';
import { readSettings } from '../workspace/master';
import { computeAndWriteStatistics, displayPeriod } from './statistics';
import {
  formatForMonth,
  formatMonthYear,
  formatSchoolYearShort,
  periodTiming,
  schoolYearOfPeriod,
} from '../domain/text/periods';
import { closedYears } from '../workspace/archive';
import { YEAR_CLOSE_RU } from '../i18n/ru/yearClose';
import type { StatisticsInput } from '../domain/statistics';
import { PROPERTY_FAMILIES, readJsonProperty, readProperty } from '../workspace/properties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property holding the id of the month's current note. */
export function noteKey(period: string): string {
  return PROPERTY_FAMILIES.noteId(period);
}

/** A finished note. */
export interface NoteRun {
  id: string;
  url: string;
  title: string;
  stats: Statistics;
}

/** Id of the month's note if it still exists outside the trash, else null. */
/** The figures of the month's note that its summary email repeats. */
export type NoteFigures = Pick<
  Statistics,
  'period' | 'month' | 'monthOnMonth' | 'schoolsTotal' | 'yearToDate' | 'ratingMonth'
> & {
  registrations?: Pick<Statistics['registrations'], 'participants'>;
  /** Made while the month was under way: never the edition a summary sends. */
  preliminary?: boolean;
};

/** Document property holding the figures the month's note was made with. */
export function noteFiguresKey(period: string): string {
  return PROPERTY_FAMILIES.noteFigures(period);
}

/** The note's figures kept small enough for a property: the rating is cut to its top. */
function noteFigures(stats: Statistics): NoteFigures {
  const { period, month, monthOnMonth, schoolsTotal, yearToDate } = stats;
  return {
    period,
    month,
    monthOnMonth,
    schoolsTotal,
    yearToDate,
    ratingMonth: stats.ratingMonth.slice(0, 3),
    registrations: { participants: stats.registrations.participants },
  };
}

/** The figures stored with the month's current note, or null. */
export function storedNoteFigures(period: string): NoteFigures | null {
  return readJsonProperty<NoteFigures>(noteFiguresKey(period));
}

export function existingNoteId(period: string): string | null {
  const id = readProperty(noteKey(period));
  if (!id) return null;
  try {
    return isFileTrashed(id) ? null : id;
  } catch {
    return null; // deleted for good or no longer shared with us
  }
}

/** Builds the month's note and makes it the current one; the caller holds the lock. */
export function createMonthlyNote(
  spreadsheet: Spreadsheet,
  period: string,
  input?: StatisticsInput,
): NoteRun {
  const timing = periodTiming(period, new Date());
  if (timing === 'future') throw new Error(OUTPUTS_RU.note.notBegun(formatMonthYear(period)));
  const settings = readSettings(spreadsheet);
  const year = schoolYearOfPeriod(period);
  if (closedYears().includes(year)) {
    throw new Error(
      YEAR_CLOSE_RU.closedYearNote(formatForMonth(period), formatSchoolYearShort(year)),
    );
  }
  const run = computeAndWriteStatistics(spreadsheet, period, input);
  const model = buildMonthlyNote(
    run.stats,
    {
      districtName: settings.districtName,
      centreName: settings.centreName,
      signaturePosition: settings.signaturePosition,
      signatureName: settings.signatureName,
      nameWinners: settings.nameWinners,
      // Names leave the spreadsheet only with the separate consent (152-ФЗ ст. 10.1).
      winners: settings.nameWinners ? listWinners(run.input, period) : undefined,
      preliminary: timing === 'current',
    },
    new Date(),
  );
  const folder = folderAt([
    settings.rootFolderName,
    OUTPUTS_RU.note.notesFolder,
    `${year}-${year + 1}`,
  ]);
  const images = chartImagesFromTab(model, run.charts);

  const figures: NoteFigures = { ...noteFigures(run.stats), preliminary: timing === 'current' };
  const { id, url, replaced, figuresAsTables } = publishDocument({
    kind: 'monthlyNote',
    folder,
    model,
    charts: images,
    key: noteKey(period),
    extra: { [noteFiguresKey(period)]: JSON.stringify(figures) },
    settings,
  });

  // «Статистика» shows the current month; a note for another month borrowed the tab for its
  // charts and gives it back.
  const current = displayPeriod(new Date());
  if (period !== current) {
    computeAndWriteStatistics(spreadsheet, current, run.input);
  }
  const entries: JournalEntry[] = [
    {
      at: new Date(),
      job: OUTPUTS_RU.note.job,
      outcome: 'ok',
      details: OUTPUTS_RU.note.done(model.title) + (replaced ? ' ' + OUTPUTS_RU.note.replaced : ''),
      link: url,
    },
  ];
  // A figure that had to be printed as a table is said where staff look, never silently.
  for (const line of figuresAsTables) {
    entries.push({
      at: new Date(),
      job: OUTPUTS_RU.note.job,
      outcome: 'warning',
      details: line,
      link: url,
    });
  }
  // A note without the signatory's name is not ready to sign: say so where staff look.
  if (!settings.signatureName.trim()) {
    entries.push({
      at: new Date(),
      job: OUTPUTS_RU.note.job,
      outcome: 'warning',
      details: OUTPUTS_RU.note.noSignatory,
      link: url,
    });
  }
  writeJournal(spreadsheet, entries);
  return { id, url, title: model.title, stats: run.stats };
}
