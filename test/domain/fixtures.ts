import type { School } from '../../src/domain/model';
import { buildSchoolIndex } from '../../src/domain/matching';
import {
  DEFAULT_AGE_CATEGORIES,
  DEFAULT_COMPETENCIES,
  SAMPLE_EVENTS,
} from '../../src/domain/reference';
import type { IntakeContext } from '../../src/domain/validation';

const school = (
  key: string,
  type: School['type'],
  number: string,
  officialName: string,
  shortName: string,
  aliases: string[] = [],
): School => ({
  key,
  type,
  number,
  officialName,
  shortName,
  district: 'Невский',
  emails: [],
  responsible: '',
  aliases,
});

/** A small district registry: a school and a kindergarten share number 47. */
export const SCHOOLS: School[] = [
  school('ШКОЛА-47', 'школа', '47', 'ГБОУ СОШ № 47 имени Д.С. Лихачева', 'Школа № 47'),
  school('ДОУ-47', 'ДОУ', '47', 'ГБДОУ детский сад № 47 Невского района', 'Детский сад № 47'),
  school('ШКОЛА-74', 'школа', '74', 'ГБОУ СОШ № 74 Невского района', 'Школа № 74'),
  school('ШКОЛА-116', 'школа', '116', 'ГБОУ гимназия № 116', 'Гимназия № 116'),
  school('ДОУ-21', 'ДОУ', '21', 'ГБДОУ детский сад № 21 Невского района', 'Детский сад № 21'),
  school(
    'ДОУ-106',
    'ДОУ',
    '106',
    'ГБДОУ детский сад № 106 комбинированного вида Невского района',
    'Детский сад № 106',
  ),
  school('ДО-СОВРЕМЕННИК', 'ДО', '', 'ГБУ ДО ДДТ «Современник»', 'ДДТ «Современник»', [
    'ДДТ Невского района',
  ]),
  school('ШКОЛА-133', 'школа', '133', 'ГБОУ ЦО № 133', 'ЦО № 133', ['Сто тридцать третья']),
];

export const SCHOOL_INDEX = buildSchoolIndex(SCHOOLS);

/** 15 November 2021, 12:00 Moscow. */
export const NOW = new Date(Date.UTC(2021, 10, 15, 9, 0));

export function context(now: Date = NOW): IntakeContext {
  return {
    schools: SCHOOL_INDEX,
    events: SAMPLE_EVENTS,
    competencies: DEFAULT_COMPETENCIES,
    ageCategories: DEFAULT_AGE_CATEGORIES,
    now,
  };
}
