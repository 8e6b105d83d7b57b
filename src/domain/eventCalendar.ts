/**
 * What a period's figures mean (DOMAIN.md «What a period's figures mean»), defined once.
 *
 * - An event happens on its start date in «Мероприятия» (a multi-day event belongs to the month
 *   it starts in, Moscow calendar). A participant — one child in one event and competency —
 *   belongs to the period of its event's start. Only those participants «приняли участие» in it.
 * - An event without a start date (or a participant whose event is not in «Мероприятия») cannot
 *   be placed in time: its participants count by their registration date until staff fill the
 *   date in; such events are named in the note's sources and listed in «Требует проверки».
 * - Registrations received in a period are the pipeline, a separate figure.
 * - Results belong to their event, so to its period, whenever they were entered.
 * - Orders are owed for participants of events already held or starting within
 *   ORDER_LEAD_DAYS days; for an undated event, from the registration on.
 */
import type { ChampionshipEvent, Participant } from './model';
import { daysBetween, DAY_MS, startOfMoscowDay } from './text/dates';
import { matchKey } from './text/clean';
import { periodOf, schoolYearOf } from './text/periods';

/** Orders are owed this many days before an event starts. */
export const ORDER_LEAD_DAYS = 14;

/** Where a participant falls in time. */
export interface ParticipantPlacement {
  /** 'YYYY-MM' of the event's start, or of the registration when the event has no date. */
  period: string;
  /** True when the event has no start date (or is unknown) and the registration date was used. */
  byRegistration: boolean;
}

/** Which row a name means at a date: one edition, or rows the date cannot tell apart. */
export type EditionChoice =
  | { event: ChampionshipEvent; ambiguous?: undefined }
  | { event?: undefined; ambiguous: ChampionshipEvent[] };

function validDate(date: Date | null | undefined): date is Date {
  return date instanceof Date && !isNaN(date.getTime());
}

/**
 * The one rule for events of one name in several rows of «Мероприятия» (names repeat from year to
 * year): the edition an answer dated `at` belongs to. In order:
 * 1. an edition of the answer's school year whose registration is open (on or before its deadline
 *    day — or its end, or its start, when it has no deadline): the one that closes first;
 * 2. an edition of that school year not yet over (a late registration): the one that ends first;
 * 3. the next edition to start (registration ahead of the school year);
 * 4. the latest edition (a late answer for an event long past).
 * Only a true ambiguity — an edition without a start date among several, or two that the rule
 * cannot order (the same day) — is returned as such, for «Требует проверки».
 */
export function editionAt(editions: readonly ChampionshipEvent[], at: Date): EditionChoice {
  if (editions.length === 1) return { event: editions[0]! };
  if (editions.some((e) => !validDate(e.start))) return { ambiguous: [...editions] };
  const start = (e: ChampionshipEvent): Date => e.start as Date;
  const end = (e: ChampionshipEvent): Date => (validDate(e.end) ? e.end : start(e));
  const close = (e: ChampionshipEvent): Date =>
    validDate(e.registrationDeadline) ? e.registrationDeadline : end(e);
  const year = schoolYearOf(at);
  const ofYear = editions.filter((e) => schoolYearOf(start(e)) === year);
  const first = (
    list: ChampionshipEvent[],
    key: (e: ChampionshipEvent) => Date,
    latest = false,
  ) => {
    const sorted = [...list].sort((a, b) => key(a).getTime() - key(b).getTime());
    if (latest) sorted.reverse();
    const [one, two] = sorted;
    return two && daysBetween(key(one!), key(two)) === 0
      ? { ambiguous: sorted.filter((e) => daysBetween(key(e), key(one!)) === 0) }
      : { event: one! };
  };
  const open = ofYear.filter((e) => daysBetween(close(e), at) <= 0);
  if (open.length > 0) return first(open, close);
  const running = ofYear.filter((e) => daysBetween(end(e), at) <= 0);
  if (running.length > 0) return first(running, end);
  const upcoming = editions.filter((e) => start(e).getTime() > at.getTime());
  if (upcoming.length > 0) return first(upcoming, start);
  return first([...editions], start, true);
}

/**
 * The edition of rows of one name that an answer about what happened (a result, documents) dated
 * `at` means: the latest that has begun by then, else the first to come (undated rows last).
 */
export function editionBegunBy(
  editions: readonly ChampionshipEvent[],
  at: Date,
): ChampionshipEvent | null {
  const dated = editions
    .filter((e) => validDate(e.start))
    .sort((a, b) => (a.start as Date).getTime() - (b.start as Date).getTime());
  const begun = dated.filter((e) => (e.start as Date).getTime() <= at.getTime());
  return begun[begun.length - 1] ?? dated[0] ?? editions[0] ?? null;
}

