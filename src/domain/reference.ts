/**
 * Default reference data that `setupSystem()` writes into the staff-owned reference tabs, drawn
 * from the seed plans and DOMAIN.md. Staff edit the tabs afterwards; the app reads the tabs, never
 * these constants, once the tabs exist. Organisers rename competencies every year — hence aliases.
 */
import type {
  AgeCategory,
  ChampionshipEvent,
  Competency,
  EventFormat,
  EventLevel,
  ResultKind,
} from './model';
import { moscowMidnight } from './text/dates';
import { matchKey } from './text/clean';

export const EVENT_LEVELS: readonly EventLevel[] = [
  'ОУ',
  'районный',
  'городской/региональный',
  'национальный',
];

export const EVENT_FORMATS: readonly EventFormat[] = [
  'очный',
  'дистанционный',
  'очно-дистанционный',
];

/** Result kinds in the order of the results form's dropdown, with what each counts as. */
export const RESULT_KINDS: ReadonlyArray<{
  kind: ResultKind;
  place: number | null;
  winner: boolean;
  prizeWinner: boolean;
}> = [
  { kind: 'Победитель (1 место)', place: 1, winner: true, prizeWinner: false },
  { kind: 'Призёр (2 место)', place: 2, winner: false, prizeWinner: true },
  { kind: 'Призёр (3 место)', place: 3, winner: false, prizeWinner: true },
  { kind: 'Медальон за профессионализм', place: null, winner: false, prizeWinner: false },
  { kind: 'Участник', place: null, winner: false, prizeWinner: false },
];

/** The rank of each result kind, best first: its place in RESULT_KINDS (winner 1 … participant 5). */
export const RESULT_RANK: Readonly<Record<ResultKind, number>> = Object.fromEntries(
  RESULT_KINDS.map((r, i) => [r.kind, i + 1]),
) as Record<ResultKind, number>;

