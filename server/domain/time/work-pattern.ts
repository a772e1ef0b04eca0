import { normalize, type Interval } from "./intervals";
import { addDays, compareDates, isoWeekday } from "./calendar";
import { localDateOf, MINUTES_PER_DAY, wallClockInstant } from "./wall-clock";

/**
 * When someone is scheduled to work, on their own wall clock.
 * `days` are ISO weekdays (1 = Monday .. 7 = Sunday) on which the working time *starts*;
 * minutes count from that day's local midnight, so an overnight 22:00-06:00 pattern is 1320-1800.
 */
export interface WorkPattern {
  days: readonly number[];
  startMinute: number;
  endMinute: number;
}

/** Monday to Friday, 09:00 to 17:00 local: 40 hours a week. */
export const DEFAULT_WORK_PATTERN: Readonly<WorkPattern> = Object.freeze({
  days: Object.freeze([1, 2, 3, 4, 5]),
  startMinute: 9 * 60,
  endMinute: 17 * 60,
});

/** Human-readable problems with a pattern; empty when it is usable. */
export function workPatternProblems(pattern: WorkPattern): string[] {
  const problems: string[] = [];
  if (pattern.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    problems.push("Work days must be ISO weekdays from 1 (Monday) to 7 (Sunday).");
  }
  if (!Number.isInteger(pattern.startMinute) || pattern.startMinute < 0 || pattern.startMinute >= MINUTES_PER_DAY) {
    problems.push("The workday must start between 00:00 and 23:59.");
  }
  if (!Number.isInteger(pattern.endMinute) || pattern.endMinute <= pattern.startMinute) {
    problems.push("The workday must end after it starts.");
  } else if (pattern.endMinute - pattern.startMinute > MINUTES_PER_DAY) {
    problems.push("A workday can last at most 24 hours.");
  }
  return problems;
}

/**
 * The pattern's working time as instants: each working day's local start and end wall-clock times
 * in `timeZone`, clipped to `window`. A 09:00-17:00 day stays 8 h across daylight-saving changes,
 * while a day whose pattern spans the skipped or repeated hour is shorter or longer.
 */
export function workPatternIntervals(pattern: WorkPattern, timeZone: string, window: Interval): Interval[] {
  const problems = workPatternProblems(pattern);
  if (problems.length > 0) throw new RangeError(problems.join(" "));
  if (!(window.end > window.start)) return [];

  const workDays = new Set(pattern.days);
  // Start a day early: an overnight pattern that began yesterday may still run into the window.
  const last = localDateOf(window.end, timeZone);
  const intervals: Interval[] = [];
  for (
    let date = addDays(localDateOf(window.start, timeZone), -1);
    compareDates(date, last) <= 0;
    date = addDays(date, 1)
  ) {
    if (!workDays.has(isoWeekday(date))) continue;
    const start = Math.max(wallClockInstant(date, pattern.startMinute, timeZone), window.start);
    const end = Math.min(wallClockInstant(date, pattern.endMinute, timeZone), window.end);
    if (end > start) intervals.push({ start, end });
  }
  // A 24-hour pattern on consecutive days touches the next one; merge so callers get one form.
  return normalize(intervals);
}
