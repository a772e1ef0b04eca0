import "server-only";
import type { Db } from "@/db/client";
import { captureAlerts } from "@/server/services/capture/capture-alerts";
import { countWebhookRequestQuietly } from "@/server/services/integrations/count-webhook-request";
import { findActiveIntegration, type IntegrationRow } from "@/server/services/integrations/find-integration";
import { DEFAULT_BODY_LIMIT_BYTES, readLimitedBody } from "../http/read-limited-body";
import { parseAlertmanagerPayload } from "./payload";
import { toNotification } from "./to-signals";

export interface WebhookDeps {
  db: () => Promise<Db>;
  now: () => Date;
  bodyLimitBytes?: number;
}

function json(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

const refused = (status: number, reason: string) => json(status, { ok: false, error: reason });

/**
 * Alertmanager's webhook receiver. The secret in the path names the integration (team and rotation). Answers:
 * 200 with what changed; 404 for an unknown or revoked secret; 400 for a body that is not a version 4 payload;
 * 413 past the size limit; 503 when the database fails, so Alertmanager retries (it does not retry 4xx answers).
 * Nothing is stored unless the answer is 200. Every request of a known integration is counted by outcome.
 */
export async function receiveAlertmanagerWebhook(request: Request, secret: string, deps: WebhookDeps): Promise<Response> {
  const limit = deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  let db: Db | null = null;
  let source: IntegrationRow | null = null;
  try {
    db = await deps.db();
    source = await findActiveIntegration(db, secret, "alertmanager");
    if (!source) return refused(404, "No such integration: check the URL, or ask a planner whether it was revoked.");
    const body = await readLimitedBody(request, limit);
    const parsed = body.ok ? parseAlertmanagerPayload(body.text) : ({ ok: false, reason: body.reason } as const);
    if (!parsed.ok) {
      await countWebhookRequestQuietly(db, source.id, "rejected", deps.now());
      return refused(body.ok ? 400 : body.status, parsed.reason);
    }
    const outcome = await captureAlerts(db, source, toNotification(parsed.payload), deps.now());
    // Counted right after the capture's transaction (its own upsert, so the capture code stays as it is).
    await countWebhookRequestQuietly(db, source.id, outcome.created + outcome.resolved > 0 ? "accepted" : "duplicate", deps.now());
    return json(200, { ok: true, ...outcome });
  } catch (error) {
    // Not the sender's fault (the database is down or busy): ask Alertmanager to retry rather than drop the pages.
    console.error("alertmanager webhook: could not store the notification", error);
    if (db && source) await countWebhookRequestQuietly(db, source.id, "failed", deps.now());
    return refused(503, "Toilcap could not store this notification right now; retry later.");
  }
}
