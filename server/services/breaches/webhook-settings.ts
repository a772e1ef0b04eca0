import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { team } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { requireTeamManager } from "./manager-access";

export interface WebhookSetting {
  teamId: string;
  url: string | null;
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
  return { teamId: found.id, url: found.webhookUrl };
}

/** Sets (or with null turns off) where the team's breach notifications go. Breaches already sent stay as they are. */
export async function setWebhook(db: Db, viewer: Viewer, input: { teamId: string; url: string | null }): Promise<WebhookSetting> {
  return db.transaction(async (tx) => {
    const found = await requireTeamManager(tx, viewer, input.teamId);
    if (found.webhookUrl === input.url) return { teamId: found.id, url: found.webhookUrl };
    await tx.update(team).set({ breachWebhookUrl: input.url }).where(eq(team.id, found.id));
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: found.id,
      action: input.url ? "team.breach-webhook.set" : "team.breach-webhook.clear",
      entityType: "team",
      entityId: found.id,
      before: { breachWebhookUrl: auditedUrl(found.webhookUrl) },
      after: { breachWebhookUrl: auditedUrl(input.url) },
    });
    return { teamId: found.id, url: input.url };
  });
}