/** The rows of «Мероприятия» named `name` (compared ignoring case, ё and spacing). */
export function editionsNamed(
  name: string,
  events: readonly ChampionshipEvent[],
): ChampionshipEvent[] {
  const key = matchKey(name);
  return key ? events.filter((e) => matchKey(e.name) === key) : [];
}

/** The events of «Мероприятия» by name, with the rules above. */
export class EventCalendar {
  private readonly byKey = new Map<string, ChampionshipEvent[]>();
  /** Lookups by the name as written (the same few names repeat for thousands of rows). */
  private readonly byName = new Map<string, ChampionshipEvent[]>();
  private readonly editions = new Map<Participant, ChampionshipEvent | null>();
  private readonly placements = new Map<Participant, ParticipantPlacement>();

  constructor(events: readonly ChampionshipEvent[]) {
    for (const e of events) {
      const key = matchKey(e.name);
      if (!key) continue;
      const list = this.byKey.get(key);
      if (list) list.push(e);
      else this.byKey.set(key, [e]);
    }
  }

  private named(name: string): ChampionshipEvent[] {
    let found = this.byName.get(name);
    if (found === undefined) {
      found = this.byKey.get(matchKey(name)) ?? [];
      this.byName.set(name, found);
    }
    return found;
  }

  /**
   * Of `participants`, those that belong to the edition `name` means at `at` (`rule`: editionAt
   * for an order, sent before the event; editionBegunBy for a result) — all of them when the name
   * has one row or none, or the date cannot tell.
   */
  sameEdition<T extends Participant>(
    participants: readonly T[],
    name: string,
    at: Date,
    rule: 'registration' | 'result',
  ): readonly T[] {
    const named = this.named(name);
    if (named.length <= 1) return participants;
    const edition = rule === 'result' ? editionBegunBy(named, at) : editionAt(named, at).event;
    if (!edition) return participants;
    const key = matchKey(name);
    return participants.filter((p) => matchKey(p.event) !== key || this.eventOf(p) === edition);
  }

  /**
   * The row of «Мероприятия» a name means without a date: the first of its rows. Where a
   * participant is at hand, eventOf tells its edition.
   */
  event(name: string): ChampionshipEvent | null {
    return this.named(name)[0] ?? null;
  }

  /**
   * The edition of the participant's event: the row whose school year and registration window
   * fit its registration (editionAt); null when the event is not in «Мероприятия» or the rows of
   * its name cannot be told apart.
   */
  eventOf(p: Participant): ChampionshipEvent | null {
    let edition = this.editions.get(p);
    if (edition === undefined) {
      const named = this.named(p.event);
      edition =
        named.length <= 1 ? (named[0] ?? null) : (editionAt(named, p.registeredAt).event ?? null);
      this.editions.set(p, edition);
    }
    return edition;
  }

  /** The start of the event, or null when it has none or is not in «Мероприятия». */
  start(name: string): Date | null {
    const start = this.event(name)?.start ?? null;
    return validDate(start) ? start : null;
  }

  /** The start of the participant's edition, or null when it cannot be placed in time. */
  startOf(p: Participant): Date | null {
    const start = this.eventOf(p)?.start ?? null;
    return validDate(start) ? start : null;
  }

  /** The period a participant belongs to (its edition's month; else its registration's). */
  placement(p: Participant): ParticipantPlacement {
    let placed = this.placements.get(p);
    if (!placed) {
      const start = this.startOf(p);
      placed = start
        ? { period: periodOf(start), byRegistration: false }
        : { period: periodOf(p.registeredAt), byRegistration: true };
      this.placements.set(p, placed);
    }
    return placed;
  }

  /**
   * Whether an order is owed for the participant at `asOf`: registered by then, and its event has
   * started or starts within ORDER_LEAD_DAYS days (an undated event: from the registration on).
   */
  orderOwed(p: Participant, asOf: Date): boolean {
    if (p.registeredAt.getTime() > asOf.getTime()) return false;
    const start = this.startOf(p);
    // By calendar day: an event on the 15th is owed its orders from the 1st, whatever the hour.
    return !start || startOfMoscowDay(start).getTime() - ORDER_LEAD_DAYS * DAY_MS <= asOf.getTime();
  }

  /** Whether the edition's registration closed before the participant registered. */
  registeredLate(p: Participant): boolean {
    const deadline = this.eventOf(p)?.registrationDeadline ?? null;
    if (!validDate(deadline)) return false;
    // The same rule as the registration form's warning: a later Moscow calendar day.
    return daysBetween(deadline, p.registeredAt) > 0;
  }
}

/** Events of «Мероприятия» that have no start date (they cannot be placed in time). */
export function undatedEvents(events: readonly ChampionshipEvent[]): ChampionshipEvent[] {
  return events.filter(
    (e) => e.name.trim() !== '' && !(e.start instanceof Date && !isNaN(e.start.getTime())),
  );
}
