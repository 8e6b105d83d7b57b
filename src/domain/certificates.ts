/**
 * Diplomas, participant certificates and letters of thanks of one event, as plain data: which
 * documents exist (one per ОУ and kind), which pages each holds (one per person) and what every
 * template field says on each page. Only participants whose registration has the consent tick
 * are named; diplomas come from results staff confirmed; an unconfirmed medal waits.
 */
import { EventCalendar, editionBegunBy, editionsNamed } from './eventCalendar';
import type {
  ChampionshipEvent,
  Participant,
  ParticipantResult,
  ResultKind,
  School,
} from './model';
import { closestNames } from './matching';
import { comparePartitions } from './intake';
import { matchKey } from './text/clean';
import { base32, sha256 } from './hash';
import { genderOf, formatPersonName, parsePersonName, type PersonName } from './text/names';
import { compareRu } from './text/collation';
import { formatDateLong, formatDateNumeric, toMoscowDate } from './text/dates';
import { innerQuotes, monthName, NBSP } from './text';
import { schoolYearOf } from './text/periods';
import {
  fillTokens,
  type FieldValue,
  type PersonValue,
  type TemplateData,
  type TemplateField,
  type TemplateToken,
} from './template';
import { CERTIFICATES_RU } from '../i18n/ru/certificates';

export type CertificateKind = 'winner' | 'prize' | 'participant' | 'mentor';

/** The kinds in the order documents are made and listed. */
export const CERTIFICATE_KINDS: readonly CertificateKind[] = [
  'winner',
  'prize',
  'participant',
  'mentor',
];

const F = CERTIFICATES_RU.fields;

const COMMON_FIELDS: TemplateField[] = [
  { name: F.school },
  { name: F.event },
  { name: F.competency },
  { name: F.ageCategory },
  { name: F.eventDate },
  { name: F.issueDate },
  { name: F.signatoryPosition },
  { name: F.signatoryName },
];

const CHILD_FIELDS: TemplateField[] = [
  { name: F.fullName, person: true },
  { name: F.mentor, person: true },
  { name: F.place },
  ...COMMON_FIELDS,
];

const MENTOR_FIELDS: TemplateField[] = [
  { name: F.mentor, person: true },
  { name: F.results },
  ...COMMON_FIELDS,
];

/** The fields a template of `kind` may use. */
export function certificateFields(kind: CertificateKind): TemplateField[] {
  return kind === 'mentor' ? MENTOR_FIELDS : CHILD_FIELDS;
}

/** Fields of the other kinds, so a misplaced one is explained rather than called unknown. */
export function fieldsOfOtherKinds(kind: CertificateKind): string[] {
  const own = new Set(certificateFields(kind).map((f) => f.name));
  return [...CHILD_FIELDS, ...MENTOR_FIELDS].map((f) => f.name).filter((n) => !own.has(n));
}

/** Fields that differ from page to page (a header or footer cannot hold them). */
export function isPageField(token: TemplateToken): boolean {
  if (token.type === 'gender') return true;
  return [F.fullName, F.mentor, F.place, F.competency, F.ageCategory, F.results].includes(
    token.field,
  );
}

/** One page: one person. */
export interface CertificatePage {
  /** «Иванова Мария (Мобильная робототехника)»: for review lines and answers. */
  label: string;
  data: TemplateData;
}

/** One document: the pages of one kind for one ОУ. */
export interface CertificateUnit {
  schoolKey: string;
  kind: CertificateKind;
  documentName: string;
  pages: CertificatePage[];
}

/** A result that waits for staff to tick «Подтверждено». */
export interface UnconfirmedResult {
  name: string;
  schoolKey: string;
  result: ResultKind;
}

/** Everything one run of generateCertificates should make for an event. */
export interface CertificatePlan {
  event: ChampionshipEvent;
  /** Earlier rows of «Мероприятия» with the same name (other years), not used. */
  otherEditions: ChampionshipEvent[];
  schoolYear: number;
  units: CertificateUnit[];
  unconfirmed: UnconfirmedResult[];
  /** Results of the event that name no registered participant. */
  unmatchedResults: number;
}

export interface CertificateInput {
  eventName: string;
  events: readonly ChampionshipEvent[];
  schools: readonly School[];
  participants: readonly Participant[];
  results: readonly ParticipantResult[];
  signaturePosition: string;
  signatureName: string;
  issuedOn: Date;
}

export type CertificatePlanOutcome =
  { ok: true; plan: CertificatePlan } | { ok: false; message: string };

/**
 * The row of «Мероприятия» a name means when documents are made on `asOf`: the latest edition
 * that has begun by then (documents follow the event), else the first one to come; and the other
 * rows of that name. Which edition each registration belongs to is the one rule of
 * eventCalendar.ts (editionAt), the rule the intake uses.
 */
export function chooseEdition(
  eventName: string,
  events: readonly ChampionshipEvent[],
  asOf: Date,
): { event: ChampionshipEvent; others: ChampionshipEvent[] } | null {
  const rows = editionsNamed(eventName, events);
  const event = editionBegunBy(rows, asOf);
  return event ? { event, others: rows.filter((e) => e !== event) } : null;
}

