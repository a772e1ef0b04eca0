import { DateTime } from "luxon";

/** A calendar date on someone's wall clock, with no time zone attached. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

// Calendar dates carry no zone, so these run on the proleptic Gregorian calendar through Date.UTC,
// which never meets a DST change. Only the mapping to instants (wall-clock.ts) needs the tz database.
// A year of schedules steps thousands of days; luxon's DateTime.plus costs ~20 µs a step.

/** The date's midnight on a naive clock that reads like UTC (not an instant). */
export function naiveMidnight(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

/** The date a naive (UTC-reading) clock value falls on. */
export function dateOfNaive(naive: number): LocalDate {
  const d = new Date(naive);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfNaive(Date.UTC(date.year, date.month - 1, date.day + days));
}

/** Clamps to the month's last day, as calendars do: 31 January + 1 month is 28 or 29 February. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const moved = DateTime.utc(date.year, date.month, date.day).plus({ months });
  return { year: moved.year, month: moved.month, day: moved.day };
}

/** ISO weekday, 1 = Monday .. 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return new Date(naiveMidnight(date)).getUTCDay() || 7;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
