/**
 * People's names as schools type them: case, hyphens, spaces, Latin look-alikes; and the
 * «Фамилия Имя» lines of orders and results. Stored names keep ё as typed; `personMatchKey`
 * is the comparison form.
 */
import { cleanLine, foldToDominantScript, matchKey } from './text';
import { memoText } from './memo';

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

/** A «Фамилия Имя [Отчество]» line split into parts. */
export interface FullName {
  surname: string;
  name: string;
  patronymic: string;
}

/**
 * A «Фамилия Имя» line of an order or a results answer, or null when it holds fewer than two
 * words or an abbreviation. Leading numbering («1.», «2)», «–»), a trailing class in brackets («(5А)») and trailing
 * punctuation are dropped.
 */
export function splitFullName(line: unknown): FullName | null {
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
  return {
    surname: normalizePersonName(words[0]),
    name: normalizePersonName(words[1]),
    patronymic: normalizePersonName(words.slice(2).join(' ')),
  };
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
