import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import { periodWindow } from "@/server/domain/accounting";
import { BREACH_EVENT_TYPE, breachPayload, type BreachPayload } from "@/server/integrations/breach-webhook/payload";
import { postJson } from "@/server/integrations/breach-webhook/post-json";
import { DomainError } from "../errors";
import { requireTeamManager } from "./manager-access";

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
 * Sends a sample breach (marked `"test": true`, with the caller as the engineer) to the team's saved webhook and
 * reports how the receiver answered. Stores nothing: a test is not a breach.
 */
export async function testWebhook(db: Db, viewer: Viewer, input: { teamId: string }, now: Date): Promise<WebhookTest> {
  const found = await requireTeamManager(db, viewer, input.teamId);
  if (!found.webhookUrl) throw new DomainError("invalid", "Save a webhook URL before sending a test.", "url");
  const month = periodWindow("month", now.getTime(), viewer.timeZone);
  const payload = breachPayload({
    id: randomUUID(),
    test: true,
    team: { id: found.id, name: found.name },
    engineer: { id: viewer.personId, name: viewer.name, email: viewer.email, timeZone: viewer.timeZone },
    kind: "toil",
    share: Math.min(1, Math.round((found.toilCap + SAMPLE_OVER_BY) * 10_000) / 10_000),
    cap: found.toilCap,
    projected: false,
    periodStart: new Date(month.start),
    periodEnd: new Date(month.end),
    detectedAt: now,
  });
  const answer = await postJson(found.webhookUrl, payload, { headers: { "x-toilcap-event": BREACH_EVENT_TYPE, "x-toilcap-delivery": payload.id } });
  return { ...answer, payload };
}
