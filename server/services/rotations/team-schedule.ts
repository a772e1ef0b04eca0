import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotation } from "@/db/schema";
import { listMembers } from "../people/teams";
import { peopleByIds, nameOf } from "./rotation-facts";
import { shiftsInWindow, shiftView } from "./window-shifts";

/**
 * The planner's grid: every shift of the team's rotations in [from, to). Shifts that have ended come from the
 * records (so later edits never rewrite them); the rest are expanded from the current settings. Removed
 * rotations appear only through their history. `people` lists the members, then anyone else holding a shift.
 */
export async function teamSchedule(db: Db, input: { teamId: string; from: Date; to: Date }) {
  const rows = await db
    .select()
    .from(rotation)
    .where(eq(rotation.teamId, input.teamId))
    .orderBy(asc(rotation.name), asc(rotation.id));
  const shifts = await shiftsInWindow(db, rows, { start: input.from.getTime(), end: input.to.getTime() });
  const members = await listMembers(db, input.teamId);
  const memberIds = new Set(members.map((m) => m.personId));
  const outsiders = [...new Set(shifts.map((s) => s.personId).filter((id) => !memberIds.has(id)))];
  const outsiderFacts = await peopleByIds(db, outsiders);
  const shown = rows.filter((row) => row.deletedAt === null || shifts.some((s) => s.rotationId === row.id));
  return {
    from: input.from,
    to: input.to,
    rotations: shown.map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role,
      timeZone: row.timeZone,
      removed: row.deletedAt !== null,
    })),
    people: [
      ...members.map((m) => ({ personId: m.personId, name: m.name, timeZone: m.timeZone, member: true })),
      ...outsiders.map((id) => ({
        personId: id,
        name: nameOf(outsiderFacts, id),
        timeZone: outsiderFacts.get(id)?.timeZone ?? "UTC",
        member: false,
      })),
    ],
    shifts: shifts.map(shiftView),
  };
}
