import { and, count, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiToken } from "@/db/schema";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { newTokenSecret } from "./token-secret";
import { tokenView, type ApiTokenView } from "./token-view";
import { assertReturned } from "@/server/services/returned-row";

/** Enough for every script a person runs; more usually means tokens are being created and forgotten. */
export const MAX_LIVE_TOKENS = 20;

export interface CreatedToken {
  token: ApiTokenView;
  /** Shown once: only its hash is stored, so it can never be shown again. */
  secret: string;
}

/**
 * A new personal API token of `owner`. `actorPersonId` is who asked: the owner in Settings, null for the
 * command line (provisioning by whoever runs the server).
 */
export async function createToken(
  db: Db,
  owner: { personId: string },
  input: { name: string },
  opts: { now: Date; actorPersonId: string | null },
): Promise<CreatedToken> {
  return db.transaction(async (tx) => {
    const [live] = await tx
      .select({ n: count() })
      .from(apiToken)
      .where(and(eq(apiToken.personId, owner.personId), isNull(apiToken.revokedAt)));
    if ((live?.n ?? 0) >= MAX_LIVE_TOKENS) {
      throw new DomainError("conflict", `You have ${MAX_LIVE_TOKENS} tokens already: revoke one you no longer use first.`, "name");
    }
    const { secret, prefix, hash } = newTokenSecret();
    const [created] = await tx
      .insert(apiToken)
      .values({ personId: owner.personId, name: input.name, prefix, secretHash: hash, createdAt: opts.now })
      .returning();
    assertReturned(created, "api token insert");
    await recordAudit(tx, {
      actorPersonId: opts.actorPersonId,
      action: "api-token.create",
      entityType: "api_token",
      entityId: created.id,
      after: { personId: owner.personId, name: created.name, prefix: created.prefix },
    });
    return { token: tokenView(created), secret };
  });
}
