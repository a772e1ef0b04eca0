import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatMinutes, MAX_ENTRY_MINUTES, parseDuration } from "./duration";

describe("parseDuration accepts how people type durations", () => {
  test.each<[string, number]>([
    ["25m", 25],
    ["25 min", 25],
    ["25mins", 25],
    ["25 minutes", 25],
    ["1 minute", 1],
    ["90", 90],
    ["  90  ", 90],
    ["2h", 120],
    ["2 hours", 120],
    ["1 hr", 60],
    ["1h30", 90],
    ["1h30m", 90],
    ["1h 30m", 90],
    ["1 h 30 min", 90],
    ["1H 30M", 90],
    ["1 hour 30 minutes", 90],
    ["1h 5", 65],
    ["1.5h", 90],
    ["1,5h", 90],
    [".5h", 30],
    ["0.25 h", 15],
    ["1:30", 90],
    ["0:45", 45],
    ["12:05", 725],
    ["2.5m", 3],
    ["0.1h", 6],
    ["1.51h", 91],
    ["24h", 1440],
    ["23:59", 1439],
    ["1440", 1440],
  ])("%j is %d minutes", (text, minutes) => {
    expect(parseDuration(text)).toEqual({ ok: true, minutes });
  });
});

describe("parseDuration rejects with a message a person can act on", () => {
  test.each<[string, string]>([
    ["", "Enter a duration"],
    ["   ", "Enter a duration"],
    ["abc", "Could not read"],
    ["h", "Could not read"],
    ["1d", "Could not read"],
    ["1.2.3h", "Could not read"],
    ["30m 1h", "Could not read"],
    ["1h30h", "Could not read"],
    ["0", "at least 1 minute"],
    ["0m", "at least 1 minute"],
    ["0:00", "at least 1 minute"],
    ["0.2m", "at least 1 minute"],
    ["-5m", "positive"],
    ["-1:30", "positive"],
    ["25h", "at most 24 h"],
    ["1441", "at most 24 h"],
    ["24:01", "at most 24 h"],
    ["99999999999999999999", "at most 24 h"],
    ["1.5", "Add a unit"],
    ["1,5", "Add a unit"],
    ["1:90", "under 60"],
    ["1:5", "two digits"],
    ["1h 90m", "under 60"],
    ["1.5h 30m", "either decimal hours"],
  ])("%j: %s", (text, message) => {
    const result = parseDuration(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});

describe("formatMinutes", () => {
  test.each<[number, string]>([
    [0, "0 min"],
    [1, "1 min"],
    [25, "25 min"],
    [60, "1 h"],
    [120, "2 h"],
    [90, "1 h 30 min"],
    [1439, "23 h 59 min"],
    [3125, "52 h 5 min"],
    [29.6, "30 min"],
    [59.5, "1 h"],
    [0.4, "0 min"],
    [-0.4, "0 min"],
    [-90, "-1 h 30 min"],
  ])("%d -> %j", (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });

  test("refuses to format a non-number rather than show NaN", () => {
    expect(() => formatMinutes(Number.NaN)).toThrow(RangeError);
  });

  test("what it writes, parseDuration reads back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_ENTRY_MINUTES }), (minutes) => {
        expect(parseDuration(formatMinutes(minutes))).toEqual({ ok: true, minutes });
      }),
      { numRuns: 200 },
    );
  });
});
