import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { alertToIncidentRatio, RATIO_BANDS } from "./alert-ratio";

describe("alertToIncidentRatio", () => {
  test.each([
    // pages, incidents, ratio, reading
    [0, 0, null, "quiet"],
    [4, 0, null, "no-incidents"],
    [1, 1, 1, "healthy"],
    [3, 2, 1.5, "healthy"],
    [7, 4, 1.75, "noisy"],
    [6, 2, 3, "noisy"],
    [10, 3, 10 / 3, "very-noisy"],
    [40, 1, 40, "very-noisy"],
  ] as const)("%i pages and %i incidents: ratio %s, %s", (pages, incidents, ratio, reading) => {
    expect(alertToIncidentRatio(pages, incidents)).toEqual({ pages, incidents, ratio, reading });
  });

  test.each([
    [-1, 0],
    [2, -1],
    [1.5, 1],
    [2, 3],
    [Number.NaN, 0],
  ])("refuses %s pages with %s incidents", (pages, incidents) => {
    expect(() => alertToIncidentRatio(pages, incidents)).toThrow(RangeError);
  });

  test("the ratio is never below 1, and the reading only gets worse as pages grow for the same incidents", () => {
    const order = ["healthy", "noisy", "very-noisy"];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 100 }),
        (incidents, extra, more) => {
          const some = alertToIncidentRatio(incidents + extra, incidents);
          const noisier = alertToIncidentRatio(incidents + extra + more, incidents);
          expect(some.ratio ?? 0).toBeGreaterThanOrEqual(1);
          expect(order.indexOf(noisier.reading)).toBeGreaterThanOrEqual(order.indexOf(some.reading));
          expect(some.reading === "healthy").toBe((some.ratio ?? 0) <= RATIO_BANDS.healthy);
        },
      ),
    );
  });
});
