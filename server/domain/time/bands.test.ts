import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { bandOf, splitByBand, type TimeBand } from "./bands";
import { normalize, totalMs, unionIntervals, intersectIntervals, type Interval } from "./intervals";
import { at, HOUR_MS, utc, zoneArb } from "../../testing/time-fixtures";
import { DEFAULT_WORK_PATTERN, workPatternIntervals } from "./work-pattern";

const BERLIN = "Europe/Berlin";
const berlinMarch = workPatternIntervals(DEFAULT_WORK_PATTERN, BERLIN, {
  start: at("2026-03-01T00:00", BERLIN),
  end: at("2026-04-06T00:00", BERLIN),
});

describe("bandOf", () => {
  test.each<[string, TimeBand]>([
    ["2026-03-04T10:00", "business"],
    ["2026-03-04T09:00", "business"],
    ["2026-03-04T17:00", "off-hours"],
    ["2026-03-04T07:00", "off-hours"],
    ["2026-03-04T06:59", "sleep"],
    ["2026-03-04T21:59", "off-hours"],
    ["2026-03-04T22:00", "sleep"],
    ["2026-03-04T03:00", "sleep"],
    ["2026-03-07T12:00", "off-hours"],
    ["2026-03-07T23:30", "sleep"],
  ])("Berlin %s is %s", (local, band) => {
    expect(bandOf(at(local, BERLIN), BERLIN, berlinMarch)).toBe(band);
  });

  test("scheduled time is business even at night", () => {
    const nightShift = [{ start: at("2026-03-04T22:00", BERLIN), end: at("2026-03-05T06:00", BERLIN) }];
    expect(bandOf(at("2026-03-05T02:00", BERLIN), BERLIN, nightShift)).toBe("business");
  });

  test("the same instant falls in different bands on different wall clocks", () => {
    const instant = utc("2026-03-04T13:00:00Z");
    expect(bandOf(instant, BERLIN, berlinMarch)).toBe("business");
    expect(bandOf(instant, "America/New_York", [])).toBe("off-hours");
    expect(bandOf(instant, "Pacific/Chatham", [])).toBe("sleep");
  });
});

describe("splitByBand", () => {
  test("a page that runs from afternoon to next morning", () => {
    const page = [{ start: at("2026-03-04T16:00", BERLIN), end: at("2026-03-05T10:00", BERLIN) }];
    const bands = splitByBand(page, BERLIN, berlinMarch);
    expect(totalMs(bands.business) / HOUR_MS).toBe(2);
    expect(totalMs(bands["off-hours"]) / HOUR_MS).toBe(5 + 2);
    expect(totalMs(bands.sleep) / HOUR_MS).toBe(9);
  });

  test("the short night of the spring-forward weekend has 8 h of sleep band", () => {
    const weekend = [{ start: at("2026-03-28T20:00", BERLIN), end: at("2026-03-29T10:00", BERLIN) }];
    const bands = splitByBand(weekend, BERLIN, berlinMarch);
    expect(totalMs(bands["off-hours"]) / HOUR_MS).toBe(2 + 3);
    expect(totalMs(bands.sleep) / HOUR_MS).toBe(8);
  });

  test("nothing in, nothing out", () => {
    expect(splitByBand([], BERLIN, berlinMarch)).toEqual({ business: [], "off-hours": [], sleep: [] });
  });

  test("the bands partition the time and agree with bandOf", () => {
    const spanStart = at("2026-03-01T00:00", BERLIN);
    const pieceArb = fc.tuple(fc.integer({ min: 0, max: 34 * 24 * 60 }), fc.integer({ min: 1, max: 30 * 60 })).map(
      ([offset, minutes]): Interval => ({
        start: spanStart + offset * 60_000,
        end: spanStart + (offset + minutes) * 60_000,
      }),
    );
    fc.assert(
      fc.property(zoneArb, fc.array(pieceArb, { minLength: 1, maxLength: 4 }), (zone, pieces) => {
        const scheduled = workPatternIntervals(DEFAULT_WORK_PATTERN, zone, {
          start: spanStart,
          end: spanStart + 40 * 24 * HOUR_MS,
        });
        const bands = splitByBand(pieces, zone, scheduled);
        const all: TimeBand[] = ["business", "off-hours", "sleep"];
        expect(unionIntervals(...all.map((b) => bands[b]))).toEqual(normalize(pieces));
        expect(totalMs(bands.business) + totalMs(bands["off-hours"]) + totalMs(bands.sleep)).toBe(totalMs(pieces));
        expect(intersectIntervals(bands.sleep, bands["off-hours"])).toEqual([]);
        const mislabelled = all.flatMap((band) =>
          bands[band].filter(
            (p) => bandOf(p.start, zone, scheduled) !== band || bandOf(p.end - 1, zone, scheduled) !== band,
          ),
        );
        expect(mislabelled).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
