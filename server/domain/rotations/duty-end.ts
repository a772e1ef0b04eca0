import { parseLocalDate, wallClockInstant } from "../time";
import type { Interval, RotationSpec } from "./types";

/** When the rotation stops holding duty: its end date at the hand-off time, on its own wall clock; Infinity without one. */
export function dutyEndOf(rotation: RotationSpec): number {
  if (!rotation.endsOn) return Number.POSITIVE_INFINITY;
  return wallClockInstant(parseLocalDate(rotation.endsOn), rotation.handoff.minute, rotation.timeZone);
}

/** `window` cut short at the rotation's end, so nothing is expanded, owed or counted after it. */
export function beforeDutyEnd(rotation: RotationSpec, window: Interval): Interval {
  return { start: window.start, end: Math.min(window.end, dutyEndOf(rotation)) };
}
