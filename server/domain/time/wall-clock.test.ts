import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { at, utc, zoneArb } from "./test-support";
import type { LocalDate } from "./calendar";
import { isValidTimeZone, localDateOf, localDayStart, localMinuteOfDay, wallClockInstant } from "./wall-clock";

const date = (iso: string): LocalDate => {
  const [year = 0, month = 0, day = 0] = iso.split("-").map(Number);
  return { year, month, day };
};
const hm = (h: number, m = 0) => h * 60 + m;

describe("wallClockInstant", () => {
  test.each<[string, string, string, number, string]>([
    // zone, local date, description, minute of day, expected instant
    ["UTC", "2026-03-02", "plain", hm(9), "2026-03-02T09:00:00Z"],
    ["Asia/Kolkata", "2026-03-02", "+05:30, no DST", hm(9), "2026-03-02T03:30:00Z"],
    ["Europe/Berlin", "2026-03-02", "winter", hm(9), "2026-03-02T08:00:00Z"],
    ["Europe/Berlin", "2026-07-01", "summer", hm(9), "2026-07-01T07:00:00Z"],
    ["Europe/Berlin", "2026-03-29", "skipped 02:30 -> the jump at 03:00", hm(2, 30), "2026-03-29T01:00:00Z"],
    ["Europe/Berlin", "2026-03-29", "03:00 right after the jump", hm(3), "2026-03-29T01:00:00Z"],
    ["Europe/Berlin", "2026-10-25", "repeated 02:30 -> first occurrence", hm(2, 30), "2026-10-25T00:30:00Z"],
    ["America/New_York", "2026-03-08", "skipped 02:30", hm(2, 30), "2026-03-08T07:00:00Z"],
    ["America/New_York", "2026-11-01", "repeated 01:30 -> first occurrence", hm(1, 30), "2026-11-01T05:30:00Z"],
    ["Australia/Sydney", "2026-04-05", "southern fall-back, repeated 02:30", hm(2, 30), "2026-04-04T15:30:00Z"],
    ["Australia/Sydney", "2026-10-04", "southern spring-forward, skipped 02:30", hm(2, 30), "2026-10-03T16:00:00Z"],
    ["Pacific/Chatham", "2026-04-05", "+13:45 repeated 03:00", hm(3), "2026-04-04T13:15:00Z"],
    ["Pacific/Chatham", "2026-09-27", "+12:45 skipped 03:00 -> jump at 02:45", hm(3), "2026-09-26T14:00:00Z"],
    ["Pacific/Chatham", "2026-03-02", "+13:45 plain", hm(9), "2026-03-01T19:15:00Z"],
    ["Pacific/Apia", "2011-12-30", "a whole skipped day", hm(9), "2011-12-30T10:00:00Z"],
    ["Europe/Berlin", "2026-03-02", "minutes past midnight reach the next day", hm(24 + 7), "2026-03-03T06:00:00Z"],
  ])("%s %s: %s", (zone, localDate, _why, minute, expected) => {
    expect(new Date(wallClockInstant(date(localDate), minute, zone)).toISOString()).toBe(
      new Date(utc(expected)).toISOString(),
    );
  });

  test("rejects an unknown zone instead of silently using UTC", () => {
    expect(() => wallClockInstant(date("2026-03-02"), 0, "Mars/Olympus")).toThrow(RangeError);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("Pacific/Chatham")).toBe(true);
  });

  test("maps any instant's own wall time back to its first occurrence", () => {
    fc.assert(
      fc.property(zoneArb, fc.integer({ min: utc("2000-01-01T00:00:00Z"), max: utc("2040-01-01T00:00:00Z") }), (zone, raw) => {
        const instant = raw - (raw % 60_000);
        const back = wallClockInstant(localDateOf(instant, zone), localMinuteOfDay(instant, zone), zone);
        expect(back).toBeLessThanOrEqual(instant);
        expect(localMinuteOfDay(back, zone)).toBe(localMinuteOfDay(instant, zone));
        expect(localDateOf(back, zone)).toEqual(localDateOf(instant, zone));
        // The only way back differs is the repeated hour (or Chatham's repeated 60 min).
        expect([0, 60 * 60_000]).toContain(instant - back);
      }),
      { numRuns: 200 },
    );
  });

  test("never runs backwards as the wall clock advances", () => {
    fc.assert(
      fc.property(
        zoneArb,
        fc.constantFrom("2026-03-08", "2026-03-29", "2026-04-05", "2026-09-27", "2026-10-04", "2026-10-25", "2026-11-01"),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, day, a, b) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          expect(wallClockInstant(date(day), early, zone)).toBeLessThanOrEqual(wallClockInstant(date(day), late, zone));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("local calendar helpers", () => {
  test("localDayStart is local midnight, 23 h or 25 h before the next on DST days", () => {
    const springForward = localDayStart(at("2026-03-29T12:00", "Europe/Berlin"), "Europe/Berlin");
    const nextDay = localDayStart(at("2026-03-30T12:00", "Europe/Berlin"), "Europe/Berlin");
    expect(springForward).toBe(utc("2026-03-28T23:00:00Z"));
    expect(nextDay - springForward).toBe(23 * 3_600_000);

    const fallBack = localDayStart(at("2026-10-25T12:00", "Europe/Berlin"), "Europe/Berlin");
    expect(localDayStart(at("2026-10-26T12:00", "Europe/Berlin"), "Europe/Berlin") - fallBack).toBe(25 * 3_600_000);
  });

  test("a day whose midnight is skipped starts when the clock jumps (Havana)", () => {
    expect(localDayStart(at("2026-03-08T12:00", "America/Havana"), "America/Havana")).toBe(utc("2026-03-08T05:00:00Z"));
  });

  test("the local date depends on the zone", () => {
    const instant = utc("2026-03-31T23:30:00Z");
    expect(localDateOf(instant, "Europe/Berlin")).toEqual(date("2026-04-01"));
    expect(localDateOf(instant, "America/New_York")).toEqual(date("2026-03-31"));
    expect(localMinuteOfDay(instant, "Asia/Kolkata")).toBe(hm(5));
  });
});
