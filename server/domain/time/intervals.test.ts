import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  clipIntervals,
  clipTo,
  containsInstant,
  intersectIntervals,
  normalize,
  overlaps,
  subtractIntervals,
  totalMs,
  unionIntervals,
  type Interval,
} from "./intervals";

const i = (start: number, end: number): Interval => ({ start, end });

describe("normalize", () => {
  test.each<[string, Interval[], Interval[]]>([
    ["empty list", [], []],
    ["sorts", [i(5, 6), i(1, 2)], [i(1, 2), i(5, 6)]],
    ["merges overlapping", [i(1, 5), i(3, 8)], [i(1, 8)]],
    ["merges adjacent (half-open)", [i(1, 3), i(3, 5)], [i(1, 5)]],
    ["swallows nested", [i(1, 10), i(2, 3), i(4, 5)], [i(1, 10)]],
    ["drops empty and reversed", [i(3, 3), i(5, 4), i(1, 2)], [i(1, 2)]],
    ["drops non-finite", [i(Number.NaN, 4), i(0, Infinity), i(1, 2)], [i(1, 2)]],
    ["merges duplicates", [i(1, 2), i(1, 2)], [i(1, 2)]],
    ["keeps gaps", [i(1, 2), i(2.5, 3)], [i(1, 2), i(2.5, 3)]],
  ])("%s", (_name, input, expected) => {
    expect(normalize(input)).toEqual(expected);
  });

  test("does not mutate its input", () => {
    const input = [i(3, 8), i(1, 5)];
    normalize(input);
    expect(input).toEqual([i(3, 8), i(1, 5)]);
  });
});

describe("set operations on examples", () => {
  test.each<[string, Interval[], Interval[], Interval[]]>([
    ["disjoint", [i(0, 2)], [i(3, 4)], []],
    ["touching is not overlapping", [i(0, 2)], [i(2, 4)], []],
    ["partial", [i(0, 5)], [i(3, 8)], [i(3, 5)]],
    ["one spans many", [i(0, 100)], [i(10, 20), i(30, 40)], [i(10, 20), i(30, 40)]],
    ["unsorted input", [i(30, 40), i(0, 10)], [i(5, 35)], [i(5, 10), i(30, 35)]],
  ])("intersect: %s", (_name, a, b, expected) => {
    expect(intersectIntervals(a, b)).toEqual(expected);
    expect(intersectIntervals(b, a)).toEqual(expected);
  });

  test.each<[string, Interval[], Interval[], Interval[]]>([
    ["nothing removed", [i(0, 10)], [], [i(0, 10)]],
    ["hole in the middle", [i(0, 10)], [i(3, 4)], [i(0, 3), i(4, 10)]],
    ["cuts both ends", [i(0, 10)], [i(-5, 2), i(8, 15)], [i(2, 8)]],
    ["removes everything", [i(0, 10), i(20, 30)], [i(-1, 31)], []],
    ["one removal spans two kept", [i(0, 10), i(20, 30)], [i(5, 25)], [i(0, 5), i(25, 30)]],
    ["unsorted removals", [i(0, 10)], [i(7, 8), i(1, 2)], [i(0, 1), i(2, 7), i(8, 10)]],
  ])("subtract: %s", (_name, a, b, expected) => {
    expect(subtractIntervals(a, b)).toEqual(expected);
  });

  test("union merges across lists", () => {
    expect(unionIntervals([i(0, 2)], [i(1, 4), i(6, 7)], [i(4, 5)])).toEqual([i(0, 5), i(6, 7)]);
  });

  test("clip keeps only the window", () => {
    expect(clipIntervals([i(0, 10), i(20, 30)], i(5, 25))).toEqual([i(5, 10), i(20, 25)]);
  });

  test("total counts overlaps once", () => {
    expect(totalMs([i(0, 10), i(5, 15), i(20, 21)])).toBe(16);
  });

  test("contains is half-open", () => {
    expect(containsInstant([i(0, 10)], 0)).toBe(true);
    expect(containsInstant([i(0, 10)], 10)).toBe(false);
  });

  test("100 000 unsorted intervals go through sort and sweep in linearithmic time", () => {
    // Far more than a year of one engineer's entries, shifts and absences.
    const many = Array.from({ length: 100_000 }, (_, k) => i(k * 100 + (k % 7), k * 100 + 60));
    const shuffled = [...many].reverse();
    const began = performance.now();
    subtractIntervals(shuffled, intersectIntervals(many, [i(50_000, 9_000_000)]));
    // Generous so a busy shared machine does not fail it; an O(n²) sweep takes far longer at this size.
    expect(performance.now() - began).toBeLessThan(5_000);
  });
});

const intervalArb = fc
  .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: -5, max: 40 }))
  .map(([start, length]) => i(start, start + length));
