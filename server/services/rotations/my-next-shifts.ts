import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import { activeRotations, type RotationRow } from "./rotation-rows";
import { aroundNow } from "./current-window";
import { type ScheduledShift, shiftsInWindow } from "./window-shifts";

/** How far ahead "my next shifts" looks, as the calendar feeds do. */
export const NEXT_SHIFTS_WEEKS = 26;

/** The caller's own shifts that have not ended, a current one first, in every team they belong to. */
export async function myNextShifts(db: Db, viewer: Viewer, input: { limit: number }, now: Date) {
  const rows = await activeRotations(
    db,
    viewer.memberships.map((m) => m.teamId),
  );
  const shifts = await shiftsInWindow(db, rows, aroundNow(now, { weeks: NEXT_SHIFTS_WEEKS }));
  return nextShiftsAmong(viewer, rows, shifts, input.limit, now);
}

/**
 * The caller's next shifts from the rotations of all their teams and those rotations' shifts over
 * `aroundNow(now, { weeks: NEXT_SHIFTS_WEEKS })`, already read (My work reads them once for this and who is on call).
 */
export function nextShiftsAmong(
  viewer: Viewer,
  rows: readonly RotationRow[],
  shifts: readonly ScheduledShift[],
  limit: number,
  now: Date,
) {
  const teams = new Map(viewer.memberships.map((m) => [m.teamId, m.teamName]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return shifts
    .filter((shift) => shift.personId === viewer.personId && shift.end > now.getTime())
    .slice(0, limit)
    .flatMap((shift) => {
      const row = byId.get(shift.rotationId);
      if (!row) return [];
      return [
        {
          rotationId: row.id,
          rotationName: row.name,
          teamId: row.teamId,
          teamName: teams.get(row.teamId) ?? "",
          role: shift.role,
          startsAt: new Date(shift.start),
          endsAt: new Date(shift.end),
          source: shift.source,
          onLeave: shift.onLeave,
        },
      ];
    });
}
