/**
 * «Трудности и потребность в методической помощи» as schools write them, sorted into the themes
 * of DOMAIN.md («The preparation snapshot»). Schools write in a hurry: typos, several problems in
 * one answer, «трудностей нет» in a dozen ways, and sometimes «нет» before a real need («нет
 * оборудования»). So the answer is cut into clauses; a clause that only says there is no problem
 * (or that something is in place) is set aside; the rest are matched against word stems of each
 * theme, allowing one slip per stem; a clause about a need that matches no theme is «другое».
 */
import { foldLookalikes, foldYo } from './text/clean';
import { memoText } from './text/memo';

/** Themes of difficulties, in the order the note lists them. */
export const DIFFICULTY_THEMES = [
  'staff',
  'equipment',
  'methods',
  'time',
  'information',
  'funding',
  'other',
] as const;

export type DifficultyTheme = (typeof DIFFICULTY_THEMES)[number];

/**
 * Word stems of each theme (lower case, «е» for «ё»). A word matches when it starts with a stem;
 * stems of six letters or more also match with one slip (a typo), unless marked with «=»: those
 * would otherwise catch other words («станок» ~ «станов(ится)», «образц» ~ «образо(вание)»).
 */
const STEMS: Record<Exclude<DifficultyTheme, 'other'>, readonly string[]> = {
  staff: [
    'наставн',
    'педагог',
    'кадр',
    'специалист',
    'учител',
    'воспитател',
    'больничн',
    'декрет',
    'уволил',
    'увольн',
    'ваканс',
    'некому',
    'сотрудник=',
    'тренер=',
    'эксперт',
    'квалификац',
    'преподават',
  ],
  equipment: [
    'оборуд',
    'материал',
    'матерьял',
    'расходн',
    'станок=',
    'станк',
    'компьютер',
    'ноутбук',
    'планшет',
    'конструктор',
    'наборы=',
    'наборов=',
    'инструмент',
    'помещен',
    'кабинет',
    'площадк',
    'принтер',
    'лего',
    'lego',
    'интернет',
    'лиценз',
    'мебел',
    'оснащ',
    'инвентар',
  ],
  methods: [
    'методич',
    'методик',
    'методическ',
    'кейс',
    'задани',
    'критери',
    'регламент',
    'документац',
    'инфраструктурн',
    'консультац',
    'разъяснен',
    'образец=',
    'образц=',
    'опыт',
    'оценива',
  ],
  time: [
    'времен',
    'время',
    'нагрузк',
    'загружен',
    'загрузк',
    'перегруж',
    'расписани',
    'совмещ',
    'занятост',
    'сроки',
    'сжат',
    'каникул',
    'часов',
  ],
  information: [
    'информац=',
    'информир',
    'положени',
    'узнал',
    'оповещ',
    'рассылк',
    'объявлен',
    'сообщ',
    'сайт',
    'регистрац',
    'неизвестн',
    'ссылк',
  ],
  funding: [
    'финанс',
    'средств',
    'деньг',
    'денег',
    'денежн',
    'оплат',
    'бюджет',
    'закупк',
    'закупит',
    'взнос',
    'стоимост',
    'платн',
    'проезд',
    'транспорт',
    'командиров',
  ],
};

/** A clause that only says all is well: «нет», «не испытываем», «всё хорошо», «справляемся». */
const NOTHING =
  /^(нет|нету|отсутствуют|не имеется|не испытываем|не испытывали|не возникло|не возникали|не возникает|не выявлено|не нуждаемся|нет необходимости|все хорошо|все в порядке|все нормально|справляемся|без трудностей|0)$/;
/** Words that only frame «трудностей нет»: dropped before the clause is compared with NOTHING. */
const FRAME_STEMS = [
  'трудност',
  'затруднен',
  'проблем',
  'сложност',
  'потребност',
  'помощ',
  'необходимост',
  'методическ',
  'особ',
  'никак',
  'каких',
  'существенн',
  'серьезн',
];
const FRAME_WORDS = new Set([
  'и',
  'в',
  'на',
  'у',
  'нас',
  'мы',
  'пока',
  'что',
  'данный',
  'настоящее',
  'время',
  'момент',
  'этом',
  'месяце',
  'отчетном',
  'периоде',
]);
/** A clause stating that something is in place, with no «не»: «оборудование есть». */
const IN_PLACE = /(^| )(есть|имеется|имеются|достаточно|хватает|в наличии|обеспечен[аоы]?)( |$)/;
const NEGATION = /(^| )(не|нет|нехватк\S*|недостат\S*|отсутств\S*|без)( |$)/;

