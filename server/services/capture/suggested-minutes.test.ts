import { describe, expect, test } from "vitest";
import { SUGGESTION_CAP_MINUTES, suggestedMinutes } from "./suggested-minutes";

const at = (iso: string) => new Date(iso);
const NOW = at("2026-03-04T12:00:00Z");

describe("suggestedMinutes", () => {
  test.each([
    ["resolved after 37 minutes", "2026-03-04T10:00:00Z", "2026-03-04T10:37:00Z", 37],
    ["rounds to the nearest minute", "2026-03-04T10:00:00Z", "2026-03-04T10:12:31Z", 13],
    ["capped at four hours", "2026-03-04T01:00:00Z", "2026-03-04T09:30:00Z", SUGGESTION_CAP_MINUTES],
    ["resolved at once is still a minute", "2026-03-04T10:00:00Z", "2026-03-04T10:00:10Z", 1],
    ["resolved before it started (skewed clocks) is a minute", "2026-03-04T10:00:00Z", "2026-03-04T09:59:00Z", 1],
  ])("%s", (_name, start, end, expected) => {
    expect(suggestedMinutes(at(start), at(end), NOW)).toBe(expected);
  });

  test("still firing: up to now, capped", () => {
    expect(suggestedMinutes(at("2026-03-04T11:20:00Z"), null, NOW)).toBe(40);
    expect(suggestedMinutes(at("2026-03-03T11:20:00Z"), null, NOW)).toBe(SUGGESTION_CAP_MINUTES);
  });
});
