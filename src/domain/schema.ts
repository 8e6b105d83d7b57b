/**
 * The one schema of the master spreadsheet: tab names, who owns each tab, column layouts with
 * Russian headers, record ↔ row mapping and header checks. Adapters and tests share it; tab names
 * and headers are a contract (staff formulas and the city roll-up read them), so they live here
 * rather than in the dictionary. The forms' questions are forms.ts; the settings, settings.ts.
 */
import type {
  AgeCategory,
  ChampionshipEvent,
  Competency,
  IssuedDocument,
  MonthlyReport,
  Participant,
  ParticipantResult,
  PlanRow,
  QualityIssue,
  School,
  SchoolOrder,
} from './model';
import { DOMAIN_RU } from '../i18n/ru/domain';
import { parseDateAnswer, parsePeriodAnswer, parseTimestamp } from './text/dateAnswers';
import { cleanText, fromSheetText, isBlank, matchKey } from './text/clean';
import { EVENT_FORMATS, EVENT_LEVELS, RESULT_KINDS } from './reference';
import { SETTINGS_RU } from '../i18n/ru/settings';

export const SCHOOLS_TAB = 'ОУ';
export const COMPETENCIES_TAB = 'Компетенции';
export const EVENTS_TAB = 'Мероприятия';
export const AGE_CATEGORIES_TAB = 'Возрастные категории';
export const PARTICIPANTS_TAB = 'Участники';
export const ORDERS_TAB = 'Приказы';
export const REPORTS_TAB = 'Отчёты ОУ';
export const RESULTS_TAB = 'Результаты';
export const STATISTICS_TAB = 'Статистика';
export const QUALITY_TAB = 'Требует проверки';
export const JOURNAL_TAB = 'Журнал';
export const PLAN_TAB = 'План работы';
export const CERTIFICATES_TAB = 'Грамоты';
/**
 * Settings live in a visible staff tab, not in script properties: staff can see and change them
 * without the sidebar, and they are copied with the spreadsheet. Secrets and technical state
 * (form ids, trigger ids, the participant-key salt, sent reminders) stay in document properties.
 */
export const SETTINGS_TAB = 'Настройки';
/** Linked response sheets are renamed «Ответы: <form title>» so dispatch can find them. */
export const RESPONSES_TAB_PREFIX = 'Ответы: ';

/** Who writes a tab: staff only; the app only (rebuilt from scratch); the app plus staff columns. */
export type TabOwner = 'staff' | 'derived' | 'derived+staff';

/** How a column's value is written and read. */
export type ColumnKind =
  'text' | 'integer' | 'number' | 'date' | 'datetime' | 'period' | 'yesno' | 'checkbox' | 'list';

/** Number formats the adapter sets on a column; `@` keeps «47» or «2021-10» as typed text. */
export const COLUMN_FORMAT: Readonly<Record<ColumnKind, string>> = {
  text: '@',
  integer: '0',
  number: '0.##',
  date: 'dd.MM.yyyy',
  datetime: 'dd.MM.yyyy HH:mm:ss',
  period: '@',
  yesno: '@',
  checkbox: '@',
  list: '@',
};

export interface ColumnDef<R> {
  field: keyof R & string;
  header: string;
  kind: ColumnKind;
  /** A dropdown the adapter puts on the column (staff-edited columns). */
  choices?: readonly string[];
  /** Staff may edit this column of a derived tab; a rebuild carries it over by row key. */
  staffEdited?: boolean;
  /**
   * A column added to a staff tab after it was in use: a tab without it still reads (the column
   * is empty) until setupSystem appends it; writers skip it meanwhile.
   */
  added?: boolean;
}

export interface TabSchema<R> {
  name: string;
  owner: TabOwner;
  columns: ReadonlyArray<ColumnDef<R>>;
  /** Fields that identify a row: a rebuild and an append keep one row per key. */
  keyFields: ReadonlyArray<keyof R & string>;
  /** Values for fields that have no column (computed by the domain after reading). */
  defaults: Partial<R>;
}

export const col = <R>(
  field: keyof R & string,
  header: string,
  kind: ColumnKind = 'text',
  extra: Partial<ColumnDef<R>> = {},
): ColumnDef<R> => ({ field, header, kind, ...extra });

