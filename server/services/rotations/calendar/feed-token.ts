import "server-only";
import { createHash, createHmac } from "node:crypto";
import type { Db } from "@/db/client";
import { ensureAuthSecret } from "@/server/db/instance";

export type FeedKind = "rotation" | "person";

/** 32 bytes of HMAC in base64url. */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Only this is stored: a database read alone never yields a working feed URL. */
export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Feed tokens are derived from the instance secret rather than stored, so the link can be shown again to anyone
 * allowed to see it while the database keeps only its hash. Changing the secret changes every link.
 */
export async function feedTokenMaker(db: Db): Promise<(kind: FeedKind, id: string) => { token: string; hash: string }> {
  const secret = await ensureAuthSecret(db);
  return (kind, id) => {
    const token = createHmac("sha256", secret).update(`toilcap calendar feed v1|${kind}|${id}`).digest("base64url");
    return { token, hash: hashFeedToken(token) };
  };
}

export function feedPath(token: string): string {
  return `/api/calendar/${token}`;
}

/** An absolute URL when the public address is configured (BETTER_AUTH_URL); otherwise the caller adds its origin. */
export function feedUrl(token: string): string | null {
  const base = process.env.BETTER_AUTH_URL;
  if (!base) return null;
  try {
    return new URL(feedPath(token), base).toString();
  } catch {
    return null;
  }
}
