import { isValidTimeZone, readLocalDate } from "../time";
import type { RotationSpec } from "./types";

function isIsoWeekday(day: number): boolean {
  return Number.isInteger(day) && day >= 1 && day <= 7;
}

/** Throws a RangeError naming the first field that cannot describe a rotation. */
export function assertValidRotation(rotation: RotationSpec): void {
  const fail = (reason: string): never => {
    throw new RangeError(`Rotation ${rotation.id}: ${reason}`);
  };
  if (!isValidTimeZone(rotation.timeZone)) fail(`unknown time zone "${rotation.timeZone}"`);
  const { count } = rotation.shiftLength;
  if (!Number.isInteger(count) || count < 1)
    fail(`shift length must be a whole number of ${rotation.shiftLength.unit} >= 1`);
  const { weekday, minute } = rotation.handoff;
  if (!Number.isInteger(minute) || minute < 0 || minute >= 24 * 60)
    fail("hand-off minute must be within the day (0..1439)");
  const { unit } = rotation.shiftLength;
  if (unit !== "hours" && unit !== "months" && !isIsoWeekday(weekday))
    fail("hand-off weekday must be an ISO weekday 1..7");
  if (readLocalDate(rotation.startsOn) === null) {
    fail(`startsOn must be an ISO date (yyyy-mm-dd), got "${rotation.startsOn}"`);
  }
  const anchor = rotation.anchor;
  if (anchor && (!Number.isFinite(anchor.at) || !Number.isInteger(anchor.index) || anchor.index < 0)) {
    fail("the turn anchor must name an instant and a participant position >= 0");
  }
  if (rotation.endsOn !== null && rotation.endsOn !== undefined && readLocalDate(rotation.endsOn) === null) {
    fail(`endsOn must be an ISO date (yyyy-mm-dd), got "${rotation.endsOn}"`);
  }
  const windows = rotation.dutyWindows;
  if (windows) {
    if (windows.length === 0) fail("duty windows, when set, must list at least one window");
    for (const window of windows) {
      if (window.days.length === 0 || !window.days.every(isIsoWeekday))
        fail("a duty window's days must be ISO weekdays 1..7");
      const validSpan =
        Number.isInteger(window.startMinute) &&
        Number.isInteger(window.endMinute) &&
        window.startMinute >= 0 &&
        window.startMinute < 24 * 60 &&
        window.endMinute >= 0 &&
        window.endMinute <= 24 * 60;
      if (!validSpan) fail("a duty window must start within the day (0..1439) and end within it (0..1440)");
    }
  }
}
