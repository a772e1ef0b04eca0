import { containsInstant, intersectIntervals, normalize, subtractIntervals, type Interval } from "./intervals";
import { localMinuteOfDay } from "./wall-clock";
import { workPatternIntervals } from "./work-pattern";

/** How disruptive interrupt time was, on the engineer's own clock (rule 9). */
export type TimeBand = "business" | "off-hours" | "sleep";

export const SLEEP_START_MINUTE = 22 * 60;
export const SLEEP_END_MINUTE = 7 * 60;

/** Every night, 22:00 to 07:00 the next morning, as an overnight pattern. */
const SLEEP_PATTERN = {
  days: [1, 2, 3, 4, 5, 6, 7],
  startMinute: SLEEP_START_MINUTE,
  endMinute: 24 * 60 + SLEEP_END_MINUTE,
};

/** Business inside `scheduled` (even at night); otherwise 07:00-22:00 local is off-hours, the rest sleep. */
export function bandOf(instant: number, timeZone: string, scheduled: readonly Interval[]): TimeBand {
  if (containsInstant(scheduled, instant)) return "business";
  const minute = localMinuteOfDay(instant, timeZone);
  return minute >= SLEEP_END_MINUTE && minute < SLEEP_START_MINUTE ? "off-hours" : "sleep";
}

/** Splits time (such as interrupt work) into the three bands; each band is normalized. */
export function splitByBand(
  list: readonly Interval[],
  timeZone: string,
  scheduled: readonly Interval[],
): Record<TimeBand, Interval[]> {
  const time = normalize(list);
  const first = time[0];
  const last = time[time.length - 1];
  if (first === undefined || last === undefined) return { business: [], "off-hours": [], sleep: [] };

  const nights = workPatternIntervals(SLEEP_PATTERN, timeZone, { start: first.start, end: last.end });
  const outsideSchedule = subtractIntervals(time, scheduled);
  return {
    business: intersectIntervals(time, scheduled),
    "off-hours": subtractIntervals(outsideSchedule, nights),
    sleep: intersectIntervals(outsideSchedule, nights),
  };
}
