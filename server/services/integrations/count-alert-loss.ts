import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookAlertLoss } from "@/db/schema";

/** Why alerts of a notification were not stored (see db/schema/integrations.ts). */
export const ALERT_LOSS_REASONS = ["truncated", "oversize", "invalid"] as const;
export type AlertLossReason = (typeof ALERT_LOSS_REASONS)[number];

export type AlertLosses = Record<AlertLossReason, number>;

/** Adds a notification's losses to its integration's counts: one upsert per reason that lost anything. */
export async function countAlertLosses(
  db: Db,
  integrationId: string,
  losses: AlertLosses,
  groupKey: string,
  now: Date,
): Promise<void> {
  for (const reason of ALERT_LOSS_REASONS) {
    const alerts = losses[reason];
    if (alerts <= 0) continue;
    await db
      .insert(webhookAlertLoss)
      .values({ integrationId, reason, alerts, notifications: 1, lastAt: now, lastGroupKey: groupKey })
      .onConflictDoUpdate({
        target: [webhookAlertLoss.integrationId, webhookAlertLoss.reason],
        set: {
          alerts: sql`${webhookAlertLoss.alerts} + excluded.alerts`,
          notifications: sql`${webhookAlertLoss.notifications} + 1`,
          lastAt: sql`greatest(${webhookAlertLoss.lastAt}, excluded.last_at)`,
          lastGroupKey: sql`excluded.last_group_key`,
        },
      });
  }
}
