import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ENTRY_END_SKEW_MINUTES, endsInFuture } from "./entry-end";

const NOW = new Date("2026-03-29T00:30:00Z");
const minutesFromNow = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe("endsInFuture", () => {
  it.each([
    ["an hour ago", -60, false],
    ["exactly now", 0, false],
    ["inside the skew allowance", ENTRY_END_SKEW_MINUTES, false],
    ["just past the allowance", ENTRY_END_SKEW_MINUTES + 1, true],
    ["tomorrow", 24 * 60, true],
    ["three months ahead", 90 * 24 * 60, true],
  ])("%s", (_label, minutes, expected) => {
    expect(endsInFuture(minutesFromNow(minutes), NOW)).toBe(expected);
  });

  it("refuses exactly the ends after now plus the allowance", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (ms) => {
        const end = new Date(NOW.getTime() + ms);
        expect(endsInFuture(end, NOW)).toBe(ms > ENTRY_END_SKEW_MINUTES * 60_000);
      }),
    );
  });
});
