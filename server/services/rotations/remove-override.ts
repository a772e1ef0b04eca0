import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotation, rotationOverride } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { PAST_COVER_MESSAGE } from "./add-override";
import { recordShifts } from "./record-shifts";

/** Removes a cover that has not ended. One in progress is history up to now; from now the turn is its holder's again. */
export async function removeOverride(db: Db, viewer: Viewer, input: { teamId: string; overrideId: string }, now: Date) {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ override: rotationOverride, teamId: rotation.teamId })
      .from(rotationOverride)
      .innerJoin(rotation, eq(rotation.id, rotationOverride.rotationId))
      .where(
        and(
          eq(rotationOverride.id, input.overrideId),
          eq(rotation.teamId, input.teamId),
          isNull(rotation.deletedAt),
          isNull(rotationOverride.deletedAt),
        ),
      )
      .for("update");
    if (!found) throw new DomainError("not-found", "No such cover in this team.", "overrideId");
    const { override } = found;
    if (override.endsAt <= now) throw new DomainError("invalid", PAST_COVER_MESSAGE, "overrideId");
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
