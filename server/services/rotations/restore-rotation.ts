import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotation } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { rotationView, type RotationView } from "./get-rotation";
import { findRotation } from "./rotation-rows";
import { assertReturned } from "@/server/services/returned-row";

/** Undoes a removal. Nobody held the rotation while it was removed, so its history resumes now. */
export async function restoreRotation(
  db: Db,
  viewer: Viewer,
  input: { teamId: string; rotationId: string },
  now: Date,
): Promise<RotationView> {
  return db.transaction(async (tx) => {
    const removed = await findRotation(tx, input.teamId, input.rotationId, { removed: true, forUpdate: true });
    const [restored] = await tx
      .update(rotation)
      .set({ deletedAt: null, recordedUntil: now, version: removed.version + 1, updatedAt: now })
      .where(eq(rotation.id, removed.id))
      .returning();
    assertReturned(restored, "rotation restore");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "rotation.restore",
      entityType: "rotation",
      entityId: removed.id,
      after: { name: removed.name, version: restored.version },
    });
    return rotationView(tx, restored);
  });
}
