import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookRequestCount } from "@/db/schema";

/**
 * How a webhook request of a known integration ended: accepted (it stored or changed something), duplicate (a retry
 * or repeat: nothing changed), rejected (4xx: the sender's mistake), failed (5xx: ours).
 */
export const WEBHOOK_OUTCOMES = ["accepted", "duplicate", "rejected", "failed"] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

/** Adds one to the integration's count of this outcome: one upsert of one row, so a flood of deliveries adds no rows. */
export async function countWebhookRequest(
  db: Db,
  integrationId: string,
  outcome: WebhookOutcome,
  now: Date,
): Promise<void> {
  await db
    .insert(webhookRequestCount)
    .values({ integrationId, outcome, count: 1, lastAt: now })
    .onConflictDoUpdate({
      target: [webhookRequestCount.integrationId, webhookRequestCount.outcome],
      set: {
        count: sql`${webhookRequestCount.count} + 1`,
        lastAt: sql`greatest(${webhookRequestCount.lastAt}, excluded.last_at)`,
      },
    });
}

/**
 * A count in a transaction of its own that does not wait for its commit to reach the disk: a counter may lose
 * its last increments in a crash, and a webhook answer must not pay a disk flush for a metric.
 */
async function countOnItsOwn(db: Db, integrationId: string, outcome: WebhookOutcome, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    await countWebhookRequest(tx, integrationId, outcome, now);
  });
}

/** How long an answer waits for a best-effort count: a database that is down must not delay the sender's retry. */
const QUIET_COUNT_WAIT_MS = 500;

/**
 * The same, for answers that are not a success (rejected, failed): best effort, outside any transaction, never
 * throwing and never waiting long, since the database may be what failed and the sender must still get its answer.
 */
export async function countWebhookRequestQuietly(
  db: Db,
  integrationId: string,
  outcome: WebhookOutcome,
  now: Date,
): Promise<void> {
  const counted = countOnItsOwn(db, integrationId, outcome, now).catch((error: unknown) => {
    console.error(`webhook: could not count a ${outcome} request`, error);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, QUIET_COUNT_WAIT_MS);
  });
  await Promise.race([counted, waited]);
  clearTimeout(timer);
}
