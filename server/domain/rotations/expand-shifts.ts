import { applyOverrides } from "./apply-overrides";
import { dutyTurns } from "./duty-turns";
import { clipTo } from "./intervals";
import { markLeave } from "./mark-leave";
import { byStart } from "./ordering";
import { assertValidRotation } from "./validate-rotation";
import type { Absence, Interval, Override, RotationSpec, Shift } from "./types";

/** The plain turn order, clipped to the window, before covers and leave. */
function rotationShifts(rotation: RotationSpec, window: Interval): Shift[] {
  const { participants } = rotation;
  const shifts: Shift[] = [];
  for (const { turn, duty } of dutyTurns(rotation, window)) {
    const personId = participants[turn % participants.length];
    if (personId === undefined) continue;
    for (const piece of duty) {
      const clipped = clipTo(piece, window);
      if (!clipped) continue;
      shifts.push({
        rotationId: rotation.id, role: rotation.role, personId, start: clipped.start, end: clipped.end,
        turn, source: "rotation", onLeave: false,
      });
    }
  }
  return shifts;
}

/**
 * Who holds the rotation's duty during `window`: turn n runs from hand-off n to hand-off n + 1 and goes to
 * participants[n mod length]; restricted rotations keep only the working-hour pieces of each turn; overrides
 * then take over the parts they cover; `onLeave` flags shifts that overlap their holder's absence.
 * Sorted by start. Throws a RangeError for a rotation that cannot be expanded (unknown zone, bad length...).
 */
export function expandShifts(
  rotation: RotationSpec,
  overrides: readonly Override[],
  absences: readonly Absence[],
  window: Interval,
): Shift[] {
  assertValidRotation(rotation);
  if (rotation.participants.length === 0 || window.end <= window.start) return [];
  const covered = applyOverrides(rotationShifts(rotation, window), overrides);
  return markLeave(covered, absences).sort(byStart);
}
