import { DateTime } from "luxon";

/** The team's home zone: weeks, hand-offs and ticket-duty hours follow Berlin's wall clock. */
export const DEMO_ZONE = "Europe/Berlin";
/** Full weeks of history before the week containing `now`. */
export const DEMO_WEEKS = 12;
export const MINUTE_MS = 60_000;

/**
 * The demo's calendar. Days are numbered from the first Monday (day 0) and mean the same calendar date in
 * every zone; instants are epoch ms. Luxon's zone look-ups dominate the seeding time, so midnights are cached.
 */
export interface DemoWindow {
  /** Monday 00:00 in Berlin, DEMO_WEEKS weeks before the week containing `now`. */
  firstMonday: DateTime;
  now: DateTime;
  nowMs: number;
  /** A week before `now`: interrupts older than this have had their weekly review. */
  reviewedBeforeMs: number;
  /** The full weeks plus the current, partial one. */
  weekCount: number;
  midnights: Map<string, DateTime>;
}

export function demoWindow(now: Date): DemoWindow {
  const local = DateTime.fromJSDate(now, { zone: DEMO_ZONE });
  const firstMonday = local.startOf("week").minus({ weeks: DEMO_WEEKS });
  return {
    firstMonday,
    now: local,
    nowMs: local.toMillis(),
    reviewedBeforeMs: local.minus({ weeks: 1 }).toMillis(),
    weekCount: DEMO_WEEKS + 1,
    midnights: new Map(),
  };
}

/** [from, to) in epoch ms of the demo's first full week, Monday 00:00 to Monday 00:00 in Berlin. */
export function demoFirstWeek(now: Date): { from: number; to: number } {
  const { firstMonday } = demoWindow(now);
  return { from: firstMonday.toMillis(), to: firstMonday.plus({ weeks: 1 }).toMillis() };
}

/** The calendar date of a demo day, as a UTC date so that date arithmetic needs no zone. */
export function calendarDate(window: DemoWindow, dayIndex: number): DateTime {
  const { year, month, day } = window.firstMonday;
  return DateTime.utc(year, month, day).plus({ days: dayIndex });
}

/** ISO weekday of a demo day, 1 = Monday. */
export const weekdayOf = (dayIndex: number): number => (((dayIndex % 7) + 7) % 7) + 1;

/** Local midnight in `zone` of a demo day. */
export function localDay(window: DemoWindow, zone: string, dayIndex: number): DateTime {
  const key = `${zone} ${dayIndex}`;
  const cached = window.midnights.get(key);
  if (cached) return cached;
  const { year, month, day } = calendarDate(window, dayIndex);
  const midnight = DateTime.fromObject({ year, month, day }, { zone });
  window.midnights.set(key, midnight);
  return midnight;
}

/** Epoch ms of local midnight in `zone` of a demo day. */
export const midnightMs = (window: DemoWindow, zone: string, dayIndex: number): number => localDay(window, zone, dayIndex).toMillis();

/**
 * Epoch ms at which the wall clock in `zone` reads `minute` past midnight of a demo day (past 1440 it
 * reaches into the next days). A day that starts and ends on the same UTC offset keeps it throughout, so
 * its minutes simply add up; the daylight-saving days go through luxon's wall-clock rules.
 */
export function wallClockMs(window: DemoWindow, zone: string, dayIndex: number, minute: number): number {
  const day = dayIndex + Math.floor(minute / 1440);
  const minuteOfDay = minute % 1440;
  const midnight = localDay(window, zone, day);
  if (midnight.offset === localDay(window, zone, day + 1).offset) return midnight.toMillis() + minuteOfDay * MINUTE_MS;
  return midnight.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }).toMillis();
}

/** The demo day (in `zone`) an instant falls on. */
export function dayIndexOf(window: DemoWindow, zone: string, instant: number): number {
  const local = DateTime.fromMillis(instant, { zone });
  return Math.round(DateTime.utc(local.year, local.month, local.day).diff(calendarDate(window, 0), "days").days);
}
