/**
 * setupSystem's share for the centre's documents: a default Google Docs template for every
 * document kind (monthly note, annual note, plan analysis) whose setting is empty, in
 * «<папка>/Шаблоны/», its link written into «Настройки», every template shared with every staff
 * member so staff change the look without changing code. Returns the number of changes (0 on a
 * second run).
 */
import { DOCUMENT_KINDS, DOCUMENT_TEMPLATE_SETTING } from '../domain/documentTemplate';
import { documentIdOf, type SettingKey, type Settings } from '../domain/settings';
import { CERTIFICATES_RU } from '../i18n/ru/certificates';
import { shareWithStaff, templateAlive } from '../workspace/certificateTemplates';
import { createDefaultDocumentTemplate } from '../workspace/documentTemplates';
import { fileUrl, folderAt } from '../workspace/drive';
import { completeSettings } from '../workspace/master';
import { PROPERTY_FAMILIES, readAllProperties, writeProperty } from '../workspace/properties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Makes the missing default templates of the documents and records them in «Настройки». */
export function ensureDocumentTemplates(spreadsheet: Spreadsheet, settings: Settings): number {
  const stored = readAllProperties();
  let changes = 0;
  let folder: GoogleAppsScript.Drive.Folder | null = null;
  const fill: Partial<Record<SettingKey, string>> = {};
  for (const kind of DOCUMENT_KINDS) {
    const key = DOCUMENT_TEMPLATE_SETTING[kind];
    let id = documentIdOf(String(settings[key] ?? ''));
    if (!id) {
      id = stored[PROPERTY_FAMILIES.documentTemplate(kind)] ?? null;
      if (!id || !templateAlive(id)) {
        folder = folder ?? folderAt([settings.rootFolderName, CERTIFICATES_RU.templatesFolder]);
        id = createDefaultDocumentTemplate(kind, folder);
        writeProperty(PROPERTY_FAMILIES.documentTemplate(kind), id);
        changes++;
      }
      fill[key] = fileUrl(id);
    }
    try {
      changes += shareWithStaff(id, settings.staff);
    } catch {
      // A template of someone else's that this user cannot share: staff share it themselves.
    }
  }
  changes += completeSettings(spreadsheet, fill);
  return changes;
}
