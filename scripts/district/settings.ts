/** «Настройки» of the synthetic district, typed as staff would (value column, row of the key). */
import type { Workspace } from '@opc/gas-emulator';
import { SETTINGS_TAB } from '../../src/domain/schema';

/** Writes one setting's value into «Настройки». */
export function setSetting(ws: Workspace, key: string, value: string): void {
  const rows = ws.sheetValues(SETTINGS_TAB);
  const r = rows.findIndex((row) => row[2] === key);
  if (r < 0) throw new Error(`district: «${SETTINGS_TAB}» has no row for ${key}`);
  ws.spreadsheet()
    .getSheetByName(SETTINGS_TAB)!
    .getRange(r + 1, 2)
    .setValue(value);
}

/**
 * Who receives the summary, who signs the note and the letters, the centre's contact, and the
 * approval block of the documents as in seed 000 («СОГЛАСОВАНО … УТВЕРЖДАЮ … Приказ от «28» июня
 * 2021 г. №24-ОД»).
 */
export const DISTRICT_SETTINGS = {
  recipients: 'otdel-obrazovaniya@nevsky.example, metodist@center.example',
  signatureName: 'Е. В. Французан',
  centreContact: 'тел. 8 (812) 417-00-00, opc@nevsky.example',
  certificatesToSchools: 'да',
  approverPosition: 'Заведующий ГБДОУ № 128 Невского района Санкт-Петербурга',
  approverName: 'Е. В. Французан',
  approvalOrderNumber: '24-ОД',
  approvalOrderDate: '28.06.2021',
  agreedPosition: 'Начальник отдела образования администрации Невского района Санкт-Петербурга',
  agreedName: 'Л. И. Чалганская',
} as const;

/** The district's settings: summary recipients (so summaries reach out/mail/), the signatory, the approval block. */
export function configureDistrict(ws: Workspace): void {
  for (const [key, value] of Object.entries(DISTRICT_SETTINGS)) setSetting(ws, key, value);
}
