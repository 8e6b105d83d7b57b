/** Shared set-up of app tests: the real bundle on a fresh emulated workspace. */
import path from 'path';
import { createWorkspace, type DocumentView } from '@opc/gas-emulator';
import { SCHOOLS_SCHEMA, toRow } from '../../src/domain/schema';
import type { School } from '../../src/domain/model';

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
