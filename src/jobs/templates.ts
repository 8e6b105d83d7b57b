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
type Folder = GoogleAppsScript.Drive.Folder;

/** One kind of template: its «Настройки» key, where its built-in copy's id is kept, how to make it. */
export interface TemplateSlot {
  setting: SettingKey;
  property: string;
  create: (folder: Folder) => string;
}

/**
 * The templates of `slots`: the built-in one made (in «<папка>/Шаблоны/») for every slot whose
 * setting is empty and whose earlier built-in copy is gone, its link written into «Настройки»;
 * every template, staff's own too, shared with every staff member. Returns the number of changes.
 */
export function ensureTemplates(
  spreadsheet: Spreadsheet,
  settings: Settings,
  slots: readonly TemplateSlot[],
): number {
  const stored = readAllProperties();
  let changes = 0;
  let folder: Folder | null = null;
  const fill: Partial<Record<SettingKey, string>> = {};
  for (const slot of slots) {
    let id = documentIdOf(String(settings[slot.setting] ?? ''));
    if (!id) {
      id = stored[slot.property] ?? null;
      if (!id || !templateAlive(id)) {
        folder = folder ?? folderAt([settings.rootFolderName, CERTIFICATES_RU.templatesFolder]);
        id = slot.create(folder);
        writeProperty(slot.property, id);
        changes++;
      }
      fill[slot.setting] = fileUrl(id);
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

/** Makes the missing default templates of the documents and records them in «Настройки». */
export function ensureDocumentTemplates(spreadsheet: Spreadsheet, settings: Settings): number {
  return ensureTemplates(
    spreadsheet,
    settings,
    DOCUMENT_KINDS.map((kind) => ({
      setting: DOCUMENT_TEMPLATE_SETTING[kind],
      property: PROPERTY_FAMILIES.documentTemplate(kind),
      create: (folder) => createDefaultDocumentTemplate(kind, folder),
    })),
  );
}
