import { describe, expect, test } from "vitest";
import { vtimezone } from "./vtimezone";

const observances = (text: string | null) =>
  (text ?? "")
    .split("\r\n")
    .filter((line) => line.startsWith("DTSTART") || line.startsWith("TZOFFSET"))
    .join(" ");

describe("vtimezone", () => {
  test("lists each offset change of the years asked for, at the local time it happens", () => {
    expect(observances(vtimezone("Europe/Berlin", 2026, 2026))).toBe(
      "DTSTART:20260101T000000 TZOFFSETFROM:+0100 TZOFFSETTO:+0100 " +
        "DTSTART:20260329T020000 TZOFFSETFROM:+0100 TZOFFSETTO:+0200 " +
        "DTSTART:20261025T030000 TZOFFSETFROM:+0200 TZOFFSETTO:+0100",
    );
  });

  test("southern-hemisphere and half-hour zones", () => {
    expect(observances(vtimezone("Australia/Adelaide", 2026, 2026))).toBe(
      "DTSTART:20260101T000000 TZOFFSETFROM:+1030 TZOFFSETTO:+1030 " +
        "DTSTART:20260405T030000 TZOFFSETFROM:+1030 TZOFFSETTO:+0930 " +
        "DTSTART:20261004T020000 TZOFFSETFROM:+0930 TZOFFSETTO:+1030",
    );
  });

  test("a zone without daylight saving has one observance; an unknown zone has none", () => {
    expect(observances(vtimezone("Asia/Kolkata", 2026, 2027))).toBe(
      "DTSTART:20260101T000000 TZOFFSETFROM:+0530 TZOFFSETTO:+0530",
    );
    expect(vtimezone("Mars/Olympus", 2026, 2026)).toBeNull();
  });
});
