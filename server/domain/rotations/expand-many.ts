import { expandShifts } from "./expand-shifts";
import { byStart, compareIds } from "./ordering";
import type { Absence, Interval, Override, RotationSpec, Shift } from "./types";

/** Expands every rotation over one window; sorted by start, then rotation id. */
export function expandMany(
  rotations: readonly RotationSpec[],
  overridesByRotation: Readonly<Record<string, readonly Override[]>>,
  absences: readonly Absence[],
  window: Interval,
): Shift[] {
  return rotations
    .flatMap((rotation) => expandShifts(rotation, overridesByRotation[rotation.id] ?? [], absences, window))
    .sort((a, b) => byStart(a, b) || compareIds(a.rotationId, b.rotationId));
}
