/**
 * setupSystem: creates or repairs every tab, the four forms and their links, the dropdowns, the
 * default certificate templates and the two triggers. Idempotent: a second run changes nothing
 * and creates nothing twice. It also repairs what staff broke by hand: a form unlinked from the
 * spreadsheet is linked again, a question deleted from a form is added again (never a second copy
 * of one renamed), a deleted form still in Drive's trash is taken back; tabs and questions are
 * known by their recorded ids.
 */
import { FORMS } from '../domain/forms';
import { ensureTab } from '../workspace/tabs';
import { ensureForm, syncChoices, uploadQuestions } from '../workspace/forms';
import { installTriggers } from '../workspace/triggers';
import { requireStaff } from '../workspace/access';
import { effectiveUserEmail } from '../workspace/session';
import { formatPeriodKey, periodOf, schoolYearOf } from '../domain/text/periods';
import { writeJournal } from '../workspace/journal';
import { readReferenceChecked, seedReferenceTabs, writeRegistryFills } from '../workspace/master';
import { TABS } from '../domain/formRegistry';
import { REGISTRY_RU } from '../i18n/ru/registry';
import { withLock } from '../workspace/lock';
import { PROPERTY_KEYS, readProperty, writeProperty } from '../workspace/properties';
import { recordTabIds, tabSheet } from '../workspace/sources';
import { MAIL_TAB } from '../domain/schema';
import { enforceAccess } from './access';
import { choiceLists, recordChoicesSynced } from './choices';
import { checkSources } from './sources';
import { SETUP_RU } from '../i18n/ru/setup';
import { INTAKE_RU } from '../i18n/ru/intake';
import { ensureCertificateTemplates } from './certificates';
import { ensureDocumentTemplates } from './templates';

export interface SetupReport {
  changes: number;
  message: string;
  fileUploadPresent: boolean;
}

/** Creates or repairs the whole system; returns what it did in plain Russian. */
export function setupSystem(): SetupReport {
  const { spreadsheet, settings, ownerOnly } = requireStaff();
  return withLock(() => setUpUnderLock(spreadsheet, settings, ownerOnly), {
    busyMessage: INTAKE_RU.rebuildBusy,
  });
}

function setUpUnderLock(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: ReturnType<typeof requireStaff>['settings'],
  ownerOnly: boolean,
): SetupReport {
  if (!readProperty(PROPERTY_KEYS.firstPeriod)) {
    writeProperty(PROPERTY_KEYS.firstPeriod, formatPeriodKey(schoolYearOf(new Date()), 9));
    writeProperty(PROPERTY_KEYS.installedPeriod, periodOf(new Date()));
  }
  let changes = 0;
  if (spreadsheet.getSpreadsheetTimeZone() !== 'Europe/Moscow') {
    spreadsheet.setSpreadsheetTimeZone('Europe/Moscow');
    changes++;
  }
  const existing = new Set(spreadsheet.getSheets().map((s) => s.getName()));
  const ids: Record<string, number> = {};
  for (const tab of TABS) {
    const { changed, sheet } = ensureTab(spreadsheet, tab, existing);
    if (changed) changes++;
    ids[tab.name] = sheet.getSheetId();
  }
  recordTabIds(ids);
  const mail = tabSheet(spreadsheet, MAIL_TAB);
  if (mail && !mail.isSheetHidden()) {
    mail.hideSheet();
    changes++;
  }
  changes += seedReferenceTabs(spreadsheet);
  changes += ensureCertificateTemplates(spreadsheet, settings);
  changes += ensureDocumentTemplates(spreadsheet, settings);

  const { reference, check } = readReferenceChecked(spreadsheet);
  const filled = writeRegistryFills(spreadsheet, check.fills);
  const choices = choiceLists(reference, new Date(), settings.reportDeadlineDay);
  for (const definition of FORMS) {
    const { form, changed } = ensureForm(spreadsheet, definition, choices, settings.checkSender);
    if (changed) changes++;
    changes += syncChoices(form, definition, choices);
  }
  // The daily run visits the forms' dropdowns only when the lists differ from these.
  recordChoicesSynced(choices);
  const triggers = installTriggers(spreadsheet, settings.staff);
  changes += triggers.created + triggers.removed;
  const entries = enforceAccess(spreadsheet, settings, false, !ownerOnly);
  checkSources(spreadsheet);

  const upload = uploadState();
  const fileUploadPresent = upload.present;
  const message =
    SETUP_RU.done(changes) +
    (triggers.owner !== effectiveUserEmail()
      ? ' ' + SETUP_RU.triggersOwnedBy(triggers.owner)
      : '') +
    ' ' +
    upload.instructions;
  if (filled.length > 0) {
    entries.push({
      at: new Date(),
      job: 'ОУ',
      outcome: 'ok',
      details: REGISTRY_RU.filled(filled.length, filled.join(', ')),
    });
  }
  if (changes > 0) {
    entries.push({ at: new Date(), job: 'setupSystem', outcome: 'ok', details: message });
  }
  writeJournal(spreadsheet, entries);
  return { changes, message, fileUploadPresent };
}

/**
 * Whether the file-upload questions the operator adds by hand are there (forms with `upload`),
 * and what to tell the operator: setup's message and the sidebar's health check.
 */
export function uploadState(): { present: boolean; instructions: string } {
  const states = uploadQuestions();
  return {
    present: states.every((s) => s.present),
    instructions: states
      .map(({ definition, present }) => {
        const { question, fallback } = definition.upload ?? { question: '', fallback: '' };
        return present
          ? SETUP_RU.uploadPresent(definition.title, question)
          : SETUP_RU.uploadMissing(definition.title, question, fallback);
      })
      .join(' '),
  };
}
