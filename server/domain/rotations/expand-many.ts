import { expandShifts } from "./expand-shifts";
import { compareIds } from "./ordering";
import type { Absence, Interval, Override, RotationSpec, Shift } from "./types";

/** Two runs sorted by start then end, merged; on a tie the left run's shift comes first. */
function mergeTwo(left: readonly Shift[], right: readonly Shift[]): Shift[] {
  const merged: Shift[] = new Array<Shift>(left.length + right.length);
  let l = 0;
  let r = 0;
  let out = 0;
  while (l < left.length && r < right.length) {
    const a = left[l] as Shift;
    const b = right[r] as Shift;
    if (b.start < a.start || (b.start === a.start && b.end < a.end)) {
      merged[out++] = b;
      r += 1;
    } else {
      merged[out++] = a;
      l += 1;
    }
  }
  while (l < left.length) merged[out++] = left[l++] as Shift;
  while (r < right.length) merged[out++] = right[r++] as Shift;
  return merged;
}

/**
 * Each rotation's shifts are already sorted, so merge the runs pairwise (log k passes of plain comparisons)
 * instead of sorting the whole year with a comparator function: that sort was half the cost of expanding.
 */
function mergeRuns(runs: Shift[][]): Shift[] {
  let level = runs;
  while (level.length > 1) {
    const next: Shift[][] = [];
    for (let index = 0; index < level.length; index += 2) {
      const left = level[index] ?? [];
      const right = level[index + 1];
      next.push(right === undefined ? left : mergeTwo(left, right));
    }
    level = next;
  }
  return level[0] ?? [];
}

/** Expands every rotation over one window; sorted by start, then end, then rotation id. */
export function expandMany(
  rotations: readonly RotationSpec[],
  overridesByRotation: Readonly<Record<string, readonly Override[]>>,
  absences: readonly Absence[],
  window: Interval,
): Shift[] {
  // Runs laid out by rotation id and merged stably, so ties keep the id order without comparing strings.
  const byId = [...rotations].sort((a, b) => compareIds(a.id, b.id));
  return mergeRuns(
    byId.map((rotation) => expandShifts(rotation, overridesByRotation[rotation.id] ?? [], absences, window)),
  );
}
