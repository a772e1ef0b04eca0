import { IANAZone } from "luxon";
import { dateOfNaive, formatLocalDate, naiveMidnight, type LocalDate } from "./calendar";
import { MINUTE_MS } from "./intervals";
import { offsetChangesBetween, offsetMinutes, offsetMs, type OffsetChange } from "./zone-offset";

export const MINUTES_PER_DAY = 24 * 60;

/**
 * How far either side of a wall time to look for the offsets around it. The instant showing a wall time lies
 * within the widest UTC offsets (-12 h to +14 h) of it, so a day reaches past it on both sides.
 */
const OFFSET_PROBE_MS = MINUTES_PER_DAY * MINUTE_MS;

/** Names found valid: asking Intl costs ~90 µs, paid for every rotation checked before expansion. */
const validZones = new Set<string>();
/** Only valid names are kept, and Intl accepts each in any letter case; the bound keeps a server's memory finite. */
const MAX_VALID_ZONES = 10_000;

export function isValidTimeZone(timeZone: string): boolean {
  if (validZones.has(timeZone)) return true;
  if (!IANAZone.isValidZone(timeZone)) return false;
  if (validZones.size >= MAX_VALID_ZONES) validZones.clear();
  validZones.add(timeZone);
  return true;
}

/** Throws on an unknown zone: silently falling back to UTC would shift every number a user sees. */
export function ianaZone(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`Unknown IANA time zone: "${timeZone}"`);
  return zone;
}

/** The wall time `instant` shows in `timeZone`, read as if it were UTC (a naive clock with no DST). */
export function wallTimeAt(instant: number, timeZone: string): number {
  return instant + offsetMs(ianaZone(timeZone), instant);
}

/** The zone's UTC offset in minutes at `instant` (+60 for Berlin in winter). */
export function utcOffsetMinutes(instant: number, timeZone: string): number {
  return offsetMinutes(ianaZone(timeZone), instant);
}

/** Every change of `timeZone`'s UTC offset in [start, end), in order: DST changes and changes of standard time. */
export function offsetChanges(timeZone: string, start: number, end: number): OffsetChange[] {
  return offsetChangesBetween(ianaZone(timeZone), start, end);
}

export function localDateOf(instant: number, timeZone: string): LocalDate {
  return dateOfNaive(wallTimeAt(instant, timeZone));
}

/** Today on the wall clock of `timeZone`, yyyy-mm-dd. */
export function todayIn(timeZone: string, now: Date): string {
  return formatLocalDate(localDateOf(now.getTime(), timeZone));
}

/** Minutes since local midnight as the wall clock shows them (so 09:30 is 570 even on a DST day). */
export function localMinuteOfDay(instant: number, timeZone: string): number {
  const naive = wallTimeAt(instant, timeZone);
  return (naive - naiveMidnight(dateOfNaive(naive))) / MINUTE_MS;
}

/**
 * The instant at which the wall clock of `timeZone` shows `minuteOfDay` minutes after the midnight starting
 * `date`. `minuteOfDay` may pass 1440 to reach into following days (1440 is the next midnight).
 *
 * Toilcap's one rule for wall times that do not exist or exist twice, the "compatible" disambiguation of
 * RFC 5545 and Temporal, for every zone and every caller:
 * - a wall time inside a spring-forward gap moves forward by the gap's length (Berlin 02:30 becomes 03:30,
 *   Lord Howe 02:05 becomes 02:35, Apia's skipped 30 December 2011 becomes 31 December);
 * - a wall time repeated by a fall-back overlap takes its first (earlier) occurrence.
 * luxon moves gap times forward too, but picks either occurrence of a repeated time depending on the zone
 * (the later in Berlin, the earlier in Sydney), hence this function rather than DateTime.fromObject.
 */
export function wallClockInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const zone = ianaZone(timeZone);
  // The wall time read as if it were UTC: a naive clock without DST, so adding minutes is exact.
  const wall = naiveMidnight(date) + minuteOfDay * MINUTE_MS;
  const offsetBefore = offsetMs(zone, wall - OFFSET_PROBE_MS);
  const offsetAfter = offsetMs(zone, wall + OFFSET_PROBE_MS);
  // A larger offset reads the same wall time at an earlier instant, so try it first: that is the first occurrence.
  const larger = Math.max(offsetBefore, offsetAfter);
  const early = wall - larger;
  if (offsetMs(zone, early) === larger) return early;
  const smaller = Math.min(offsetBefore, offsetAfter);
  const late = wall - smaller;
  if (offsetMs(zone, late) === smaller) return late;
  // Neither offset shows this wall time: it is in a gap. Read with the offset from before the gap, it lands
  // as far past the jump as it was meant to be past the wall time where the jump happened.
  return wall - offsetBefore;
}

/** The start of the local calendar day containing `instant` (later than midnight when midnight was skipped). */
export function localDayStart(instant: number, timeZone: string): number {
  return wallClockInstant(localDateOf(instant, timeZone), 0, timeZone);
}
