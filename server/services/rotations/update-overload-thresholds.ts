import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { team } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { OverloadThresholds } from "@/server/domain/duty-load";
import { recordAudit } from "../audit";
import { overloadThresholdsOf } from "./overload-thresholds";

/** A manager sets when the team's duty rotations are flagged; the old values stay in the audit log, to undo. */
export async function updateOverloadThresholds(
  db: Db,
  viewer: Viewer,
  input: OverloadThresholds & { teamId: string },
): Promise<OverloadThresholds> {
  return db.transaction(async (tx) => {
    const before = await overloadThresholdsOf(tx, input.teamId);
    const after: OverloadThresholds = {
      turnsInARow: input.turnsInARow,
      loggedOverDuty: input.loggedOverDuty,
      incidentLimit: input.incidentLimit,
    };
    await tx
      .update(team)
      .set({
        overloadTurnsInARow: after.turnsInARow,
        overloadLoggedOverDuty: after.loggedOverDuty,
        overloadIncidentLimit: after.incidentLimit,
      })
      .where(eq(team.id, input.teamId));
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "team.overload-thresholds",
      entityType: "team",
      entityId: input.teamId,
      before: { ...before },
      after: { ...after },
    });
    return after;
  });
}