export const SCHOOLS_SCHEMA: TabSchema<School> = {
  name: SCHOOLS_TAB,
  owner: 'staff',
  keyFields: ['key'],
  defaults: {},
  columns: [
    col('key', 'Ключ'),
    col('type', 'Тип', 'text', { choices: ['ДОУ', 'школа', 'ДО'] }),
    col('number', 'Номер'),
    col('officialName', 'Официальное название'),
    col('shortName', 'Краткое название'),
    col('district', 'Район'),
    col('emails', 'Email', 'list'),
    col('responsible', 'Ответственный'),
    col('aliases', 'Другие написания', 'list'),
  ],
};

export const COMPETENCIES_SCHEMA: TabSchema<Competency> = {
  name: COMPETENCIES_TAB,
  owner: 'staff',
  keyFields: ['name'],
  defaults: {},
  columns: [
    col('name', 'Компетенция'),
    col('programme', 'Программа'),
    col('ageCategories', 'Возрастные категории', 'list'),
    col('active', 'Активна', 'yesno', { choices: ['да', 'нет'] }),
    col('aliases', 'Другие названия', 'list'),
  ],
};

export const EVENTS_SCHEMA: TabSchema<ChampionshipEvent> = {
  name: EVENTS_TAB,
  owner: 'staff',
  keyFields: ['name'],
  defaults: {},
  columns: [
    col('name', 'Мероприятие'),
    col('programme', 'Программа'),
    col('level', 'Уровень', 'text', { choices: EVENT_LEVELS }),
    col('format', 'Формат', 'text', { choices: EVENT_FORMATS }),
    col('start', 'Дата начала', 'date'),
    col('end', 'Дата окончания', 'date'),
    col('registrationDeadline', 'Регистрация до', 'date'),
  ],
};

export const AGE_CATEGORIES_SCHEMA: TabSchema<AgeCategory> = {
  name: AGE_CATEGORIES_TAB,
  owner: 'staff',
  keyFields: ['name'],
  defaults: {},
  columns: [
    col('name', 'Возрастная категория'),
    col('programme', 'Программа'),
    col('bounds', 'Возраст или классы'),
  ],
};

export const PARTICIPANTS_SCHEMA: TabSchema<Participant> = {
  name: PARTICIPANTS_TAB,
  owner: 'derived',
  keyFields: ['id'],
  defaults: {},
  columns: [
    col('id', 'ID участника'),
    col('surname', 'Фамилия'),
    col('name', 'Имя'),
    col('schoolKey', 'ОУ'),
    col('classOrGroup', 'Класс / группа'),
    col('ageCategory', 'Возрастная категория'),
    col('competency', 'Компетенция'),
    col('event', 'Мероприятие'),
    col('team', 'Команда'),
    col('mentor', 'Наставник'),
    col('consent', 'Согласие', 'yesno'),
    col('registeredAt', 'Зарегистрирован', 'datetime'),
    col('orderStatus', 'Приказ'),
    col('result', 'Результат'),
    col('sourceResponseId', 'Ответ-источник'),
  ],
};

export const ORDERS_SCHEMA: TabSchema<SchoolOrder> = {
  name: ORDERS_TAB,
  owner: 'derived',
  keyFields: ['sourceResponseId'],
  defaults: {},
  columns: [
    col('schoolKey', 'ОУ'),
    col('number', 'Номер приказа'),
    col('date', 'Дата приказа', 'date'),
    col('event', 'Мероприятие'),
    col('fileLink', 'Файл приказа'),
    col('participantsNamed', 'Участники в приказе', 'list'),
    col('matched', 'Сопоставлено', 'integer'),
    col('unmatched', 'Не найдены среди зарегистрированных', 'list'),
    col('submittedAt', 'Получен', 'datetime'),
    col('sourceResponseId', 'Ответ-источник'),
  ],
};

export const REPORTS_SCHEMA: TabSchema<MonthlyReport> = {
  name: REPORTS_TAB,
  owner: 'derived',
  keyFields: ['schoolKey', 'period'],
  defaults: {},
  columns: [
    col('schoolKey', 'ОУ'),
    col('period', 'Отчётный месяц', 'period'),
    col('sessions', 'Занятий', 'integer'),
    col('pupilsInTraining', 'Обучающихся', 'integer'),
    col('mentors', 'Педагогов-наставников', 'integer'),
    col('eventsHeld', 'Проведённые мероприятия'),
    col('contests', 'Участие в конкурсах и чемпионатах'),
    col('difficulties', 'Трудности'),
    col('postReleaseUrl', 'Пост-релиз'),
    col('contact', 'Контактное лицо'),
    col('submittedAt', 'Получен', 'datetime'),
    col('onTime', 'В срок', 'yesno'),
    col('sourceResponseId', 'Ответ-источник'),
  ],
};

