import { and, count, eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { apiToken } from "@/db/schema";
import { DEFAULT_TOKEN_LIFETIME_DAYS } from "@/server/schemas/api-tokens";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { liveToken } from "./list-tokens";
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
  input: { name: string; lifetimeDays?: number },
  opts: { now: Date; actorPersonId: string | null },
): Promise<CreatedToken> {
  return db.transaction(async (tx) => {
    // Count and insert one at a time per person: otherwise 40 concurrent creations all count 19 and all insert.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`toilcap.api-token:${owner.personId}`}))`);
    const [live] = await tx
      .select({ n: count() })
      .from(apiToken)
      .where(and(eq(apiToken.personId, owner.personId), liveToken(opts.now)));
    if ((live?.n ?? 0) >= MAX_LIVE_TOKENS) {
      throw new DomainError(
        "conflict",
        `You have ${MAX_LIVE_TOKENS} tokens already: revoke one you no longer use first.`,
        "name",
      );
    }
    const { secret, prefix, hash } = newTokenSecret();
    const [created] = await tx
      .insert(apiToken)
      .values({
        personId: owner.personId,
        name: input.name,
        prefix,
        secretHash: hash,
        createdAt: opts.now,
        expiresAt: expiryOf(opts.now, input.lifetimeDays ?? DEFAULT_TOKEN_LIFETIME_DAYS),
      })
      .returning();
    assertReturned(created, "api token insert");
    await recordAudit(tx, {
      actorPersonId: opts.actorPersonId,
      action: "api-token.create",
      entityType: "api_token",
      entityId: created.id,
      after: { personId: owner.personId, name: created.name, prefix: created.prefix, expiresAt: created.expiresAt },
    });
    return { token: tokenView(created), secret };
  });
}

/** Whole days on the calendar, so a 90-day token made at 14:00 stops at 14:00 whatever daylight saving did. */
function expiryOf(now: Date, lifetimeDays: number): Date {
  return DateTime.fromJSDate(now, { zone: "utc" }).plus({ days: lifetimeDays }).toJSDate();
}
