/** Shared set-up of app tests: the real bundle on a fresh emulated workspace. */
import path from 'path';
import { createWorkspace, type DocumentView, type WorkspaceOptions } from '@opc/gas-emulator';
import { EVENTS_SCHEMA, SCHOOLS_SCHEMA, toRow } from '../../src/domain/schema';
import { generateRegistry, generateSeason } from '../../scripts/district/generate';
import { readChoices } from '../../scripts/district/choices';
import { FORMS_RU } from '../../src/i18n/ru/forms';
import type { School } from '../../src/domain/model';
import { NBSP } from '../../src/domain/text';

export const BUILD_DIR = path.resolve(__dirname, '../../build');

/** A small registry of ОУ as staff would paste it into «ОУ». */
export const SCHOOLS: School[] = [
  school('ШКОЛА-47', 'школа', '47', 'ГБОУ СОШ № 47 имени Д.С. Лихачева', 'ГБОУ СОШ № 47'),
  school('ШКОЛА-51', 'школа', '51', 'ГБОУ СОШ № 51 Петроградского района', 'ГБОУ СОШ № 51'),
  school('ДОУ-21', 'ДОУ', '21', 'ГБДОУ детский сад № 21 Невского района', 'ГБДОУ № 21'),
  school(
    'ДОУ-106',
    'ДОУ',
    '106',
    'ГБДОУ детский сад № 106 комбинированного вида Невского района',
    'ГБДОУ № 106',
  ),
];

function school(
  key: string,
  type: School['type'],
  number: string,
  officialName: string,
  shortName: string,
): School {
  return {
    key,
    type,
    number,
    officialName,
    shortName,
    district: 'Невский',
    emails: [`${key.toLowerCase()}@school.example`],
    responsible: 'Иванова А. А.',
    aliases: [],
  };
}

/** A workspace with the bundle loaded, the system set up and the registry filled. */
export function setUpDistrict(
  now = '2021-10-04T09:00:00+03:00',
  quotas?: { mailRecipientsPerDay?: number; documentsCreatedPerDay?: number },
) {
  const ws = createWorkspace({
    now,
    timeZone: 'Europe/Moscow',
    user: 'metodist@center.example',
    quotas,
  });
  const app = ws.loadBundle(BUILD_DIR);
  app.call('setupSystem');
  const sheet = ws.spreadsheet().getSheetByName('ОУ')!;
  sheet
    .getRange(2, 1, SCHOOLS.length, SCHOOLS_SCHEMA.columns.length)
    .setValues(SCHOOLS.map((s) => toRow(SCHOOLS_SCHEMA, s)) as never);
  app.call('setupSystem'); // refreshes the dropdowns from the registry
  return { ws, app };
}

/** setUpDistrict, and registration() answers from now on for the first event of «Мероприятия». */
export function district(
  ...args: Parameters<typeof setUpDistrict>
): ReturnType<typeof setUpDistrict> {
  const { ws, app } = setUpDistrict(...args);
  rememberFirstEvent(ws.sheetValues('Мероприятия'));
  return { ws, app };
}

export type Ws = ReturnType<typeof setUpDistrict>['ws'];
export type App = ReturnType<typeof setUpDistrict>['app'];

/** Types a value into «Настройки» by hand, as a staff member editing the cell would. */
export function setSetting(ws: Ws, key: string, value: string): void {
  const sheet = ws.spreadsheet().getSheetByName('Настройки')!;
  const row = sheet
    .getDataRange()
    .getValues()
    .findIndex((r) => r[2] === key);
  if (row < 0) throw new Error('no setting ' + key);
  sheet.getRange(row + 1, 2).setValue(value);
}

/** The value of a setting in «Настройки» (column B of the row whose key, column C, is `key`). */
export function settingValue(ws: Ws, key: string): unknown {
  return ws.sheetValues('Настройки').find((r) => r[2] === key)?.[1];
}

/** The rows of «Журнал» below its header, as text. */
export function journal(ws: Ws): string[][] {
  return ws
    .sheetValues('Журнал')
    .slice(1)
    .map((r) => r.map(String));
}