export const RESULTS_SCHEMA: TabSchema<ParticipantResult> = {
  name: RESULTS_TAB,
  owner: 'derived+staff',
  keyFields: ['participantId', 'event', 'competency'],
  defaults: {},
  columns: [
    col('participantId', 'ID участника'),
    col('schoolKey', 'ОУ'),
    col('event', 'Мероприятие'),
    col('competency', 'Компетенция'),
    col('participantName', 'Участник'),
    col('result', 'Результат', 'text', { choices: RESULT_KINDS.map((r) => r.kind) }),
    col('score', 'Баллы', 'number'),
    col('confirmed', 'Подтверждено', 'checkbox', { staffEdited: true }),
    col('submittedAt', 'Получен', 'datetime'),
    col('sourceResponseId', 'Ответ-источник'),
    col('confirmedAs', 'Подтверждено как', 'text', { staffEdited: true }),
  ],
};

/** Statuses of the data-quality queue; staff set them, a rebuild keeps them by issue key. */
export const QUALITY_STATUSES = [
  DOMAIN_RU.quality.statusNew,
  DOMAIN_RU.quality.statusFixed,
  DOMAIN_RU.quality.statusIgnored,
] as const;

export const QUALITY_SCHEMA: TabSchema<QualityIssue> = {
  name: QUALITY_TAB,
  owner: 'derived+staff',
  keyFields: ['key'],
  defaults: { status: DOMAIN_RU.quality.statusNew },
  columns: [
    col('key', 'Ключ'),
    col('detectedAt', 'Обнаружено', 'datetime'),
    col('form', 'Форма'),
    col('responseId', 'Ответ-источник'),
    col('field', 'Поле'),
    col('value', 'Значение'),
    col('problem', 'Проблема'),
    col('suggestion', 'Что сделать'),
    col('status', 'Статус', 'text', { choices: QUALITY_STATUSES, staffEdited: true }),
  ],
};

/**
 * «Журнал» and «Настройки» are written by their adapters (workspace/journal.ts, settings.ts),
 * not as records; their headers are listed here so every tab's layout is found in one place.
 */
export const JOURNAL_HEADER = ['Время', 'Задача', 'Результат', 'Подробности', 'Документ', 'Ошибка'];
/** The mail queue and its ledger: one row per letter, hidden (domain/mail.ts). */
export const MAIL_TAB = 'Почта';
export const MAIL_HEADER = [
  'ID письма',
  'Вид',
  'Кому',
  'ОУ',
  'Тема',
  'Текст',
  'HTML',
  'Вложение',
  'Отправитель',
  'Поставлено',
  'Статус',
  'Изменено',
  'Ошибка',
];
export const SETTINGS_HEADER: readonly string[] = SETTINGS_RU.header;

/**
 * The index of answers by ОУ, hidden, written only by the intake (domain/responseIndex.ts, which
 * lays out its columns from the form registry): not in TABS, the intake makes it.
 */
export const INDEX_TAB = 'Индекс ответов';

/** Marks of the work plan, as in seed 004's execution analysis. */
export const PLAN_MARKS = ['Выполнено', 'Выполнено частично', 'Не выполнено'] as const;

/**
 * «Срок» is what staff read and edit; «Срок с»/«Срок по» and «Срок распознан» are what the import
 * understood of it (jobs/plan.ts re-reads «Срок» and falls back to the dates only when the text
 * cannot be understood, so staff may type dates for «по графику»). Numbering restarts per section
 * in some plans, so a row is identified by section, number and title together.
 */