/** «14–18 марта 2022 г.», «30 марта – 2 апреля 2022 г.» or one day. */
export function formatEventDate(event: ChampionshipEvent): string {
  if (!event.start) return '';
  const end = event.end && event.end.getTime() > event.start.getTime() ? event.end : null;
  if (!end || formatDateNumeric(end) === formatDateNumeric(event.start))
    return formatDateLong(event.start);
  const from = toMoscowDate(event.start);
  const to = toMoscowDate(end);
  if (from.year === to.year && from.month === to.month)
    return CERTIFICATES_RU.sameMonthSpan(from.day, formatDateLong(end));
  const fromText =
    from.year === to.year
      ? `${from.day}${NBSP}${monthName(from.month, 'genitive')}`
      : formatDateLong(event.start);
  return CERTIFICATES_RU.span(fromText, formatDateLong(end));
}

const PLACE_OF: Record<ResultKind, keyof typeof CERTIFICATES_RU.places> = {
  'Победитель (1 место)': 'first',
  'Призёр (2 место)': 'second',
  'Призёр (3 место)': 'third',
  'Медальон за профессионализм': 'medallion',
  Участник: 'participant',
};

/** The kind of document a confirmed result gives. */
function kindOf(result: ResultKind | null): CertificateKind {
  if (result === 'Победитель (1 место)') return 'winner';
  if (result === 'Призёр (2 место)' || result === 'Призёр (3 место)') return 'prize';
  return 'participant';
}

/** Whether a result is a medal that waits for staff confirmation before anything is printed. */
function needsConfirmation(result: ResultKind): boolean {
  return result !== 'Участник';
}

function personValue(person: PersonName): PersonValue {
  return { person, gender: genderOf(person) };
}

function unique(values: string[]): string[] {
  return values.filter((v, i) => v !== '' && values.indexOf(v) === i);
}

/** The plan of an event's documents, or why there is none. */
export function planCertificates(input: CertificateInput): CertificatePlanOutcome {
  const typed = input.eventName.trim();
  if (!typed) return { ok: false, message: CERTIFICATES_RU.noEventName };
  const edition = chooseEdition(typed, input.events, input.issuedOn);
  if (!edition) {
    const guess = closestNames(
      typed,
      input.events.map((e) => e.name),
      1,
    )[0];
    return { ok: false, message: CERTIFICATES_RU.eventNotFound(typed, guess ?? '') };
  }
  const { event, others } = edition;
  // A registration belongs to the edition the intake's rule gives for its date.
  const calendar = new EventCalendar(input.events);
  const participants = input.participants.filter((p) => p.consent && calendar.eventOf(p) === event);
  const ids = new Set(participants.map((p) => p.id));
  // A result matched to a registration follows it; an unmatched one (counted, never printed)
  // belongs to the edition that had begun when it was sent.
  const results = input.results.filter((r) =>
    r.participantId
      ? ids.has(r.participantId)
      : chooseEdition(r.event, input.events, r.submittedAt)?.event === event,
  );
  const resultOf = new Map<string, ParticipantResult>();
  for (const r of results) if (r.participantId) resultOf.set(r.participantId, r);
  const schoolName = new Map(
    input.schools.map((s) => [s.key, s.officialName || s.shortName || s.key]),
  );
  const common = (schoolKey: string): Record<string, FieldValue> => ({
    [F.school]: schoolName.get(schoolKey) ?? schoolKey,
    [F.event]: innerQuotes(event.name),
    [F.eventDate]: formatEventDate(event),
    [F.issueDate]: formatDateLong(input.issuedOn),
    [F.signatoryPosition]: input.signaturePosition,
    [F.signatoryName]: input.signatureName,
  });

  const units = new Map<string, CertificateUnit>();
  const unitOf = (schoolKey: string, kind: CertificateKind): CertificateUnit => {
    const id = `${schoolKey}\u0001${kind}`;
    let unit = units.get(id);
    if (!unit) {
      unit = {
        schoolKey,
        kind,
        documentName: CERTIFICATES_RU.documentName(
          CERTIFICATES_RU.kinds[kind].plural,
          schoolKey,
          event.name,
        ),
        pages: [],
      };
      units.set(id, unit);
    }
    return unit;
  };

  const unconfirmed: UnconfirmedResult[] = [];
  /** Children whose documents can be made, with their result, for the mentors' letters. */
  const settled: { participant: Participant; result: ResultKind | null }[] = [];
  for (const p of sortedParticipants(participants)) {
    const record = resultOf.get(p.id) ?? null;
    const result = record ? record.result : null;
    const child = { surname: p.surname, name: p.name, patronymic: '' };
    if (record && result && needsConfirmation(result) && !record.confirmed) {
      unconfirmed.push({ name: formatPersonName(child), schoolKey: p.schoolKey, result });
      continue;
    }
    settled.push({ participant: p, result });
    const value = personValue(child);
    const mentor = p.mentor ? personValue(parsePersonName(p.mentor)) : '';
    unitOf(p.schoolKey, kindOf(result)).pages.push({
      label: `${formatPersonName(child)} (${p.competency})`,
      data: {
        values: {
          ...common(p.schoolKey),
          [F.fullName]: value,
          [F.mentor]: mentor,
          [F.competency]: p.competency,
          [F.ageCategory]: p.ageCategory,
          [F.place]: CERTIFICATES_RU.places[PLACE_OF[result ?? 'Участник']],
        },
        gender: value.gender,
      },
    });
  }
  for (const letter of mentorLetters(settled)) {
    const person = parsePersonName(letter.mentor);
    const value = personValue(person);
    unitOf(letter.schoolKey, 'mentor').pages.push({
      label: formatPersonName(person),
      data: {
        values: {
          ...common(letter.schoolKey),
          [F.mentor]: value,
          [F.competency]: unique(letter.children.map((c) => c.participant.competency)).join(', '),
          [F.ageCategory]: unique(letter.children.map((c) => c.participant.ageCategory)).join(', '),
          [F.results]: letter.children
            .map((c) =>
              CERTIFICATES_RU.listLine(
                formatPersonName({
                  surname: c.participant.surname,
                  name: c.participant.name,
                  patronymic: '',
                }),
                c.participant.competency,
                CERTIFICATES_RU.resultInList[PLACE_OF[c.result ?? 'Участник']],
              ),
            )
            .join(CERTIFICATES_RU.listSeparator),
        },
        gender: value.gender,
      },
    });
  }

  const ordered = [...units.values()].sort(
    (a, b) =>
      comparePartitions(a.schoolKey, b.schoolKey) ||
      CERTIFICATE_KINDS.indexOf(a.kind) - CERTIFICATE_KINDS.indexOf(b.kind),
  );
  return {
    ok: true,
    plan: {
      event,
      otherEditions: others,
      schoolYear: schoolYearOf(event.start ?? input.issuedOn),
      units: ordered,
      unconfirmed,
      unmatchedResults: results.filter((r) => !r.participantId).length,
    },
  };
}