/** The values of a tab's column under `header`, header row excluded. */
export function column(ws: Ws, tab: string, header: string): unknown[] {
  const [head = [], ...rows] = ws.sheetValues(tab);
  const i = head.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${tab}`);
  return rows.map((r) => r[i]);
}

/** The values of each of `tabs`, to compare before and after. */
export function snapshot(ws: Ws, tabs: string[]): Record<string, unknown[][]> {
  return Object.fromEntries(tabs.map((tab) => [tab, ws.sheetValues(tab)]));
}

/** The most recent run of a bundle function (its service calls in `calls`). */
export function lastExecution(ws: Ws, functionName: string) {
  const all = ws.costs().executions.filter((e) => e.functionName === functionName);
  return all[all.length - 1]!;
}

/** The message a call fails with, or 'no error'. */
export function errorOf(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A monthly report of an ОУ («Ежемесячный отчёт ОУ») for `month` («сентябрь 2021»). */
export function monthlyReport(school: string, month = 'сентябрь 2021'): Record<string, string> {
  return {
    'Образовательное учреждение': school,
    'Отчётный месяц': month,
    'Проведено занятий по подготовке': '8',
    'Обучающихся в подготовке': '24',
    'Педагогов-наставников': '3',
    'Контактное лицо': 'Сидорова Анна',
  };
}

/** A registration answer for one or two children. */
export function registration(
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    'Образовательное учреждение': 'ГБОУ СОШ № 47',
    Мероприятие: firstEvent,
    Компетенция: 'Мобильная робототехника',
    'Возрастная категория': '10+',
    'Участник 1: фамилия': 'Иванова',
    'Участник 1: имя': 'Мария',
    'Участник 1: класс / группа': '5 «Б»',
    'Наставник: ФИО': 'Петров Пётр Петрович',
    'Наставник: email': 'petrov@school47.example',
    'Согласие законных представителей на обработку персональных данных получено': [
      'Да, согласие получено',
    ],
    ...overrides,
  };
}

/** A results answer («Результаты участия») for one child; by default a participant of 61 points. */
export function resultAnswer(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'Образовательное учреждение': 'ГБОУ СОШ № 47',
    Мероприятие: String(registration()['Мероприятие']),
    Компетенция: 'Мобильная робототехника',
    'Участник (Фамилия Имя)': 'Иванова Мария',
    Результат: 'Участник',
    Баллы: '61',
    ...overrides,
  };
}

export let firstEvent = 'Отборочный (заочный) тур регионального чемпионата JuniorSkills';
/** Reads the first event name from the seeded «Мероприятия» tab. */
export function rememberFirstEvent(values: unknown[][]): void {
  firstEvent = String(values[1]?.[0] ?? '');
}

/**
 * Staff date the first event of «Мероприятия» (start, end, registration deadline, Moscow days):
 * the figures of a month are those of the events that start in it, so a test that registers in
 * October for the seeded November event first moves the event to the month it looks at.
 */
export function scheduleFirstEvent(
  ws: ReturnType<typeof setUpDistrict>['ws'],
  start: string,
  end: string,
  deadline: string,
): void {
  const day = (iso: string): Date => new Date(`${iso}T00:00:00+03:00`);
  ws.spreadsheet()
    .getSheetByName('Мероприятия')!
    .getRange(2, 5, 1, 3)
    .setValues([[day(start), day(end), day(deadline)]] as never);
}

/**
 * The documents a job made: every Google Doc except the certificate templates setupSystem puts in
 * «<папка>/Шаблоны» (trashed ones included).
 */
export function madeDocuments(ws: { documents(): DocumentView[] }): DocumentView[] {
  return ws.documents().filter((d) => !d.folderPath.endsWith('/Шаблоны'));
}

/** Text with its no-break spaces (as in «октябрь 2021 г.») made plain spaces. */
export function plain(s: string): string {
  return s.split(NBSP).join(' ');
}

/**
 * A generated district of 12 ОУ (or `schools`) from 1 September 2021 (the bundle set up, the
 * registry pasted, the upload question added) and a season of its answers, not yet submitted:
 * `npm start`'s generator.
 */
export function generatedSeason(options: {
  seed: number;
  participants: number;
  to: string;
  schools?: number;
  workspace?: WorkspaceOptions;
}) {
  const ws = createWorkspace({
    now: '2021-09-01T08:00:00+03:00',
    user: 'metodist@center.example',
    ...options.workspace,
  });
  const app = ws.loadBundle(BUILD_DIR);
  app.call('setupSystem');
  const registry = generateRegistry(options.seed, options.schools ?? 12);
  ws.spreadsheet()
    .getSheetByName('ОУ')!
    .getRange(2, 1, registry.length, SCHOOLS_SCHEMA.columns.length)
    .setValues(registry.map((s) => toRow(SCHOOLS_SCHEMA, s)) as never);
  app.call('setupSystem');
  ws.uploadFileItem(FORMS_RU.titles.order, FORMS_RU.questions.orderFile);
  const choices = readChoices(
    ws,
    registry.map((s) => s.shortName),
  );
  const answers = generateSeason(registry, choices, {
    seed: options.seed,
    schools: registry.length,
    participants: options.participants,
    from: '2021-09-01',
    to: options.to,
  } as never);
  return { ws, app, registry, answers };
}

/** Next school year's first event, as staff add it in June; the forms' lists follow. */
export const NEXT_YEAR_EVENT = 'Отборочный этап KidSkills 2022/2023';

/** Staff add NEXT_YEAR_EVENT (26–30 September 2022) to «Мероприятия» and sync the forms. */
export function addNextYearEvent(ws: Ws, app: App): void {
  const events = ws.spreadsheet().getSheetByName('Мероприятия')!;
  const day = (iso: string): Date => new Date(`${iso}T00:00:00+03:00`);
  const row = toRow(EVENTS_SCHEMA, {
    name: NEXT_YEAR_EVENT,
    programme: 'JuniorSkills',
    level: 'районный',
    format: 'очный',
    start: day('2022-09-26'),
    end: day('2022-09-30'),
    registrationDeadline: day('2022-09-19'),
  });
  events.getRange(events.getLastRow() + 1, 1, 1, row.length).setValues([row] as never);
  app.call('syncFormChoices');
}
