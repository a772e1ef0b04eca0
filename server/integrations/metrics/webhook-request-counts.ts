import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integration, webhookRequestCount } from "@/db/schema";

export interface WebhookRequestCount {
  teamId: string;
  integrationId: string;
  integrationName: string;
  kind: (typeof integration.$inferSelect)["kind"];
  outcome: string;
  count: number;
}

/** Webhook requests of the teams' integrations (revoked ones too: a counter keeps its history), by outcome. */
export async function webhookRequestCounts(db: Db, teamIds: string[]): Promise<WebhookRequestCount[]> {
  if (teamIds.length === 0) return [];
  return db
    .select({
      teamId: integration.teamId,
      integrationId: integration.id,
      integrationName: integration.name,
      kind: integration.kind,
      outcome: webhookRequestCount.outcome,
      count: webhookRequestCount.count,
    })
    .from(webhookRequestCount)
    .innerJoin(integration, eq(integration.id, webhookRequestCount.integrationId))
    .where(inArray(integration.teamId, teamIds))
    .orderBy(asc(integration.teamId), asc(integration.id), asc(webhookRequestCount.outcome));
}
