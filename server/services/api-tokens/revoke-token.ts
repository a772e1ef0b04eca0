import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiToken } from "@/db/schema";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";

/**
 * Revokes one of the person's own tokens at once. Someone else's token, or one already revoked, is "no such
 * token": a guessed id tells nothing about whether it exists.
 */
export async function revokeToken(
  db: Db,
  owner: { personId: string },
  input: { id: string },
  now: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiToken)
      .set({ revokedAt: now })
      .where(and(eq(apiToken.id, input.id), eq(apiToken.personId, owner.personId), isNull(apiToken.revokedAt)))
      .returning();
    if (!revoked) throw new DomainError("not-found", "No such token.", "id");
    await recordAudit(tx, {
      actorPersonId: owner.personId,
      action: "api-token.revoke",
      entityType: "api_token",
      entityId: revoked.id,
      before: { name: revoked.name, prefix: revoked.prefix, revokedAt: null },
      after: { revokedAt: now },
    });
    return { id: revoked.id };
  });
}
