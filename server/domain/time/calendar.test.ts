import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import {
  addDays,
  addMonths,
  compareDates,
  dateOfNaive,
  isoWeekday,
  parseLocalDate,
  readLocalDate,
  type LocalDate,
} from "./calendar";

const date = (iso: string): LocalDate => {
  const d = DateTime.fromISO(iso, { zone: "UTC" });
  return { year: d.year, month: d.month, day: d.day };
};

describe("calendar dates", () => {
  test.each<[string, number, string]>([
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-03-29", 1, "2026-03-30"],
    ["2026-01-01", 365, "2027-01-01"],
  ])("%s + %d days = %s", (from, days, to) => {
    expect(addDays(date(from), days)).toEqual(date(to));
  });

  test.each<[string, number, string]>([
    ["2026-11-01", 3, "2027-02-01"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
  ])("%s + %d months = %s", (from, months, to) => {
    expect(addMonths(date(from), months)).toEqual(date(to));
  });

  test("weekdays are ISO: Monday 1 .. Sunday 7", () => {
    expect(isoWeekday(date("2026-03-02"))).toBe(1);
    expect(isoWeekday(date("2026-03-29"))).toBe(7);
  });

  test("agrees with luxon's calendar over four centuries", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 146_096 }), fc.integer({ min: -1000, max: 1000 }), (offset, days) => {
        const from = DateTime.utc(1900, 1, 1).plus({ days: offset });
        const to = from.plus({ days });
        const moved = addDays({ year: from.year, month: from.month, day: from.day }, days);
        expect(moved).toEqual({ year: to.year, month: to.month, day: to.day });
        expect(isoWeekday(moved)).toBe(to.weekday);
        expect(Math.sign(compareDates(moved, { year: from.year, month: from.month, day: from.day }))).toBe(
          Math.sign(days),
        );
      }),
      { numRuns: 200 },
    );
  });

  test("the date of a naive clock value is the UTC calendar date of that instant, at any time of day", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_208_988_800_000, max: 10_413_792_000_000 }), (naive) => {
        const d = DateTime.fromMillis(naive, { zone: "UTC" });
        expect(dateOfNaive(naive)).toEqual({ year: d.year, month: d.month, day: d.day });
      }),
      { numRuns: 500 },
    );
    expect(dateOfNaive(Date.UTC(2028, 1, 29, 23, 59, 59, 999))).toEqual({ year: 2028, month: 2, day: 29 });
    expect(dateOfNaive(Date.UTC(1969, 11, 31, 12))).toEqual({ year: 1969, month: 12, day: 31 });
  });
});

describe("reading yyyy-mm-dd dates", () => {
  test.each(["2026-02-29", "2026-13-01", "2026-04-31", "26-01-01", "2026-1-01", "0000-00-00"])(
    "%s is not a calendar date",
    (text) => {
      expect(readLocalDate(text)).toBeNull();
      expect(() => parseLocalDate(text)).toThrow(RangeError);
    },
  );

  test.each([
    ["2028-02-29", 2028, 2, 29],
    ["2026-12-31", 2026, 12, 31],
    ["0099-01-01", 99, 1, 1],
  ])("%s is a calendar date", (text, year, month, day) => {
    expect(readLocalDate(text)).toEqual({ year, month, day });
  });
});
