/**
 * setupSystem: creates or repairs every tab, the four forms and their links, the dropdowns, the
 * default certificate templates and the two triggers. Idempotent: a second run changes nothing
 * and creates nothing twice.
 */
import { FORMS, ORDER_FORM, ORDER_FILE_QUESTION } from '../domain/forms';
import { ensureTab } from '../workspace/tabs';
import { ensureForm, hasFileUpload, openForm, syncChoices } from '../workspace/forms';
import { installTriggers } from '../workspace/triggers';
import { requireStaff } from '../workspace/access';
import { formatPeriodKey, schoolYearOf } from '../domain/text/periods';
import { writeJournal } from '../workspace/journal';
import { MASTER_TABS, readReference, seedReferenceTabs } from '../workspace/master';
import { choiceLists } from './choices';
import { SETUP_RU } from '../i18n/ru/setup';
import { ensureCertificateTemplates } from './certificates';

/** Document property: the first month the system covers (start of the school year it was set up in). */
export const FIRST_PERIOD_KEY = 'system.firstPeriod';

export interface SetupReport {
  changes: number;
  message: string;
  fileUploadPresent: boolean;
}

/** Creates or repairs the whole system; returns what it did in plain Russian. */
export function setupSystem(): SetupReport {
  const { spreadsheet, settings } = requireStaff();
  const properties = PropertiesService.getDocumentProperties();
  if (!properties.getProperty(FIRST_PERIOD_KEY)) {
    properties.setProperty(FIRST_PERIOD_KEY, formatPeriodKey(schoolYearOf(new Date()), 9));
  }
  let changes = 0;
  if (spreadsheet.getSpreadsheetTimeZone() !== 'Europe/Moscow') {
    spreadsheet.setSpreadsheetTimeZone('Europe/Moscow');
    changes++;
  }
  const existing = new Set(spreadsheet.getSheets().map((s) => s.getName()));
  for (const tab of MASTER_TABS) if (ensureTab(spreadsheet, tab, existing)) changes++;
  changes += seedReferenceTabs(spreadsheet);
  changes += ensureCertificateTemplates(spreadsheet, settings);

  const choices = choiceLists(readReference(spreadsheet), new Date());
  for (const definition of FORMS) {
    const { form, changed } = ensureForm(spreadsheet, properties, definition, choices);
    if (changed) changes++;
    changes += syncChoices(form, definition, choices);
  }
  const triggers = installTriggers(spreadsheet, settings.staff);
  changes += triggers.created + triggers.removed;

  const orderForm = openForm(properties, ORDER_FORM.kind);
  const fileUploadPresent = orderForm !== null && hasFileUpload(orderForm, ORDER_FILE_QUESTION);
  const message =
    SETUP_RU.done(changes) +
    (triggers.owner !== Session.getEffectiveUser().getEmail()
      ? ' ' + SETUP_RU.triggersOwnedBy(triggers.owner)
      : '') +
    ' ' +
    (fileUploadPresent ? SETUP_RU.uploadPresent : SETUP_RU.uploadMissing);
  if (changes > 0) {
    writeJournal(spreadsheet, [
      { at: new Date(), job: 'setupSystem', outcome: 'ok', details: message },
    ]);
  }
  return { changes, message, fileUploadPresent };
}
