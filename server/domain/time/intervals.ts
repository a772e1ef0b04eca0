/** A stretch of time as epoch milliseconds, half-open: `start` is inside, `end` is not. */
export interface Interval {
  start: number;
  end: number;
}

/** One minute of elapsed time. Elapsed, not wall clock: never use it to step local days. */
export const MINUTE_MS = 60_000;

/**
 * Sorts, drops empty or non-finite intervals, and merges overlapping or touching ones.
 * Every other function here returns lists in this form: sorted, disjoint, non-adjacent, non-empty.
 */
export function normalize(list: readonly Interval[]): Interval[] {
  // Most lists passed around are already in this form (every function here returns it): keep their intervals,
  // which nothing mutates, rather than copying, sorting and merging them again.
  if (isNormalized(list)) return list.slice();
  const sorted = list
    .filter((i) => Number.isFinite(i.start) && Number.isFinite(i.end) && i.end > i.start)
    .map((i) => ({ start: i.start, end: i.end }))
    .sort((a, b) => a.start - b.start);

  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && next.start <= last.end) {
      last.end = Math.max(last.end, next.end);
    } else {
      merged.push(next);
    }
  }
  return merged;
}

function isNormalized(list: readonly Interval[]): boolean {
  let lastEnd = -Infinity;
  for (const interval of list) {
    if (
      !(
        interval.start > lastEnd &&
        interval.end > interval.start &&
        Number.isFinite(interval.start) &&
        Number.isFinite(interval.end)
      )
    )
      return false;
    lastEnd = interval.end;
  }
  return true;
}

export function unionIntervals(...lists: ReadonlyArray<readonly Interval[]>): Interval[] {
  return normalize(lists.flat());
}

export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = normalize(a);
  const right = normalize(b);
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const x = left[i];
    const y = right[j];
    if (x === undefined || y === undefined) break;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) result.push({ start, end });
    // Whichever ends first cannot overlap anything later in the other list.
    if (x.end <= y.end) i++;
    else j++;
  }
  return result;
}

/** The parts of `a` not covered by `b`. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const kept = normalize(a);
  const removed = normalize(b);
  const result: Interval[] = [];
  let j = 0;
  for (const x of kept) {
    let cursor = x.start;
    // Skip removals that end before this interval; they end before every later one too.
    while (j < removed.length && (removed[j]?.end ?? Infinity) <= cursor) j++;
    let k = j;
    for (let y = removed[k]; y !== undefined && y.start < x.end; y = removed[++k]) {
      if (y.start > cursor) result.push({ start: cursor, end: y.start });
      cursor = Math.max(cursor, y.end);
      if (cursor >= x.end) break;
    }
    if (cursor < x.end) result.push({ start: cursor, end: x.end });
  }
  return result;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The part of one interval inside `bounds`, or null when they do not overlap. */
export function clipTo(interval: Interval, bounds: Interval): Interval | null {
  const start = Math.max(interval.start, bounds.start);
  const end = Math.min(interval.end, bounds.end);
  return start < end ? { start, end } : null;
}

export function clipIntervals(list: readonly Interval[], window: Interval): Interval[] {
  return intersectIntervals(list, [window]);
}

/** Covered time in milliseconds; overlaps count once. */
export function totalMs(list: readonly Interval[]): number {
  return normalize(list).reduce((sum, i) => sum + (i.end - i.start), 0);
}

export function containsInstant(list: readonly Interval[], instant: number): boolean {
  return list.some((i) => i.start <= instant && instant < i.end);
}
