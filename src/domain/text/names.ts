/**
 * People's names: read as schools type them, and written in the six Russian cases.
 *
 * Reading: one parser (`parsePersonName`; `splitFullName` is the same parser for a line of a list,
 * with the list's numbering and class dropped and a line that is not a name refused) makes the
 * proper-case parts we store (ё kept as typed); `personMatchKey` is the comparison form.
 *
 * Writing («выражает благодарность Орловой Ирине Петровне»): the rules are lvovich's (MIT,
 * bundled): it was chosen over petrovich by the tests in test/domain/names.test.ts — both decline
 * the same real names equally well, but petrovich tells gender only from a patronymic (children
 * have none here) and loses «ё» (Королёва → «Королёве»). What lvovich lacks is patched here, in
 * one small table. Gender comes from the patronymic, then the first name, then an unambiguous
 * surname («Саша Иванова»); when none tells, `genderOf` answers null and callers keep the
 * nominative.
 */ import {
  getFirstnameGender,
  getLastnameGender,
  getMiddlenameGender,
  inclineFirstname,
  inclineLastname,
  inclineMiddlename,
} from 'lvovich/esm/index.js';
import { cleanLine, foldToDominantScript, matchKey } from './clean';
import { memoText } from './memo';

/** The six cases, by their English names (lvovich's and the template engine's). */
export type GrammaticalCase =
  'nominative' | 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';

export const GRAMMATICAL_CASES: readonly GrammaticalCase[] = [
  'nominative',
  'genitive',
  'dative',
  'accusative',
  'instrumental',
  'prepositional',
];

export type Gender = 'male' | 'female';

/** A person's name split into parts; `patronymic` may be '' (children) or two words («Гусейн оглы»). */
export interface PersonName {
  surname: string;
  name: string;
  patronymic: string;
}

/** Parts of Turkic patronymics and particles that stay lowercase inside a full name. */
const LOWERCASE_PARTS = new Set(['оглы', 'кызы', 'улы', 'уулу', 'ибн', 'фон', 'де', 'ван', 'ди']);

