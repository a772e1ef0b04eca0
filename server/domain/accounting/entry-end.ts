import { MINUTE_MS } from "../time";

/**
 * Logged work has happened: an entry may not end after now. A few minutes' grace absorb a browser clock that
 * runs ahead of the server's, so "ended just now" is never refused.
 */
export const ENTRY_END_SKEW_MINUTES = 5;

/** Whether work ending at `end` lies in the future of `now`, beyond the clock-skew allowance. */
export function endsInFuture(end: Date, now: Date): boolean {
  return end.getTime() > now.getTime() + ENTRY_END_SKEW_MINUTES * MINUTE_MS;
}

/** The message shown beside the field that put the end in the future. */
export const FUTURE_END_MESSAGE = "Work cannot end in the future: pick an end at or before now";
