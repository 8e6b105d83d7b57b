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
import { daysBetween } from './normalize/date';
import { matchKey } from './normalize/text';
import { DAY_MS, startOfMoscowDay } from './text/dates';
import { periodOf } from './text/periods';

/** Orders are owed this many days before an event starts. */
export const ORDER_LEAD_DAYS = 14;

/** Where a participant falls in time. */
export interface ParticipantPlacement {
  /** 'YYYY-MM' of the event's start, or of the registration when the event has no date. */
  period: string;
  /** True when the event has no start date (or is unknown) and the registration date was used. */
  byRegistration: boolean;
}

/** The events of «Мероприятия» by name, with the rules above. */
export class EventCalendar {
  private readonly byKey = new Map<string, ChampionshipEvent>();
  /** Lookups by the name as written (the same few names repeat for thousands of rows). */
  private readonly byName = new Map<string, ChampionshipEvent | null>();
  private readonly periods = new Map<string, string | null>();
  private readonly placements = new Map<Participant, ParticipantPlacement>();

  constructor(events: readonly ChampionshipEvent[]) {
    for (const e of events) {
      const key = matchKey(e.name);
      if (key && !this.byKey.has(key)) this.byKey.set(key, e);
    }
  }

  /** The event of «Мероприятия» with this name (compared ignoring case, ё and spacing). */
  event(name: string): ChampionshipEvent | null {
    let found = this.byName.get(name);
    if (found === undefined) {
      found = this.byKey.get(matchKey(name)) ?? null;
      this.byName.set(name, found);
    }
    return found;
  }

  /** The start of the event, or null when it has none or is not in «Мероприятия». */
  start(name: string): Date | null {
    const start = this.event(name)?.start ?? null;
    return start instanceof Date && !isNaN(start.getTime()) ? start : null;
  }

  /** 'YYYY-MM' of the event's start, or null when it cannot be placed in time. */
  eventPeriod(name: string): string | null {
    let period = this.periods.get(name);
    if (period === undefined) {
      const start = this.start(name);
      period = start ? periodOf(start) : null;
      this.periods.set(name, period);
    }
    return period;
  }

  /** The period a participant belongs to (its event's month; else its registration's). */
  placement(p: Participant): ParticipantPlacement {
    let placed = this.placements.get(p);
    if (!placed) {
      const period = this.eventPeriod(p.event);
      placed =
        period !== null
          ? { period, byRegistration: false }
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
    const start = this.start(p.event);
    // By calendar day: an event on the 15th is owed its orders from the 1st, whatever the hour.
    return !start || startOfMoscowDay(start).getTime() - ORDER_LEAD_DAYS * DAY_MS <= asOf.getTime();
  }

  /** Whether the event's registration closed before the participant registered. */
  registeredLate(p: Participant): boolean {
    const deadline = this.event(p.event)?.registrationDeadline ?? null;
    if (!(deadline instanceof Date) || isNaN(deadline.getTime())) return false;
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
