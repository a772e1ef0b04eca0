import "server-only";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integration, rotation, webhookAlertLoss } from "@/db/schema";
import { ALERT_LOSS_REASONS, type AlertLossReason } from "./count-alert-loss";
import { integrationView, type DroppedAlerts, type IntegrationView } from "./integration-view";

const isLossReason = (reason: string): reason is AlertLossReason =>
  (ALERT_LOSS_REASONS as readonly string[]).includes(reason);

async function droppedAlertsOf(db: Db, integrationIds: string[]): Promise<Map<string, DroppedAlerts>> {
  if (integrationIds.length === 0) return new Map();
  const rows = await db.select().from(webhookAlertLoss).where(inArray(webhookAlertLoss.integrationId, integrationIds));
  const byIntegration = new Map<string, DroppedAlerts>();
  for (const row of rows) {
    if (!isLossReason(row.reason)) continue;
    const seen = byIntegration.get(row.integrationId) ?? { truncated: 0, oversize: 0, invalid: 0, lastAt: row.lastAt };
    seen[row.reason] += row.alerts;
    if (row.lastAt > seen.lastAt) seen.lastAt = row.lastAt;
    byIntegration.set(row.integrationId, seen);
  }
  return byIntegration;
}

/** The team's integrations, live ones first, newest first within each. */
export async function listIntegrations(db: Db, teamId: string): Promise<IntegrationView[]> {
  const rows = await db
    .select({ integration, rotationName: rotation.name })
    .from(integration)
    .leftJoin(rotation, eq(rotation.id, integration.rotationId))
    .where(eq(integration.teamId, teamId))
    .orderBy(asc(sql`${integration.revokedAt} is not null`), desc(integration.createdAt), asc(integration.id));
  const dropped = await droppedAlertsOf(
    db,
    rows.map((row) => row.integration.id),
  );
  return rows.map((row) => integrationView(row.integration, row.rotationName, dropped.get(row.integration.id) ?? null));
}
