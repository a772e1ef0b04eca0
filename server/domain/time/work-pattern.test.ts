import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { totalMs, type Interval } from "./intervals";
import { at, HOUR_MS, TEST_ZONES, utc, zoneArb } from "../../testing/time-fixtures";
import { isoWeekday } from "./calendar";
import { localDateOf, localMinuteOfDay } from "./wall-clock";
import { DEFAULT_WORK_PATTERN, workPatternIntervals, workPatternProblems, type WorkPattern } from "./work-pattern";

/** Local Monday 00:00 to the next Monday 00:00, built with luxon independently of the code under test. */
function localWeek(mondayIso: string, zone: string): Interval {
  const monday = DateTime.fromISO(mondayIso, { zone });
  return { start: monday.toMillis(), end: monday.plus({ weeks: 1 }).toMillis() };
}
const hours = (list: Interval[]) => totalMs(list) / HOUR_MS;
const sundayOnly = (startMinute: number, endMinute: number): WorkPattern => ({ days: [7], startMinute, endMinute });

describe("the default pattern", () => {
  test.each(TEST_ZONES)("is five 8-hour days from 09:00 local in %s", (zone) => {
    const week = localWeek("2026-03-02", zone);
    const days = workPatternIntervals(DEFAULT_WORK_PATTERN, zone, week);
    expect(days).toHaveLength(5);
    for (const [k, day] of days.entries()) {
      expect(day.end - day.start).toBe(8 * HOUR_MS);
      expect(localMinuteOfDay(day.start, zone)).toBe(9 * 60);
      expect(isoWeekday(localDateOf(day.start, zone))).toBe(k + 1);
    }
  });

  test.each<[string, string]>([
    ["Europe/Berlin", "2026-03-23"],
    ["Europe/Berlin", "2026-10-19"],
    ["America/New_York", "2026-03-02"],
    ["America/New_York", "2026-10-26"],
    ["Australia/Sydney", "2026-03-30"],
    ["Australia/Sydney", "2026-09-28"],
    ["Pacific/Chatham", "2026-03-30"],
    ["Pacific/Chatham", "2026-09-21"],
  ])("stays 40 h in %s in the week of Monday %s, which has a DST change", (zone, monday) => {
    const week = localWeek(monday, zone);
    expect(Math.abs(week.end - week.start - 168 * HOUR_MS)).toBe(HOUR_MS);
    expect(hours(workPatternIntervals(DEFAULT_WORK_PATTERN, zone, week))).toBe(40);
  });

  test("follows the wall clock: Berlin 09:00 is 08:00Z in winter, 07:00Z in summer", () => {
    const before = workPatternIntervals(
      DEFAULT_WORK_PATTERN,
      "Europe/Berlin",
      localWeek("2026-03-23", "Europe/Berlin"),
    );
    const after = workPatternIntervals(DEFAULT_WORK_PATTERN, "Europe/Berlin", localWeek("2026-03-30", "Europe/Berlin"));
    expect(before[0]?.start).toBe(utc("2026-03-23T08:00:00Z"));
    expect(after[0]?.start).toBe(utc("2026-03-30T07:00:00Z"));
  });
});

describe("patterns across the DST change itself", () => {
  test.each<[string, string, WorkPattern, number]>([
    ["Europe/Berlin", "2026-03-23", sundayOnly(9 * 60, 17 * 60), 8],
    ["Europe/Berlin", "2026-03-23", sundayOnly(1 * 60, 5 * 60), 3],
    ["Europe/Berlin", "2026-10-19", sundayOnly(1 * 60, 5 * 60), 5],
    // A start inside the gap moves forward by the gap (02:30 -> 03:30), the one rule of wall-clock.ts.
    ["Europe/Berlin", "2026-03-23", sundayOnly(2 * 60 + 30, 4 * 60), 0.5],
    ["America/New_York", "2026-03-02", sundayOnly(1 * 60, 5 * 60), 3],
    ["America/New_York", "2026-10-26", sundayOnly(0, 4 * 60), 5],
    ["Australia/Sydney", "2026-03-30", sundayOnly(1 * 60, 5 * 60), 5],
    ["Australia/Sydney", "2026-09-28", sundayOnly(1 * 60, 5 * 60), 3],
    ["Pacific/Chatham", "2026-09-21", sundayOnly(2 * 60, 4 * 60), 1],
    ["Pacific/Chatham", "2026-03-30", sundayOnly(2 * 60, 4 * 60), 3],
    ["Asia/Kolkata", "2026-03-23", sundayOnly(1 * 60, 5 * 60), 4],
    ["Europe/Berlin", "2026-03-23", sundayOnly(0, 24 * 60), 23],
    ["Europe/Berlin", "2026-10-19", sundayOnly(0, 24 * 60), 25],
  ])("%s week of %s, %j lasts %d h", (zone, monday, pattern, expected) => {
    expect(hours(workPatternIntervals(pattern, zone, localWeek(monday, zone)))).toBe(expected);
  });

  test("a skipped day (Apia, 30 Dec 2011) has no working time", () => {
    const everyDay: WorkPattern = { days: [1, 2, 3, 4, 5, 6, 7], startMinute: 9 * 60, endMinute: 17 * 60 };
    const window = { start: at("2011-12-26T00:00", "Pacific/Apia"), end: at("2012-01-02T00:00", "Pacific/Apia") };
    expect(hours(workPatternIntervals(everyDay, "Pacific/Apia", window))).toBe(6 * 8);
  });
});

