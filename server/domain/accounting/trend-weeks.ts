import { DateTime } from "luxon";
import { addDays, localDateOf, wallClockInstant, type Interval } from "../time";
import { countedSpan, periodWindow, weekWindows } from "./periods";

export interface TrendWindow {
  /** The whole local week, Monday 00:00 to Monday 00:00. */
  week: Interval;
  /** The part counted: the running week only up to now (see accountingWindow). */
  accounted: Interval;
  /** The week's Monday on that wall clock, "16 Nov". */
  label: string;
}

/** The last `count` whole local weeks of `timeZone`, ending with the one containing `now`; no labels. */
export function trendWeeks(timeZone: string, count: number, now: Date): Interval[] {
  const thisMonday = localDateOf(periodWindow("week", now.getTime(), timeZone).start, timeZone);
  const firstMonday = addDays(thisMonday, -7 * (count - 1));
  return weekWindows(timeZone, wallClockInstant(firstMonday, 0, timeZone), count);
}

/** The last `count` local weeks of `timeZone`, ending with the one containing `now`. */
export function trendWindows(timeZone: string, count: number, now: Date): TrendWindow[] {
  return trendWeeks(timeZone, count, now).map((week) => ({
    week,
    accounted: countedSpan(week, now.getTime()),
    label: DateTime.fromMillis(week.start, { zone: timeZone }).setLocale("en-GB").toFormat("d LLL"),
  }));
}

/** From the first window's start to the last one's counted end: what to load facts for. */
export function spanOf(windows: readonly TrendWindow[]): Interval | null {
  const first = windows[0];
  const last = windows[windows.length - 1];
  return first && last ? { start: first.week.start, end: last.accounted.end } : null;
}
