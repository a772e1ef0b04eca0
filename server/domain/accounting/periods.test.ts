import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { at, HOUR_MS, utc, zoneArb } from "../../testing/time-fixtures";
import { periodWindow, periodWindows, rollingDaysWindow, weekWindows, type PeriodKind } from "./periods";

const iso = (instant: number, zone: string) => DateTime.fromMillis(instant, { zone }).toISO();

describe("weekWindows", () => {
  test("start at local Monday 00:00 and are 167 h across spring-forward", () => {
    const weeks = weekWindows("Europe/Berlin", at("2026-03-25T15:00", "Europe/Berlin"), 3);
    expect(weeks.map((w) => iso(w.start, "Europe/Berlin"))).toEqual([
      "2026-03-23T00:00:00.000+01:00",
      "2026-03-30T00:00:00.000+02:00",
      "2026-04-06T00:00:00.000+02:00",
    ]);
    expect(weeks.map((w) => (w.end - w.start) / HOUR_MS)).toEqual([167, 168, 168]);
  });

  test("a week in Chatham (+12:45/+13:45) starts at local midnight too", () => {
    const [week] = weekWindows("Pacific/Chatham", utc("2026-09-23T00:00:00Z"), 1);
    expect(week && iso(week.start, "Pacific/Chatham")).toBe("2026-09-21T00:00:00.000+12:45");
    expect(week && (week.end - week.start) / HOUR_MS).toBe(167);
  });

  test("zero weeks is an empty list", () => {
    expect(weekWindows("UTC", utc("2026-03-02T00:00:00Z"), 0)).toEqual([]);
  });
});

describe("periodWindow", () => {
  // 23:30 UTC on 31 March is already 1 April in Berlin but still 31 March in New York.
  const now = utc("2026-03-31T23:30:00Z");

  test.each<[PeriodKind, string, string, string]>([
    ["week", "Europe/Berlin", "2026-03-30T00:00:00.000+02:00", "2026-04-06T00:00:00.000+02:00"],
    ["month", "Europe/Berlin", "2026-04-01T00:00:00.000+02:00", "2026-05-01T00:00:00.000+02:00"],
    ["quarter", "Europe/Berlin", "2026-04-01T00:00:00.000+02:00", "2026-07-01T00:00:00.000+02:00"],
    ["week", "America/New_York", "2026-03-30T00:00:00.000-04:00", "2026-04-06T00:00:00.000-04:00"],
    ["month", "America/New_York", "2026-03-01T00:00:00.000-05:00", "2026-04-01T00:00:00.000-04:00"],
    ["quarter", "America/New_York", "2026-01-01T00:00:00.000-05:00", "2026-04-01T00:00:00.000-04:00"],
    ["quarter", "Australia/Sydney", "2026-04-01T00:00:00.000+11:00", "2026-07-01T00:00:00.000+10:00"],
    ["month", "Asia/Kolkata", "2026-04-01T00:00:00.000+05:30", "2026-05-01T00:00:00.000+05:30"],
  ])("%s in %s", (kind, zone, start, end) => {
    const window = periodWindow(kind, now, zone);
    expect(iso(window.start, zone)).toBe(start);
    expect(iso(window.end, zone)).toBe(end);
  });

  test("a DST month is an hour short or long", () => {
    const march = periodWindow("month", at("2026-03-15T12:00", "Europe/Berlin"), "Europe/Berlin");
    const october = periodWindow("month", at("2026-10-15T12:00", "Europe/Berlin"), "Europe/Berlin");
    expect((march.end - march.start) / HOUR_MS).toBe(31 * 24 - 1);
    expect((october.end - october.start) / HOUR_MS).toBe(31 * 24 + 1);
  });

  test("the fourth quarter ends at the new year", () => {
    const q4 = periodWindow("quarter", utc("2026-11-15T00:00:00Z"), "UTC");
    expect(q4).toEqual({ start: utc("2026-10-01T00:00:00Z"), end: utc("2027-01-01T00:00:00Z") });
  });
});

describe("rollingDaysWindow", () => {
  test("runs local midnight to midnight, the day of `at` included, across a DST change", () => {
    const window = rollingDaysWindow(utc("2026-03-31T23:30:00Z"), 7, "Europe/Berlin");
    expect(iso(window.start, "Europe/Berlin")).toBe("2026-03-26T00:00:00.000+01:00");
    expect(iso(window.end, "Europe/Berlin")).toBe("2026-04-02T00:00:00.000+02:00");
    expect(window.end - window.start).toBe(7 * 24 * HOUR_MS - HOUR_MS);
  });
});

describe("properties", () => {
  const kindArb = fc.constantFrom<PeriodKind>("week", "month", "quarter");
  const instantArb = fc.integer({ min: utc("2000-01-01T00:00:00Z"), max: utc("2040-01-01T00:00:00Z") });

  test("the window contains now, starts at a local period start and tiles with its neighbours", () => {
    fc.assert(
      fc.property(kindArb, zoneArb, instantArb, (kind, zone, now) => {
        const window = periodWindow(kind, now, zone);
        expect(window.start).toBeLessThanOrEqual(now);
        expect(window.end).toBeGreaterThan(now);

        const start = DateTime.fromMillis(window.start, { zone });
        expect([start.hour, start.minute]).toEqual([0, 0]);
        if (kind === "week") expect(start.weekday).toBe(1);
        else expect(start.day).toBe(1);
        if (kind === "quarter") expect([1, 4, 7, 10]).toContain(start.month);

        const windows = periodWindows(kind, zone, now, 3);
        expect(windows[0]).toEqual(window);
        expect(periodWindow(kind, window.end, zone)).toEqual(windows[1]);
        expect(windows[1]?.start).toBe(window.end);
        expect(windows[2]?.start).toBe(windows[1]?.end);
      }),
      { numRuns: 200 },
    );
  });

  test("every week is 168 h give or take the one-hour DST change", () => {
    fc.assert(
      fc.property(zoneArb, instantArb, (zone, now) => {
        const [week] = weekWindows(zone, now, 1);
        expect([167, 168, 169]).toContain(week && (week.end - week.start) / HOUR_MS);
      }),
      { numRuns: 200 },
    );
  });
});