export const PLAN_SCHEMA: TabSchema<PlanRow> = {
  name: PLAN_TAB,
  owner: 'staff',
  keyFields: ['section', 'number', 'title'],
  defaults: {},
  columns: [
    col('plan', 'План'),
    col('section', 'Раздел'),
    col('number', '№ п/п'),
    col('title', 'Мероприятие'),
    col('deadlineText', 'Срок'),
    col('audience', 'Целевая аудитория'),
    col('responsible', 'Ответственный'),
    col('expectedResult', 'Ожидаемый результат'),
    col('document', 'Документ'),
    col('mark', 'Отметка о выполнении', 'text', { choices: PLAN_MARKS }),
    col('result', 'Результат', 'text', { added: true }),
    col('comment', 'Комментарий', 'text', { added: true }),
    col('deadlineFrom', 'Срок с', 'date'),
    col('deadlineTo', 'Срок по', 'date'),
    col('deadlineParsed', 'Срок распознан', 'yesno'),
    col('deadlineNote', 'Пояснение к сроку'),
  ],
};

/**
 * The documents generateCertificates made, one row per event edition, ОУ and kind; written by
 * the app only. A row is replaced when its ОУ's document is made again.
 */
export const CERTIFICATES_SCHEMA: TabSchema<IssuedDocument> = {
  name: CERTIFICATES_TAB,
  owner: 'derived',
  keyFields: ['event', 'eventStart', 'schoolKey', 'kind'],
  defaults: {},
  columns: [
    col('event', 'Мероприятие'),
    col('eventStart', 'Дата начала мероприятия', 'date'),
    col('schoolKey', 'ОУ'),
    col('kind', 'Документ'),
    col('pages', 'Страниц', 'integer'),
    col('documentUrl', 'Google Документ'),
    col('pdfUrl', 'PDF'),
    col('fingerprint', 'Отпечаток данных'),
    col('madeAt', 'Сформирован', 'datetime'),
  ],
};

/** The header row of a tab. */
export function headers<R>(schema: TabSchema<R>): string[] {
  return schema.columns.map((c) => c.header);
}

/** What `setupSystem()` needs to create or repair a tab. */
export interface TabLayout {
  name: string;
  owner: TabOwner;
  header: string[];
  /** Number format of each column: '@' keeps «5.4» or «12.10» typed by a school as text. */
  formats: string[];
  /** Staff tabs are read by header: setupSystem only appends missing columns (tabs.ts). */
  appendColumns?: boolean;
}

export const layout = <R>(schema: TabSchema<R>): TabLayout => ({
  name: schema.name,
  owner: schema.owner,
  header: headers(schema),
  formats: schema.columns.map((c) => COLUMN_FORMAT[c.kind]),
  ...(schema.owner === 'staff' ? { appendColumns: true } : {}),
});

/**
 * The tabs with a fixed header that no form fills, in the order `setupSystem()` lays them out
 * after the forms' tabs (TABS in formRegistry.ts). «Статистика» is not here: it is a report laid
 * out by statistics.ts, rewritten whole, not a table of records.
 */
export const FIXED_TABS: readonly TabLayout[] = [
  layout(QUALITY_SCHEMA),
  layout(SCHOOLS_SCHEMA),
  layout(EVENTS_SCHEMA),
  layout(COMPETENCIES_SCHEMA),
  layout(AGE_CATEGORIES_SCHEMA),
  layout(PLAN_SCHEMA),
  layout(CERTIFICATES_SCHEMA),
  { name: SETTINGS_TAB, owner: 'staff', header: [...SETTINGS_HEADER], formats: ['@', '@', '@'] },
  {
    name: JOURNAL_TAB,
    owner: 'derived',
    header: [...JOURNAL_HEADER],
    formats: [COLUMN_FORMAT.datetime, '@', '@', '@', '@', '@'],
  },
  {
    name: MAIL_TAB,
    owner: 'derived',
    header: [...MAIL_HEADER],
    formats: MAIL_HEADER.map((_, i) => (i === 9 || i === 11 ? COLUMN_FORMAT.datetime : '@')),
  },
];

const LIST_SEPARATOR = '; ';

/**
 * A text cell's value as the record holds it. The formula guard and the doubled leading
 * apostrophe are added once, where rows are written (workspace/table.ts `safeRows`): applied
 * twice, an apostrophe typed by a school would come out doubled.
 */
function textOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function writeCell(kind: ColumnKind, value: unknown): unknown {
  switch (kind) {
    case 'integer':
    case 'number':
      return typeof value === 'number' && isFinite(value) ? value : '';
    case 'date':
    case 'datetime':
      return value instanceof Date && !isNaN(value.getTime()) ? value : '';
    case 'yesno':
      return value === true ? DOMAIN_RU.schema.yes : value === false ? DOMAIN_RU.schema.no : '';
    case 'checkbox':
      return value === true;
    case 'list':
      return textOf(Array.isArray(value) ? value.map(String).join(LIST_SEPARATOR) : value);
    default:
      return textOf(value);
  }
}

