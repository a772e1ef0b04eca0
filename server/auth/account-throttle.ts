import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimit } from "@/db/schema";

export interface ThrottleRule {
  /** Seconds. */
  window: number;
  max: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The account's row in better-auth's rate-limit table: hashed, so the table never lists who tried to sign in. */
export function accountThrottleKey(email: string): string {
  const digest = createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
  return `account:${digest}|/sign-in/email`;
}

/**
 * Counts one sign-in attempt for this email in a fixed window, in one statement, so every app server on the
 * database shares the count and two servers racing cannot both slip under it. This complements better-auth's
 * per-address limit, whose address comes from X-Forwarded-For, which a client reaching the server directly can
 * vary at will: guessing one account's password stays slow however many addresses the guesser claims.
 */
export async function consumeSignInAttempt(db: Db, email: string, rule: ThrottleRule, nowMs: number): Promise<ThrottleVerdict> {
  const windowStart = nowMs - rule.window * 1000;
  const expired = sql`${rateLimit.lastRequest} <= ${windowStart}`;
  const [row] = await db
    .insert(rateLimit)
    .values({ id: crypto.randomUUID(), key: accountThrottleKey(email), count: 1, lastRequest: nowMs })
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
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.opened + rule.window * 1000 - nowMs) / 1000)) };
}
