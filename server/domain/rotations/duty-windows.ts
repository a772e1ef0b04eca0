import {
  addDays,
  compareDates,
  isoWeekday,
  localDateOf,
  MINUTES_PER_DAY,
  unionIntervals,
  wallClockInstant,
  type Interval,
} from "../time";
import type { DutyWindow } from "./types";

const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** Whether the window runs past midnight into the next day: an end at or before its start means it does. */
export function crossesMidnight(window: DutyWindow): boolean {
  return window.endMinute <= window.startMinute;
}

/** Wall-clock minutes from the window's start to its end (a 20:00-08:00 window is 720, 08:00-08:00 is a whole day). */
export function windowMinutes(window: DutyWindow): number {
  return crossesMidnight(window)
    ? window.endMinute + MINUTES_PER_DAY - window.startMinute
    : window.endMinute - window.startMinute;
}

/**
 * The duty intervals of weekly `windows` on `timeZone`'s wall clock inside `range`, sorted and disjoint (windows that
 * touch join). A window belongs to the days it starts on; one that crosses midnight ends on the next day's clock.
 * Both ends go through the one wall-clock rule of server/domain/time, so a 20:00-08:00 night is 11 hours on a
 * spring-forward night and 13 on a fall-back night, and windows that meet at a wall time meet at one instant.
 */
export function dutyIntervals(range: Interval, windows: readonly DutyWindow[], timeZone: string): Interval[] {
  if (range.end <= range.start || windows.length === 0) return [];
  const pieces: Interval[] = [];
  const lastDate = localDateOf(range.end, timeZone);
  // A window that started the day before may still run at the range's start.
  for (
    let date = addDays(localDateOf(range.start, timeZone), -1);
    compareDates(date, lastDate) <= 0;
    date = addDays(date, 1)
  ) {
    const weekday = isoWeekday(date);
    for (const window of windows) {
      if (!window.days.includes(weekday)) continue;
      const start = Math.max(range.start, wallClockInstant(date, window.startMinute, timeZone));
      const end = Math.min(range.end, wallClockInstant(date, window.startMinute + windowMinutes(window), timeZone));
      if (start < end) pieces.push({ start, end });
    }
  }
  return unionIntervals(pieces);
}

/** One stretch of the week a window covers, in minutes from Monday 00:00 (may run past the week's end). */
interface WeekSpan {
  window: number;
  day: number;
  start: number;
  end: number;
}

function weekSpans(windows: readonly DutyWindow[]): WeekSpan[] {
  return windows.flatMap((window, index) =>
    [...new Set(window.days)].map((day) => {
      const start = (day - 1) * MINUTES_PER_DAY + window.startMinute;
      return { window: index, day, start, end: start + windowMinutes(window) };
    }),
  );
}

function spansOverlap(a: WeekSpan, b: WeekSpan): boolean {
  // The week wraps: Sunday night's window runs into Monday morning.
  return [-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK].some((shift) => a.start < b.end + shift && b.start + shift < a.end);
}

/** A pair of windows that cover the same time of the week: `later` is the one listed second. */
export interface WindowOverlap {
  earlier: number;
  later: number;
  /** ISO weekday the later window starts on, where the two meet. */
  day: number;
}

/** The first overlap of each window with one listed before it (a window whose days repeat cannot overlap itself). */
export function windowOverlaps(windows: readonly DutyWindow[]): WindowOverlap[] {
  const spans = weekSpans(windows);
  const found: WindowOverlap[] = [];
  for (const later of spans) {
    if (found.some((overlap) => overlap.later === later.window)) continue;
    const clash = spans.find((earlier) => earlier.window < later.window && spansOverlap(earlier, later));
    if (clash) found.push({ earlier: clash.window, later: later.window, day: later.day });
  }
  return found;
}
