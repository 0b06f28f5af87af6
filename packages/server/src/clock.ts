/**
 * The one source of time for every time-based rule (code expiry, lockout, session
 * timeouts), so that tests move it forward instead of waiting.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The real time. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that stands still until it is moved. The server uses it in test mode only, where
 * `POST /api/v1/test/clock` moves it.
 */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: number = Date.now()) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  /** Moves the clock forward; time never goes back. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot move the clock by ${ms} ms`);
    this.#now += ms;
    return this.#now;
  }
}

/**
 * Whole seconds left from `now` until `until`, rounded down and never below 0: a time left
 * that never promises more than there is.
 */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.floor((until - now) / 1000));
}

/** Whole seconds from `now` until `until`, rounded up and at least 1: a `Retry-After` value. */
export function secondsUntil(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 1000));
}
