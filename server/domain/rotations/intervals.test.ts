import { describe, expect, test } from "vitest";
import { clipTo, mergeIntervals, subtractIntervals, totalLength } from "./intervals";

const span = (start: number, end: number) => ({ start, end });

describe("interval helpers", () => {
  test("merge joins overlapping and touching intervals and drops empty ones", () => {
    expect(mergeIntervals([span(5, 7), span(0, 2), span(2, 3), span(6, 9), span(4, 4)])).toEqual([span(0, 3), span(5, 9)]);
  });

  test("subtract leaves the uncovered parts", () => {
    expect(subtractIntervals([span(0, 10), span(20, 30)], [span(2, 4), span(8, 22), span(25, 26)])).toEqual([
      span(0, 2), span(4, 8), span(22, 25), span(26, 30),
    ]);
    expect(subtractIntervals([span(0, 10)], [])).toEqual([span(0, 10)]);
  });

  test("clip and total length", () => {
    expect(clipTo(span(0, 10), span(5, 20))).toEqual(span(5, 10));
    expect(clipTo(span(0, 5), span(5, 20))).toBeNull();
    expect(totalLength([span(0, 10), span(5, 15)])).toBe(15);
  });
});
