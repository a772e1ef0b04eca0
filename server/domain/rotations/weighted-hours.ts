import { addDays, clipTo, compareDates, isoWeekday, localDateOf, wallClockInstant } from "../time";
import type { Interval } from "./types";

export const NIGHT_WEIGHT = 1.5;
/** Weekend hours weigh 2 day and night: the weekend weight already outweighs the night one. */
export const WEEKEND_WEIGHT = 2;
const NIGHT_ENDS_MINUTE = 7 * 60;
const NIGHT_STARTS_MINUTE = 22 * 60;
const END_OF_DAY_MINUTE = 24 * 60;
/** Converts elapsed milliseconds to hours: weighted load counts hours actually spent, not wall-clock ones. */
const MS_PER_HOUR = 3_600_000;
const SATURDAY = 6;

/**
 * Weighted hours of `interval` in `timeZone`: 1 per daytime hour, 1.5 per night hour (22:00-07:00 local),
 * 2 per hour on a local Saturday or Sunday. Night follows the calendar day: Friday 22:00 to Saturday 00:00 is
 * a weekday night, Sunday 22:00 to Monday 00:00 still weekend.
 */
export function weightedHours(interval: Interval, timeZone: string): number {
  if (interval.end <= interval.start) return 0;
  let weightedMs = 0;
  const lastDate = localDateOf(interval.end, timeZone);
  for (let date = localDateOf(interval.start, timeZone); compareDates(date, lastDate) <= 0; date = addDays(date, 1)) {
    const at = (minute: number): number => wallClockInstant(date, minute, timeZone);
    const weekend = isoWeekday(date) >= SATURDAY;
    const bands: Array<{ span: Interval; weight: number }> = [
      { span: { start: at(0), end: at(NIGHT_ENDS_MINUTE) }, weight: weekend ? WEEKEND_WEIGHT : NIGHT_WEIGHT },
      { span: { start: at(NIGHT_ENDS_MINUTE), end: at(NIGHT_STARTS_MINUTE) }, weight: weekend ? WEEKEND_WEIGHT : 1 },
      {
        span: { start: at(NIGHT_STARTS_MINUTE), end: at(END_OF_DAY_MINUTE) },
        weight: weekend ? WEEKEND_WEIGHT : NIGHT_WEIGHT,
      },
    ];
    for (const { span, weight } of bands) {
      const inside = clipTo(span, interval);
      if (inside) weightedMs += (inside.end - inside.start) * weight;
    }
  }
  return weightedMs / MS_PER_HOUR;
}
