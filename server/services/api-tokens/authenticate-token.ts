import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiToken } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { loadViewerByPersonId } from "@/server/auth/viewer";
import { tokenOwnerProblem } from "./token-owner";
import { hashTokenSecret, sameDigest, TOKEN_PATTERN } from "./token-secret";

/** "Last used" is for people telling live tokens from dead ones: a minute's precision spares a write per call. */
const LAST_USED_PRECISION_MS = 60_000;

export interface TokenHolder {
  tokenId: string;
  /** The owner as they are now: their current roles, so a narrowed membership narrows the token too. */
  viewer: Viewer;
}

/**
 * The owner of a presented secret, or null: malformed, unknown or revoked secrets, and owners who could not
 * sign in or belong to no team, are all refused alike. Looked up by hash (never by the secret itself).
 */
export async function authenticateToken(db: Db, secret: string, now: Date): Promise<TokenHolder | null> {
  if (!TOKEN_PATTERN.test(secret)) return null;
  const hash = hashTokenSecret(secret);
  const [row] = await db
    .select({
      id: apiToken.id,
      personId: apiToken.personId,
      secretHash: apiToken.secretHash,
      revokedAt: apiToken.revokedAt,
      expiresAt: apiToken.expiresAt,
    })
    .from(apiToken)
    .where(eq(apiToken.secretHash, hash));
  if (!row || !sameDigest(row.secretHash, hash) || row.revokedAt !== null) return null;
  if (row.expiresAt !== null && row.expiresAt <= now) return null;
  const viewer = await loadViewerByPersonId(db, row.personId);
  if (!viewer || tokenOwnerProblem(viewer) !== null) return null;
  await db
    .update(apiToken)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiToken.id, row.id),
        or(isNull(apiToken.lastUsedAt), lt(apiToken.lastUsedAt, new Date(now.getTime() - LAST_USED_PRECISION_MS))),
      ),
    );
  return { tokenId: row.id, viewer };
}

/** The secret of an `Authorization: Bearer <secret>` header, or null. */
export function bearerSecret(headers: Headers): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

/**
 * The reusable check of every script-facing endpoint (the JSON API, metrics): the viewer a request's bearer
 * token acts as, with the same shape and roles as a signed-in session's, or null (answer 401).
 */
export async function authenticateBearer(db: Db, headers: Headers, now: Date = new Date()): Promise<Viewer | null> {
  const secret = bearerSecret(headers);
  if (secret === null) return null;
  return (await authenticateToken(db, secret, now))?.viewer ?? null;
}