/** Lower case, «е» for «ё», Latin look-alikes folded, punctuation as spaces. */
function normalize(text: string): string {
  return foldYo(foldLookalikes(text.toLowerCase()))
    .replace(/[^a-zа-я0-9\s-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance, bounded: returns max + 1 as soon as it must exceed `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

const SOUNDS_ALIKE = ['оа', 'еи'];

function sameFirstLetter(a: string, b: string): boolean {
  return a === b || SOUNDS_ALIKE.some((pair) => pair.includes(a) && pair.includes(b));
}

/** A word matches a stem when it starts with it, or with it mistyped once (see STEMS). */
function wordMatches(word: string, entry: string): boolean {
  const exact = entry.endsWith('=');
  const stem = exact ? entry.slice(0, -1) : entry;
  if (word.startsWith(stem)) return true;
  if (exact || stem.length < 6 || word.length < stem.length - 1) return false;
  // A slip seldom hits the first letter, except the unstressed о/а and е/и people write by ear:
  // only such words are measured.
  if (!sameFirstLetter(word.charAt(0), stem.charAt(0))) return false;
  for (const length of [stem.length - 1, stem.length, stem.length + 1]) {
    if (length <= word.length && distance(word.slice(0, length), stem, 1) <= 1) return true;
  }
  return false;
}

function themesOf(clause: string): DifficultyTheme[] {
  const words = clause.split(' ').filter((w) => w.length >= 3);
  const found: DifficultyTheme[] = [];
  for (const theme of DIFFICULTY_THEMES) {
    if (theme === 'other') continue;
    if (STEMS[theme].some((stem) => words.some((w) => wordMatches(w, stem)))) found.push(theme);
  }
  return found;
}

/** Whether a clause says there is no difficulty (or that something is in place). */
function saysNothing(clause: string): boolean {
  if (NOTHING.test(clause)) return true;
  const rest = clause
    .split(' ')
    .filter((w) => !FRAME_WORDS.has(w) && !FRAME_STEMS.some((stem) => w.startsWith(stem)))
    .join(' ');
  if (rest === '' || NOTHING.test(rest)) return true;
  return IN_PLACE.test(clause) && !NEGATION.test(clause);
}

/** How an answer is read: no difficulty, or the themes it raises (at least one). */
export interface DifficultyReading {
  none: boolean;
  themes: DifficultyTheme[];
}

/**
 * Sorts one answer into themes; an empty answer, or one without any letter, raises none. Schools
 * repeat their answers month after month: each text is read once per execution.
 */
export function classifyDifficulty(text: string): DifficultyReading {
  return classifyOnce(text);
}

const classifyOnce = memoText(readDifficulty);

function readDifficulty(text: string): DifficultyReading {
  const normal = normalize(text);
  if (!/[а-я]/.test(normal)) return { none: true, themes: [] };
  const clauses = foldYo(foldLookalikes(text.toLowerCase()))
    .split(/[.;,!?\n]+|\s+(?:но|однако|а также)\s+/)
    .map(normalize)
    .filter((c) => c !== '');
  const themes = new Set<DifficultyTheme>();
  let needs = false;
  for (const clause of clauses) {
    if (saysNothing(clause)) continue;
    needs = true;
    for (const theme of themesOf(clause)) themes.add(theme);
  }
  if (!needs) return { none: true, themes: [] };
  if (themes.size === 0) themes.add('other');
  return { none: false, themes: DIFFICULTY_THEMES.filter((t) => themes.has(t)) };
}

/** The answer shortened for the note: at most `max` characters, cut at a word, with «…». */
export function shortenAnswer(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '') + '…';
}
