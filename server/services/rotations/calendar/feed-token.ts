import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes in base64url. */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Only this is stored: a database read alone never yields a working feed URL. */
export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new random feed secret and the hash that is kept of it. */
export function newFeedToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashFeedToken(token) };
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
