/** The «Опорный центр» menu of the master spreadsheet. */
import { RU } from '../i18n/ru';
import { YEAR_CLOSE_RU } from '../i18n/ru/yearClose';
import { addMenu, isUnauthorised, type MenuEntry } from '../workspace/ui';

/** Menu captions and the public functions they call. */
export const MENU_ITEMS: { caption: string; functionName: string }[] = [
  { caption: RU.menu.setup, functionName: 'setupSystem' },
  { caption: RU.menu.sidebar, functionName: 'showSidebar' },
  { caption: RU.menu.note, functionName: 'promptMonthlyNote' },
  { caption: RU.menu.certificates, functionName: 'showCertificates' },
  { caption: RU.menu.rebuild, functionName: 'rebuildAll' },
  { caption: RU.menu.check, functionName: 'checkData' },
  { caption: RU.planUi.menuImport, functionName: 'showPlanImport' },
  { caption: RU.planUi.menuAnalysis, functionName: 'promptPlanAnalysis' },
  { caption: YEAR_CLOSE_RU.menu, functionName: 'showYearClose' },
];

/**
 * Adds the menu. In add-on mode before the user enables the add-on (AuthMode.NONE) only the
 * add-on menu may be created and no service that needs authorisation may be touched.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const entries: MenuEntry[] = [];
  MENU_ITEMS.forEach((item, index) => {
    if (index === 2) entries.push('separator');
    entries.push(item);
  });
  addMenu(RU.menu.title, entries, isUnauthorised(e));
}

/** Add-on install: the same menu as on open. */
export function onInstall(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  onOpen(e);
}
