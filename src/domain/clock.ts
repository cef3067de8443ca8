/** The time source of every rule: tests replace it to control time instead of sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock moved by hand (tests and the bench): time passes only when `advance` or `set` says so. */
export class ManualClock implements Clock {
  constructor(private current = new Date("2026-11-27T10:00:00.000Z")) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
}
