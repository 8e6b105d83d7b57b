import {
  childKey,
  levenshtein,
  matchAgeCategory,
  matchCompetency,
  matchEvent,
  matchNamedParticipants,
  matchPerson,
  matchSchool,
  mergeRegistrations,
  participantKey,
  schoolCandidates,
  similarity,
  teamKey,
} from '../../src/domain/matching';
import type { Participant } from '../../src/domain/model';
import {
  DEFAULT_AGE_CATEGORIES,
  DEFAULT_COMPETENCIES,
  SAMPLE_EVENTS,
} from '../../src/domain/reference';
import { SCHOOL_INDEX } from './fixtures';

describe('similarity', () => {
  it('measures edits and shared trigrams', () => {
    expect(levenshtein('школа', 'шклоа')).toBe(2);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(similarity('Школа 47', 'школа 47')).toBe(1);
    expect(similarity('шклоа 47', 'школа 47')).toBeGreaterThan(0.7);
    expect(similarity('шклоа 47', 'детский сад 21')).toBeLessThan(0.3);
  });
});

describe('matchSchool', () => {
  it.each([
    ['Школа № 47', 'ШКОЛА-47', 'text'],
    ['ГБОУ СОШ № 47 имени Д.С. Лихачева', 'ШКОЛА-47', 'text'],
    ['сош47', 'ШКОЛА-47', 'key'],
    ['ГБOУ COШ № 47', 'ШКОЛА-47', 'key'],
    ['ГБДОУ № 47', 'ДОУ-47', 'key'],
    ['д/с 21', 'ДОУ-21', 'key'],
    ['ДДТ Невского района', 'ДО-СОВРЕМЕННИК', 'text'],
    ['ГБУ ДО ДДТ "Современник" Невского района', 'ДО-СОВРЕМЕННИК', 'key'],
    ['сто тридцать третья', 'ШКОЛА-133', 'text'],
  ])('%j → %s via %s', (typed, key, via) => {
    const match = matchSchool(typed, SCHOOL_INDEX);
    expect(match).toMatchObject({ status: 'matched', via });
    if (match.status === 'matched') expect(match.school.key).toBe(key);
  });

  it('offers candidates for a typo, the same number first', () => {
    const match = matchSchool('шклоа 47', SCHOOL_INDEX);
    expect(match.status).toBe('unmatched');
    if (match.status !== 'unmatched') return;
    expect(match.message).toContain('«шклоа 47»');
    expect(match.candidates.map((c) => c.school.key)[0]).toBe('ШКОЛА-47');
    expect(match.candidates.map((c) => c.school.key)).toContain('ДОУ-47');
    expect(match.candidates[0]!.score).toBeGreaterThan(match.candidates[1]!.score);
  });

  it('does not cross types: a school key missing from the registry is unmatched', () => {
    const match = matchSchool('ГБОУ СОШ № 21', SCHOOL_INDEX);
    expect(match.status).toBe('unmatched');
    if (match.status === 'unmatched') {
      expect(match.message).toContain('не найдено в реестре');
      expect(match.candidates[0]?.school.key).toBe('ДОУ-21');
    }
  });

  it('ranks candidates of a misspelt gymnasium by name', () => {
    const candidates = schoolCandidates('гимназя 116', SCHOOL_INDEX);
    expect(candidates[0]?.school.key).toBe('ШКОЛА-116');
  });

  it('gives nothing for an empty answer', () => {
    expect(schoolCandidates('', SCHOOL_INDEX)).toEqual([]);
  });
});

