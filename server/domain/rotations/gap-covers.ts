import { clipIntervals, subtractIntervals, type Interval } from "../time";
import { requiredDuty } from "./coverage-gaps";
import { compareIds } from "./ordering";
import type { Override, RotationSpec, Shift } from "./types";

/** Cover shifts in gaps belong to no turn of the rotation. */
export const GAP_TURN = -1;

/**
 * A cover that replaces nobody in particular also fills the rotation's gaps it spans (duty nobody holds, such as
 * the days between the first day and the first hand-off), but never adds duty outside the rotation's duty hours.
 * `shifts` are the rotation's, sorted and disjoint, with covers applied; so is the result.
 */
export function fillGapsWithCovers(
  rotation: RotationSpec,
  shifts: readonly Shift[],
  overrides: readonly Override[],
  window: Interval,
): Shift[] {
  const open = overrides.filter((o) => (o.replacesPersonId ?? null) === null && o.start < o.end);
  if (open.length === 0) return [...shifts];
  const ordered = [...open].sort((a, b) => a.start - b.start || a.end - b.end || compareIds(a.id, b.id));
  let gaps = subtractIntervals(requiredDuty(rotation, window), shifts);
  const added: Shift[] = [];
  // Later-starting covers win where covers overlap, as they do over shifts.
  for (const override of ordered.reverse()) {
    const filled = clipIntervals(gaps, override);
    for (const piece of filled) {
      added.push({
        rotationId: rotation.id,
        role: rotation.role,
        personId: override.personId,
        start: piece.start,
        end: piece.end,
        turn: GAP_TURN,
        source: "override",
        onLeave: false,
      });
    }
    gaps = subtractIntervals(gaps, filled);
  }
  if (added.length === 0) return [...shifts];
  return [...shifts, ...added].sort((a, b) => a.start - b.start);
}
