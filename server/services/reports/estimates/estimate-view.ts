import "server-only";
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { automationEstimate, person } from "@/db/schema";
import { sourceLabels } from "../source-labels";
import type { SourceKind } from "../source-totals";

type EstimateRow = typeof automationEstimate.$inferSelect;

/** A manager's estimate of automating one toil source, as the pages show it. */
export interface AutomationEstimateView {
  id: string;
  teamId: string;
  sourceKind: SourceKind;
  /** A template's or service's id, or an alert name. */
  sourceKey: string;
  /** The template's or service's name, or the alert name. */
  sourceLabel: string;
  buildHours: number;
  maintenanceHoursPerMonth: number;
  /** The local date (yyyy-mm-dd) the automation went into use; null while it is an estimate only. */
  automatedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: { id: string; name: string } | null;
}

/** Live (not removed) estimates of the team matching `where`, by source kind and creation. */
export async function liveEstimates(db: Db, teamId: string, where?: SQL): Promise<AutomationEstimateView[]> {
  const rows = await db
    .select({ estimate: automationEstimate, updatedByName: person.name })
    .from(automationEstimate)
    .leftJoin(person, eq(person.id, automationEstimate.updatedById))
    .where(and(eq(automationEstimate.teamId, teamId), isNull(automationEstimate.deletedAt), where))
    .orderBy(asc(automationEstimate.sourceKind), asc(automationEstimate.createdAt), asc(automationEstimate.id));
  const views: AutomationEstimateView[] = [];
  for (const kind of ["template", "service", "alert"] as const) {
    const ofKind = rows.filter((row) => row.estimate.sourceKind === kind);
    if (ofKind.length === 0) continue;
    const labelOf = await sourceLabels(
      db,
      kind,
      ofKind.map((row) => row.estimate.sourceKey),
    );
    views.push(...ofKind.map((row) => estimateView(row.estimate, labelOf(row.estimate.sourceKey), row.updatedByName)));
  }
  return views;
}

export function estimateView(
  row: EstimateRow,
  sourceLabel: string,
  updatedByName: string | null,
): AutomationEstimateView {
  return {
    id: row.id,
    teamId: row.teamId,
    sourceKind: row.sourceKind,
    sourceKey: row.sourceKey,
    sourceLabel,
    buildHours: row.buildHours,
    maintenanceHoursPerMonth: row.maintenanceHoursPerMonth,
    automatedOn: row.automatedOn,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedById ? { id: row.updatedById, name: updatedByName ?? "Someone" } : null,
  };
}

/** What the audit log keeps of an estimate: the fields a manager sets. */
export function auditedFields(row: EstimateRow) {
  return {
    sourceKind: row.sourceKind,
    sourceKey: row.sourceKey,
    buildHours: row.buildHours,
    maintenanceHoursPerMonth: row.maintenanceHoursPerMonth,
    automatedOn: row.automatedOn,
    deletedAt: row.deletedAt,
  };
}
