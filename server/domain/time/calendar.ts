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

/** One day of the naive clock (which has no DST): only ever used to count naive days, never wall-clock ones. */
const NAIVE_DAY_MS = 86_400_000;

/**
 * The date a naive (UTC-reading) clock value falls on, by arithmetic (Hinnant's days-to-civil) rather than through
 * a Date: Next's server wraps the Date constructor, which made a year of schedules spend most of its time there.
 */
export function dateOfNaive(naive: number): LocalDate {
  const shifted = Math.floor(naive / NAIVE_DAY_MS) + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1,
  };
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
  // 1 January 1970 was a Thursday (4).
  const days = Math.floor(naiveMidnight(date) / NAIVE_DAY_MS);
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A yyyy-mm-dd calendar date, or null when the text is not one (2026-02-30). Read by hand: luxon's parser costs
 * ~20 µs a call, paid twice per rotation expanded.
 */
export function readLocalDate(isoDate: string): LocalDate | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // setUTCFullYear, unlike Date.UTC, reads years 0-99 as themselves; any overflow shows as a different date.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  const real = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  return real ? { year, month, day } : null;
}

/** yyyy-mm-dd, as date columns and date inputs hold it (and comparable as text). */
export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function parseLocalDate(isoDate: string): LocalDate {
  const date = readLocalDate(isoDate);
  if (!date) throw new RangeError(`Not a calendar date (yyyy-mm-dd): "${isoDate}"`);
  return date;
}