function readCell(kind: ColumnKind, value: unknown): unknown {
  switch (kind) {
    case 'integer':
    case 'number': {
      if (typeof value === 'number') return isFinite(value) ? value : null;
      const text = cleanText(value).replace(/\s/g, '').replace(',', '.');
      if (!text || isNaN(Number(text))) return null;
      return kind === 'integer' ? Math.round(Number(text)) : Number(text);
    }
    case 'date': {
      if (isBlank(value)) return null;
      const parsed = parseDateAnswer(value);
      return parsed.ok ? parsed.date : null;
    }
    case 'datetime':
      return isBlank(value) ? null : parseTimestamp(value);
    case 'period': {
      if (isBlank(value)) return '';
      const parsed = parsePeriodAnswer(value);
      return parsed.ok ? parsed.period : cleanText(value);
    }
    case 'yesno':
    case 'checkbox':
      return value === true || /^(да|yes|true|1|\+|v|✓|✔)$/i.test(cleanText(value));
    case 'list':
      return cleanText(fromSheetText(value))
        .split(/\s*[;\n]\s*/)
        .map((item) => item.trim())
        .filter(Boolean);
    default:
      // Most cells are strings: answered before the Date test.
      if (typeof value === 'string') return cleanText(fromSheetText(value));
      return value instanceof Date ? value : cleanText(fromSheetText(value));
  }
}

/** A record as a sheet row in the tab's column order; text made formula-safe. */
export function toRow<R>(schema: TabSchema<R>, record: R): unknown[] {
  return schema.columns.map((c) => writeCell(c.kind, record[c.field]));
}

/** The 0-based position of a field's column in the tab's canonical layout. */
export function columnIndex<R>(schema: TabSchema<R>, field: keyof R & string): number {
  const index = schema.columns.findIndex((c) => c.field === field);
  if (index < 0) throw new Error(`schema: ${schema.name} has no column for ${field}`);
  return index;
}

/** Reads one field from rows in the tab's canonical order (cheaper than `fromRow` on big tabs). */
export function fieldReader<R, K extends keyof R & string>(
  schema: TabSchema<R>,
  field: K,
): (row: readonly unknown[]) => R[K] {
  const index = columnIndex(schema, field);
  const kind = schema.columns[index]!.kind;
  return (row) => readCell(kind, row[index]) as R[K];
}

/** A record from a row in the tab's canonical column order. */
export function fromRow<R>(schema: TabSchema<R>, row: readonly unknown[]): R {
  const record: Record<string, unknown> = { ...schema.defaults };
  schema.columns.forEach((c, i) => {
    record[c.field] = readCell(c.kind, row[i]);
  });
  return record as R;
}

export type HeaderCheck<R> =
  | { ok: true; fromRow: (row: readonly unknown[]) => R; positions: number[] }
  | { ok: false; missing: string[]; message: string };

/**
 * The reader of a tab as staff actually laid it out: columns are found by header (staff may
 * reorder or add columns), compared ignoring case, ё and spacing. Says in Russian which are missing.
 */
export function checkHeaders<R>(
  schema: TabSchema<R>,
  headerRow: readonly unknown[],
): HeaderCheck<R> {
  const found = headerRow.map((h) => matchKey(h));
  const positions = schema.columns.map((c) => found.indexOf(matchKey(c.header)));
  const missing = schema.columns
    .filter((c, i) => positions[i] === -1 && !c.added)
    .map((c) => c.header);
  if (missing.length) {
    return { ok: false, missing, message: DOMAIN_RU.schema.missingColumns(schema.name, missing) };
  }
  return {
    ok: true,
    positions,
    fromRow: (row) =>
      fromRow(
        schema,
        positions.map((p) => row[p]),
      ),
  };
}

/** The value of a record's row key, for idempotent appends and carrying staff columns over. */
export function rowKey<R>(schema: TabSchema<R>, record: R): string {
  return schema.keyFields
    .map((f) => {
      const value = record[f];
      return value instanceof Date ? value.toISOString() : matchKey(value);
    })
    .join('|');
}
