import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { integration, rotation } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { integrationIdInput } from "@/server/schemas/integrations";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { integrationView, type IntegrationView } from "./integration-view";
import { assertReturned } from "@/server/services/returned-row";

export type IntegrationIdInput = z.output<typeof integrationIdInput>;

/**
 * Stops the endpoint answering: its URL gets 404 from now on. What it captured stays. Revoking twice changes
 * nothing, so a repeated click is harmless. There is no undo: create a new integration (a new secret) instead.
 */
export async function revokeIntegration(
  db: Db,
  viewer: Viewer,
  input: IntegrationIdInput,
  now: Date,
): Promise<IntegrationView> {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ integration, rotationName: rotation.name })
      .from(integration)
      .leftJoin(rotation, eq(rotation.id, integration.rotationId))
      .where(and(eq(integration.id, input.integrationId), eq(integration.teamId, input.teamId)))
      .for("update", { of: integration });
    if (!found) throw new DomainError("not-found", "No such integration in this team.", "integrationId");
    if (found.integration.revokedAt) return integrationView(found.integration, found.rotationName);
    const [row] = await tx
      .update(integration)
      .set({ revokedAt: now, revokedById: viewer.personId })
      .where(eq(integration.id, found.integration.id))
      .returning();
    assertReturned(row, "integration update");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: row.teamId,
      action: "integration.revoke",
      entityType: "integration",
      entityId: row.id,
      before: { revokedAt: null },
      after: { revokedAt: now, revokedById: viewer.personId },
    });
    return integrationView(row, found.rotationName);
  });
}
