/**
 * The synthetic district's calendar: the events staff add to «Мероприятия» for the school year,
 * spread from September to April, of every level. Two are typed in without a date, as happens:
 * the app counts their participants by registration and lists them in «Требует проверки». The
 * generator still needs to know when they were really held (`heldOn`), which the app never sees.
 */
import type { Workspace } from '@opc/gas-emulator';
import type { ChampionshipEvent } from '../../src/domain/model';
import { EVENTS_SCHEMA, EVENTS_TAB, toRow } from '../../src/domain/schema';

/** An event of the district's year; `heldOn` is the real start of an event typed without one. */
export interface DistrictEvent extends ChampionshipEvent {
  heldOn?: { start: Date; end: Date };
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00+03:00`);

function dated(
  name: string,
  programme: string,
  level: ChampionshipEvent['level'],
  format: ChampionshipEvent['format'],
  start: string,
  end: string,
  deadline: string,
): DistrictEvent {
  return {
    name,
    programme,
    level,
    format,
    start: day(start),
    end: day(end),
    registrationDeadline: day(deadline),
  };
}

/** Added to the seeded sample events (those keep their own dates). */
export const DISTRICT_EVENTS: readonly DistrictEvent[] = [
  dated(
    'Школьный турнир по робототехнике JuniorSkills',
    'JuniorSkills',
    'ОУ',
    'очный',
    '2021-09-27',
    '2021-09-28',
    '2021-09-22',
  ),
  dated(
    'Отборочный этап KidSkills в ОУ',
    'KidSkills',
    'ОУ',
    'очный',
    '2021-10-18',
    '2021-10-22',
    '2021-10-11',
  ),
  dated(
    'Районный чемпионат JuniorSkills',
    'JuniorSkills',
    'районный',
    'очный',
    '2022-01-24',
    '2022-01-28',
    '2022-01-14',
  ),
  dated(
    'Открытый районный чемпионат KidSkills «Мастерята»',
    'KidSkills',
    'районный',
    'очный',
    '2022-02-14',
    '2022-02-16',
    '2022-02-04',
  ),
  dated(
    'Финал регионального чемпионата JuniorSkills',
    'JuniorSkills',
    'городской/региональный',
    'очный',
    '2022-04-04',
    '2022-04-08',
    '2022-03-21',
  ),
  {
    name: 'Районный конкурс «Юный инженер»',
    programme: 'JuniorSkills',
    level: 'районный',
    format: 'очный',
    start: null,
    end: null,
    registrationDeadline: null,
    heldOn: { start: day('2021-11-25'), end: day('2021-11-26') },
  },
  {
    name: 'Онлайн-марафон KidSkills',
    programme: 'KidSkills',
    level: 'районный',
    format: 'дистанционный',
    start: null,
    end: null,
    registrationDeadline: null,
    heldOn: { start: day('2022-03-01'), end: day('2022-03-04') },
  },
];

/** Appends the district's events below the seeded ones in «Мероприятия», as staff would type them. */
export function addDistrictEvents(ws: Workspace): void {
  const sheet = ws.spreadsheet().getSheetByName(EVENTS_TAB)!;
  const rows = DISTRICT_EVENTS.map((e) => toRow(EVENTS_SCHEMA, e));
  sheet
    .getRange(sheet.getLastRow() + 1, 1, rows.length, EVENTS_SCHEMA.columns.length)
    .setValues(rows as never);
}

/** The real dates of the events typed without one, for the generator. */
export function hiddenEventDates(): Map<string, { start: Date; end: Date }> {
  return new Map(DISTRICT_EVENTS.filter((e) => e.heldOn).map((e) => [e.name, e.heldOn!] as const));
}
