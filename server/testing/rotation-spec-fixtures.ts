import { DateTime } from "luxon";
import type { RotationSpec, Shift } from "../domain/rotations";
import type { Interval } from "../domain/time";
import { at, HOUR_MS } from "./time-fixtures";

/** Test-only helpers shared by the rotation tests. */

export { HOUR_MS };

/** A weekly Monday 09:00 Europe/Berlin primary rotation of a, b, c from Monday 2 March 2026, changed by `changes`. */
export function weeklyRotation(changes: Partial<RotationSpec> = {}): RotationSpec {
  return {
    id: "pager",
    role: "primary",
    timeZone: "Europe/Berlin",
    shiftLength: { unit: "weeks", count: 1 },
    handoff: { weekday: 1, minute: 9 * 60 },
    startsOn: "2026-03-02",
    participants: ["a", "b", "c"],
    ...changes,
  };
}

/** An unambiguous local time (ISO without offset) in `zone`, as epoch ms. */
export function localTime(iso: string, zone = "Europe/Berlin"): number {
  return at(iso, zone);
}

export function localWindow(startIso: string, endIso: string, zone = "Europe/Berlin"): Interval {
  return { start: localTime(startIso, zone), end: localTime(endIso, zone) };
}

/** "2026-03-30T09:00+02:00": the wall clock and offset a shift boundary shows in `zone`. */
export function wallClock(instant: number, zone = "Europe/Berlin"): string {
  return DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ");
}

export function lengthInHours(interval: Interval): number {
  return (interval.end - interval.start) / HOUR_MS;
}

/** A compact view of shifts for table assertions. */
export function describeShifts(shifts: readonly Shift[], zone = "Europe/Berlin"): string[] {
  return shifts.map(
    (shift) =>
      `${shift.personId}#${shift.turn}${shift.source === "override" ? "*" : ""}${shift.onLeave ? "!" : ""} ` +
      `${wallClock(shift.start, zone)} ${wallClock(shift.end, zone)}`,
  );
}
