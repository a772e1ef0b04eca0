import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { automationEstimate, service, team, toilTemplate } from "@/db/schema";
import { isManagerOf, type Viewer } from "@/server/auth/permissions";
import { todayIn } from "@/server/domain/time";
import type { saveEstimateInput } from "@/server/schemas/reports";
import { recordAudit } from "../../audit";
import { DomainError } from "../../errors";
import { requireTeamMember } from "../../work-log/team-access";
import type { SourceKind } from "../source-totals";
import { auditedFields, liveEstimates, type AutomationEstimateView } from "./estimate-view";

export type SaveEstimateInput = z.output<typeof saveEstimateInput>;

/**
 * Creates or updates the one live estimate of a source (there is at most one per team and source), in one
 * transaction with its audit entry. Managers of the team and admins only.
 */
export async function saveEstimate(
  db: Db,
  viewer: Viewer,
  input: SaveEstimateInput,
  now: Date,
): Promise<AutomationEstimateView> {
  if (!isManagerOf(viewer, input.teamId))
    throw new DomainError("forbidden", "Only a manager of this team may estimate automation.", "teamId");
  await requireTeamMember(db, viewer, input.teamId);
  if (input.automatedOn !== null && input.automatedOn > todayIn(viewer.timeZone, now)) {
    throw new DomainError("invalid", "The automation date cannot be in the future.", "automatedOn");
  }
  const id = await db.transaction(async (tx) => {
    // Saves of one team queue on its row, so two managers cannot both insert the source's live estimate.
    await tx.select({ id: team.id }).from(team).where(eq(team.id, input.teamId)).for("update");
    await assertSourceOfTeam(tx, input.teamId, input.sourceKind, input.sourceKey);
    const fields = {
      buildHours: input.buildHours,
      maintenanceHoursPerMonth: input.maintenanceHoursPerMonth,
      automatedOn: input.automatedOn,
      updatedById: viewer.personId,
      updatedAt: now,
    };
    const [existing] = await tx
      .select()
      .from(automationEstimate)
      .where(
        and(
          eq(automationEstimate.teamId, input.teamId),
          eq(automationEstimate.sourceKind, input.sourceKind),
          eq(automationEstimate.sourceKey, input.sourceKey),
          isNull(automationEstimate.deletedAt),
        ),
      );
    const [saved] = existing
      ? await tx.update(automationEstimate).set(fields).where(eq(automationEstimate.id, existing.id)).returning()
      : await tx
          .insert(automationEstimate)
          .values({
            teamId: input.teamId,
            sourceKind: input.sourceKind,
            sourceKey: input.sourceKey,
            createdById: viewer.personId,
            createdAt: now,
            ...fields,
          })
          .returning();
    if (!saved) throw new Error("the estimate was not saved");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: existing ? "automation-estimate.update" : "automation-estimate.create",
      entityType: "automation_estimate",
      entityId: saved.id,
      before: existing ? auditedFields(existing) : null,
      after: auditedFields(saved),
    });
    return saved.id;
  });
  const [view] = await liveEstimates(db, input.teamId, eq(automationEstimate.id, id));
  if (!view) throw new Error("the saved estimate is gone");
  return view;
}

/** A template or service must be the team's own (a removed one still may be: its toil is history); alerts are names. */
async function assertSourceOfTeam(db: Db, teamId: string, kind: SourceKind, key: string): Promise<void> {
  if (kind === "alert") return;
  const table = kind === "template" ? toilTemplate : service;
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, key), eq(table.teamId, teamId)));
  if (!row) throw new DomainError("invalid", `No such ${kind} in this team.`, "sourceKey");
}
