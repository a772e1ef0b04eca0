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
  return atStart === dayStartOffset(zone, day + 1) ? atStart : zone.offset(instant);
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
