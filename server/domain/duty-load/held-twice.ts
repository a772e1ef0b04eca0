import type { Interval } from "../time";

/** A stretch one person holds a rotation's duty: a shift, whether its turn or a cover. */
export interface HeldDuty extends Interval {
  personId: string;
}

/**
 * The stretches inside `window` where the same person holds duty in both `first` and `second`, merged per person
 * and sorted by start. Used to offset a second duty role so nobody holds both (docs/duty-load.md).
 */
export function heldTwice(first: readonly HeldDuty[], second: readonly HeldDuty[], window: Interval): HeldDuty[] {
  const overlaps: HeldDuty[] = [];
  for (const a of first) {
    for (const b of second) {
      if (a.personId !== b.personId) continue;
      const start = Math.max(a.start, b.start, window.start);
      const end = Math.min(a.end, b.end, window.end);
      if (start < end) overlaps.push({ personId: a.personId, start, end });
    }
  }
  overlaps.sort((x, y) => x.start - y.start || (x.personId < y.personId ? -1 : x.personId > y.personId ? 1 : 0));
  const merged: HeldDuty[] = [];
  for (const piece of overlaps) {
    const last = merged.findLast((m) => m.personId === piece.personId);
    if (last && piece.start <= last.end) last.end = Math.max(last.end, piece.end);
    else merged.push({ ...piece });
  }
  return merged.sort((x, y) => x.start - y.start);
}

/** The total length of `stretches`, in milliseconds. */
export function heldLength(stretches: readonly Interval[]): number {
  return stretches.reduce((sum, s) => sum + (s.end - s.start), 0);
}
