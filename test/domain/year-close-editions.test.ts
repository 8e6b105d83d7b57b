/**
 * The year's close and events whose names repeat from year to year: a response belongs to the
 * edition the intake places it in, and the close writes the ids the intake makes (from the second
 * school year on, the edition's year is part of an id).
 */
import type { ChampionshipEvent } from '../../src/domain/model';
import { projectIntake, type RawForms, type ReferenceData } from '../../src/domain/intake';
import type { RawResponse } from '../../src/domain/responses';
import {
  planPseudonymisation,
  responseYearResolver,
  withoutClosedYears,
} from '../../src/domain/yearClose';
import { DEFAULT_AGE_CATEGORIES, DEFAULT_COMPETENCIES } from '../../src/domain/reference';
import { FORMS_RU } from '../../src/i18n/ru/forms';
import { SCHOOLS } from './fixtures';

const Q = FORMS_RU.questions;
const at = (iso: string): Date => new Date(`${iso}T12:00:00+03:00`);
const NAME = 'Районный отборочный этап KidSkills';
const edition = (year: number): ChampionshipEvent => ({
  name: NAME,
  programme: 'KidSkills',
  level: 'районный',
  format: 'очный',
  start: at(`${year}-11-15`),
  end: at(`${year}-11-15`),
  registrationDeadline: at(`${year}-11-01`),
});
const referenceWith = (events: ChampionshipEvent[]): ReferenceData => ({
  schools: SCHOOLS,
  competencies: [...DEFAULT_COMPETENCIES],
  events,
  ageCategories: [...DEFAULT_AGE_CATEGORIES],
});
const registration = (row: number, when: string, surname: string, name: string): RawResponse =>
  ({
    id: `REG-${row}`,
    row,
    timestamp: at(when),
    respondent: '',
    answers: {
      [Q.school]: 'Школа № 47',
      [Q.event]: NAME,
      [Q.competency]: 'Мобильная робототехника',
      [Q.ageCategory]: '10+',
      [Q.mentorName]: 'Петрова Анна Сергеевна',
      [Q.mentorEmail]: 'petrova@school.example',
      [Q.consent]: 'Да, согласие получено',
      [Q.p1Surname]: surname,
      [Q.p1Name]: name,
      [Q.p1Class]: '5А',
    },
  }) as RawResponse;
const raw: RawForms = {
  registration: [
    registration(2, '2021-10-20', 'Иванова', 'Мария'),
    registration(3, '2022-10-20', 'Орлова', 'Вера'),
  ],
  order: [],
  report: [],
  results: [],
};

describe.each([
  ['last year’s row above this year’s', [edition(2021), edition(2022)]],
  ['this year’s row above last year’s', [edition(2022), edition(2021)]],
])('two editions of one name (%s)', (_, events) => {
  const reference = referenceWith(events);

  test('each registration belongs to the school year of its own edition', () => {
    const yearOf = responseYearResolver(reference.events);
    expect(raw.registration.map((r) => yearOf('registration', r))).toEqual([2021, 2022]);
  });

  test('closing 2021/2022 keeps the next year’s edition in the tabs', () => {
    expect(withoutClosedYears(raw, reference.events, [2021]).registration.map((r) => r.id)).toEqual(
      ['REG-3'],
    );
    const open = projectIntake(raw, reference, {
      reportDeadlineDay: 5,
      salt: 's',
      closedYears: [2021],
      idYearFrom: 2021,
    });
    expect(open.participants.map((p) => p.surname)).toEqual(['Орлова']);
  });

  test('the close removes the names of its own year’s edition only', () => {
    const plan = planPseudonymisation(raw, reference, 's', 2021, undefined, 2021);
    expect([...new Set(plan.changes.registration.map((c) => c.row))]).toEqual([2]);
  });
});

test('from the second school year on, the close writes the ids the intake makes', () => {
  const reference = referenceWith([edition(2021)]);
  const one: RawForms = { ...raw, registration: [raw.registration[0]!] };
  const projected = projectIntake(one, reference, {
    reportDeadlineDay: 5,
    salt: 's',
    idYearFrom: 2020,
  });
  const plan = planPseudonymisation(one, reference, 's', 2021, undefined, 2020);
  expect(plan.changes.registration[0]!.value).toBe(projected.participants[0]!.id);
});
