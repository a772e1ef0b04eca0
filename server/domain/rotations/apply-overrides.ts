import { overlaps } from "./intervals";
import { byStart, compareIds } from "./ordering";
import type { Override, Shift } from "./types";

function coverShift(shift: Shift, override: Override): Shift[] {
  if (!overlaps(shift, override)) return [shift];
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

/**
 * Hands the covered part of each shift to the cover, splitting the shift around it. An override only replaces
 * existing duty: outside every shift it adds nothing. Overlapping overrides apply in order of start, then id,
 * so the later-starting one wins where they overlap, whatever order they arrive in.
 */
export function applyOverrides(shifts: readonly Shift[], overrides: readonly Override[]): Shift[] {
  const ordered = [...overrides].sort((a, b) => a.start - b.start || a.end - b.end || compareIds(a.id, b.id));
  let covered = [...shifts];
  for (const override of ordered) {
    if (override.end <= override.start) continue;
    // A plain loop, not flatMap: most shifts miss most overrides, and a one-element array per shift and
    // override made this the hot spot of expanding a year of many rotations.
    const next: Shift[] = [];
    for (const shift of covered) {
      if (overlaps(shift, override)) next.push(...coverShift(shift, override));
      else next.push(shift);
    }
    covered = next;
  }
  return joinTouchingPieces(covered.sort(byStart));
}

/** Overlapping covers by one person split each other; rejoin pieces that continue the same holding. */
function joinTouchingPieces(sorted: readonly Shift[]): Shift[] {
  const joined: Shift[] = [];
  for (const shift of sorted) {
    const last = joined[joined.length - 1];
    const continues = last !== undefined && last.end === shift.start && last.personId === shift.personId &&
      last.turn === shift.turn && last.source === shift.source && last.rotationId === shift.rotationId;
    if (continues) joined[joined.length - 1] = { ...last, end: shift.end };
    else joined.push(shift);
  }
  return joined;
}
