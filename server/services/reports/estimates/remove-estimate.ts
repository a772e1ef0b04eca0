import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { automationEstimate } from "@/db/schema";
import { isManagerOf, type Viewer } from "@/server/auth/permissions";
import type { estimateIdInput } from "@/server/schemas/reports";
import { recordAudit } from "../../audit";
import { DomainError } from "../../errors";
import { requireTeamMember } from "../../work-log/team-access";
import { auditedFields } from "./estimate-view";

export type RemoveEstimateInput = z.output<typeof estimateIdInput>;

/** Soft delete, with its audit entry: the row stays for the audit trail and the source may be estimated anew. */
export async function removeEstimate(
  db: Db,
  viewer: Viewer,
  input: RemoveEstimateInput,
  now: Date,
): Promise<{ id: string }> {
  if (!isManagerOf(viewer, input.teamId))
    throw new DomainError("forbidden", "Only a manager of this team may remove an estimate.", "teamId");
  await requireTeamMember(db, viewer, input.teamId);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(automationEstimate)
      .where(
        and(
          eq(automationEstimate.id, input.id),
          eq(automationEstimate.teamId, input.teamId),
          isNull(automationEstimate.deletedAt),
        ),
      )
      .for("update");
    if (!existing) throw new DomainError("not-found", "No such estimate in this team.", "id");
    const [removed] = await tx
      .update(automationEstimate)
      .set({ deletedAt: now, updatedById: viewer.personId, updatedAt: now })
      .where(eq(automationEstimate.id, existing.id))
      .returning();
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "automation-estimate.remove",
      entityType: "automation_estimate",
      entityId: existing.id,
      before: auditedFields(existing),
      after: removed ? auditedFields(removed) : null,
    });
    return { id: existing.id };
  });
}
