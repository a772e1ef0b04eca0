import type { Interval } from "../time";

/** Hours of rest owed between night work and the next working day. */
export const MIN_REST_HOURS = 11;
const HOUR_MS = 60 * 60_000;

/** A night page after which the person was due at work again too soon. */
export interface RestBreach {
  /** When the page came. */
  pagedAt: number;
  /** When rest could begin: the page's resolution when known, else when it came. */
  restFrom: number;
  /** The start of the next scheduled working time. */
  dueAt: number;
  /** restFrom to dueAt, in hours. */
  restHours: number;
}

export interface NightPage {
  openedAt: number;
  resolvedAt: number | null;
}

/**
 * Pages at night (the caller passes only those) whose rest, from resolution to the start of the next scheduled
 * working time, was shorter than MIN_REST_HOURS. Scheduled time already running at restFrom is not "next": it is
 * work the person was doing (a night pattern), not a day they were due at after the page.
 */
export function restBreaches(nightPages: readonly NightPage[], scheduled: readonly Interval[]): RestBreach[] {
  const starts = scheduled.map((s) => s.start).sort((a, b) => a - b);
  const breaches: RestBreach[] = [];
  for (const page of nightPages) {
    const restFrom = page.resolvedAt !== null && page.resolvedAt > page.openedAt ? page.resolvedAt : page.openedAt;
    const dueAt = starts.find((start) => start >= restFrom);
    if (dueAt === undefined) continue;
    const restHours = (dueAt - restFrom) / HOUR_MS;
    if (restHours < MIN_REST_HOURS) breaches.push({ pagedAt: page.openedAt, restFrom, dueAt, restHours });
  }
  return breaches;
}
