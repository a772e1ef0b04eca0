import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { totalMs } from "../time";
import { dutyIntervals, windowOverlaps } from "./duty-windows";
import { lengthInHours, localWindow, wallClock } from "../../testing/rotation-spec-fixtures";
import type { DutyWindow } from "./types";

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const NIGHTS: DutyWindow = { days: EVERY_DAY, startMinute: 20 * 60, endMinute: 8 * 60 };
const DAYS: DutyWindow = { days: EVERY_DAY, startMinute: 8 * 60, endMinute: 20 * 60 };

function describeIntervals(range: { start: number; end: number }, windows: DutyWindow[], zone: string): string[] {
  return dutyIntervals(range, windows, zone).map(
    (i) => `${wallClock(i.start, zone)} ${wallClock(i.end, zone)} ${lengthInHours(i)}h`,
  );
}

describe("dutyIntervals", () => {
  test.each([
    {
      name: "Berlin nights across the spring-forward weekend: Saturday's night is 11 hours",
      zone: "Europe/Berlin",
      from: "2026-03-27T12:00",
      to: "2026-03-30T12:00",
      windows: [NIGHTS],
      expected: [
        "2026-03-27T20:00+01:00 2026-03-28T08:00+01:00 12h",
        "2026-03-28T20:00+01:00 2026-03-29T08:00+02:00 11h",
        "2026-03-29T20:00+02:00 2026-03-30T08:00+02:00 12h",
      ],
    },
    {
      name: "Berlin nights across the fall-back weekend: Saturday's night is 13 hours",
      zone: "Europe/Berlin",
      from: "2026-10-23T12:00",
      to: "2026-10-26T12:00",
      windows: [NIGHTS],
      expected: [
        "2026-10-23T20:00+02:00 2026-10-24T08:00+02:00 12h",
        "2026-10-24T20:00+02:00 2026-10-25T08:00+01:00 13h",
        "2026-10-25T20:00+01:00 2026-10-26T08:00+01:00 12h",
      ],
    },
    {
      name: "New York nights across the spring-forward weekend",
      zone: "America/New_York",
      from: "2026-03-07T12:00",
      to: "2026-03-09T12:00",
      windows: [NIGHTS],
      expected: [
        "2026-03-07T20:00-05:00 2026-03-08T08:00-04:00 11h",
        "2026-03-08T20:00-04:00 2026-03-09T08:00-04:00 12h",
      ],
    },
    {
      name: "New York nights across the fall-back weekend",
      zone: "America/New_York",
      from: "2026-10-31T12:00",
      to: "2026-11-02T12:00",
      windows: [NIGHTS],
      expected: [
        "2026-10-31T20:00-04:00 2026-11-01T08:00-05:00 13h",
        "2026-11-01T20:00-05:00 2026-11-02T08:00-05:00 12h",
      ],
    },
    {
      name: "a night already running at the range's start is clipped to it",
      zone: "Europe/Berlin",
      from: "2026-03-03T02:00",
      to: "2026-03-03T21:00",
      windows: [NIGHTS],
      expected: [
        "2026-03-03T02:00+01:00 2026-03-03T08:00+01:00 6h",
        "2026-03-03T20:00+01:00 2026-03-03T21:00+01:00 1h",
      ],
    },
    {
      name: "weekends only: Saturday 00:00 to Monday 00:00 joins into one stretch",
      zone: "Europe/Berlin",
      from: "2026-03-02T00:00",
      to: "2026-03-16T00:00",
      windows: [{ days: [6, 7], startMinute: 0, endMinute: 0 }],
      expected: [
        "2026-03-07T00:00+01:00 2026-03-09T00:00+01:00 48h",
        "2026-03-14T00:00+01:00 2026-03-16T00:00+01:00 48h",
      ],
    },
    {
      name: "several windows: Monday mornings and Wednesday 22:00 to Thursday 06:00",
      zone: "Europe/Berlin",
      from: "2026-03-02T00:00",
      to: "2026-03-09T00:00",
      windows: [
        { days: [1], startMinute: 6 * 60, endMinute: 12 * 60 },
        { days: [3], startMinute: 22 * 60, endMinute: 6 * 60 },
      ],
      expected: [
        "2026-03-02T06:00+01:00 2026-03-02T12:00+01:00 6h",
        "2026-03-04T22:00+01:00 2026-03-05T06:00+01:00 8h",
      ],
    },
    {
      name: "business hours keep the old 1440 end for midnight",
      zone: "Europe/Berlin",
      from: "2026-03-06T00:00",
      to: "2026-03-07T00:00",
      windows: [{ days: [5], startMinute: 18 * 60, endMinute: 1440 }],
      expected: ["2026-03-06T18:00+01:00 2026-03-07T00:00+01:00 6h"],
    },
    {
      // 02:00 does not exist on 29 March 2026 in Berlin: the window starts when the clock jumps, at 03:00 summer time.
      name: "a window starting at a wall time in the spring-forward gap moves forward by the gap",
      zone: "Europe/Berlin",
      from: "2026-03-29T00:00",
      to: "2026-03-30T00:00",
      windows: [{ days: [7], startMinute: 2 * 60, endMinute: 6 * 60 }],
      expected: ["2026-03-29T03:00+02:00 2026-03-29T06:00+02:00 3h"],
    },
    {
      // 02:30 happens twice on 25 October 2026 in Berlin: the window takes the first (summer-time) one.
      name: "a window starting at a repeated wall time takes its first occurrence",
      zone: "Europe/Berlin",
      from: "2026-10-25T00:00",
      to: "2026-10-26T00:00",
      windows: [{ days: [7], startMinute: 2 * 60 + 30, endMinute: 4 * 60 }],
      expected: ["2026-10-25T02:30+02:00 2026-10-25T04:00+01:00 2.5h"],
    },
  ])("$name", ({ zone, from, to, windows, expected }) => {
    expect(describeIntervals(localWindow(from, to, zone), windows, zone)).toEqual(expected);
  });

  test("no windows or an empty range gives nothing", () => {
    const range = localWindow("2026-03-02T00:00", "2026-03-09T00:00");
    expect(dutyIntervals(range, [], "Europe/Berlin")).toEqual([]);
    expect(dutyIntervals({ start: range.end, end: range.start }, [NIGHTS], "Europe/Berlin")).toEqual([]);
  });
});

