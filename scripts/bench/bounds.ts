/**
 * The lower bound of each measured job: the fewest service calls it could make if every tab it
 * needs were read once, every block it writes written once and every document created once.
 * Navigation (getSheetByName, getRange, getDataRange, getBody) counts as free here, so the bound
 * is a floor: calls / bound shows how far a job is from reading and writing each thing once.
 */

/** One line of a bound: what the job must do and how many calls that takes at the least. */
export interface BoundItem {
  what: string;
  calls: number;
}

/** What the produced note holds, for the bound of the note (one append per block). */
export interface NoteShape {
  paragraphs: number;
  tables: number;
  images: number;
}

/** The four reference tabs an answer is checked against: ОУ, Компетенции, Мероприятия, Возрастные категории. */
const REFERENCE_TABS = 4;
/** The four raw response sheets, one per form. */
const RESPONSE_SHEETS = 4;
/** The five derived tabs: Участники, Приказы, Отчёты ОУ, Результаты, Требует проверки. */
const DERIVED_TABS = 5;
/** The forms whose dropdowns follow the reference. */
const FORMS = 4;
/** Inputs of the statistics: ОУ, Мероприятия and the four derived record tabs. */
const STATISTICS_INPUTS = 6;

/** The bound of each job, item by item (the comments are the reasons). */
export function boundOf(job: JobName, note?: NoteShape): BoundItem[] {
  switch (job) {
    case 'submit':
      return [
        { what: 'getActiveSpreadsheet', calls: 1 },
        { what: 'script lock: tryLock + releaseLock', calls: 2 },
        // The new row arrives in the event (namedValues, range): no read of the response sheet.
        { what: 'read the reference tabs the answer is matched against', calls: REFERENCE_TABS },
        { what: 'participant-id salt (document property)', calls: 1 },
        // Duplicates and row position need the participants already placed.
        { what: 'read «Участники»', calls: 1 },
        { what: 'append the team’s rows: one block', calls: 1 },
      ];
    case 'rebuildAll':
      return [
        { what: 'getActiveSpreadsheet', calls: 1 },
        { what: 'script lock: waitLock + releaseLock', calls: 2 },
        { what: 'read the response sheets', calls: RESPONSE_SHEETS },
        { what: 'read the reference tabs', calls: REFERENCE_TABS },
        { what: 'read «Настройки»', calls: 1 },
        // Staff columns (status, comments) of the derived tabs survive a rebuild: read them once.
        { what: 'read the derived tabs', calls: DERIVED_TABS },
        { what: 'participant-id salt', calls: 1 },
        { what: 'write each derived tab: one block', calls: DERIVED_TABS },
        { what: 'one «Журнал» row', calls: 1 },
      ];
    case 'daily':
      return [
        { what: 'getActiveSpreadsheet', calls: 1 },
        { what: 'script lock: tryLock + releaseLock', calls: 2 },
        { what: 'done markers and pending jobs: getProperties + setProperty', calls: 2 },
        // The catch-up reads what rebuildAll reads; after the evening's submit nothing is new,
        // so it writes nothing.
        { what: 'catch-up: read response sheets', calls: RESPONSE_SHEETS },
        { what: 'catch-up: read reference tabs', calls: REFERENCE_TABS },
        { what: 'catch-up: read «Настройки»', calls: 1 },
        { what: 'catch-up: read derived tabs', calls: DERIVED_TABS },
        { what: 'participant-id salt', calls: 1 },
        // Choices come from the reference already read; unchanged lists need no write.
        { what: 'dropdowns: openById + getItems per form', calls: 2 * FORMS },
        // The statistics reuse the records the catch-up has in memory.
        { what: 'write «Статистика»: one block', calls: 1 },
        { what: 'one «Журнал» row', calls: 1 },
      ];
    case 'note': {
      const shape = note ?? { paragraphs: 0, tables: 0, images: 0 };
      return [
        { what: 'getActiveSpreadsheet', calls: 1 },
        { what: 'script lock: waitLock + releaseLock', calls: 2 },
        { what: 'read «Настройки»', calls: 1 },
        { what: 'read the statistics inputs', calls: STATISTICS_INPUTS },
        { what: 'write «Статистика»: one block', calls: 1 },
        { what: 'note id of the month: get + set property', calls: 2 },
        { what: 'the month’s folder', calls: 1 },
        { what: 'DocumentApp.create + move into the folder', calls: 2 },
        { what: 'append each paragraph and list item', calls: shape.paragraphs },
        { what: 'append each table', calls: shape.tables },
        // A chart image needs its blob and its append.
        { what: 'chart images: blob + append', calls: 2 * shape.images },
        { what: 'saveAndClose', calls: 1 },
        { what: 'one «Журнал» row', calls: 1 },
      ];
    }
    case 'summary':
      return [
        { what: 'getActiveSpreadsheet', calls: 1 },
        { what: 'read «Настройки» (recipients)', calls: 1 },
        // The letter's figures equal the note's: the same inputs, computed again.
        { what: 'read the statistics inputs', calls: STATISTICS_INPUTS },
        { what: 'the month’s note: id property + file', calls: 2 },
        { what: 'one letter to all recipients', calls: 1 },
        { what: 'sent marker (document property)', calls: 1 },
        { what: 'one «Журнал» row', calls: 1 },
      ];
  }
}

/** The measured jobs, in the order they run. */
export const JOBS = ['rebuildAll', 'submit', 'daily', 'note', 'summary'] as const;
export type JobName = (typeof JOBS)[number];

/** Captions of the jobs in the report. */
export const JOB_TITLES: Record<JobName, string> = {
  rebuildAll: 'rebuildAll',
  submit: 'отправка формы',
  daily: 'ежедневный запуск',
  note: 'записка за месяц',
  summary: 'сводка по почте',
};

/** Sum of a bound's calls. */
export function total(items: BoundItem[]): number {
  return items.reduce((s, i) => s + i.calls, 0);
}
