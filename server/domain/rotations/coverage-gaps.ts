import { intersectIntervals, subtractIntervals, unionIntervals, wallClockInstant, type Interval } from "../time";
import { beforeDutyEnd } from "./duty-end";
import { restrictingWindows } from "./duty-turns";
import { dutyIntervals } from "./duty-windows";
import type { RotationSpec, Shift } from "./types";

/**
 * When the rotation means to start holding its duty: its first day at the hand-off time, on its own wall clock.
 * A weekly rotation whose first day is a Thursday with Monday hand-offs owes duty from that Thursday, although
 * its first turn only begins on the Monday after.
 */
export function dutyStartOf(rotation: RotationSpec): number {
  const [year, month, day] = rotation.startsOn.split("-").map(Number);
  if (year === undefined || month === undefined || day === undefined)
    throw new RangeError(`Not a calendar date: "${rotation.startsOn}"`);
  return wallClockInstant({ year, month, day }, rotation.handoff.minute, rotation.timeZone);
}

/** The stretches of `horizon` in which the rotation's role needs someone: from its start to its end, in its duty windows. */
export function requiredDuty(rotation: RotationSpec, horizon: Interval): Interval[] {
  // A shadow adds no cover, so nobody missing from a shadow rotation leaves duty unanswered.
  if (rotation.role === "shadow") return [];
  const span = beforeDutyEnd(rotation, { start: Math.max(horizon.start, dutyStartOf(rotation)), end: horizon.end });
  if (span.end <= span.start) return [];
  const windows = restrictingWindows(rotation);
  return windows ? dutyIntervals(span, windows, rotation.timeZone) : [span];
}

export interface Coverage {
  /** Duty someone holds: sorted, disjoint. */
  covered: Interval[];
  /** Duty nobody holds: sorted, disjoint; with `covered` it makes up the required duty exactly. */
  gaps: Interval[];
}

/** Splits the required duty into the parts the shifts hold and the gaps between them. */
export function coverageOf(required: readonly Interval[], shifts: readonly Interval[]): Coverage {
  const held = unionIntervals(shifts.map((shift) => ({ start: shift.start, end: shift.end })));
  return { covered: intersectIntervals(required, held), gaps: subtractIntervals(required, held) };
}

/** Every stretch of `horizon` in which the rotation's duty has nobody on it. */
export function coverageGaps(rotation: RotationSpec, shifts: readonly Shift[], horizon: Interval): Interval[] {
  const own = shifts.filter((shift) => shift.rotationId === rotation.id);
  return coverageOf(requiredDuty(rotation, horizon), own).gaps;
}
