/**
 * The centre's settings («Настройки» tab, staff-owned): typed values, defaults, and validation
 * with plain-Russian messages for the sidebar's settings form.
 */
import { SETTINGS_RU } from '../i18n/ru/settings';
import { parseDateAnswer } from './normalize/date';

export interface Settings {
  districtName: string;
  centreName: string;
  /** Who receives the monthly summary. */
  recipients: string[];
  /** Staff allowed to act from the sidebar (the spreadsheet's owner always may). */
  staff: string[];
  /** Day of the month on which the previous month's note is generated and sent. */
  noteDay: number;
  /** Day of the month by which ОУ report for the previous month; reminders go out after it. */
  reportDeadlineDay: number;
  /** Drive folder (name under My Drive) holding the notes and the bank of orders. */
  rootFolderName: string;
  signaturePosition: string;
  signatureName: string;
  /**
   * The approval block of the centre's documents («УТВЕРЖДАЮ … Приказ от … № …», «СОГЛАСОВАНО …»):
   * who approves and by which order, who agrees. Empty fields leave their lines out.
   */
  approverPosition: string;
  approverName: string;
  approvalOrderNumber: string;
  /** As typed: «28.06.2021»; the documents write «28 июня 2021 г.». */
  approvalOrderDate: string;
  agreedPosition: string;
  agreedName: string;
  /** Winners may be named in documents only with the separate consent (152-ФЗ ст. 10.1). */
  nameWinners: boolean;
  /** Forms collect respondents' addresses; an answer from an address not listed for its ОУ is flagged. */
  checkSender: boolean;
  /**
   * Google Docs templates of diplomas, certificates and letters of thanks (a link or an id);
   * setupSystem fills them with its default templates, staff may point them to their own.
   */
  templateWinner: string;
  templatePrize: string;
  templateParticipant: string;
  templateMentor: string;
  /** Google Docs templates of the monthly note, the annual note and the plan analysis. */
  templateMonthlyNote: string;
  templateAnnualNote: string;
  templatePlanAnalysis: string;
}

export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  districtName: 'Невского',
  centreName: 'Районный опорный центр',
  recipients: [],
  staff: [],
  noteDay: 5,
  reportDeadlineDay: 5,
  rootFolderName: 'Мониторинг чемпионатов',
  signaturePosition: 'Руководитель опорного центра',
  signatureName: '',
  approverPosition: '',
  approverName: '',
  approvalOrderNumber: '',
  approvalOrderDate: '',
  agreedPosition: '',
  agreedName: '',
  nameWinners: false,
  checkSender: false,
  templateWinner: '',
  templatePrize: '',
  templateParticipant: '',
  templateMentor: '',
  templateMonthlyNote: '',
  templateAnnualNote: '',
  templatePlanAnalysis: '',
};

/** Order and captions of the settings rows in the tab. */
export const SETTING_KEYS: SettingKey[] = [
  'districtName',
  'centreName',
  'recipients',
  'staff',
  'noteDay',
  'reportDeadlineDay',
  'rootFolderName',
  'signaturePosition',
  'signatureName',
  'approverPosition',
  'approverName',
  'approvalOrderNumber',
  'approvalOrderDate',
  'agreedPosition',
  'agreedName',
  'nameWinners',
  'checkSender',
  'templateWinner',
  'templatePrize',
  'templateParticipant',
  'templateMentor',
  'templateMonthlyNote',
  'templateAnnualNote',
  'templatePlanAnalysis',
];

/** The settings that hold a template reference. */
export const TEMPLATE_SETTING_KEYS = [
  'templateWinner',
  'templatePrize',
  'templateParticipant',
  'templateMentor',
  'templateMonthlyNote',
  'templateAnnualNote',
  'templatePlanAnalysis',
] as const;

/**
 * The Google Docs id in a template reference: a document link («…/document/d/<id>/edit»), an
 * «open?id=» link or the bare id; null when there is none.
 */
