import { isAbsent, type PlannedAbsence } from "./absence-plan";
import { dayIndexOf, wallClockMs, DEMO_ZONE } from "./calendar";
import type { DemoContext } from "./context";
import { HANDOFF_MINUTE, overlaps, PAGER_ORDER, type PlannedShift, type Span } from "./duty-plan";

export interface PlannedOverride extends Span {
  personKey: string;
  replacesKey: string;
  note: string;
}

const COVERED_KEY = "priya";

/**
 * Priya speaks at a conference on the Wednesday and Thursday of her last finished primary week, and a
 * Berlin colleague who is free of duty and present takes those two days.
 */
export function planOverride(
  context: DemoContext,
  shifts: readonly PlannedShift[],
  absences: readonly PlannedAbsence[],
): PlannedOverride {
  const { window } = context;
  const week = shifts
    .filter((s) => s.role === "primary" && s.personKey === COVERED_KEY && s.end <= window.nowMs)
    .at(-1);
  if (!week) throw new Error("the demo window has no finished primary week for the override");
  const monday = dayIndexOf(window, DEMO_ZONE, week.start);
  const cover = {
    start: wallClockMs(window, DEMO_ZONE, monday + 2, HANDOFF_MINUTE),
    end: wallClockMs(window, DEMO_ZONE, monday + 4, HANDOFF_MINUTE),
  };
  // Free means off the pager that whole week and off ticket duty on the two days.
  const busy = (key: string) =>
    shifts.some((s) => s.personKey === key && overlaps(s, s.role === "ticket" ? cover : week));
  const personKey = PAGER_ORDER.find(
    (key) =>
      key !== COVERED_KEY &&
      context.people.get(key)?.timeZone === DEMO_ZONE &&
      !busy(key) &&
      !isAbsent(absences, key, cover.start, cover.end),
  );
  if (!personKey) throw new Error("nobody is free to cover the demo override");
  return { personKey, replacesKey: COVERED_KEY, ...cover, note: "Covering Wed-Thu while Priya speaks at SREcon EMEA" };
}

/** The turns as they were actually held: the covered part of a turn goes to the cover. */
export function applyOverride(shifts: readonly PlannedShift[], override: PlannedOverride): PlannedShift[] {
  return shifts.flatMap((shift) => {
    if (shift.role !== "primary" || shift.personKey !== override.replacesKey || !overlaps(shift, override))
      return [shift];
    const pieces: PlannedShift[] = [];
    if (shift.start < override.start) pieces.push({ ...shift, end: override.start });
    pieces.push({ ...shift, personKey: override.personKey, start: override.start, end: override.end });
    if (override.end < shift.end) pieces.push({ ...shift, start: override.end });
    return pieces;
  });
}
