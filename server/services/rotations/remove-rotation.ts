import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotation } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { findRotation } from "./rotation-rows";
import { recordShifts } from "./record-shifts";

/** Soft delete: the shifts held until now stay recorded; nothing is planned from now on. */
export async function removeRotation(db: Db, viewer: Viewer, input: { teamId: string; rotationId: string }, now: Date) {
  return db.transaction(async (tx) => {
    const current = await findRotation(tx, input.teamId, input.rotationId, { forUpdate: true });
    await recordShifts(tx, { rotationIds: [current.id] }, now, "now");
    await tx.update(rotation).set({ deletedAt: now, updatedAt: now }).where(eq(rotation.id, current.id));
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "rotation.remove",
      entityType: "rotation",
      entityId: current.id,
      before: { name: current.name, version: current.version },
    });
    return { id: current.id, removedAt: now };
  });
}
