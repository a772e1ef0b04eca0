import { describe, expect, test } from "vitest";
import { utc } from "../../testing/time-fixtures";
import { instantOfText } from "./local-text";

describe("instantOfText", () => {
  test.each([
    {
      text: "2026-03-02",
      zone: "Europe/Berlin",
      expected: "2026-03-01T23:00:00Z",
      why: "a date is its local midnight",
    },
    { text: "2026-03-02T09:30", zone: "Europe/Berlin", expected: "2026-03-02T08:30:00Z", why: "a local date-time" },
    { text: "2026-03-02T09:30:15.500", zone: "UTC", expected: "2026-03-02T09:30:15.500Z", why: "seconds are kept" },
    {
      text: "2026-03-02T09:30:00Z",
      zone: "Europe/Berlin",
      expected: "2026-03-02T09:30:00Z",
      why: "an offset wins over the zone",
    },
    { text: "2026-03-02T09:30+05:30", zone: "Europe/Berlin", expected: "2026-03-02T04:00:00Z", why: "any offset" },
    {
      text: "2026-03-29T02:30",
      zone: "Europe/Berlin",
      expected: "2026-03-29T01:30:00Z",
      why: "a skipped time moves forward by the gap",
    },
    {
      text: "2026-10-25T02:30",
      zone: "Europe/Berlin",
      expected: "2026-10-25T00:30:00Z",
      why: "a repeated time takes its first occurrence",
    },
    {
      text: "2018-11-04",
      zone: "America/Sao_Paulo",
      expected: "2018-11-04T03:00:00Z",
      why: "a skipped midnight starts the day at 01:00",
    },
  ])("$text in $zone: $why", ({ text, zone, expected }) => {
    expect(instantOfText(text, zone)).toBe(utc(expected));
  });

  test("reads SQL-style text the same way", () => {
    expect(instantOfText("2026-10-25 02:30:00", "Europe/Berlin", "sql")).toBe(utc("2026-10-25T00:30:00Z"));
    expect(instantOfText("2026-10-25 02:30:00 +01:00", "Europe/Berlin", "sql")).toBe(utc("2026-10-25T01:30:00Z"));
  });

  test.each(["", "tomorrow", "2026-02-30", "2026-13-01T00:00"])("%j is not a date", (text) => {
    expect(instantOfText(text, "Europe/Berlin")).toBeNull();
  });
});