describe('reference lookups', () => {
  it('finds competencies by name or alias, ё and case ignored', () => {
    expect(matchCompetency('мехатроника', DEFAULT_COMPETENCIES)?.name).toBe('Мехатроника');
    expect(matchCompetency('IoT', DEFAULT_COMPETENCIES)?.name).toBe('Интернет вещей');
    expect(
      matchCompetency('Эксплуатация беспилотных авиационных систем', DEFAULT_COMPETENCIES)?.name,
    ).toBe('Эксплуатация БАС');
    expect(matchCompetency('Вязание', DEFAULT_COMPETENCIES)).toBeNull();
  });

  it('finds age categories whatever the dash and spacing', () => {
    expect(matchAgeCategory('5-7 лет', DEFAULT_AGE_CATEGORIES)?.name).toBe('5–7 лет');
    expect(matchAgeCategory('14 +', DEFAULT_AGE_CATEGORIES)?.name).toBe('14+');
    expect(matchAgeCategory('99+', DEFAULT_AGE_CATEGORIES)).toBeNull();
  });

  it('finds events by name', () => {
    expect(matchEvent('районный отборочный этап kidskills', SAMPLE_EVENTS)?.level).toBe('районный');
    expect(matchEvent('Олимпиада', SAMPLE_EVENTS)).toBeNull();
  });
});

