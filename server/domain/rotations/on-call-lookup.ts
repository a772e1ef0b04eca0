import { byStart, compareIds } from "./ordering";
import type { RotationRole, Shift } from "./types";

const ROLE_ORDER: Record<RotationRole, number> = { primary: 0, secondary: 1, ticket: 2, shadow: 3 };

/** The shifts in force at `at` (one per rotation that has someone on), pager roles first. */
export function whoIsOnCall(shifts: readonly Shift[], at: number): Shift[] {
  return shifts
    .filter((shift) => shift.start <= at && at < shift.end)
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || compareIds(a.rotationId, b.rotationId));
}

/** The person's shifts that have not ended by `now`, a current one included, earliest first. */
export function nextShiftsFor(personId: string, shifts: readonly Shift[], now: number, limit: number): Shift[] {
  return shifts
    .filter((shift) => shift.personId === personId && shift.end > now)
    .sort((a, b) => byStart(a, b) || compareIds(a.rotationId, b.rotationId))
    .slice(0, Math.max(0, limit));
}
