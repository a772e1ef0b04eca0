import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integration, team } from "@/db/schema";
import { hashIntegrationSecret, INTEGRATION_SECRET_PATTERN, type IntegrationKind } from "./integration-secret";

export type IntegrationRow = typeof integration.$inferSelect;

/**
 * The live integration of `kind` whose secret this is, or null: unknown, revoked, of another kind, or of a
 * removed team. Callers answer all of these alike (404), so a caller cannot probe which secrets once existed.
 */
export async function findActiveIntegration(
  db: Db,
  secret: string,
  kind: IntegrationKind,
): Promise<IntegrationRow | null> {
  if (!INTEGRATION_SECRET_PATTERN.test(secret)) return null;
  const [row] = await db
    .select({ integration })
    .from(integration)
    .innerJoin(team, eq(team.id, integration.teamId))
    .where(
      and(
        eq(integration.secretHash, hashIntegrationSecret(secret)),
        eq(integration.kind, kind),
        isNull(integration.revokedAt),
        isNull(team.deletedAt),
      ),
    );
  return row?.integration ?? null;
}
