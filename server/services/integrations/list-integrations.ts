import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integration, rotation } from "@/db/schema";
import { integrationView, type IntegrationView } from "./integration-view";

/** The team's integrations, live ones first, newest first within each. */
export async function listIntegrations(db: Db, teamId: string): Promise<IntegrationView[]> {
  const rows = await db
    .select({ integration, rotationName: rotation.name })
    .from(integration)
    .leftJoin(rotation, eq(rotation.id, integration.rotationId))
    .where(eq(integration.teamId, teamId))
    .orderBy(asc(sql`${integration.revokedAt} is not null`), desc(integration.createdAt), asc(integration.id));
  return rows.map((row) => integrationView(row.integration, row.rotationName));
}
