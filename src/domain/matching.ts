/**
 * Matching what schools typed to what the registry and the reference tabs hold: institutions,
 * events, competencies, age categories and children; the pseudonymous participant key; and the
 * merge of repeated registrations.
 */
import type { AgeCategory, ChampionshipEvent, Competency, Participant, School } from './model';
import { base32, sha256 } from './hash';
import { personMatchKey, type PersonName } from './text/names';
import { schoolKey, type KeyConfidence } from './text/schools';
import { matchKey } from './text/clean';
import { memoText } from './text/memo';
import { pseudonymIn } from './pseudonym';
import { DOMAIN_RU } from '../i18n/ru/domain';

// A submit re-projects its ОУ, so the same ids are hashed again: their digests are remembered.
const participantHash = memoText((material) => `P-${base32(sha256(material), 10)}`);
const childHash = memoText((material) => `C-${base32(sha256(material), 10)}`);
const teamHash = memoText((material) => `T-${base32(sha256(material), 8)}`);

/** Levenshtein edit distance (insert, delete, substitute: cost 1 each). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function trigrams(text: string): Map<string, number> {
  const padded = `  ${text} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const gram = padded.slice(i, i + 3);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/**
 * Similarity 0…1 of two texts in their comparison form: the better of normalised Levenshtein
 * (catches typos and swapped letters in short names: «шклоа 47») and trigram Dice (tolerates
 * extra words in long official names).
 */
