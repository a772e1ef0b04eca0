import fc from "fast-check";
import { describe, expect, test } from "vitest";
import "../../testing/property-seed";
import { HOUR_MS, utc, zoneArb } from "../../testing/time-fixtures";
import { totalMs, type Interval } from "../time";
import { onCallHours } from "./person-hours";
import { PAY_BANDS, payBandIntervals } from "./pay-bands";

const FROM = utc("2026-01-01T00:00:00Z");
const SPAN = 366 * 24 * HOUR_MS;

const intervalArb: fc.Arbitrary<Interval> = fc
  .tuple(fc.integer({ min: 0, max: SPAN }), fc.integer({ min: 1, max: 10 * 24 * 60 }))
  .map(([offset, minutes]) => ({ start: FROM + offset, end: FROM + offset + minutes * 60_000 }));

const patternArb = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
    startMinute: fc.integer({ min: 0, max: 20 * 60 }),
    length: fc.integer({ min: 1, max: 12 * 60 }),
  })
  .map((p) => ({ days: p.days, startMinute: p.startMinute, endMinute: p.startMinute + p.length }));

describe("pay bands", () => {
  test("band hours add up to the duty hours, in any zone and pattern, across DST changes", () => {
    fc.assert(
      fc.property(
        zoneArb,
        patternArb,
        fc.array(intervalArb, { maxLength: 4 }),
        fc.array(intervalArb, { maxLength: 2 }),
        intervalArb,
        (timeZone, workPattern, shifts, holidays, window) => {
          const result = onCallHours(
            {
              timeZone,
              workPattern,
              holidays,
              absences: holidays,
              shifts: shifts.map((s, i) => ({ ...s, role: i % 2 === 0 ? "primary" : "secondary" })),
              pages: [],
            },
            window,
          );
          const sum = PAY_BANDS.reduce((total, band) => total + result.byBand[band], 0);
          expect(sum).toBeCloseTo(result.dutyMinutes, 6);
        },
      ),
      { numRuns: 150 },
    );
  });

  test("the bands cut a window into disjoint parts covering all of it", () => {
    fc.assert(
      fc.property(
        zoneArb,
        patternArb,
        fc.array(intervalArb, { maxLength: 2 }),
        intervalArb,
        (timeZone, workPattern, holidays, window) => {
          const bands = payBandIntervals(window, { timeZone, workPattern, holidays });
          const all = PAY_BANDS.flatMap((band) => bands[band]);
          expect(PAY_BANDS.reduce((sum, band) => sum + totalMs(bands[band]), 0)).toBe(window.end - window.start);
          expect(totalMs(all)).toBe(window.end - window.start);
        },
      ),
      { numRuns: 150 },
    );
  });
});
