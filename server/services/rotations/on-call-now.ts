import "server-only";
import type { Db } from "@/db/client";
import { nameOf, peopleByIds } from "./rotation-facts";
import { activeRotations, type RotationRow } from "./rotation-rows";
import { aroundNow } from "./current-window";
import { type ScheduledShift, shiftsInWindow } from "./window-shifts";

/** Far enough ahead to see the end of the longest shift in progress. */
export const MAX_AHEAD_WEEKS = 9;
const ROLE_ORDER = { primary: 0, secondary: 1, ticket: 2, shadow: 3 } as const;

/** Per rotation of the team, pager roles first: who holds it at `now`, or null when nobody does. */
export async function onCallNow(db: Db, input: { teamId: string }, now: Date) {
  const rows = await activeRotations(db, [input.teamId]);
  const shifts = await shiftsInWindow(db, rows, aroundNow(now, { weeks: MAX_AHEAD_WEEKS }));
  return onCallAmong(db, rows, shifts, now);
}

/**
 * Who holds each of `rows` at `now`, from their shifts already read over `aroundNow(now, …)` reaching at least
 * MAX_AHEAD_WEEKS ahead (My work reads them once for this and the next shifts). A shift expanded from the settings
 * ends where onCallNow's own window would clip it, so both give the same answer.
 */
export async function onCallAmong(db: Db, rows: readonly RotationRow[], shifts: readonly ScheduledShift[], now: Date) {
  const at = now.getTime();
  const ownWindowEnd = aroundNow(now, { weeks: MAX_AHEAD_WEEKS }).end;
  const ids = new Set(rows.map((row) => row.id));
  const current = new Map(
    shifts
      .filter((s) => ids.has(s.rotationId) && s.start <= at && at < s.end)
      .map((s) => [s.rotationId, s.source === "record" ? s : { ...s, end: Math.min(s.end, ownWindowEnd) }]),
  );
  const people = await peopleByIds(
    db,
    [...current.values()].map((s) => s.personId),
  );
  return rows
    .map((row) => {
      const shift = current.get(row.id);
      return {
        rotationId: row.id,
        name: row.name,
        role: row.role,
        timeZone: row.timeZone,
        onCall: shift
          ? {
              personId: shift.personId,
              name: nameOf(people, shift.personId),
              startsAt: new Date(shift.start),
              endsAt: new Date(shift.end),
              source: shift.source,
            }
          : null,
      };
    })
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
}
