import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { integration, rotation } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { setSigningSecretInput } from "@/server/schemas/integrations";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { integrationView, type IntegrationView } from "./integration-view";
import { assertReturned } from "@/server/services/returned-row";

export type SetSigningSecretInput = z.output<typeof setSigningSecretInput>;

/**
 * Keeps the signing secret PagerDuty showed for the integration's webhook subscription; pasting a new one (after
 * PagerDuty rotated it) replaces it. Only PagerDuty integrations that are not revoked have one.
 */
export async function setSigningSecret(
  db: Db,
  viewer: Viewer,
  input: SetSigningSecretInput,
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
    if (found.integration.kind !== "pagerduty")
      throw new DomainError("invalid", "Only a PagerDuty integration has a signing secret.", "integrationId");
    if (found.integration.revokedAt) throw new DomainError("invalid", "This integration was revoked.", "integrationId");
    const [row] = await tx
      .update(integration)
      .set({ signingSecret: input.signingSecret })
      .where(eq(integration.id, found.integration.id))
      .returning();
    assertReturned(row, "integration update");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: row.teamId,
      action: "integration.signing-secret",
      entityType: "integration",
      entityId: row.id,
      before: { hasSigningSecret: found.integration.signingSecret !== null },
      after: { hasSigningSecret: true, at: now.toISOString() },
    });
    return integrationView(row, found.rotationName);
  });
}
