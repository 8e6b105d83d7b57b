/**
 * Russian plural rules (CLDR «ru»), implemented in code because Apps Script's Intl is not to be
 * trusted. Three word forms cover all four CLDR categories: «other» (fractions) takes the same
 * form as «few» — the genitive singular («1,5 участника»).
 */

/** CLDR plural category of Russian. */
export type PluralCategory = 'one' | 'few' | 'many' | 'other';

/** Word forms: [one «участник», few «участника», many «участников»]. */
export type PluralForms = readonly [string, string, string];

/** CLDR category of a number for Russian: one (1, 21), few (2–4, 22), many (0, 5–20, 25), other. */
export function pluralCategory(n: number): PluralCategory {
  const abs = Math.abs(n);
  if (!Number.isInteger(abs)) return 'other';
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return 'one';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'few';
  return 'many';
}

/** The form of a word agreeing with `n`: plural(21, ['участник','участника','участников']) → 'участник'. */
export function plural(n: number, forms: PluralForms): string {
  switch (pluralCategory(n)) {
    case 'one':
      return forms[0];
    case 'many':
      return forms[2];
    default:
      return forms[1];
  }
}

/**
 * The form of an animate noun after «на» (accusative) agreeing with `n`, from [genitive singular
 * «участника», genitive plural «участников»]: «на 1 (одного) участника», «на 3 (трёх) участников»,
 * «на 5 участников»; a compound numeral ending in два, три, четыре keeps its nominative form —
 * «на 22 (двадцать два) участника», «на 73 участника».
 */
export function pluralAnimateAccusative(n: number, forms: readonly [string, string]): string {
  switch (pluralCategory(n)) {
    case 'many':
      return forms[1];
    case 'few':
      return Math.abs(n) < 10 ? forms[1] : forms[0];
    default:
      return forms[0];
  }
}
