import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { runningTimer } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../../audit";

/** Throws the running timer away without logging anything; discarding when none runs changes nothing. */
export async function discardTimer(db: Db, viewer: Viewer): Promise<{ discarded: boolean }> {
  return db.transaction(async (tx) => {
    const [timer] = await tx.delete(runningTimer).where(eq(runningTimer.personId, viewer.personId)).returning();
    if (!timer) return { discarded: false };
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: timer.teamId,
      action: "timer.discard",
      entityType: "running_timer",
      entityId: viewer.personId,
      before: timer,
    });
    return { discarded: true };
  });
}
