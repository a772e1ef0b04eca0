import "server-only";
import { and, eq, gt, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { capBreach, team } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { newSigningSecret } from "@/server/integrations/breach-webhook/signature";
import { recordAudit } from "../audit";
import { runInBackground } from "./background";
import { deliverBreaches } from "./deliver-breach";
import { requireTeamManager } from "./manager-access";

export interface WebhookSetting {
  teamId: string;
  url: string | null;
  /** Whether deliveries are signed with a secret already (it is never shown again; rotate for a new one). */
  hasSigningSecret: boolean;
}

export interface SavedWebhook extends WebhookSetting {
  /** The new signing secret, only in the answer that made it: shown once. */
  signingSecret: string | null;
  /** How many of this month's open breaches, found while there was no webhook, are now being sent. */
  queued: number;
}

/**
 * What the audit log keeps of a webhook URL: its scheme and host. Paths and queries of chat and incident
 * webhooks are often the secret itself, and the audit log is read more widely than Settings.
 */
export function auditedUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return "(unreadable)";
  }
}

export async function getWebhook(db: Db, viewer: Viewer, input: { teamId: string }): Promise<WebhookSetting> {
  const found = await requireTeamManager(db, viewer, input.teamId);
  return { teamId: found.id, url: found.webhookUrl, hasSigningSecret: found.webhookSecret !== null };
}

/**
 * The team's breaches nobody was told about: still running (the current month of each engineer), not yet put
 * away, stored while the team had no webhook. They go to the webhook now set, their retries counted from now.
 */
async function queueUnsentBreaches(db: Db, teamId: string, now: Date) {
  return db
    .update(capBreach)
    .set({ deliveryStatus: "pending", deliveryAttempts: 0, deliveryError: null, deliveryQueuedAt: now })
    .where(
      and(
        eq(capBreach.teamId, teamId),
        eq(capBreach.deliveryStatus, "none"),
        isNull(capBreach.acknowledgedAt),
        lte(capBreach.periodStart, now),
        gt(capBreach.periodEnd, now),
      ),
    )
    .returning({ id: capBreach.id, deliveryStatus: capBreach.deliveryStatus });
}

/**
 * Sets (or with null turns off) where the team's breach notifications go. The first URL also makes the
 * signing secret, answered once; open breaches of this month that were never sent are sent to it.
 */
export async function setWebhook(
  db: Db,
  viewer: Viewer,
  input: { teamId: string; url: string | null },
  now: Date,
): Promise<SavedWebhook> {
  const saved = await db.transaction(async (tx) => {
    const found = await requireTeamManager(tx, viewer, input.teamId);
    const unchanged = {
      teamId: found.id,
      url: found.webhookUrl,
      hasSigningSecret: found.webhookSecret !== null,
      signingSecret: null,
      queued: [],
    };
    if (found.webhookUrl === input.url) return unchanged;
    const signingSecret = input.url && !found.webhookSecret ? newSigningSecret() : null;
    await tx
      .update(team)
      .set(
        signingSecret
          ? { breachWebhookUrl: input.url, breachWebhookSecret: signingSecret }
          : { breachWebhookUrl: input.url },
      )
      .where(eq(team.id, found.id));
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: found.id,
      action: input.url ? "team.breach-webhook.set" : "team.breach-webhook.clear",
      entityType: "team",
      entityId: found.id,
      before: { breachWebhookUrl: auditedUrl(found.webhookUrl) },
      after: { breachWebhookUrl: auditedUrl(input.url) },
    });
    const queued = input.url ? await queueUnsentBreaches(tx, found.id, now) : [];
    return {
      teamId: found.id,
      url: input.url,
      hasSigningSecret: found.webhookSecret !== null || signingSecret !== null,
      signingSecret,
      queued,
    };
  });
  if (saved.queued.length > 0)
    runInBackground(`cap-breach webhooks of team ${saved.teamId}`, deliverBreaches(db, saved.queued, now));
  return { ...saved, queued: saved.queued.length };
}

/** A new signing secret for the team's webhook, answered once; deliveries are signed with it from now on. */
export async function rotateWebhookSecret(
  db: Db,
  viewer: Viewer,
  input: { teamId: string },
): Promise<{ teamId: string; signingSecret: string }> {
  return db.transaction(async (tx) => {
    const found = await requireTeamManager(tx, viewer, input.teamId);
    const signingSecret = newSigningSecret();
    await tx.update(team).set({ breachWebhookSecret: signingSecret }).where(eq(team.id, found.id));
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: found.id,
      action: "team.breach-webhook.rotate-secret",
      entityType: "team",
      entityId: found.id,
    });
    return { teamId: found.id, signingSecret };
  });
}
