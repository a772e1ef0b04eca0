import { DateTime } from "luxon";
import { addDays, wallClockInstant, type LocalDate } from "@/server/domain/time";

/** The team's home zone: weeks, hand-offs and ticket-duty hours follow Berlin's wall clock. */
export const DEMO_ZONE = "Europe/Berlin";
/** Full weeks of history before the week containing `now`. */
export const DEMO_WEEKS = 12;
export const MINUTE_MS = 60_000;

/**
 * The demo's calendar. Days are numbered from the first Monday (day 0) and mean the same calendar date in
 * every zone; instants are epoch ms.
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

/** The calendar date of a demo day. */
function localDateOfDay(window: DemoWindow, dayIndex: number): LocalDate {
  const { year, month, day } = window.firstMonday;
  return addDays({ year, month, day }, dayIndex);
}

/** Epoch ms of local midnight in `zone` of a demo day. */
export const midnightMs = (window: DemoWindow, zone: string, dayIndex: number): number =>
  wallClockMs(window, zone, dayIndex, 0);

/**
 * Epoch ms at which the wall clock in `zone` reads `minute` past midnight of a demo day (past 1440 it
 * reaches into the next days), by the time domain's one rule for skipped and repeated wall times.
 */
export function wallClockMs(window: DemoWindow, zone: string, dayIndex: number, minute: number): number {
  return wallClockInstant(localDateOfDay(window, dayIndex), minute, zone);
}

/** The demo day (in `zone`) an instant falls on. */
export function dayIndexOf(window: DemoWindow, zone: string, instant: number): number {
  const local = DateTime.fromMillis(instant, { zone });
  return Math.round(DateTime.utc(local.year, local.month, local.day).diff(calendarDate(window, 0), "days").days);
}
