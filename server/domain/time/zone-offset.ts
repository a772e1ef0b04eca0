import { Duration, type IANAZone } from "luxon";
import { MINUTE_MS } from "./intervals";

/** A UTC day is always this long (JavaScript time has no leap seconds); used only as a cache bucket. */
const UTC_DAY_MS = Duration.fromObject({ days: 1 }).toMillis();
const MAX_CACHED_DAYS_PER_ZONE = 50_000;

/** Per zone: UTC day number -> the zone's offset (minutes) at that day's first instant. */
const offsetAtDayStart = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset in minutes at `instant`. Each Intl lookup costs microseconds and a year's
 * schedule needs thousands, so the offset at each UTC midnight is remembered, and a day that starts
 * and ends on the same offset is taken to keep it all day (the tz database has no day with two
 * transitions that cancel out). The cache only holds tz-database facts, so results never change.
 */
export function offsetMinutes(zone: IANAZone, instant: number): number {
  const day = Math.floor(instant / UTC_DAY_MS);
  const atStart = dayStartOffset(zone, day);
  const atEnd = dayStartOffset(zone, day + 1);
  if (atStart === atEnd) return atStart;
  // A transition day: every schedule near a DST change asks about it, so find the change once and remember it.
  return instant < changeInstant(zone, day, atStart) ? atStart : atEnd;
}

/** Per zone: UTC day number -> the first instant (ms) of that day on the new offset. */
const changeOnDay = new Map<string, Map<number, number>>();

/** Bisects the day for the instant its offset stops being `atStart` (the tz database changes it at most once a day). */
function changeInstant(zone: IANAZone, day: number, atStart: number): number {
  let days = changeOnDay.get(zone.name);
  if (days === undefined) {
    days = new Map();
    changeOnDay.set(zone.name, days);
  }
  let change = days.get(day);
  if (change === undefined) {
    let low = day * UTC_DAY_MS;
    let high = low + UTC_DAY_MS;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (zone.offset(middle) === atStart) low = middle;
      else high = middle;
    }
    change = high;
    if (days.size >= MAX_CACHED_DAYS_PER_ZONE) days.clear();
    days.set(day, change);
  }
  return change;
}

export function offsetMs(zone: IANAZone, instant: number): number {
  return offsetMinutes(zone, instant) * MINUTE_MS;
}

function dayStartOffset(zone: IANAZone, day: number): number {
  let days = offsetAtDayStart.get(zone.name);
  if (days === undefined) {
    days = new Map();
    offsetAtDayStart.set(zone.name, days);
  }
  let offset = days.get(day);
  if (offset === undefined) {
    offset = zone.offset(day * UTC_DAY_MS);
    // A long-running server must not grow this without bound.
    if (days.size >= MAX_CACHED_DAYS_PER_ZONE) days.clear();
    days.set(day, offset);
  }
  return offset;
}

/** A change of a zone's UTC offset: from `at` on, the zone is `after` minutes from UTC instead of `before`. */
export interface OffsetChange {
  at: number;
  before: number;
  after: number;
}

/** Every offset change of `zone` in [start, end), in order, found through the same per-day cache as the offsets. */
export function offsetChangesBetween(zone: IANAZone, start: number, end: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  for (let day = Math.floor(start / UTC_DAY_MS); day * UTC_DAY_MS < end; day++) {
    const before = dayStartOffset(zone, day);
    const after = dayStartOffset(zone, day + 1);
    if (before === after) continue;
    const at = changeInstant(zone, day, before);
    if (at >= start && at < end) changes.push({ at, before, after });
  }
  return changes;
}
