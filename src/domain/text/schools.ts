/**
 * `schoolKey`: the registry key of an institution from however a school typed its name
 * (recipe in DOMAIN.md). The key is what the registry is looked up by; the typed name is kept.
 */
import type { SchoolType } from '../model';
import { DOMAIN_RU } from '../../i18n/ru/domain';
import { cleanLine, foldLookalikes, foldYo } from './clean';

/** How sure the key is: `high` — type word and «№ N»; `medium` — a guess on one of the two. */
export type KeyConfidence = 'high' | 'medium' | 'low';

export interface SchoolKeyFound {
  ok: true;
  key: string;
  type: SchoolType;
  number: string;
  confidence: KeyConfidence;
}

export type SchoolKeyRejection = 'empty' | 'unknown-type' | 'no-number';

export interface SchoolKeyRejected {
  ok: false;
  reason: SchoolKeyRejection;
  /** What was recognised anyway: lets matching rank candidates by number or type. */
  type: SchoolType | null;
  number: string;
  message: string;
}

export type SchoolKeyResult = SchoolKeyFound | SchoolKeyRejected;

/** The key prefix of each institution type, as in `ШКОЛА-47`, `ДОУ-21`, `ДО-ОХТА`. */
export const SCHOOL_KEY_PREFIX: Readonly<Record<SchoolType, string>> = {
  школа: 'ШКОЛА',
  ДОУ: 'ДОУ',
  ДО: 'ДО',
};

/** Institutions of additional education: checked first, «ГБОУ ДОД ДДТ» is not a school. */
const DO_MARKERS: RegExp[] = [
  /(^| )(ддт|ддют|дддт|дюц|цдют|цдютт|цдт|цтт|дтт|дюсш|сдюшор|дшор|дши|дхш|дмш|дод|удо|гбудо|мбудо|гбоудо|цвр|пмц|подростков\S* клуб)( |$)/,
  /(^| )(гбу|мбу|гбоу|мбоу|оу|гоу|маоу|мау|ау|бу|у) до( |$)/,
  /(дворец|дом|центр) (детского |детско-юношеского |юношеского |детского и юношеского |технического |научно-технического )*(творчества|технического творчества)/,
  /(дом|центр) детского творчества|детск\S* (художественн|музыкальн)\S* школ|школа искусств|спортивн\S* школ/,
];

/** School markers: «школа» also wins over preschool words (a school's preschool department). */
const SCHOOL_MARKERS: RegExp[] = [
  /(^| )(сош|оош|нош|сш|гимназия|гимн|лицей|школа|школы|школа-интернат|цо|кадетск\S*|интернат|прогимназия)( |$)/,
  /центр образования|общеобразовательн\S* (школа|учреждение)/,
];

const PRESCHOOL_MARKERS: RegExp[] = [
  /(^| )(дс|доу|гбдоу|мбдоу|мадоу|мдоу|гдоу|адоу|ясли|ясли-сад|детсад)( |$)/,
  /детск\S* сад|дошкольн\S* (образовательн\S* )?учреждени/,
];

/** Legal forms alone («ГБОУ № 47») mean a school, but only with medium confidence. */
const GENERIC_SCHOOL_MARKERS =
  /(^| )(гбоу|мбоу|маоу|моу|гоу|оу|чоу|ано|аноо|нoу|гбну|фгбоу|оо)( |$)/;

/** Words that never identify an institution: dropped before the standalone-number fallback. */
const NOISE: RegExp[] = [
  /(^| )(им\.?|имени) [^№#]*/g, // «им. Д.С. Лихачева», «имени 300-летия …»
  /с углубл[её]нным изучением [^№#]*/g,
  /(комбинированного|компенсирующего|общеразвивающего|присмотра и оздоровления|оздоровительного) вида/g,
  /\S+ого (административного )?района/g,
  /(^| )(района|р-на|санкт-петербурга|санкт-петербург|спб|г\.|города|ленинградской области)( |$)/g,
];

/** The number-like token after «№», «N», «No», «#», or glued to a type word: «сош47», «ДОУ№21». */
const MARKED_NUMBER = /№(\d{1,4})(?:-?([а-я])(?![а-я]))?/;
const STANDALONE_NUMBER = /(?:^| )(\d{1,4})(?:-?([а-я])(?![а-я]))?(?= |$)/;
const QUOTED = /«([^»]*)»|"([^"]*)"|„([^“”]*)[“”]|“([^”]*)”/g;

