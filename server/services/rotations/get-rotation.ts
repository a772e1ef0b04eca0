import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotationOverride } from "@/db/schema";
import { nameOf, peopleByIds } from "./rotation-facts";
import { dutyWindowsOf, findRotation, participantsOf, type RotationRow } from "./rotation-rows";

/** A rotation as the planner's editor opens it: settings, turn order, covers that are not removed, version. */
export async function rotationView(db: Db, row: RotationRow) {
  const order = (await participantsOf(db, [row.id])).get(row.id) ?? [];
  const overrides = await db
    .select()
    .from(rotationOverride)
    .where(and(eq(rotationOverride.rotationId, row.id), isNull(rotationOverride.deletedAt)))
    .orderBy(asc(rotationOverride.startsAt));
  const people = await peopleByIds(db, [
    ...order,
    ...overrides.flatMap((o) => (o.replacesPersonId ? [o.personId, o.replacesPersonId] : [o.personId])),
  ]);
  return {
    id: row.id,
    teamId: row.teamId,
    name: row.name,
    role: row.role,
    timeZone: row.timeZone,
    shiftUnit: row.shiftUnit,
    shiftCount: row.shiftCount,
    handoffWeekday: row.handoffWeekday,
    handoffMinute: row.handoffMinute,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    dutyWindows: dutyWindowsOf(row),
    version: row.version,
    updatedAt: row.updatedAt,
    participants: order.map((personId, position) => ({ position, personId, name: nameOf(people, personId) })),
    overrides: overrides.map((o) => ({
      id: o.id,
      personId: o.personId,
      personName: nameOf(people, o.personId),
      replacesPersonId: o.replacesPersonId,
      replacesName: o.replacesPersonId ? nameOf(people, o.replacesPersonId) : null,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      note: o.note,
    })),
  };
}
export type RotationView = Awaited<ReturnType<typeof rotationView>>;

export async function getRotation(db: Db, input: { teamId: string; rotationId: string }): Promise<RotationView> {
  return rotationView(db, await findRotation(db, input.teamId, input.rotationId));
}
