import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotationOverride } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { lockCoverToChange } from "./lock-cover";
import { recordShifts } from "./record-shifts";

/** Removes a cover that has not ended. One in progress is history up to now; from now the turn is its holder's again. */
export async function removeOverride(db: Db, viewer: Viewer, input: { teamId: string; overrideId: string }, now: Date) {
  return db.transaction(async (tx) => {
    const { override } = await lockCoverToChange(tx, { ...input, removed: false }, now, "No such cover in this team.");
    if (override.startsAt < now) await recordShifts(tx, { rotationIds: [override.rotationId] }, now, "now");
    await tx.update(rotationOverride).set({ deletedAt: now }).where(eq(rotationOverride.id, override.id));
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "rotation.override.remove",
      entityType: "rotation_override",
      entityId: override.id,
      before: {
        rotationId: override.rotationId,
        personId: override.personId,
        replacesPersonId: override.replacesPersonId,
        startsAt: override.startsAt,
        endsAt: override.endsAt,
      },
    });
    return { id: override.id, removedAt: now };
  });
}
