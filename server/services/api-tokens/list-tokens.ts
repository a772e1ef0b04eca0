import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiToken } from "@/db/schema";
import { tokenView, type ApiTokenView } from "./token-view";

/** The person's own tokens that still work, newest first; revoked ones live on only in the audit log. */
export async function listTokens(db: Db, owner: { personId: string }): Promise<ApiTokenView[]> {
  const rows = await db
    .select()
    .from(apiToken)
    .where(and(eq(apiToken.personId, owner.personId), isNull(apiToken.revokedAt)))
    .orderBy(desc(apiToken.createdAt), desc(apiToken.id));
  return rows.map(tokenView);
}