const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "UTC",
  "America/Santiago",
  "Pacific/Auckland",
];

describe("a day/night split", () => {
  test("day ∪ night is the whole range and they never overlap, for any split, zone and dates (DST included)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.integer({ min: 1, max: 40 * 24 }),
        // 01:30, 02:00 and 02:30 fall in DST gaps and overlaps in several of the zones.
        fc.oneof(fc.constantFrom(90, 120, 150, 480), fc.integer({ min: 0, max: 1439 })),
        fc.oneof(fc.constantFrom(90, 120, 150, 1200), fc.integer({ min: 0, max: 1439 })),
        (zone, startDay, hours, dayStart, nightStart) => {
          fc.pre(dayStart !== nightStart);
          const start = DateTime.fromISO("2025-01-01T00:00", { zone })
            .plus({ days: startDay, minutes: startDay * 7 })
            .toMillis();
          const range = { start, end: start + hours * 3_600_000 };
          const day = dutyIntervals(range, [{ days: EVERY_DAY, startMinute: dayStart, endMinute: nightStart }], zone);
          const night = dutyIntervals(range, [{ days: EVERY_DAY, startMinute: nightStart, endMinute: dayStart }], zone);
          const all = [...day, ...night].sort((a, b) => a.start - b.start);
          const seams = all.slice(1).filter((piece, index) => all[index]?.end !== piece.start);
          expect({ first: all[0]?.start, last: all[all.length - 1]?.end, seams }).toEqual({
            first: range.start,
            last: range.end,
            seams: [],
          });
          expect(totalMs(day) + totalMs(night)).toBe(range.end - range.start);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("windowOverlaps", () => {
  test.each([
    { name: "business hours and nights meet without overlapping", windows: [DAYS, NIGHTS], expected: [] },
    {
      name: "a Friday night running into Saturday morning clashes with a Saturday window",
      windows: [
        { days: [5], startMinute: 20 * 60, endMinute: 8 * 60 },
        { days: [6], startMinute: 7 * 60, endMinute: 9 * 60 },
      ],
      expected: [{ earlier: 0, later: 1, day: 6 }],
    },
    {
      name: "Sunday night wraps into Monday morning",
      windows: [
        { days: [1], startMinute: 6 * 60, endMinute: 9 * 60 },
        { days: [7], startMinute: 22 * 60, endMinute: 7 * 60 },
      ],
      expected: [{ earlier: 0, later: 1, day: 7 }],
    },
    {
      name: "the same day twice",
      windows: [
        { days: [2], startMinute: 9 * 60, endMinute: 17 * 60 },
        { days: [3, 2], startMinute: 16 * 60, endMinute: 18 * 60 },
      ],
      expected: [{ earlier: 0, later: 1, day: 2 }],
    },
    {
      name: "whole days on every day tile the week",
      windows: [{ days: EVERY_DAY, startMinute: 480, endMinute: 480 }],
      expected: [],
    },
  ])("$name", ({ windows, expected }) => {
    expect(windowOverlaps(windows)).toEqual(expected);
  });
});