export function documentIdOf(reference: string): string | null {
  const text = reference.trim();
  const inLink = /(?:\/d\/|[?&]id=)([A-Za-z0-9_-]{20,})/.exec(text);
  if (inLink) return inLink[1] ?? null;
  return /^[A-Za-z0-9_-]{20,}$/.test(text) ? text : null;
}

/** Text settings that may stay empty: their lines are left out of the documents. */
const OPTIONAL_TEXT: ReadonlySet<SettingKey> = new Set([
  'signatureName',
  'approverPosition',
  'approverName',
  'approvalOrderNumber',
  'agreedPosition',
  'agreedName',
]);

const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/;

/** Splits a list of addresses typed with commas, semicolons, spaces or new lines. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

/** The value as it is stored in the tab's «Значение» column. */
export function settingToCell(key: SettingKey, settings: Settings): string | number {
  const value = settings[key];
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  return value;
}

export interface SettingsResult {
  settings: Settings;
  /** Field → plain-Russian message; empty when every value is valid. */
  errors: Partial<Record<SettingKey, string>>;
}

/** Parses raw values (from the tab or the sidebar form); invalid ones keep the default. */
export function parseSettings(raw: Partial<Record<string, unknown>>): SettingsResult {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const errors: Partial<Record<SettingKey, string>> = {};
  const text = (key: SettingKey): string | null => {
    const value = raw[key];
    return value === undefined || value === null ? null : String(value).trim();
  };
  for (const key of [
    'districtName',
    'centreName',
    'rootFolderName',
    'signaturePosition',
    'signatureName',
    'approverPosition',
    'approverName',
    'approvalOrderNumber',
    'agreedPosition',
    'agreedName',
  ] as const) {
    const value = text(key);
    if (value === null) continue;
    if (value === '' && !OPTIONAL_TEXT.has(key))
      errors[key] = SETTINGS_RU.required(SETTINGS_RU.labels[key]);
    else if (value.length > 200) errors[key] = SETTINGS_RU.tooLong(SETTINGS_RU.labels[key]);
    else settings[key] = value;
  }
  const orderDate = text('approvalOrderDate');
  if (orderDate !== null) {
    if (orderDate !== '' && !parseDateAnswer(orderDate).ok)
      errors.approvalOrderDate = SETTINGS_RU.badDate(
        SETTINGS_RU.labels.approvalOrderDate,
        orderDate,
      );
    else settings.approvalOrderDate = orderDate;
  }
  for (const key of ['recipients', 'staff'] as const) {
    const value = text(key);
    if (value === null) continue;
    const emails = splitEmails(value);
    const bad = emails.filter((e) => !EMAIL.test(e));
    if (bad.length > 0) errors[key] = SETTINGS_RU.badEmails(SETTINGS_RU.labels[key], bad);
    else settings[key] = emails;
  }
  for (const key of ['noteDay', 'reportDeadlineDay'] as const) {
    const value = text(key);
    if (value === null || value === '') continue;
    const day = Number(value.replace(',', '.'));
    if (!Number.isInteger(day) || day < 1 || day > 28)
      errors[key] = SETTINGS_RU.badDay(SETTINGS_RU.labels[key], value);
    else settings[key] = day;
  }
  for (const key of TEMPLATE_SETTING_KEYS) {
    const value = text(key);
    if (value === null) continue;
    if (value !== '' && documentIdOf(value) === null)
      errors[key] = SETTINGS_RU.badTemplate(SETTINGS_RU.labels[key], value);
    else settings[key] = value;
  }
  for (const key of ['nameWinners', 'checkSender'] as const) {
    const value = text(key);
    if (value === null || value === '') continue;
    const yes = ['да', 'true', 'yes', '1'];
    const no = ['нет', 'false', 'no', '0'];
    const lower = value.toLowerCase();
    if (yes.includes(lower)) settings[key] = true;
    else if (no.includes(lower)) settings[key] = false;
    else errors[key] = SETTINGS_RU.badYesNo(SETTINGS_RU.labels[key], value);
  }
  return { settings, errors };
}
