import { clipTo } from "../time";
import { applyOverrides } from "./apply-overrides";
import { beforeDutyEnd } from "./duty-end";
import { dutyTurns, restrictingWindows } from "./duty-turns";
import { fillGapsWithCovers } from "./gap-covers";
import { handoffSchedule } from "./handoffs";
import { markLeave } from "./mark-leave";
import { turnHolders } from "./turn-holders";
import { assertValidRotation } from "./validate-rotation";
import type { Absence, Interval, Override, RotationSpec, Shift } from "./types";

/**
 * An unrestricted rotation's turns are its hand-off periods, so walk the hand-offs directly: one object per
 * shift, where the general path (dutyTurns) builds a turn, its period and its pieces first.
 */
function wholePeriodShifts(rotation: RotationSpec, window: Interval): Shift[] {
  const holderOf = turnHolders(rotation);
  const schedule = handoffSchedule(rotation);
  const shifts: Shift[] = [];
  let period = Math.max(0, schedule.periodContaining(window.start));
  let start = schedule.handoffAt(period);
  while (start < window.end) {
    const end = schedule.handoffAt(period + 1);
    const personId = holderOf(period);
    const clippedStart = Math.max(start, window.start);
    const clippedEnd = Math.min(end, window.end);
    if (personId !== undefined && clippedStart < clippedEnd) {
      shifts.push({
        rotationId: rotation.id,
        role: rotation.role,
        personId,
        start: clippedStart,
        end: clippedEnd,
        turn: period,
        source: "rotation",
        onLeave: false,
      });
    }
    period += 1;
    start = end;
  }
  return shifts;
}

/** The plain turn order, clipped to the window, before covers and leave. Sorted by start and disjoint. */
function rotationShifts(rotation: RotationSpec, window: Interval): Shift[] {
  if (!restrictingWindows(rotation)) return wholePeriodShifts(rotation, window);
  const holderOf = turnHolders(rotation);
  const shifts: Shift[] = [];
  for (const { turn, duty } of dutyTurns(rotation, window)) {
    const personId = holderOf(turn);
    if (personId === undefined) continue;
    for (const piece of duty) {
      const clipped = clipTo(piece, window);
      if (!clipped) continue;
      shifts.push({
        rotationId: rotation.id,
        role: rotation.role,
        personId,
        start: clipped.start,
        end: clipped.end,
        turn,
        source: "rotation",
        onLeave: false,
      });
    }
  }
  return shifts;
}

/**
 * Who holds the rotation's duty during `window`: turn n runs from hand-off n to hand-off n + 1 and goes to
 * participants[n mod length], shifted by the rotation's anchor when it has one; restricted rotations keep only the
 * in-window pieces of each turn; nothing runs past the rotation's end date, covers included; overrides
 * then take over the parts they cover, and fill the gaps they span; `onLeave` flags shifts that overlap their holder's absence.
 * Sorted by start (the pieces are disjoint, so that order is also by end). Throws a RangeError for a rotation
 * that cannot be expanded (unknown zone, bad length...).
 */
export function expandShifts(
  rotation: RotationSpec,
  overrides: readonly Override[],
  absences: readonly Absence[],
  window: Interval,
): Shift[] {
  assertValidRotation(rotation);
  const held = beforeDutyEnd(rotation, window);
  if (rotation.participants.length === 0 || held.end <= held.start) return [];
  const covered = fillGapsWithCovers(
    rotation,
    applyOverrides(rotationShifts(rotation, held), overrides),
    overrides,
    held,
  );
  return markLeave(covered, absences);
}