/** The lowercased, ё-folded, look-alike-folded form of a name that the markers are matched on. */
function schoolText(raw: string): string {
  return foldYo(foldLookalikes(cleanLine(raw)))
    .toLowerCase()
    .replace(/д\s*[/.\\]\s*с\.?(?=[\s\d№#]|$)/g, 'дс ')
    .replace(/(^|[\s\u0430-\u044f])(?:n|no|n°|nº)\.?\s*(?=\d)/g, '$1 №')
    .replace(/[№#]\s*/g, ' №')
    .replace(/([а-я])[-–]?(\d)/g, '$1 $2')
    .replace(/[(),;:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first quoted name in a text («ГБУ ДО ДДТ "Современник"» → «современник»). */
function quotedName(text: string): string {
  QUOTED.lastIndex = 0;
  const found = QUOTED.exec(text);
  if (!found) return '';
  return (found[1] ?? found[2] ?? found[3] ?? found[4] ?? '').trim();
}

function detectType(text: string): { type: SchoolType | null; generic: boolean } {
  if (DO_MARKERS.some((re) => re.test(text))) return { type: 'ДО', generic: false };
  if (SCHOOL_MARKERS.some((re) => re.test(text))) return { type: 'школа', generic: false };
  if (PRESCHOOL_MARKERS.some((re) => re.test(text))) return { type: 'ДОУ', generic: false };
  if (GENERIC_SCHOOL_MARKERS.test(text)) return { type: 'школа', generic: true };
  return { type: null, generic: false };
}

function withoutNoise(text: string): string {
  // A quoted part is a name («Солнышко») unless it holds the number: «Детский сад № 5 «Солнышко»».
  let stripped = text.replace(QUOTED, (whole) => (/\d/.test(whole) ? whole : ' '));
  for (const re of NOISE) stripped = stripped.replace(re, ' ');
  return stripped.replace(/\s+/g, ' ').trim();
}

function detectNumber(text: string): { number: string; marked: boolean } {
  const marked = MARKED_NUMBER.exec(text);
  if (marked) return { number: formatNumber(marked[1] ?? '', marked[2]), marked: true };
  const standalone = STANDALONE_NUMBER.exec(text);
  if (standalone)
    return { number: formatNumber(standalone[1] ?? '', standalone[2]), marked: false };
  return { number: '', marked: false };
}

/** «047» → «47»; a letter suffix («№ 5а», rare but real) stays as an uppercase part of the number. */
function formatNumber(digits: string, letter: string | undefined): string {
  const plain = String(parseInt(digits, 10));
  return letter ? `${plain}${letter.toUpperCase()}` : plain;
}

/** The `ДО-` key suffix from a name: uppercase words joined by hyphens («На Ленской» → НА-ЛЕНСКОЙ). */
function aliasSuffix(name: string): string {
  return foldYo(foldLookalikes(name))
    .toUpperCase()
    .replace(/[^0-9A-ZА-Я]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The registry key of an institution typed in any common way, or why no key could be built. */
export function schoolKey(raw: unknown): SchoolKeyResult {
  const typed = cleanLine(raw);
  const text = schoolText(typed);
  const messages = DOMAIN_RU.schoolKey;
  if (!text) return { ok: false, reason: 'empty', type: null, number: '', message: messages.empty };

  const { type, generic } = detectType(text);
  const { number, marked } = detectNumber(withoutNoise(text));

  if (type === 'ДО') {
    const name = quotedName(foldLookalikes(typed));
    const suffix = name ? aliasSuffix(name) : number;
    if (!suffix) {
      return { ok: false, reason: 'no-number', type, number, message: messages.noName(typed) };
    }
    return {
      ok: true,
      key: `${SCHOOL_KEY_PREFIX.ДО}-${suffix}`,
      type,
      number,
      confidence: name || marked ? 'high' : 'medium',
    };
  }
  if (!type) {
    return {
      ok: false,
      reason: 'unknown-type',
      type,
      number,
      message: messages.unknownType(typed),
    };
  }
  if (!number) {
    return { ok: false, reason: 'no-number', type, number, message: messages.noNumber(typed) };
  }
  const confidence: KeyConfidence =
    generic && !marked ? 'low' : generic || !marked ? 'medium' : 'high';
  return { ok: true, key: `${SCHOOL_KEY_PREFIX[type]}-${number}`, type, number, confidence };
}

/** The type and number part of a registry key: `ШКОЛА-47` → {type: 'школа', number: '47'}. */
export function parseSchoolKey(key: string): { type: SchoolType; suffix: string } | null {
  const found = /^(ШКОЛА|ДОУ|ДО)-(.+)$/.exec(key.trim().toUpperCase());
  if (!found) return null;
  const prefix = found[1];
  const type: SchoolType = prefix === 'ШКОЛА' ? 'школа' : prefix === 'ДОУ' ? 'ДОУ' : 'ДО';
  return { type, suffix: found[2] ?? '' };
}
