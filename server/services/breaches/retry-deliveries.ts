import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { capBreach } from "@/db/schema";
import { isStuckDelivery, nextAttemptDue } from "@/server/domain/breaches";
import { logFailure } from "./background";
import { deliverBreach, type DeliveryReport } from "./deliver-breach";

/** Pending deliveries looked at per sweep; more wait for the next one. */
const RETRY_BATCH = 200;

/**
 * The sweep's part of delivery: every pending webhook whose next attempt is due gets it (see nextAttemptDue),
 * oldest first; one whose last attempt never reported back is given up.
 */
export async function retryDeliveries(db: Db, now: Date): Promise<DeliveryReport[]> {
  const pending = await db
    .select({
      id: capBreach.id,
      attempts: capBreach.deliveryAttempts,
      detectedAt: capBreach.detectedAt,
      queuedAt: capBreach.deliveryQueuedAt,
    })
    .from(capBreach)
    .where(eq(capBreach.deliveryStatus, "pending"))
    .orderBy(asc(capBreach.detectedAt))
    .limit(RETRY_BATCH);
  const reports: DeliveryReport[] = [];
  for (const row of pending) {
    // A breach queued when its team set a webhook later is retried on the schedule counted from then.
    const detectedAt = (row.queuedAt ?? row.detectedAt).getTime();
    if (isStuckDelivery(detectedAt, row.attempts, now.getTime())) {
      await db
        .update(capBreach)
        .set({ deliveryStatus: "failed", deliveryError: "The last attempt never finished." })
        .where(
          and(
            eq(capBreach.id, row.id),
            eq(capBreach.deliveryStatus, "pending"),
            eq(capBreach.deliveryAttempts, row.attempts),
          ),
        );
      continue;
    }
    const due = nextAttemptDue(detectedAt, row.attempts);
    if (due === null || due > now.getTime()) continue;
    try {
      const report = await deliverBreach(db, row.id, row.attempts, now);
      if (report) reports.push(report);
    } catch (error) {
      logFailure(`cap-breach webhook retry ${row.id}`, error);
    }
  }
  return reports;
}