export function similarity(a: string, b: string): number {
  const x = matchKey(a);
  const y = matchKey(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const edit = 1 - levenshtein(x, y) / Math.max(x.length, y.length);
  const gx = trigrams(x);
  const gy = trigrams(y);
  let shared = 0;
  let total = 0;
  gx.forEach((count, gram) => {
    shared += Math.min(count, gy.get(gram) ?? 0);
    total += count;
  });
  gy.forEach((count) => (total += count));
  const dice = total ? (2 * shared) / total : 0;
  return Math.max(edit, dice);
}

/** The registry prepared for lookups: by key, by every name and alias, by the alias's key. */
export interface SchoolIndex {
  schools: readonly School[];
  byKey: Map<string, School>;
  byText: Map<string, School>;
}

/** Index of the «ОУ» registry for `matchSchool`. First entry wins when staff duplicate an alias. */
export function buildSchoolIndex(schools: readonly School[]): SchoolIndex {
  const byKey = new Map<string, School>();
  const byText = new Map<string, School>();
  for (const school of schools) {
    const key = school.key.trim().toUpperCase();
    if (key && !byKey.has(key)) byKey.set(key, school);
  }
  for (const school of schools) {
    for (const text of [school.officialName, school.shortName, school.key, ...school.aliases]) {
      const k = matchKey(text);
      if (k && !byText.has(k)) byText.set(k, school);
    }
  }
  return { schools, byKey, byText };
}

export interface SchoolCandidate {
  school: School;
  score: number;
}

export type SchoolMatch =
  | {
      status: 'matched';
      school: School;
      /** `text`: a name or alias typed exactly (the dropdown case); `key`: via `schoolKey`. */
      via: 'text' | 'key';
      confidence: KeyConfidence;
    }
  | { status: 'unmatched'; message: string; candidates: SchoolCandidate[] };

/** The label of a school in dropdowns and messages. */
export function schoolLabel(school: School): string {
  return school.shortName || school.officialName || school.key;
}

/**
 * The registry entry of a typed institution name: exact name or alias first (so staff can teach
 * the app any odd spelling by adding an alias), then the `schoolKey` recipe. A key never crosses
 * types: «ГБОУ №47» is not «ГБДОУ №47».
 */
export function matchSchool(typed: unknown, index: SchoolIndex, limit = 3): SchoolMatch {
  const text = matchKey(typed);
  const exact = text ? index.byText.get(text) : undefined;
  if (exact) return { status: 'matched', school: exact, via: 'text', confidence: 'high' };
  const key = schoolKey(typed);
  if (key.ok) {
    const school = index.byKey.get(key.key);
    if (school) return { status: 'matched', school, via: 'key', confidence: key.confidence };
  }
  const message = key.ok ? DOMAIN_RU.intake.schoolUnknown(String(typed ?? '').trim()) : key.message;
  return { status: 'unmatched', message, candidates: schoolCandidates(typed, index, limit) };
}

/**
 * The registry entries closest to a typed name, best first. A recognised number weighs as much as
 * the spelling: «шклоа 47» should offer «Школа № 47» before «Школа № 74».
 */
export function schoolCandidates(typed: unknown, index: SchoolIndex, limit = 3): SchoolCandidate[] {
  const text = matchKey(typed);
  if (!text) return [];
  const key = schoolKey(typed);
  const number = key.number;
  const type = key.type;
  const scored: SchoolCandidate[] = [];
  for (const school of index.schools) {
    const labels = [school.officialName, school.shortName, ...school.aliases].filter(Boolean);
    let textScore = 0;
    for (const label of labels) textScore = Math.max(textScore, similarity(text, label));
    let score = textScore;
    if (number) score = 0.5 * textScore + 0.5 * (school.number === number ? 1 : 0);
    if (type && school.type !== type) score *= 0.8;
    if (score >= 0.35) scored.push({ school, score: Math.round(score * 1000) / 1000 });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.school.key.localeCompare(b.school.key))
    .slice(0, limit);
}

/** Lookup tables of reference lists, built once per list (a projection matches thousands of answers). */
const nameIndexes = new WeakMap<readonly object[], Map<string, object>>();

/** A reference item found by its name or one of its aliases, compared in matching form. */
function byNameOrAlias<T extends { name: string }>(
  items: readonly T[],
  typed: unknown,
  aliasesOf: (item: T) => readonly string[],
): T | null {
  const text = matchKey(typed);
  if (!text) return null;
  let index = nameIndexes.get(items) as Map<string, T> | undefined;
  if (!index) {
    index = new Map<string, T>();
    // Names win over aliases, and the first item wins a tie, as a linear search would.
    for (const item of items)
      if (!index.has(matchKey(item.name))) index.set(matchKey(item.name), item);
    for (const item of items)
      for (const alias of aliasesOf(item))
        if (!index.has(matchKey(alias))) index.set(matchKey(alias), item);
    nameIndexes.set(items, index);
  }
  return index.get(text) ?? null;
}

/** The competency of a typed name or alias («IoT» → «Интернет вещей»), or null. */
export function matchCompetency(
  typed: unknown,
  competencies: readonly Competency[],
): Competency | null {
  return byNameOrAlias(competencies, typed, (c) => c.aliases);
}

/** The event of a typed name, or null. */
export function matchEvent(
  typed: unknown,
  events: readonly ChampionshipEvent[],
): ChampionshipEvent | null {
  return byNameOrAlias(events, typed, () => []);
}

/** The age category of a typed name («14 +», «5-7 лет»), or null. */
export function matchAgeCategory(
  typed: unknown,
  categories: readonly AgeCategory[],
): AgeCategory | null {
  const dashless = (s: unknown): string => matchKey(s).replace(/[–—-]/g, '-').replace(/\s+/g, '');
  const text = dashless(typed);
  if (!text) return null;
  return categories.find((c) => dashless(c.name) === text) ?? null;
}

/** Closest reference names to a typed one, for the suggestion of a quality issue. */
export function closestNames(typed: unknown, names: readonly string[], limit = 3): string[] {
  return names
    .map((name) => ({ name, score: similarity(String(typed ?? ''), name) }))
    .filter((c) => c.score >= 0.5)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((c) => c.name);
}

/** What identifies one child's entry: one participant per child, event and competency. */
export interface ParticipantKeyInput {
  schoolKey: string;
  surname: string;
  name: string;
  event: string;
  competency: string;
}

/**
 * The stable participant id «P-» + 10 Crockford base32 characters (50 bits) of SHA-256 over the
 * comparison forms of school, surname, name, event and competency.
 *
 * Pseudonymous, not anonymous (152-ФЗ ст. 3 п. 9 «обезличивание» is not reached): anyone who
 * knows a child's name, school, event and competency can recompute the id and link the row back.
 * The id hides names in documents and survives the year-end replacement of names; `salt` (a secret
 * kept in the script's properties) makes such recomputation impossible for outsiders. The same
 * salt must be used for the life of the spreadsheet, or every id changes.
 * With 50 bits, a collision among 50,000 ids has a probability of about 10⁻⁶.
 */
export function participantKey(input: ParticipantKeyInput, salt = ''): string {
  const parts = [input.schoolKey, input.surname, input.name, input.event, input.competency];
  return participantHash(`${salt}\u0001${parts.map((p) => matchKey(p)).join('\u0001')}`);
}

/** The id of a child regardless of event (to count distinct children): «C-» + 10 characters. */
export function childKey(schoolKey: string, surname: string, name: string, salt = ''): string {
  return childHash(
    `${salt}\u0001child\u0001${[schoolKey, surname, name].map((p) => matchKey(p)).join('\u0001')}`,
  );
}

/** The id of a team from its members' ids, independent of their order: «T-» + 8 characters. */
export function teamKey(participantIds: readonly string[]): string {
  return teamHash([...participantIds].sort().join('|'));
}

/** A registered child to match a name line against. */
export interface PersonRef {
  id: string;
  surname: string;
  name: string;
}

export type PersonMatch<T extends PersonRef> =
  | { status: 'matched'; person: T; swapped: boolean }
  | { status: 'ambiguous'; candidates: T[] }
  | { status: 'unmatched'; candidates: Array<{ person: T; score: number }> };

/**
 * The registered child named by an order or results line. Callers narrow `people` to the school
 * (and event) first; «Имя Фамилия» typed the other way round is accepted.
 */
export function matchPerson<T extends PersonRef>(
  named: PersonName,
  people: readonly T[],
  limit = 3,
): PersonMatch<T> {
  // A closed year's line holds the participant's id instead of the name: matched by id only.
  const standIn = pseudonymIn(named.surname);
  if (standIn) {
    const byId = people.find((p) => p.id === standIn);
    return byId
      ? { status: 'matched', person: byId, swapped: false }
      : { status: 'unmatched', candidates: [] };
  }
  const direct = personMatchKey(named.surname, named.name);
  const swapped = personMatchKey(named.name, named.surname);
  const exact = people.filter((p) => personMatchKey(p.surname, p.name) === direct);
  const distinct = (list: T[]): T[] =>
    list.filter((p, i) => list.findIndex((q) => q.id === p.id) === i);
  if (exact.length) {
    const unique = distinct(exact);
    return unique.length === 1 && unique[0]
      ? { status: 'matched', person: unique[0], swapped: false }
      : { status: 'ambiguous', candidates: unique };
  }
  const reversed = distinct(people.filter((p) => personMatchKey(p.surname, p.name) === swapped));
  if (reversed.length === 1 && reversed[0]) {
    return { status: 'matched', person: reversed[0], swapped: true };
  }
  const typed = `${named.surname} ${named.name}`;
  const candidates = people
    .map((person) => ({ person, score: similarity(typed, `${person.surname} ${person.name}`) }))
    .filter((c) => c.score >= 0.6)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  return { status: 'unmatched', candidates };
}

/** What a merge of repeated registrations did, for «Журнал» or «Требует проверки». */
export interface RegistrationMerge {
  participantId: string;
  responseIds: string[];
  changedFields: Array<keyof Participant>;
}

const MERGED_FIELDS: Array<keyof Participant> = [
  'surname',
  'name',
  'classOrGroup',
  'ageCategory',
  'team',
  'mentor',
  'consent',
];

/**
 * One participant per id. Entries are taken in registration order; a later answer wins on every
 * non-empty field (a repeated or corrected registration), the first registration time is kept,
 * and the source becomes the latest response. The input order of first appearance is preserved.
 */
export function mergeRegistrations(participants: readonly Participant[]): {
  participants: Participant[];
  merges: RegistrationMerge[];
} {
  const order: string[] = [];
  const groups = new Map<string, Participant[]>();
  participants.forEach((p) => {
    const group = groups.get(p.id);
    if (group) group.push(p);
    else {
      groups.set(p.id, [p]);
      order.push(p.id);
    }
  });
  const merged: Participant[] = [];
  const merges: RegistrationMerge[] = [];
  for (const id of order) {
    const group = (groups.get(id) ?? [])
      .map((p, i) => ({ p, i }))
      .sort((a, b) => a.p.registeredAt.getTime() - b.p.registeredAt.getTime() || a.i - b.i)
      .map((x) => x.p);
    const first = group[0];
    if (!first) continue;
    const result: Participant = { ...first };
    const changed = new Set<keyof Participant>();
    for (const later of group.slice(1)) {
      for (const field of MERGED_FIELDS) {
        const value = later[field];
        if (value === '' || value === null || value === undefined) continue;
        if (result[field] !== value) {
          (result as unknown as Record<string, unknown>)[field] = value;
          changed.add(field);
        }
      }
      result.sourceResponseId = later.sourceResponseId;
    }
    merged.push(result);
    const responseIds = group.map((p) => p.sourceResponseId);
    if (group.length > 1) {
      merges.push({
        participantId: id,
        responseIds: responseIds.filter((r, i) => responseIds.indexOf(r) === i),
        changedFields: MERGED_FIELDS.filter((f) => changed.has(f)),
      });
    }
  }
  return { participants: merged, merges };
}

/** The outcome of matching the names of an order or results answer to registered participants. */
export interface NamedParticipants<T extends PersonRef> {
  matched: Array<{ named: PersonName; person: T }>;
  unmatched: Array<{ named: PersonName; candidates: T[] }>;
}

/**
 * The registered participants named in an order (or results) of one ОУ for one event. Each
 * registered child is claimed once: two lines «Иванов Пётр» need two registrations.
 */
export function matchNamedParticipants<T extends PersonRef & { schoolKey: string; event: string }>(
  named: readonly PersonName[],
  registered: readonly T[],
  schoolKeyValue: string,
  event: string,
): NamedParticipants<T> {
  const eventKey = matchKey(event);
  const pool = registered.filter(
    (p) => p.schoolKey === schoolKeyValue && (!eventKey || matchKey(p.event) === eventKey),
  );
  const claimed = new Set<string>();
  const result: NamedParticipants<T> = { matched: [], unmatched: [] };
  for (const person of named) {
    const open = pool.filter((p) => !claimed.has(p.id));
    const found = matchPerson(person, open);
    if (found.status === 'matched') {
      claimed.add(found.person.id);
      result.matched.push({ named: person, person: found.person });
    } else if (found.status === 'ambiguous' && found.candidates[0]) {
      // The same child registered in two competencies of one event: the order covers both.
      for (const candidate of found.candidates) claimed.add(candidate.id);
      found.candidates.forEach((candidate) =>
        result.matched.push({ named: person, person: candidate }),
      );
    } else {
      const candidates = found.status === 'unmatched' ? found.candidates.map((c) => c.person) : [];
      result.unmatched.push({ named: person, candidates });
    }
  }
  return result;
}
