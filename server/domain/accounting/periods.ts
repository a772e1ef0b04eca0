import { addDays, addMonths, isoWeekday, localDateOf, wallClockInstant, type Interval, type LocalDate } from "../time";

/** Local calendar periods: ISO weeks starting Monday 00:00, calendar months, calendar quarters. */
export type PeriodKind = "week" | "month" | "quarter";

/** The local calendar period of `kind` containing `now`, on the wall clock of `timeZone`. */
export function periodWindow(kind: PeriodKind, now: number, timeZone: string): Interval {
  const start = periodStartDate(kind, localDateOf(now, timeZone));
  return {
    start: wallClockInstant(start, 0, timeZone),
    end: wallClockInstant(nextPeriodStart(kind, start), 0, timeZone),
  };
}

/**
 * `count` consecutive local periods, the first containing `from`. Boundaries are local midnights,
 * so a week with a daylight-saving change lasts 167 or 169 hours.
 */
export function periodWindows(kind: PeriodKind, timeZone: string, from: number, count: number): Interval[] {
  const windows: Interval[] = [];
  let date = periodStartDate(kind, localDateOf(from, timeZone));
  let start = wallClockInstant(date, 0, timeZone);
  for (let i = 0; i < count; i++) {
    date = nextPeriodStart(kind, date);
    const end = wallClockInstant(date, 0, timeZone);
    windows.push({ start, end });
    start = end;
  }
  return windows;
}

/** The `days` local days ending with the day of `at` (that day included), midnight to midnight in `timeZone`. */
export function rollingDaysWindow(at: number, days: number, timeZone: string): Interval {
  const lastDay = localDateOf(at, timeZone);
  return {
    start: wallClockInstant(addDays(lastDay, 1 - days), 0, timeZone),
    end: wallClockInstant(addDays(lastDay, 1), 0, timeZone),
  };
}

/** The counted part of a period: from its start up to now, never past its end (empty for a future period). */
export function countedSpan(period: Interval, now: number): Interval {
  return { start: period.start, end: Math.max(period.start, Math.min(period.end, now)) };
}

export function weekWindows(timeZone: string, from: number, count: number): Interval[] {
  return periodWindows("week", timeZone, from, count);
}

function periodStartDate(kind: PeriodKind, date: LocalDate): LocalDate {
  switch (kind) {
    case "week":
      return addDays(date, 1 - isoWeekday(date));
    case "month":
      return { year: date.year, month: date.month, day: 1 };
    case "quarter":
      return { year: date.year, month: date.month - ((date.month - 1) % 3), day: 1 };
  }
}

function nextPeriodStart(kind: PeriodKind, start: LocalDate): LocalDate {
  switch (kind) {
    case "week":
      return addDays(start, 7);
    case "month":
      return addMonths(start, 1);
    case "quarter":
      return addMonths(start, 3);
  }
}