describe("clipping and shapes", () => {
  test("clips to a window that starts mid-day", () => {
    const window = { start: at("2026-03-04T12:00", "Europe/Berlin"), end: at("2026-03-09T00:00", "Europe/Berlin") };
    const days = workPatternIntervals(DEFAULT_WORK_PATTERN, "Europe/Berlin", window);
    expect(days[0]).toEqual({ start: window.start, end: at("2026-03-04T17:00", "Europe/Berlin") });
    expect(hours(days)).toBe(5 + 8 + 8);
  });

  test("an empty or reversed window has no working time", () => {
    const instant = utc("2026-03-04T12:00:00Z");
    expect(workPatternIntervals(DEFAULT_WORK_PATTERN, "UTC", { start: instant, end: instant })).toEqual([]);
    expect(workPatternIntervals(DEFAULT_WORK_PATTERN, "UTC", { start: instant, end: instant - 1 })).toEqual([]);
  });

  test("an overnight pattern belongs to the day it starts, even when the window starts after midnight", () => {
    const friNight: WorkPattern = { days: [5], startMinute: 22 * 60, endMinute: 30 * 60 };
    const saturday = { start: at("2026-03-07T00:00", "Europe/Berlin"), end: at("2026-03-08T00:00", "Europe/Berlin") };
    expect(workPatternIntervals(friNight, "Europe/Berlin", saturday)).toEqual([
      { start: saturday.start, end: at("2026-03-07T06:00", "Europe/Berlin") },
    ]);
  });

  test("round-the-clock days merge into one interval", () => {
    const always: WorkPattern = { days: [1, 2], startMinute: 0, endMinute: 24 * 60 };
    const week = localWeek("2026-03-02", "UTC");
    expect(workPatternIntervals(always, "UTC", week)).toEqual([{ start: week.start, end: week.start + 48 * HOUR_MS }]);
  });

  test.each<[WorkPattern, string]>([
    [{ days: [0], startMinute: 540, endMinute: 1020 }, "ISO weekdays"],
    [{ days: [1], startMinute: -1, endMinute: 1020 }, "start between"],
    [{ days: [1], startMinute: 600, endMinute: 600 }, "end after it starts"],
    [{ days: [1], startMinute: 600, endMinute: 540 }, "end after it starts"],
    [{ days: [1], startMinute: 600, endMinute: 600 + 1441 }, "at most 24 hours"],
    [{ days: [1], startMinute: 540.5, endMinute: 1020 }, "start between"],
  ])("rejects %j (%s)", (pattern, message) => {
    expect(workPatternProblems(pattern).join(" ")).toContain(message);
    expect(() => workPatternIntervals(pattern, "UTC", localWeek("2026-03-02", "UTC"))).toThrow(RangeError);
  });

  test("accepts the default", () => {
    expect(workPatternProblems(DEFAULT_WORK_PATTERN)).toEqual([]);
  });
});

describe("properties", () => {
  test("any whole number of local weeks holds 40 h per week, each day starting 09:00 local on a weekday", () => {
    fc.assert(
      fc.property(
        zoneArb,
        fc.integer({ min: 0, max: 15 * 52 }),
        fc.integer({ min: 1, max: 3 }),
        (zone, weekOffset, weeks) => {
          const monday = DateTime.fromISO("2020-01-06", { zone }).plus({ weeks: weekOffset });
          const window = { start: monday.toMillis(), end: monday.plus({ weeks }).toMillis() };
          const days = workPatternIntervals(DEFAULT_WORK_PATTERN, zone, window);
          expect(hours(days)).toBe(40 * weeks);
          expect(days.every((day) => localMinuteOfDay(day.start, zone) === 540)).toBe(true);
          expect(days.every((day) => isoWeekday(localDateOf(day.start, zone)) <= 5)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  test("splitting a window in two splits the working time exactly", () => {
    fc.assert(
      fc.property(
        zoneArb,
        fc.integer({ min: utc("2020-01-01T00:00:00Z"), max: utc("2035-01-01T00:00:00Z") }),
        fc.integer({ min: 0, max: 20 * 24 * HOUR_MS }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (zone, start, length, cut) => {
          const end = start + length;
          const middle = start + Math.floor(length * cut);
          const whole = totalMs(workPatternIntervals(DEFAULT_WORK_PATTERN, zone, { start, end }));
          const parts =
            totalMs(workPatternIntervals(DEFAULT_WORK_PATTERN, zone, { start, end: middle })) +
            totalMs(workPatternIntervals(DEFAULT_WORK_PATTERN, zone, { start: middle, end }));
          expect(parts).toBe(whole);
        },
      ),
      { numRuns: 100 },
    );
  });
});
