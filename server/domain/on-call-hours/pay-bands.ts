import {
  containsInstant,
  intersectIntervals,
  localMinuteOfDay,
  normalize,
  SLEEP_END_MINUTE,
  SLEEP_START_MINUTE,
  subtractIntervals,
  workPatternIntervals,
  type Interval,
  type WorkPattern,
} from "../time";

/**
 * The bands on-call time is paid in, on the person's own wall clock. Each instant is in exactly one band; where
 * several apply the first in this order wins: a public holiday, then the weekend (Saturday and Sunday, midnight to
 * midnight), then the night (22:00 to 07:00), then business hours (the person's work pattern on a weekday),
 * and what is left of a weekday is evening.
 */
export type PayBand = "holiday" | "weekend" | "night" | "business" | "evening";

export const PAY_BANDS: readonly PayBand[] = ["business", "evening", "night", "weekend", "holiday"];

/** The clock one person's time is banded on. */
export interface BandClock {
  timeZone: string;
  workPattern: WorkPattern;
  /** The person's public holidays (absences of kind holiday). */
  holidays: readonly Interval[];
}

const NIGHTS = { days: [1, 2, 3, 4, 5, 6, 7], startMinute: SLEEP_START_MINUTE, endMinute: 24 * 60 + SLEEP_END_MINUTE };
const WEEKEND_DAYS = { days: [6, 7], startMinute: 0, endMinute: 24 * 60 };
const WEEKDAYS = [1, 2, 3, 4, 5];

/** The window cut into the five bands: disjoint, and together exactly the window. */
export function payBandIntervals(window: Interval, clock: BandClock): Record<PayBand, Interval[]> {
  const all = normalize([window]);
  if (all.length === 0) return { holiday: [], weekend: [], night: [], business: [], evening: [] };
  const holiday = intersectIntervals(all, clock.holidays);
  let rest = subtractIntervals(all, holiday);
  const weekend = intersectIntervals(rest, workPatternIntervals(WEEKEND_DAYS, clock.timeZone, window));
  rest = subtractIntervals(rest, weekend);
  const night = intersectIntervals(rest, workPatternIntervals(NIGHTS, clock.timeZone, window));
  rest = subtractIntervals(rest, night);
  const weekdayPattern = { ...clock.workPattern, days: clock.workPattern.days.filter((d) => WEEKDAYS.includes(d)) };
  const business =
    weekdayPattern.days.length === 0
      ? []
      : intersectIntervals(rest, workPatternIntervals(weekdayPattern, clock.timeZone, window));
  return { holiday, weekend, night, business, evening: subtractIntervals(rest, business) };
}

/** Time (such as duty) split into the bands. */
export function splitByPayBand(list: readonly Interval[], clock: BandClock): Record<PayBand, Interval[]> {
  const time = normalize(list);
  const first = time[0];
  const last = time[time.length - 1];
  const bands = payBandIntervals({ start: first?.start ?? 0, end: last?.end ?? 0 }, clock);
  return {
    holiday: intersectIntervals(time, bands.holiday),
    weekend: intersectIntervals(time, bands.weekend),
    night: intersectIntervals(time, bands.night),
    business: intersectIntervals(time, bands.business),
    evening: intersectIntervals(time, bands.evening),
  };
}

/** The band one instant (such as a page) falls in. */
export function payBandOf(instant: number, clock: BandClock): PayBand {
  const bands = payBandIntervals({ start: instant, end: instant + 1 }, clock);
  return PAY_BANDS.find((band) => containsInstant(bands[band], instant)) ?? "evening";
}

/** Whether the wall clock shows 22:00 to 07:00, whatever the day. */
export function isNightTime(instant: number, timeZone: string): boolean {
  const minute = localMinuteOfDay(instant, timeZone);
  return minute >= SLEEP_START_MINUTE || minute < SLEEP_END_MINUTE;
}
