/**
 * Menu items that need a little UI around a job: a menu item calls a function without
 * arguments, so these pick the obvious argument and answer in an alert.
 */
import { QUALITY_SCHEMA, QUALITY_TAB, fieldReader } from '../domain/schema';
import { DOMAIN_RU } from '../i18n/ru/domain';
import { UI_RU } from '../i18n/ru/ui';
import { periodOf, previousPeriod, formatForMonth } from '../domain/text/periods';
import { requireStaff } from '../workspace/access';
import { readTable } from '../workspace/table';
import { generateMonthlyNote } from '../jobs/summary';
import { tabSheet } from '../workspace/sources';
import { documentUrl } from '../workspace/docRenderer';
import { alert } from '../workspace/ui';

/** «Сформировать справку…»: the note for the previous month; other months are in the panel. */
export function promptMonthlyNote(): void {
  const period = previousPeriod(periodOf(new Date()));
  const id = generateMonthlyNote(period);
  const url = documentUrl(id);
  alert(UI_RU.actions.noteDone(formatForMonth(period), url));
}

/** «Проверить данные»: opens «Требует проверки» and says how many new problems wait there. */
export function checkData(): void {
  const { spreadsheet } = requireStaff();
  const sheet = tabSheet(spreadsheet, QUALITY_TAB);
  const status = fieldReader(QUALITY_SCHEMA, 'status');
  const waiting = readTable(sheet).rows.filter(
    (row) => status(row) === DOMAIN_RU.quality.statusNew,
  ).length;
  if (sheet) spreadsheet.setActiveSheet(sheet);
  alert(UI_RU.actions.checkDone(waiting));
}
