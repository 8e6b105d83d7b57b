/**
 * The centre's settings («Настройки» tab, staff-owned): typed values, defaults, and validation
 * with plain-Russian messages for the sidebar's settings form.
 */
import { SETTINGS_RU } from '../i18n/ru/settings';
import { hasUnsafeCharacters } from './text/clean';
import { parseDateAnswer } from './text/dateAnswers';

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
  /** The monthly letter to every ОУ on the note day (on unless staff turn it off). */
  schoolLetters: boolean;
  /** Addresses of the centre that get a copy of every letter to an ОУ; none by default. */
  schoolLettersCopy: string[];
  /** The centre's phone and address as the letters to ОУ give them. */
  centreContact: string;
  /** After certificates are made, each ОУ gets a letter with the link to its folder. */
  certificatesToSchools: boolean;
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
  schoolLetters: true,
  schoolLettersCopy: [],
  centreContact: '',
  certificatesToSchools: false,
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
  'schoolLetters',
  'schoolLettersCopy',
  'centreContact',
  'certificatesToSchools',
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
  'centreContact',
  'approverPosition',
  'approverName',
  'approvalOrderNumber',
  'agreedPosition',
  'agreedName',
]);

const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/;

/** Whether a (lowercased, trimmed) text is one address the settings accept. */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text) && !hasUnsafeCharacters(text);
}

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

/** The longest single-line text setting (names, the folder, the signatory). */
export const MAX_TEXT_CHARS = 200;
/** The longest template reference (a link to a Google Doc). */
export const MAX_TEMPLATE_CHARS = 500;
/**
 * The longest address list, in characters as stored: the staff list is kept in one document
 * property, which holds 9 KB; so that it always fits, a list is at most this long.
 */
export const MAX_LIST_CHARS = 8000;

/** UTF-8 length of a string (what a document property counts). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Parses raw values (from the tab or the sidebar form). Fails closed: a value that does not parse
 * or would not fit where it is kept gets a message and is not taken — the default stands in its
 * place (the sidebar refuses to save while any message is left).
 */
export function parseSettings(raw: Partial<Record<string, unknown>>): SettingsResult {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const errors: Partial<Record<SettingKey, string>> = {};
  const own = (key: SettingKey): unknown =>
    Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined;
  const text = (key: SettingKey): string | null => {
    const value = own(key);
    return value === undefined || value === null ? null : String(value).trim();
  };
  for (const key of [
    'districtName',
    'centreName',
    'rootFolderName',
    'signaturePosition',
    'signatureName',
    'centreContact',
    'approverPosition',
    'approverName',
    'approvalOrderNumber',
    'agreedPosition',
    'agreedName',
  ] as const) {
    const value = text(key);
    const label = SETTINGS_RU.labels[key];
    if (value === null) continue;
    if (value === '' && !OPTIONAL_TEXT.has(key)) errors[key] = SETTINGS_RU.required(label);
    else if (value.length > MAX_TEXT_CHARS)
      errors[key] = SETTINGS_RU.tooLong(label, MAX_TEXT_CHARS);
    else if (hasUnsafeCharacters(value)) errors[key] = SETTINGS_RU.oneLine(label);
    else if (key === 'rootFolderName' && value.includes('/'))
      errors[key] = SETTINGS_RU.folderPath(label, value);
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
  for (const key of ['recipients', 'staff', 'schoolLettersCopy'] as const) {
    const value = text(key);
    if (value === null) continue;
    const label = SETTINGS_RU.labels[key];
    const emails = splitEmails(value);
    const bad = emails.filter((e) => !isEmailAddress(e));
    if (utf8Length(JSON.stringify(emails)) > MAX_LIST_CHARS || value.length > MAX_LIST_CHARS * 2)
      errors[key] = SETTINGS_RU.listTooLong(label, emails.length, MAX_LIST_CHARS);
    else if (bad.length > 0) errors[key] = SETTINGS_RU.badEmails(label, bad);
    else settings[key] = emails;
  }
  for (const key of ['noteDay', 'reportDeadlineDay'] as const) {
    const value = text(key);
    if (value === null || value === '') continue;
    // Digits only: «0x1a», «1e1», «５» or «5,0» are not a day of the month.
    const day = /^[0-9]{1,2}$/.test(value) ? Number(value) : NaN;
    if (!(day >= 1 && day <= 28)) errors[key] = SETTINGS_RU.badDay(SETTINGS_RU.labels[key], value);
    else settings[key] = day;
  }
  for (const key of TEMPLATE_SETTING_KEYS) {
    const value = text(key);
    if (value === null) continue;
    const label = SETTINGS_RU.labels[key];
    if (value.length > MAX_TEMPLATE_CHARS)
      errors[key] = SETTINGS_RU.tooLong(label, MAX_TEMPLATE_CHARS);
    else if (value !== '' && documentIdOf(value) === null)
      errors[key] = SETTINGS_RU.badTemplate(label, value);
    else settings[key] = value;
  }
  for (const key of [
    'nameWinners',
    'checkSender',
    'schoolLetters',
    'certificatesToSchools',
  ] as const) {
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
