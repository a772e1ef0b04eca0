import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotationOverride } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { lockCoverToChange } from "./lock-cover";
import { coverLeaveWarnings } from "./cover-warnings";
import { assertMember } from "./rotation-facts";
import { assertReturned } from "@/server/services/returned-row";

/**
 * Undo of removing a cover: the same cover (same id, note and people) comes back. Like adding one, it only changes
 * the future: the time since it was removed stays its holder's, so a cover that had started resumes from now.
 */
export async function restoreOverride(
  db: Db,
  viewer: Viewer,
  input: { teamId: string; overrideId: string },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const found = await lockCoverToChange(
      tx,
      { ...input, removed: true },
      now,
      "No removed cover with this id in this team.",
    );
    const { override } = found;
    await assertMember(tx, input.teamId, override.personId, "overrideId", "cover");
    if (override.replacesPersonId)
      await assertMember(tx, input.teamId, override.replacesPersonId, "overrideId", "person covered");
    const startsAt = override.startsAt < now ? now : override.startsAt;
    const [restored] = await tx
      .update(rotationOverride)
      .set({ deletedAt: null, startsAt })
      .where(eq(rotationOverride.id, override.id))
      .returning();
    assertReturned(restored, "override restore");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "rotation.override.restore",
      entityType: "rotation_override",
      entityId: override.id,
      before: { deletedAt: override.deletedAt, startsAt: override.startsAt },
      after: { deletedAt: null, startsAt },
    });
    const warnings = await coverLeaveWarnings(
      tx,
      { personId: restored.personId, start: startsAt.getTime(), end: restored.endsAt.getTime() },
      found.timeZone,
    );
    return { override: restored, warnings };
  });
}