const listArb = fc.array(intervalArb, { maxLength: 12 });
const covers = (list: Interval[], p: number) => containsInstant(list, p);
const isNormalized = (list: Interval[]) =>
  list.every((x, k) => x.end > x.start && (k === 0 || x.start > (list[k - 1]?.end ?? -Infinity)));

describe("set laws (fast-check)", () => {
  const runs = { numRuns: 200 };

  test("every result is normalized", () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        for (const result of [normalize(a), unionIntervals(a, b), intersectIntervals(a, b), subtractIntervals(a, b)]) {
          expect(isNormalized(result)).toBe(true);
        }
      }),
      runs,
    );
  });

  test("membership follows the set definitions at every endpoint and between them", () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const union = unionIntervals(a, b);
        const both = intersectIntervals(a, b);
        const onlyA = subtractIntervals(a, b);
        const edges = [...a, ...b].flatMap((x) => [x.start, x.end]).sort((x, y) => x - y);
        const probes = edges.flatMap((e, k) => [e - 0.5, e, (e + (edges[k + 1] ?? e + 1)) / 2]);
        return probes.every(
          (p) =>
            covers(union, p) === (covers(a, p) || covers(b, p)) &&
            covers(both, p) === (covers(a, p) && covers(b, p)) &&
            covers(onlyA, p) === (covers(a, p) && !covers(b, p)),
        );
      }),
      runs,
    );
  });

  test("total(a ∪ b) + total(a ∩ b) = total(a) + total(b)", () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        expect(totalMs(unionIntervals(a, b)) + totalMs(intersectIntervals(a, b))).toBe(totalMs(a) + totalMs(b));
      }),
      runs,
    );
  });

  test("a splits into (a − b) and (a ∩ b)", () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        expect(totalMs(subtractIntervals(a, b)) + totalMs(intersectIntervals(a, b))).toBe(totalMs(a));
        expect(intersectIntervals(subtractIntervals(a, b), b)).toEqual([]);
        expect(unionIntervals(subtractIntervals(a, b), intersectIntervals(a, b))).toEqual(normalize(a));
      }),
      runs,
    );
  });

  test("union and intersection commute, and normalize is idempotent", () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        expect(unionIntervals(a, b)).toEqual(unionIntervals(b, a));
        expect(intersectIntervals(a, b)).toEqual(intersectIntervals(b, a));
        expect(normalize(normalize(a))).toEqual(normalize(a));
      }),
      runs,
    );
  });

  test("clipping never grows and stays inside the window", () => {
    fc.assert(
      fc.property(listArb, intervalArb, (a, window) => {
        const clipped = clipIntervals(a, window);
        expect(totalMs(clipped)).toBeLessThanOrEqual(totalMs(a));
        expect(clipped.every((x) => x.start >= window.start && x.end <= window.end)).toBe(true);
      }),
      runs,
    );
  });
});

describe("normalize keeps lists that are already normalized", () => {
  /** The sort-and-merge every list went through before the shortcut. */
  function sortAndMerge(list: readonly Interval[]): Interval[] {
    const merged: Interval[] = [];
    for (const next of list
      .filter((i) => Number.isFinite(i.start) && Number.isFinite(i.end) && i.end > i.start)
      .sort((a, b) => a.start - b.start)) {
      const last = merged[merged.length - 1];
      if (last !== undefined && next.start <= last.end) last.end = Math.max(last.end, next.end);
      else merged.push({ start: next.start, end: next.end });
    }
    return merged;
  }
  const listArb = fc.array(
    fc.record({ start: fc.integer({ min: 0, max: 100 }), end: fc.integer({ min: 0, max: 100 }) }),
    { maxLength: 12 },
  );

  test("gives the same intervals as sorting and merging, normalized or not, and a new array", () => {
    fc.assert(
      fc.property(listArb, fc.boolean(), (list, prenormalize) => {
        const input = prenormalize ? sortAndMerge(list) : list;
        const result = normalize(input);
        expect(result).toEqual(sortAndMerge(input));
        expect(result).not.toBe(input);
      }),
      { numRuns: 500 },
    );
  });

  test("touching intervals are not normalized: they merge", () => {
    expect(
      normalize([
        { start: 0, end: 5 },
        { start: 5, end: 9 },
      ]),
    ).toEqual([{ start: 0, end: 9 }]);
  });
});

describe("one interval", () => {
  test("clipTo keeps the part inside the bounds, or nothing", () => {
    expect(clipTo(i(0, 10), i(5, 20))).toEqual(i(5, 10));
    expect(clipTo(i(0, 5), i(5, 20))).toBeNull();
  });

  test("overlaps is false for touching intervals (half-open)", () => {
    expect(overlaps(i(0, 5), i(4, 9))).toBe(true);
    expect(overlaps(i(0, 5), i(5, 9))).toBe(false);
  });
});
