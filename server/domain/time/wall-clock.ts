import { Duration, IANAZone } from "luxon";
import { dateOfNaive, naiveMidnight, type LocalDate } from "./calendar";
import { MINUTE_MS } from "./intervals";
import { offsetMs } from "./zone-offset";

export const MINUTES_PER_DAY = 24 * 60;

/** Offsets sampled this far either side of a wall time: wider than any UTC offset, so both sides are seen. */
const SEARCH_RADIUS_MS = Duration.fromObject({ hours: 48 }).toMillis();

export function isValidTimeZone(timeZone: string): boolean {
  return IANAZone.isValidZone(timeZone);
}

/** Throws on an unknown zone: silently falling back to UTC would shift every number a user sees. */
export function ianaZone(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`Unknown IANA time zone: "${timeZone}"`);
  return zone;
}

export function localDateOf(instant: number, timeZone: string): LocalDate {
  return dateOfNaive(instant + offsetMs(ianaZone(timeZone), instant));
}

/** Minutes since local midnight as the wall clock shows them (so 09:30 is 570 even on a DST day). */
export function localMinuteOfDay(instant: number, timeZone: string): number {
  const naive = instant + offsetMs(ianaZone(timeZone), instant);
  return (naive - naiveMidnight(dateOfNaive(naive))) / MINUTE_MS;
}

/**
 * The first instant at which the wall clock in `timeZone` reads `minuteOfDay` minutes after the
 * midnight starting `date`, or later. `minuteOfDay` may pass 1440 to reach into following days.
 *
 * This one rule settles both daylight-saving edge cases the same way for every zone:
 * - a wall time inside a spring-forward gap maps to the end of the gap (02:30 -> 03:00), so a
 *   01:00-05:00 pattern lasts 3 h that day;
 * - a wall time that occurs twice at fall-back maps to its first occurrence, so 01:00-05:00 lasts 5 h.
 * Luxon's own choice for a repeated time differs by zone (later in Berlin, earlier in Sydney).
 */
export function wallClockInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const zone = ianaZone(timeZone);
  // The wall time read as if it were UTC: a naive clock without DST, so adding minutes is exact.
  // Each real offset maps it to one candidate instant.
  const wall = naiveMidnight(date) + minuteOfDay * MINUTE_MS;
  const offsetBefore = offsetMs(zone, wall - SEARCH_RADIUS_MS);
  const offsetAfter = offsetMs(zone, wall + SEARCH_RADIUS_MS);
  if (offsetBefore === offsetAfter && offsetMs(zone, wall - offsetBefore) === offsetBefore) {
    return wall - offsetBefore;
  }

  const occurrences = [offsetBefore, offsetAfter]
    .map((offset) => ({ offset, instant: wall - offset }))
    .filter((c) => offsetMs(zone, c.instant) === c.offset)
    .map((c) => c.instant);
  if (occurrences.length > 0) return Math.min(...occurrences);

  // The wall time was skipped: answer the moment the clock jumped over it.
  const lastBeforeGuess = wall - Math.max(offsetBefore, offsetAfter);
  const firstAfterGuess = wall - Math.min(offsetBefore, offsetAfter);
  return firstInstantWithOffsetChange(zone, lastBeforeGuess, firstAfterGuess);
}

/** Binary search for the transition between `before` (old offset) and `after` (new offset). */
function firstInstantWithOffsetChange(zone: IANAZone, before: number, after: number): number {
  const oldOffset = zone.offset(before);
  let low = before;
  let high = after;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (zone.offset(middle) === oldOffset) low = middle;
    else high = middle;
  }
  return high;
}

/** The start of the local calendar day containing `instant`. */
export function localDayStart(instant: number, timeZone: string): number {
  return wallClockInstant(localDateOf(instant, timeZone), 0, timeZone);
}
