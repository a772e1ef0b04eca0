import { describe, expect, test } from "vitest";
import { localWindow } from "../../testing/rotation-spec-fixtures";
import { weightedHours } from "./weighted-hours";

describe("weightedHours", () => {
  test.each([
    { from: "2026-03-02T09:00", to: "2026-03-02T17:00", expected: 8, why: "a weekday's office hours weigh 1" },
    { from: "2026-03-02T20:00", to: "2026-03-03T08:00", expected: 2 + 9 * 1.5 + 1, why: "weeknight hours weigh 1.5" },
    { from: "2026-03-07T10:00", to: "2026-03-07T12:00", expected: 4, why: "Saturday hours weigh 2" },
    {
      from: "2026-03-06T21:00",
      to: "2026-03-07T01:00",
      expected: 1 + 2 * 1.5 + 2,
      why: "Friday night is a weeknight until midnight",
    },
    {
      from: "2026-03-08T23:00",
      to: "2026-03-09T08:00",
      expected: 2 + 7 * 1.5 + 1,
      why: "Sunday night is weekend until midnight",
    },
    { from: "2026-03-02T09:00", to: "2026-03-09T09:00", expected: 238.5, why: "an ordinary week" },
    { from: "2026-03-23T09:00", to: "2026-03-30T09:00", expected: 236.5, why: "the 167 h week loses a Sunday hour" },
    { from: "2026-10-19T09:00", to: "2026-10-26T09:00", expected: 240.5, why: "the 169 h week gains a Sunday hour" },
  ])("$from to $to: $why", ({ from, to, expected }) => {
    expect(weightedHours(localWindow(from, to), "Europe/Berlin")).toBeCloseTo(expected, 9);
  });

  test("follows the zone's wall clock: 09-17 in Berlin is 19-03 in Sydney, mostly night there", () => {
    const officeHoursBerlin = localWindow("2026-03-03T09:00", "2026-03-03T17:00");
    expect(weightedHours(officeHoursBerlin, "Australia/Sydney")).toBe(3 + 5 * 1.5);
  });

  test("an empty or reversed interval weighs nothing", () => {
    const window = localWindow("2026-03-02T09:00", "2026-03-02T17:00");
    expect(weightedHours({ start: window.end, end: window.start }, "Europe/Berlin")).toBe(0);
  });
});
