import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person, rotation, rotationParticipant } from "@/db/schema";
import type { DutyWindow } from "@/server/domain/rotations";
import { dutyWindowsOf } from "./rotation-rows";

export interface RotationSummary {
  id: string;
  name: string;
  role: "primary" | "secondary" | "ticket" | "shadow";
  timeZone: string;
  shiftUnit: "hours" | "days" | "weeks" | "months";
  shiftCount: number;
  handoffWeekday: number;
  handoffMinute: number;
  /** Weekly duty windows in the rotation's zone; null: all the time. */
  dutyWindows: DutyWindow[] | null;
  endsOn: string | null;
  version: number;
  participants: Array<{ personId: string; name: string }>;
}

export async function listRotations(db: Db, teamId: string): Promise<RotationSummary[]> {
  const rotations = await db
    .select()
    .from(rotation)
    .where(and(eq(rotation.teamId, teamId), isNull(rotation.deletedAt)))
    .orderBy(asc(rotation.name));
  if (rotations.length === 0) return [];
  const participants = await db
    .select({ rotationId: rotationParticipant.rotationId, personId: person.id, name: person.name })
    .from(rotationParticipant)
    .innerJoin(person, eq(person.id, rotationParticipant.personId))
    .where(
      inArray(
        rotationParticipant.rotationId,
        rotations.map((r) => r.id),
      ),
    )
    .orderBy(asc(rotationParticipant.position));
  return rotations.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    timeZone: r.timeZone,
    shiftUnit: r.shiftUnit,
    shiftCount: r.shiftCount,
    handoffWeekday: r.handoffWeekday,
    handoffMinute: r.handoffMinute,
    dutyWindows: dutyWindowsOf(r),
    endsOn: r.endsOn,
    version: r.version,
    participants: participants.filter((p) => p.rotationId === r.id).map(({ personId, name }) => ({ personId, name })),
  }));
}
