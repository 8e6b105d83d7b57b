/**
 * Pseudonymous ids standing where a child's name was, once a school year is closed
 * (closeSchoolYear): the participant id «P-…» of a registered child, or a placeholder «N-…» for a
 * name that never matched a registration. The intake reads such a cell back as that id, so a
 * projection of the pseudonymised response sheets gives the same participant ids.
 */
import { base32, sha256 } from './hash';
import { matchKey } from './text/clean';
import { memoText } from './text/memo';

/** One id: «P-» or «N-» and ten Crockford base32 characters (case as typed does not matter). */
const ID = /^[PN]-[0-9A-HJKMNP-TV-Z]{10}$/;
const SPACE = /\s+/;

/** The id a name cell holds instead of a name (upper case), or null when it holds a name. */
export function pseudonymIn(cell: unknown): string | null {
  const text = String(cell ?? '')
    .trim()
    .toUpperCase();
  return ID.test(text) ? text : null;
}

/**
 * The ids of an order line that holds ids only («P-… P-…» when one line named the same child
 * registered in two competencies), or null when the line holds anything else.
 */
export function pseudonymsIn(line: unknown): string[] | null {
  const words = String(line ?? '')
    .trim()
    .toUpperCase()
    .split(SPACE)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => ID.test(w)) ? words : null;
}

/** Whether an id is a participant's (not a placeholder of a name that never matched). */
export function isParticipantId(id: string): boolean {
  return id.startsWith('P-');
}

const placeholderHash = memoText((material) => `N-${base32(sha256(material), 10)}`);

/**
 * The stable placeholder of a name that never matched a registered participant (an order or
 * results line, a registration the intake refused): the same ОУ answer and name always give the
 * same id, and the salt keeps outsiders from recomputing it.
 */
export function placeholderId(salt: string, schoolAnswer: string, fullName: string): string {
  return placeholderHash(
    `${salt}\u0001placeholder\u0001${matchKey(schoolAnswer)}\u0001${matchKey(fullName)}`,
  );
}
