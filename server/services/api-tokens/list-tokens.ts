import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiToken } from "@/db/schema";
import { tokenView, type ApiTokenView } from "./token-view";

/** Neither revoked nor expired at `now`. */
export function liveToken(now: Date) {
  return and(isNull(apiToken.revokedAt), or(isNull(apiToken.expiresAt), gt(apiToken.expiresAt, now)));
}

/** The person's own tokens that still work, newest first; revoked ones live on only in the audit log. */
export async function listTokens(db: Db, owner: { personId: string }, now: Date): Promise<ApiTokenView[]> {
  const rows = await db
    .select()
    .from(apiToken)
    .where(and(eq(apiToken.personId, owner.personId), liveToken(now)))
    .orderBy(desc(apiToken.createdAt), desc(apiToken.id));
  return rows.map(tokenView);
}
