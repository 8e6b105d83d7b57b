/** The simulated clock every service reads; `Date` inside the bundle's context follows it too. */
export class Clock {
  private ms: number;

  constructor(start: string | Date) {
    this.ms = new Date(start).getTime();
    if (Number.isNaN(this.ms)) throw new Error(`emulator: bad clock start ${String(start)}`);
  }

  /** The current simulated instant. */
  now(): Date {
    return new Date(this.ms);
  }

  /** Moves the clock forward (never back); used by the workspace after firing triggers. */
  set(to: Date): void {
    if (to.getTime() < this.ms) throw new Error('emulator: the clock cannot go back');
    this.ms = to.getTime();
  }

  /**
   * Puts the clock back to `to`: only for executions that overlap in modelled time (ws.burst),
   * each of which runs on its own timeline from its own start.
   */
  rewind(to: Date): void {
    this.ms = to.getTime();
  }

  /** Advances by `ms` milliseconds (modelled time passing inside an execution). */
  tick(ms: number): void {
    this.ms += ms;
  }
}
