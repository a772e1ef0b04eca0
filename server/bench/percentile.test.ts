import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { percentile } from "./percentile";

describe("percentile (nearest rank)", () => {
  test.each([
    [[], 50, Number.NaN],
    [[7], 99, 7],
    [[1, 2], 50, 1],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 95, 4],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3], 0, 1],
  ])("%j at p%i is %d", (sorted, p, expected) => {
    expect(percentile(sorted, p)).toBe(expected);
  });

  test("at least p% of the samples are at or below it, and it is one of them", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1 }), fc.integer({ min: 1, max: 100 }), (samples, p) => {
        const sorted = [...samples].sort((a, b) => a - b);
        const value = percentile(sorted, p);
        expect(sorted).toContain(value);
        expect(sorted.filter((s) => s <= value).length / sorted.length).toBeGreaterThanOrEqual(p / 100);
      }),
    );
  });
});
