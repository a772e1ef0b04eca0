import { overlaps } from "../time";
import { compareIds } from "./ordering";
import type { Override, Shift } from "./types";

function coverShift(shift: Shift, override: Override): Shift[] {
  const replaces = override.replacesPersonId;
  if (replaces !== undefined && replaces !== null && replaces !== shift.personId) return [shift];
  const coverStart = Math.max(shift.start, override.start);
  const coverEnd = Math.min(shift.end, override.end);
  const pieces: Shift[] = [];
  if (shift.start < coverStart) pieces.push({ ...shift, end: coverStart });
  pieces.push({ ...shift, start: coverStart, end: coverEnd, personId: override.personId, source: "override" });
  if (coverEnd < shift.end) pieces.push({ ...shift, start: coverEnd });
  return pieces;
}

/** The first index whose shift ends after `instant`; shifts are sorted and disjoint, so their ends are sorted too. */
function firstEndingAfter(shifts: readonly Shift[], instant: number): number {
  let low = 0;
  let high = shifts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((shifts[middle]?.end ?? Infinity) > instant) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Hands the covered part of each shift to the cover, splitting the shift around it. An override only replaces
 * existing duty: outside every shift it adds nothing. Overlapping overrides apply in order of start, then id,
 * so the later-starting one wins where they overlap, whatever order they arrive in.
 * `shifts` are one rotation's: sorted by start and disjoint, as its turns are; so is the result.
 */
export function applyOverrides(shifts: readonly Shift[], overrides: readonly Override[]): Shift[] {
  if (overrides.length === 0) return [...shifts];
  const ordered = [...overrides].sort((a, b) => a.start - b.start || a.end - b.end || compareIds(a.id, b.id));
  const covered = [...shifts];
  for (const override of ordered) {
    if (override.end <= override.start) continue;
    // Only the few shifts the cover overlaps change: find them by bisection and splice their pieces in, rather
    // than copying every shift of the year once per cover (the hot spot of expanding many rotations).
    const first = firstEndingAfter(covered, override.start);
    let last = first;
    const pieces: Shift[] = [];
    for (let shift = covered[last]; shift !== undefined && overlaps(shift, override); shift = covered[last]) {
      pieces.push(...coverShift(shift, override));
      last += 1;
    }
    if (last > first) covered.splice(first, last - first, ...pieces);
  }
  return joinTouchingPieces(covered);
}

/** Overlapping covers by one person split each other; rejoin pieces that continue the same holding. */
function joinTouchingPieces(sorted: readonly Shift[]): Shift[] {
  const joined: Shift[] = [];
  for (const shift of sorted) {
    const last = joined[joined.length - 1];
    const continues =
      last !== undefined &&
      last.end === shift.start &&
      last.personId === shift.personId &&
      last.turn === shift.turn &&
      last.source === shift.source &&
      last.rotationId === shift.rotationId;
    if (continues) joined[joined.length - 1] = { ...last, end: shift.end };
    else joined.push(shift);
  }
  return joined;
}
