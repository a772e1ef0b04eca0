import { asc, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integration, webhookAlertLoss, webhookRequestCount } from "@/db/schema";

export interface ScrapedIntegration {
  teamId: string;
  integrationId: string;
  integrationName: string;
  kind: (typeof integration.$inferSelect)["kind"];
}

export interface IntegrationCount {
  integrationId: string;
  /** The outcome of a request, or the reason alerts were dropped. */
  label: string;
  count: number;
}

/** The teams' integrations, revoked ones too: a counter keeps its history. */
export async function integrationsOf(db: Db, teamIds: string[]): Promise<ScrapedIntegration[]> {
  if (teamIds.length === 0) return [];
  return db
    .select({
      teamId: integration.teamId,
      integrationId: integration.id,
      integrationName: integration.name,
      kind: integration.kind,
    })
    .from(integration)
    .where(inArray(integration.teamId, teamIds))
    .orderBy(asc(integration.teamId), asc(integration.id));
}

/** Webhook requests of these integrations, by outcome. */
export async function webhookRequestCounts(db: Db, integrationIds: string[]): Promise<IntegrationCount[]> {
  if (integrationIds.length === 0) return [];
  return db
    .select({
      integrationId: webhookRequestCount.integrationId,
      label: webhookRequestCount.outcome,
      count: webhookRequestCount.count,
    })
    .from(webhookRequestCount)
    .where(inArray(webhookRequestCount.integrationId, integrationIds));
}

/** Alerts these integrations' notifications named but Toilcap did not store, by reason. */
export async function droppedAlertCounts(db: Db, integrationIds: string[]): Promise<IntegrationCount[]> {
  if (integrationIds.length === 0) return [];
  return db
    .select({
      integrationId: webhookAlertLoss.integrationId,
      label: webhookAlertLoss.reason,
      count: webhookAlertLoss.alerts,
    })
    .from(webhookAlertLoss)
    .where(inArray(webhookAlertLoss.integrationId, integrationIds));
}