function capitalise(part: string): string {
  if (!part) return part;
  const lower = part.toLowerCase();
  if (LOWERCASE_PARTS.has(lower)) return lower;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** A name part in proper case: «иванова» → «Иванова», «ПЕТРОВА-водкина» → «Петрова-Водкина». */
export const normalizePersonName = memoText((typed) => {
  const text = foldToDominantScript(cleanLine(typed))
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/[’`ʼ]/g, "'")
    .replace(/[.,;]+$/, '');
  return text
    .split(' ')
    .map((word) =>
      word
        .split('-')
        .map((part) => part.split("'").map(capitalise).join("'"))
        .join('-'),
    )
    .join(' ');
});

/** Whether a name part looks like a name: letters (Cyrillic or Latin), hyphen, apostrophe, space. */
export function isPlausibleNamePart(value: string): boolean {
  return /^[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё' -]{0,49}$/.test(value) && !/--|''/.test(value);
}

/** «Петров Пётр Петрович» (typed in any case, with extra spaces) as its parts, in proper case: the
 * one name parser, for the names we store, match and decline. */
export function parsePersonName(typed: unknown): PersonName {
  const words = normalizePersonName(cleanLine(typed)).split(' ').filter(Boolean);
  return {
    surname: words[0] ?? '',
    name: words[1] ?? '',
    patronymic: words.slice(2).join(' '),
  };
}

/**
 * A «Фамилия Имя» line of an order or a results answer, or null when it holds fewer than two
 * words or an abbreviation. Leading numbering («1.», «2)», «–»), a trailing class in brackets («(5А)») and trailing
 * punctuation are dropped.
 */
export function splitFullName(line: unknown): PersonName | null {
  const text = cleanLine(line)
    .replace(/^\s*(\d{1,3}\s*[.)]|[-–—•*·])\s*/, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/,?\s*\d{1,2}\s*[-–]?\s*[а-яА-Я]?\s*(класс|кл\.?)?\s*$/, '')
    .replace(/[.,;:]+$/, '')
    .trim();
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 2) return null;
  // An abbreviation («см. приложение», «Иванов П. С.») is not a surname or a first name.
  if (/\.$/.test(words[0] ?? '') || /\.$/.test(words[1] ?? '')) return null;
  return parsePersonName(text);
}

/** The lines of a multi-line «по одному в строке» answer; commas and semicolons also split. */
export function splitNameLines(value: unknown): string[] {
  const text = String(value ?? '');
  return text
    .split(/\r?\n|;|,(?!\s*\d)/)
    .map((line) => cleanLine(line))
    .filter((line) => line !== '');
}

/** The comparison form of a person: «Семёнова Анна» and «семенова анна» are the same child. */
export function personMatchKey(surname: string, name: string): string {
  return `${matchKey(surname)}|${matchKey(name)}`;
}

/** «Фамилия Имя» as one string; an id standing for a name (its name part empty) stays alone. */
export function fullNameText(person: { surname: string; name: string }): string {
  return person.name ? `${person.surname} ${person.name}` : person.surname;
}

/** First names lvovich does not know, common in Russian schools (checked by the tests). */
const FIRST_NAME_GENDER: Readonly<Record<string, Gender>> = {
  любовь: 'female',
  нинель: 'female',
  иоганн: 'male',
  мишель: 'male',
};

/** The name in proper case, parts joined by single spaces: «ОРЛОВА  ирина» → «Орлова Ирина». */
export function formatPersonName(person: PersonName): string {
  return [person.surname, person.name, person.patronymic]
    .map((part) => normalizePersonName(part))
    .filter(Boolean)
    .join(' ');
}

function known(gender: string | null): Gender | null {
  return gender === 'male' || gender === 'female' ? gender : null;
}

/** Gender of one first name, or null for Саша, Женя and names neither we nor lvovich know. */
function firstNameGender(name: string): Gender | null {
  // A hyphenated name («Анна-Мария», «Жан-Поль») takes the gender of its first part.
  const first = name.split('-')[0] ?? '';
  return FIRST_NAME_GENDER[matchKey(first)] ?? known(getFirstnameGender(first));
}

/**
 * Gender from the patronymic («…вич» / «…вна», «оглы» / «кызы»), then the first name, then a
 * surname that only one gender has («Иванова», «Горький»); null when nothing tells for sure.
 */
export function genderOf(person: PersonName): Gender | null {
  const p = proper(person);
  if (p.patronymic) {
    const byPatronymic = known(getMiddlenameGender(p.patronymic));
    if (byPatronymic) return byPatronymic;
  }
  if (p.name) {
    const byName = firstNameGender(p.name);
    if (byName) return byName;
  }
  if (p.surname) {
    // Only a surname with a gendered ending decides: «Кузьмич», «Шевченко», «Белых» do not.
    const parts = p.surname.split(/[\s-]+/).filter(Boolean);
    const genders = parts.map((part) => known(getLastnameGender(part)));
    const first = genders[0] ?? null;
    if (first && genders.every((g) => g === first)) return first;
  }
  return null;
}

function proper(person: PersonName): PersonName {
  return {
    surname: normalizePersonName(person.surname),
    name: normalizePersonName(person.name),
    patronymic: normalizePersonName(person.patronymic),
  };
}

/** Each space-separated word of a part declined alone («Иванова Кузьмич» as two surnames). */
function eachWord(part: string, decline: (word: string) => string): string {
  return part
    .split(' ')
    .map((word) => (word ? decline(word) : word))
    .join(' ');
}

/**
 * The name in `grammaticalCase` for a person of `gender`. Without a gender (or in the nominative)
 * the name is only put in proper case: a wrong ending is worse than none.
 */
export function declineName(
  person: PersonName,
  grammaticalCase: GrammaticalCase,
  gender: Gender | null,
): PersonName {
  const p = proper(person);
  if (grammaticalCase === 'nominative' || gender === null) return p;
  const patronymicWords = p.patronymic.split(' ');
  // «Гусейн оглы»: the father's name and the particle stay as they are, as in Russian usage.
  const turkic = patronymicWords.length > 1;
  return {
    surname: eachWord(p.surname, (w) => inclineLastname(w, grammaticalCase, gender)),
    name: inclineFirstname(p.name, grammaticalCase, gender),
    patronymic: turkic
      ? p.patronymic
      : p.patronymic && inclineMiddlename(p.patronymic, grammaticalCase, gender),
  };
}