function sortedParticipants(participants: readonly Participant[]): Participant[] {
  return [...participants].sort(
    (a, b) =>
      compareRu(a.surname, b.surname) ||
      compareRu(a.name, b.name) ||
      compareRu(a.competency, b.competency),
  );
}

interface MentorLetter {
  mentor: string;
  schoolKey: string;
  children: { participant: Participant; result: ResultKind | null }[];
}

/**
 * One letter per mentor of the event, listing their children; it goes to the ОУ most of them
 * come from (a mentor of a centre of further education may coach children of several schools).
 */
function mentorLetters(
  settled: { participant: Participant; result: ResultKind | null }[],
): MentorLetter[] {
  const byMentor = new Map<string, MentorLetter>();
  for (const entry of settled) {
    const mentor = entry.participant.mentor.trim();
    if (!mentor) continue;
    const id = matchKey(mentor);
    let letter = byMentor.get(id);
    if (!letter) {
      letter = { mentor, schoolKey: '', children: [] };
      byMentor.set(id, letter);
    }
    letter.children.push(entry);
  }
  const letters = [...byMentor.values()];
  for (const letter of letters) {
    const counts = new Map<string, number>();
    for (const c of letter.children)
      counts.set(c.participant.schoolKey, (counts.get(c.participant.schoolKey) ?? 0) + 1);
    letter.schoolKey = [...counts.entries()].sort(
      (a, b) => b[1] - a[1] || comparePartitions(a[0], b[0]),
    )[0]![0];
  }
  return letters.sort((a, b) => compareRu(a.mentor, b.mentor));
}

/** A unit's pages filled from a template: each page's field texts and who needs a look. */
export interface FilledUnit {
  pages: { raw: string; text: string }[][];
  /** Labels of the pages whose addressee's gender could not be told. */
  unresolved: string[];
}

/** Fills every page of `unit` with the template's tokens. */
export function fillUnit(unit: CertificateUnit, tokens: readonly TemplateToken[]): FilledUnit {
  const unresolved: string[] = [];
  const pages = unit.pages.map((page) => {
    const filled = fillTokens(tokens, page.data);
    if (filled.some((f) => f.unresolved)) unresolved.push(page.label);
    return filled.map(({ raw, text }) => ({ raw, text }));
  });
  return { pages, unresolved };
}

/**
 * What a document depends on, as a short hash: the template (its id and version), the document's
 * name and every page's text except the issue date — so a second run on another day with the
 * same inputs makes nothing, and any change of a name, result or template makes the ОУ's document
 * again. `filled` is aligned with `tokens` (fillUnit's pages).
 */
export function unitFingerprint(
  unit: CertificateUnit,
  tokens: readonly TemplateToken[],
  filled: FilledUnit,
  template: string,
): string {
  const kept = tokens.map((t) => !(t.type === 'field' && t.field === F.issueDate));
  const pages = filled.pages.map((page) =>
    page.filter((_, i) => kept[i]).map((f) => [f.raw, f.text]),
  );
  return base32(sha256(JSON.stringify([unit.kind, unit.documentName, template, pages])), 16);
}
