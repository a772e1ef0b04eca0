import fc from "fast-check";
import { DateTime, IANAZone } from "luxon";
import { describe, expect, test } from "vitest";
import { addDays, calendarDateAt, isoWeekday, parseCalendarDate, readCalendarDate, wallClockInstant } from "./wall-clock";
import { wallClock } from "./test-fixtures";
import { cachedZone } from "./zone-cache";

const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago", "Pacific/Apia"];

describe("wallClockInstant", () => {
  test.each([
    { zone: "Europe/Berlin", date: "2026-03-29", minute: 150, shows: "2026-03-29T03:30+02:00", why: "gap: moves forward an hour" },
    { zone: "America/Santiago", date: "2026-09-06", minute: 0, shows: "2026-09-06T01:00-03:00", why: "gap at midnight" },
    { zone: "Australia/Lord_Howe", date: "2026-10-04", minute: 125, shows: "2026-10-04T02:35+11:00", why: "half-hour gap: 02:05 moves to 02:35" },
    { zone: "Europe/Berlin", date: "2026-10-25", minute: 150, shows: "2026-10-25T02:30+02:00", why: "overlap: first occurrence" },
    { zone: "Australia/Sydney", date: "2026-04-05", minute: 150, shows: "2026-04-05T02:30+11:00", why: "overlap: first occurrence" },
    { zone: "America/New_York", date: "2026-11-01", minute: 90, shows: "2026-11-01T01:30-04:00", why: "overlap: first occurrence" },
    { zone: "Europe/Berlin", date: "2026-07-01", minute: 1440, shows: "2026-07-02T00:00+02:00", why: "minute 1440 is the next midnight" },
  ])("$zone $date minute $minute: $why", ({ zone, date, minute, shows }) => {
    expect(wallClock(wallClockInstant(parseCalendarDate(date), minute, zone), zone)).toBe(shows);
  });

  test("agrees with luxon wherever the wall time exists exactly once", () => {
    fc.assert(fc.property(
      fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 3 * 366 }), fc.integer({ min: 0, max: 1439 }),
      (zone, dayOffset, minute) => {
        const date = DateTime.utc(2025, 1, 1).plus({ days: dayOffset });
        const fields = { year: date.year, month: date.month, day: date.day, hour: Math.floor(minute / 60), minute: minute % 60 };
        const luxon = DateTime.fromObject(fields, { zone });
        const existsOnce = luxon.hour === fields.hour && luxon.minute === fields.minute &&
          luxon.minus({ hours: 1 }).offset === luxon.plus({ hours: 1 }).offset;
        if (!existsOnce) return;
        expect(wallClockInstant({ year: date.year, month: date.month, day: date.day }, minute, zone)).toBe(luxon.toMillis());
      },
    ), { numRuns: 100 });
  });
});

describe("cachedZone", () => {
  test("returns the same offsets as luxon's IANAZone, transitions included", () => {
    const transitionNear = (zone: string, year: number, month: number): number => {
      const start = DateTime.fromObject({ year, month, day: 1 }, { zone });
      const end = start.plus({ months: 1 });
      return start.offset === end.offset ? start.toMillis() : start.toMillis() + (end.toMillis() - start.toMillis()) / 2;
    };
    fc.assert(fc.property(
      fc.constantFrom(...ZONES), fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -20 * 86_400, max: 20 * 86_400 }),
      (zone, year, month, secondsAway) => {
        const instant = transitionNear(zone, year, month) + secondsAway * 1000;
        expect(cachedZone(zone).offset(instant)).toBe(IANAZone.create(zone).offset(instant));
      },
    ), { numRuns: 100 });
  });
});

describe("calendar arithmetic without Date", () => {
  test("dates, weekdays and day steps agree with luxon over four centuries, at any time of day and zone", () => {
    fc.assert(fc.property(
      fc.integer({ min: -2_208_988_800_000, max: 10_413_792_000_000 }), fc.constantFrom(...ZONES, "UTC"), fc.integer({ min: -400, max: 400 }),
      (instant, zone, days) => {
        const local = DateTime.fromMillis(instant, { zone });
        const date = calendarDateAt(instant, zone);
        expect(date).toEqual({ year: local.year, month: local.month, day: local.day });
        expect(isoWeekday(date)).toBe(local.weekday);
        const moved = local.plus({ days });
        expect(addDays(date, days)).toEqual({ year: moved.year, month: moved.month, day: moved.day });
      },
    ), { numRuns: 400 });
  });

  test.each(["2026-02-29", "2026-13-01", "2026-04-31", "26-01-01", "2026-1-01", "0000-00-00"])("%s is not a calendar date", (text) => {
    expect(readCalendarDate(text)).toBeNull();
  });

  test.each([["2028-02-29", 2028, 2, 29], ["2026-12-31", 2026, 12, 31], ["0099-01-01", 99, 1, 1]])("%s is a calendar date", (text, year, month, day) => {
    expect(readCalendarDate(text)).toEqual({ year, month, day });
  });
});
