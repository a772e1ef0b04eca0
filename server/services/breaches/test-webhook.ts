import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import { periodWindow } from "@/server/domain/accounting";
import { breachPayload, type BreachPayload } from "@/server/integrations/breach-webhook/payload";
import { sendBreachEvent } from "@/server/integrations/breach-webhook/send-event";
import { DomainError } from "../errors";
import { requireTeamManager } from "./manager-access";
import { signingSecretOf } from "./signing-secret";

export interface WebhookTest {
  ok: boolean;
  /** The receiver's HTTP status, or null when none came. */
  status: number | null;
  error: string | null;
  durationMs: number;
  payload: BreachPayload;
}

/** Headroom over the cap in the sample, so it reads like a real breach. */
const SAMPLE_OVER_BY = 0.12;

/**
 * Sends a sample breach (marked `"test": true`, with the caller as the engineer) to the team's saved webhook,
 * signed like a real one, and reports how the receiver answered. Stores nothing: a test is not a breach.
 */
export async function testWebhook(db: Db, viewer: Viewer, input: { teamId: string }, now: Date): Promise<WebhookTest> {
  const found = await requireTeamManager(db, viewer, input.teamId);
  if (!found.webhookUrl) throw new DomainError("invalid", "Save a webhook URL before sending a test.", "url");
  const month = periodWindow("month", now.getTime(), found.timeZone);
  const payload = breachPayload({
    id: randomUUID(),
    test: true,
    team: { id: found.id, name: found.name, timeZone: found.timeZone },
    engineer: { id: viewer.personId, name: viewer.name, email: viewer.email, timeZone: viewer.timeZone },
    kind: "toil",
    share: Math.min(1, Math.round((found.toilCap + SAMPLE_OVER_BY) * 10_000) / 10_000),
    cap: found.toilCap,
    projected: false,
    periodStart: new Date(month.start),
    periodEnd: new Date(month.end),
    detectedAt: now,
  });
  const answer = await sendBreachEvent(found.webhookUrl, await signingSecretOf(db, found.id), payload);
  return { ...answer, payload };
}
