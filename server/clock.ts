/**
 * The server's one source of "now". Services take `now` as an argument; the edges (routes, tRPC context,
 * pages, start-up) ask this module for it, so a test server can run on another date.
 *
 * TOILCAP_CLOCK_START=<ISO instant with offset> starts the clock at that instant when the process starts; it
 * then runs on at real speed. Unset, the clock is the system clock. Meant for end-to-end tests and demos of a
 * given day (a Monday morning, a month's last day), never for production data.
 */
export interface Clock {
  now(): Date;
}

/** A clock that reads `start` at the moment it is made and then runs on with `realNow`. */
export function startedClock(start: number, realNow: () => number = Date.now): Clock {
  const offset = start - realNow();
  return { now: () => new Date(realNow() + offset) };
}

export const systemClock: Clock = { now: () => new Date() };

/** Reads TOILCAP_CLOCK_START; a value that is not an instant stops the server with the variable named. */
export function clockFromEnv(value: string | undefined, realNow: () => number = Date.now): Clock {
  const text = value?.trim();
  if (!text) return systemClock;
  // An instant needs its offset: a bare local time would mean different instants on different machines.
  const instant = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(instant)) {
    throw new Error(
      `TOILCAP_CLOCK_START must be an ISO instant with an offset (2026-03-30T08:35:00+02:00), not "${text}"`,
    );
  }
  return startedClock(instant, realNow);
}

let clock: Clock | null = null;

/** Now, on the server's clock. */
export function serverNow(): Date {
  clock ??= clockFromEnv(process.env.TOILCAP_CLOCK_START);
  return clock.now();
}