/** The result kind of a typed answer («1 место», «золото», «призер 3 место»), or null. */
export function parseResultKind(value: unknown): ResultKind | null {
  const text = matchKey(value)
    .replace(/[().,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return null;
  const exact = RESULT_KINDS.find(
    (r) =>
      matchKey(r.kind)
        .replace(/[().,]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim() === text,
  );
  if (exact) return exact.kind;
  if (/медальон/.test(text)) return 'Медальон за профессионализм';
  if (/(^| )(1|i|перв\S*) место|победител|золот|^1$/.test(text)) return 'Победитель (1 место)';
  if (/(^| )(2|ii|втор\S*) место|серебр|^2$/.test(text)) return 'Призёр (2 место)';
  if (/(^| )(3|iii|трет\S*) место|бронз|^3$/.test(text)) return 'Призёр (3 место)';
  if (/^(участник|участие|участница|сертификат( участника)?|диплом участника)$/.test(text)) {
    return 'Участник';
  }
  return null;
}

const KIDSKILLS_CATEGORIES = [
  '5–7 лет',
  '8–10 лет',
  '6+',
  '8+',
  '1–2 класс',
  '3–4 класс',
  'Мастерята',
];
const KIDSKILLS_SCHOOL = ['8–10 лет', '8+', '1–2 класс', '3–4 класс'];
const JUNIOR_CATEGORIES = ['10+', '14+', 'Юниоры 14+'];

/** Age categories of the programmes (DOMAIN.md); `bounds` is what the category admits. */
export const DEFAULT_AGE_CATEGORIES: readonly AgeCategory[] = [
  { name: '5–7 лет', programme: 'KidSkills', bounds: '5–7 лет' },
  { name: '8–10 лет', programme: 'KidSkills', bounds: '8–10 лет' },
  { name: '6+', programme: 'KidSkills', bounds: '6–7 лет' },
  { name: '8+', programme: 'KidSkills', bounds: '8–10 лет' },
  { name: '1–2 класс', programme: 'KidSkills', bounds: '1–2 класс' },
  { name: '3–4 класс', programme: 'KidSkills', bounds: '3–4 класс' },
  { name: 'Мастерята', programme: 'KidSkills', bounds: '5–7 лет' },
  { name: '10+', programme: 'JuniorSkills', bounds: '10–13 лет' },
  { name: '14+', programme: 'JuniorSkills', bounds: '14–17 лет' },
  { name: 'Юниоры 14+', programme: 'Профессионалы', bounds: '14–17 лет' },
  { name: 'FamilySkills 10–14', programme: 'FamilySkills', bounds: '10–14 лет' },
];

function competency(
  name: string,
  programme: string,
  ageCategories: string[],
  aliases: string[] = [],
): Competency {
  return { name, programme, ageCategories, active: true, aliases };
}

/** Competencies named in seed 001 (JuniorSkills, also run for «Юниоры») and in KidSkills lists. */
export const DEFAULT_COMPETENCIES: readonly Competency[] = [
  competency('Токарные работы на станках с ЧПУ', 'JuniorSkills', JUNIOR_CATEGORIES, [
    'Токарная обработка на станках с ЧПУ',
    'Токарь на станках с ЧПУ',
  ]),
  competency('Фрезерные работы на станках с ЧПУ', 'JuniorSkills', JUNIOR_CATEGORIES, [
    'Фрезерная обработка на станках с ЧПУ',
  ]),
  competency('Электроника', 'JuniorSkills', JUNIOR_CATEGORIES),
  competency('Электромонтажные работы', 'JuniorSkills', JUNIOR_CATEGORIES, ['Электромонтаж']),
  competency('Лазерные технологии', 'JuniorSkills', JUNIOR_CATEGORIES),
  competency('Мехатроника', 'JuniorSkills', JUNIOR_CATEGORIES),
  competency('Инженерная графика', 'JuniorSkills', JUNIOR_CATEGORIES, ['Инженерная графика CAD']),
  competency(
    'Мобильная робототехника',
    'JuniorSkills',
    [...JUNIOR_CATEGORIES, ...KIDSKILLS_SCHOOL],
    ['Робототехника'],
  ),
  competency('Прототипирование', 'JuniorSkills', JUNIOR_CATEGORIES, ['3D-прототипирование']),
  competency('Аэрокосмическая инженерия', 'JuniorSkills', JUNIOR_CATEGORIES),
  competency('Сетевое и системное администрирование', 'JuniorSkills', JUNIOR_CATEGORIES, [
    'Сетевое администрирование',
    'Системное администрирование',
  ]),
  competency('Нейропилотирование', 'JuniorSkills', JUNIOR_CATEGORIES, ['Нейропилот']),
  competency('Кровельное дело', 'JuniorSkills', JUNIOR_CATEGORIES, ['Кровельные работы']),
  competency('Журналистика', 'JuniorSkills', JUNIOR_CATEGORIES),
  competency('Интернет вещей', 'JuniorSkills', JUNIOR_CATEGORIES, ['IoT', 'Интернет вещей (IoT)']),
  competency('Лабораторный химический анализ', 'JuniorSkills', JUNIOR_CATEGORIES, [
    'Химический анализ',
  ]),
  competency('Оператор генных трансформаций', 'JuniorSkills', JUNIOR_CATEGORIES),
  competency('Инженерный дизайн', 'JuniorSkills', JUNIOR_CATEGORIES, [
    'Инженерный дизайн CAD',
    'CAD',
  ]),
  competency('Мультимедийная журналистика', 'JuniorSkills', JUNIOR_CATEGORIES, [
    'Медиажурналистика',
  ]),
  competency('Сити-фермерство', 'KidSkills', KIDSKILLS_CATEGORIES, [
    'Ситифермерство',
    'Сити фермерство',
  ]),
  competency('Графический дизайн', 'KidSkills', [...KIDSKILLS_CATEGORIES, ...JUNIOR_CATEGORIES]),
  competency('Кулинарное дело', 'KidSkills', KIDSKILLS_CATEGORIES, ['Кулинария']),
  competency('Поварское дело', 'KidSkills', [...KIDSKILLS_SCHOOL, ...JUNIOR_CATEGORIES], ['Повар']),
  competency(
    'Кондитерское дело',
    'KidSkills',
    [...KIDSKILLS_SCHOOL, ...JUNIOR_CATEGORIES],
    ['Кондитер'],
  ),
  competency(
    'Технология моды',
    'KidSkills',
    [...KIDSKILLS_CATEGORIES, ...JUNIOR_CATEGORIES],
    ['Мода'],
  ),
  competency(
    'Флористика',
    'KidSkills',
    [...KIDSKILLS_CATEGORIES, ...JUNIOR_CATEGORIES],
    ['Флорист'],
  ),
  competency('Сервисная робототехника', 'KidSkills', KIDSKILLS_CATEGORIES),
  competency('Инженерия космических систем', 'KidSkills', [
    ...KIDSKILLS_SCHOOL,
    ...JUNIOR_CATEGORIES,
  ]),
  competency(
    'Эксплуатация БАС',
    'KidSkills',
    [...KIDSKILLS_SCHOOL, ...JUNIOR_CATEGORIES],
    ['Эксплуатация беспилотных авиационных систем', 'Эксплуатация беспилотных авиасистем', 'БАС'],
  ),
];

/**
 * Sample events of the 2021/2022 school year, after the seed plans (000: district KidSkills
 * monitoring, the «Мы – команда» festival; 002: a remote qualifying round of the regional
 * JuniorSkills championship). Dates are placeholders for staff to correct.
 */
export const SAMPLE_EVENTS: readonly ChampionshipEvent[] = [
  {
    name: 'Районный отборочный этап KidSkills',
    programme: 'KidSkills',
    level: 'районный',
    format: 'очный',
    start: moscowMidnight(2021, 11, 15),
    end: moscowMidnight(2021, 11, 19),
    registrationDeadline: moscowMidnight(2021, 11, 1),
  },
  {
    name: 'Отборочный (заочный) тур регионального чемпионата JuniorSkills',
    programme: 'JuniorSkills',
    level: 'городской/региональный',
    format: 'дистанционный',
    start: moscowMidnight(2021, 12, 6),
    end: moscowMidnight(2021, 12, 10),
    registrationDeadline: moscowMidnight(2021, 11, 22),
  },
  {
    name: 'Региональный чемпионат KidSkills Санкт-Петербурга',
    programme: 'KidSkills',
    level: 'городской/региональный',
    format: 'очно-дистанционный',
    start: moscowMidnight(2022, 3, 14),
    end: moscowMidnight(2022, 3, 18),
    registrationDeadline: moscowMidnight(2022, 2, 25),
  },
  {
    name: 'Детско-юношеский фестиваль «Мы – команда»',
    programme: 'KidSkills',
    level: 'районный',
    format: 'очный',
    start: moscowMidnight(2022, 4, 20),
    end: moscowMidnight(2022, 4, 22),
    registrationDeadline: moscowMidnight(2022, 4, 8),
  },
];

/**
 * The grade range a category admits, read from its bounds («3–4 класс» → 3..4; «14–17 лет» →
 * roughly grades 6..11, a child starts school at 6–7), or null when the bounds say neither.
 */
export function categoryGradeRange(category: AgeCategory): { min: number; max: number } | null {
  const text = category.bounds.replace(/\s+/g, ' ');
  const grades = /(\d{1,2})\s*[–—-]\s*(\d{1,2})\s*(класс|кл)/.exec(text);
  if (grades) return { min: Number(grades[1]), max: Number(grades[2]) };
  const ages = /(\d{1,2})\s*[–—-]\s*(\d{1,2})\s*(лет|год)/.exec(text);
  if (ages) {
    const min = Math.max(0, Number(ages[1]) - 8);
    return { min, max: Number(ages[2]) - 6 };
  }
  return null;
}
