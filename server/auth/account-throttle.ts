import "server-only";
import { createHash } from "node:crypto";
import { eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimit } from "@/db/schema";

export interface ThrottleRule {
  /** Seconds. */
  window: number;
  max: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface SignInSource {
  email: string;
  /** The client's address as our HTTP server resolved it; null when unknown (all unknown ones share a count). */
  address: string | null;
}

/**
 * The account-and-address row in better-auth's rate-limit table: hashed, so the table never lists who tried
 * to sign in, or from where.
 */
export function accountThrottleKey(source: SignInSource): string {
  const digest = createHash("sha256")
    .update(`${source.email.trim().toLowerCase()}\n${source.address ?? "unknown"}`)
    .digest("hex");
  return `account:${digest}|/sign-in/email`;
}

/** Windows this many times older than the rule's are deleted: nothing counts them any more. */
const KEEP_WINDOWS = 10;

/**
 * Counts one sign-in attempt for this account from this address in a fixed window, in one statement, so every
 * app server on the database shares the count and two servers racing cannot both slip under it. Counting per
 * account-and-address (beside better-auth's per-address limit) keeps guessing one password slow, yet nobody
 * elsewhere can lock the account's owner out. Old rows are cleaned on the way.
 */
export async function consumeSignInAttempt(
  db: Db,
  source: SignInSource,
  rule: ThrottleRule,
  nowMs: number,
): Promise<ThrottleVerdict> {
  const windowStart = nowMs - rule.window * 1000;
  await db.delete(rateLimit).where(lt(rateLimit.lastRequest, nowMs - KEEP_WINDOWS * rule.window * 1000));
  const expired = sql`${rateLimit.lastRequest} <= ${windowStart}`;
  const [row] = await db
    .insert(rateLimit)
    .values({ id: crypto.randomUUID(), key: accountThrottleKey(source), count: 1, lastRequest: nowMs })
    .onConflictDoUpdate({
      target: rateLimit.key,
      // last_request holds when the window opened; an expired window starts afresh with this attempt.
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: sql`case when ${expired} then ${nowMs} else ${rateLimit.lastRequest} end`,
      },
    })
    .returning({ count: rateLimit.count, opened: rateLimit.lastRequest });
  if (!row || row.count <= rule.max) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((row.opened + rule.window * 1000 - nowMs) / 1000)),
  };
}

export async function clearSignInAttempts(db: Db, source: SignInSource): Promise<void> {
  await db.delete(rateLimit).where(eq(rateLimit.key, accountThrottleKey(source)));
}
