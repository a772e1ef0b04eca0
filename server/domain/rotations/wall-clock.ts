import { cachedZone } from "./zone-cache";

/**
 * Wall-clock arithmetic in a rotation's zone. Offsets come from luxon's IANA zones (memoised); the arithmetic
 * itself is done here because luxon's DateTime.plus costs ~20 µs a call, and expanding a year of 50 rotations
 * must take a few milliseconds.
 */

/** A local calendar date with no zone. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_UTC_DAY = 24 * 60 * MS_PER_MINUTE;
/**
 * How far either side of a wall time to look for the offsets around it. The instant showing that wall time is
 * within the widest UTC offsets (-12 h to +14 h) of it, so 15 h reaches past it with margin.
 */
const OFFSET_PROBE_MS = 15 * 60 * MS_PER_MINUTE;

/** The calendar read as if it were UTC: Date.UTC rolls day and minute overflow into the next month or day. */
function asUtc(date: CalendarDate, minute = 0): number {
  return Date.UTC(date.year, date.month - 1, date.day, 0, minute);
}

/**
 * The UTC calendar date of `ms`, by arithmetic (Hinnant's days-to-civil) rather than through a Date: Next's server
 * wraps the Date constructor, and expansion asks for thousands of dates.
 */
function dateOfUtc(ms: number): CalendarDate {
  const shifted = Math.floor(ms / MS_PER_UTC_DAY) + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1 };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A yyyy-mm-dd calendar date, or null when the text is not one (2026-02-30). Read by hand: luxon's parser costs
 * ~20 µs a call, paid twice per rotation expanded.
 */
export function readCalendarDate(isoDate: string): CalendarDate | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // setUTCFullYear, unlike Date.UTC, reads years 0-99 as themselves; any overflow shows as a different date.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  const real = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  return real ? { year, month, day } : null;
}

export function parseCalendarDate(isoDate: string): CalendarDate {
  const date = readCalendarDate(isoDate);
  if (!date) throw new RangeError(`Not a calendar date (yyyy-mm-dd): "${isoDate}"`);
  return date;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return dateOfUtc(Date.UTC(date.year, date.month - 1, date.day + days));
}

/** ISO weekday, Monday 1 to Sunday 7. */
export function isoWeekday(date: CalendarDate): number {
  // 1 January 1970 was a Thursday (4).
  const days = Math.floor(asUtc(date) / MS_PER_UTC_DAY);
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

export function isOnOrBefore(a: CalendarDate, b: CalendarDate): boolean {
  return asUtc(a) <= asUtc(b);
}

/** Whole calendar days from `from` to `to`: dates read as UTC, where every day has 24 hours. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((asUtc(to) - asUtc(from)) / MS_PER_UTC_DAY);
}

/** The local date, in `timeZone`, of an instant. */
export function calendarDateAt(instant: number, timeZone: string): CalendarDate {
  return dateOfUtc(instant + cachedZone(timeZone).offset(instant) * MS_PER_MINUTE);
}

/** The wall time `instant` shows in `timeZone`, read as if it were UTC. */
export function wallTimeAt(instant: number, timeZone: string): number {
  return instant + cachedZone(timeZone).offset(instant) * MS_PER_MINUTE;
}

/**
 * The instant at which the wall clock of `timeZone` shows `minuteOfDay` on `date` (1440 is the next midnight).
 *
 * Daylight-saving rule, the same everywhere in Toilcap's rotations:
 * - a wall time skipped by a spring-forward gap moves forward by the gap's length (02:30 becomes 03:30),
 *   as luxon does;
 * - a wall time repeated by a fall-back overlap resolves to its first occurrence (the daylight-time one).
 *   luxon picks either occurrence depending on the zone (Berlin's later, Sydney's earlier), hence this rule.
 */
export function wallClockInstant(date: CalendarDate, minuteOfDay: number, timeZone: string): number {
  return instantOfWallTime(asUtc(date, minuteOfDay), timeZone);
}

/**
 * {@link wallClockInstant} of the date `days` after `date`, without building that date: hand-off schedules ask
 * for thousands of these, and the intermediate objects were most of the cost.
 */
export function wallClockInstantAfterDays(date: CalendarDate, days: number, minuteOfDay: number, timeZone: string): number {
  return instantOfWallTime(Date.UTC(date.year, date.month - 1, date.day + days, 0, minuteOfDay), timeZone);
}

/** The instant showing `wallAsUtc` (a wall time read as if it were UTC) on `timeZone`'s clock, by the rule above. */
function instantOfWallTime(wallAsUtc: number, timeZone: string): number {
  const zone = cachedZone(timeZone);
  const offsetBefore = zone.offset(wallAsUtc - OFFSET_PROBE_MS);
  const offsetAfter = zone.offset(wallAsUtc + OFFSET_PROBE_MS);
  // A larger offset reads the same wall time at an earlier instant, so try it first.
  const larger = Math.max(offsetBefore, offsetAfter);
  const smaller = Math.min(offsetBefore, offsetAfter);
  const early = wallAsUtc - larger * MS_PER_MINUTE;
  if (zone.offset(early) === larger) return early;
  const late = wallAsUtc - smaller * MS_PER_MINUTE;
  if (zone.offset(late) === smaller) return late;
  // Neither offset shows this wall time: it is in a gap. Read with the offset before the gap, it lands as far
  // past the transition as it was meant to be past the old wall-clock hour.
  return wallAsUtc - offsetBefore * MS_PER_MINUTE;
}