describe('participantKey', () => {
  const base = {
    schoolKey: 'ШКОЛА-47',
    surname: 'Семёнова',
    name: 'Алёна',
    event: 'Районный отборочный этап KidSkills',
    competency: 'Мехатроника',
  };

  it('is P- and 10 Crockford base32 characters', () => {
    expect(participantKey(base)).toMatch(/^P-[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it('is stable across spelling noise: case, ё/е, spaces, Latin look-alikes', () => {
    const id = participantKey(base);
    expect(participantKey({ ...base, surname: ' СЕМЕНОВА ', name: 'алена' })).toBe(id);
    expect(participantKey({ ...base, surname: 'Сeмёнова' /* Latin e */ })).toBe(id);
    expect(participantKey({ ...base })).toBe(id);
  });

  it('differs by child, event, competency, school and salt', () => {
    const id = participantKey(base);
    expect(participantKey({ ...base, name: 'Анна' })).not.toBe(id);
    expect(participantKey({ ...base, competency: 'Электроника' })).not.toBe(id);
    expect(participantKey({ ...base, event: 'Другое' })).not.toBe(id);
    expect(participantKey({ ...base, schoolKey: 'ДОУ-47' })).not.toBe(id);
    expect(participantKey(base, 'secret')).not.toBe(id);
  });

  it('does not shift between parts («Ан|на» ≠ «Анн|а»)', () => {
    expect(participantKey({ ...base, surname: 'Ан', name: 'на' })).not.toBe(
      participantKey({ ...base, surname: 'Анн', name: 'а' }),
    );
  });

  it('has a known value (a regression guard: changing it renames every participant)', () => {
    expect(participantKey(base)).toBe(participantKey({ ...base }));
    expect(participantKey(base)).toMatchInlineSnapshot(`"P-1SFA3KED8C"`);
  });

  it('has child and team keys', () => {
    expect(childKey('ШКОЛА-47', 'Семёнова', 'Алёна')).toBe(
      childKey('ШКОЛА-47', 'семенова', 'алена'),
    );
    expect(childKey('ШКОЛА-47', 'Семёнова', 'Алёна')).toMatch(/^C-.{10}$/);
    expect(teamKey(['P-1', 'P-2'])).toBe(teamKey(['P-2', 'P-1']));
  });
});

describe('matchPerson', () => {
  const people = [
    { id: 'P-A', surname: 'Иванов', name: 'Пётр' },
    { id: 'P-B', surname: 'Петрова', name: 'Анна' },
    { id: 'P-C', surname: 'Петрова', name: 'Алла' },
  ];

  it('matches exactly with ё/е folded', () => {
    expect(matchPerson({ surname: 'Иванов', name: 'Петр', patronymic: '' }, people)).toEqual({
      status: 'matched',
      person: people[0],
      swapped: false,
    });
  });

  it('accepts name and surname swapped', () => {
    expect(matchPerson({ surname: 'Анна', name: 'Петрова', patronymic: '' }, people)).toMatchObject(
      {
        status: 'matched',
        swapped: true,
      },
    );
  });

  it('offers close candidates for a typo', () => {
    const match = matchPerson({ surname: 'Петрова', name: 'Ана', patronymic: '' }, people);
    expect(match.status).toBe('unmatched');
    if (match.status === 'unmatched') expect(match.candidates[0]?.person.id).toBe('P-B');
  });

  it('reports ambiguity when two registered children share the name', () => {
    const twins = [...people, { id: 'P-D', surname: 'Иванов', name: 'Петр' }];
    expect(matchPerson({ surname: 'Иванов', name: 'Пётр', patronymic: '' }, twins).status).toBe(
      'ambiguous',
    );
  });
});

describe('mergeRegistrations', () => {
  const entry = (over: Partial<Participant>): Participant => ({
    id: 'P-1',
    surname: 'Иванова',
    name: 'Анна',
    schoolKey: 'ШКОЛА-47',
    classOrGroup: '5А',
    ageCategory: '10+',
    competency: 'Мехатроника',
    event: 'Районный отборочный этап KidSkills',
    team: '',
    mentor: 'Петрова Мария Ивановна',
    consent: true,
    registeredAt: new Date(Date.UTC(2021, 9, 1)),
    orderStatus: 'нет',
    result: '',
    sourceResponseId: 'REG-2',
    ...over,
  });

  it('keeps one participant per id; the later answer wins; the first time is kept', () => {
    const later = entry({
      classOrGroup: '5Б',
      mentor: '',
      registeredAt: new Date(Date.UTC(2021, 9, 5)),
      sourceResponseId: 'REG-9',
    });
    const { participants, merges } = mergeRegistrations([later, entry({}), entry({ id: 'P-2' })]);
    expect(participants).toHaveLength(2);
    const merged = participants.find((p) => p.id === 'P-1')!;
    expect(merged.classOrGroup).toBe('5Б');
    expect(merged.mentor).toBe('Петрова Мария Ивановна'); // blank later answer does not erase
    expect(merged.registeredAt.toISOString()).toBe('2021-10-01T00:00:00.000Z');
    expect(merged.sourceResponseId).toBe('REG-9');
    expect(merges).toEqual([
      { participantId: 'P-1', responseIds: ['REG-2', 'REG-9'], changedFields: ['classOrGroup'] },
    ]);
  });

  it('reports nothing when there is nothing to merge', () => {
    expect(mergeRegistrations([entry({}), entry({ id: 'P-2' })]).merges).toEqual([]);
  });
});

describe('matchNamedParticipants', () => {
  const reg = (
    id: string,
    surname: string,
    name: string,
    schoolKey = 'ШКОЛА-47',
    event = 'E1',
  ) => ({
    id,
    surname,
    name,
    schoolKey,
    event,
  });
  const registered = [
    reg('P-1', 'Иванов', 'Пётр'),
    reg('P-2', 'Петрова', 'Анна'),
    reg('P-3', 'Петрова', 'Анна', 'ШКОЛА-74'),
    reg('P-4', 'Сидоров', 'Иван', 'ШКОЛА-47', 'E2'),
    reg('P-5', 'Орлова', 'Ольга'),
    reg('P-6', 'Орлова', 'Ольга'), // same child, another competency of the event
  ];
  const named = (surname: string, name: string) => ({ surname, name, patronymic: '' });

  it('matches within the ОУ and event and lists the rest with candidates', () => {
    const result = matchNamedParticipants(
      [
        named('Иванов', 'Петр'),
        named('Петрова', 'Ана'),
        named('Сидоров', 'Иван'),
        named('Орлова', 'Ольга'),
      ],
      registered,
      'ШКОЛА-47',
      'E1',
    );
    expect(result.matched.map((m) => m.person.id)).toEqual(['P-1', 'P-5', 'P-6']);
    expect(result.unmatched.map((u) => [u.named.surname, u.candidates.map((c) => c.id)])).toEqual([
      ['Петрова', ['P-2']],
      ['Сидоров', []],
    ]);
  });
});
