import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { integration } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { createIntegrationInput } from "@/server/schemas/integrations";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { findRotation } from "../rotations/rotation-rows";
import { auditedIntegration, integrationView, type IntegrationView } from "./integration-view";
import { integrationPath, integrationUrl, newIntegrationSecret } from "./integration-secret";
import { assertReturned } from "@/server/services/returned-row";

export type CreateIntegrationInput = z.output<typeof createIntegrationInput>;

export interface CreatedIntegration {
  integration: IntegrationView;
  /** Shown this once: only its hash is kept. */
  secret: string;
  /** The path to configure in Alertmanager (or the ticket system), relative to Toilcap's address. */
  path: string;
  /** The absolute URL when Toilcap's public address is configured. */
  url: string | null;
}

/** A new webhook endpoint for the team; the caller's role in the team was checked by the procedure. */
export async function createIntegration(
  db: Db,
  viewer: Viewer,
  input: CreateIntegrationInput,
  now: Date,
): Promise<CreatedIntegration> {
  return db.transaction(async (tx) => {
    // Alertmanager pages are credited to whoever holds this rotation when an alert fires.
    if (input.kind === "alertmanager" && !input.rotationId) {
      throw new DomainError("invalid", "Pick the rotation whose on-call engineer gets these pages.", "rotationId");
    }
    const rotationRow = input.rotationId ? await findRotation(tx, input.teamId, input.rotationId) : null;
    const { secret, prefix, hash } = newIntegrationSecret();
    const [row] = await tx
      .insert(integration)
      .values({
        teamId: input.teamId,
        rotationId: rotationRow?.id ?? null,
        kind: input.kind,
        name: input.name,
        prefix,
        secretHash: hash,
        createdById: viewer.personId,
        createdAt: now,
      })
      .returning();
    assertReturned(row, "integration insert");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "integration.create",
      entityType: "integration",
      entityId: row.id,
      after: auditedIntegration(row),
    });
    const path = integrationPath(row.kind, secret);
    return { integration: integrationView(row, rotationRow?.name ?? null), secret, path, url: integrationUrl(path) };
  });
}
