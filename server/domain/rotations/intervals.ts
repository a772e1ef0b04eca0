import type { Interval } from "./types";

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

export function clipTo(interval: Interval, bounds: Interval): Interval | null {
  const start = Math.max(interval.start, bounds.start);
  const end = Math.min(interval.end, bounds.end);
  return start < end ? { start, end } : null;
}

/** Sorted, non-overlapping union; touching intervals join. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.start < i.end).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval.start <= last.end) {
      last.end = Math.max(last.end, interval.end);
    } else {
      merged.push({ start: interval.start, end: interval.end });
    }
  }
  return merged;
}

/** The parts of `from` that none of `removed` covers. */
export function subtractIntervals(from: readonly Interval[], removed: readonly Interval[]): Interval[] {
  const cuts = mergeIntervals(removed);
  const remaining: Interval[] = [];
  let firstRelevantCut = 0;
  for (const interval of mergeIntervals(from)) {
    // Both lists are sorted, so cuts that end before this interval can never matter again.
    while ((cuts[firstRelevantCut]?.end ?? Infinity) <= interval.start) firstRelevantCut += 1;
    let cursor = interval.start;
    for (let index = firstRelevantCut; index < cuts.length; index += 1) {
      const cut = cuts[index];
      if (cut === undefined || cut.start >= interval.end) break;
      if (cut.start > cursor) remaining.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
    }
    if (cursor < interval.end) remaining.push({ start: cursor, end: interval.end });
  }
  return remaining;
}

export function totalLength(intervals: readonly Interval[]): number {
  return mergeIntervals(intervals).reduce((sum, i) => sum + (i.end - i.start), 0);
}
