import "server-only";
import type { Db } from "@/db/client";
import { captureAlerts } from "@/server/services/capture/capture-alerts";
import { findActiveIntegration } from "@/server/services/integrations/find-integration";
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
 * Nothing is stored unless the answer is 200.
 */
export async function receiveAlertmanagerWebhook(request: Request, secret: string, deps: WebhookDeps): Promise<Response> {
  const limit = deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  try {
    const db = await deps.db();
    const source = await findActiveIntegration(db, secret, "alertmanager");
    if (!source) return refused(404, "No such integration: check the URL, or ask a planner whether it was revoked.");
    const body = await readLimitedBody(request, limit);
    if (!body.ok) return refused(body.status, body.reason);
    const parsed = parseAlertmanagerPayload(body.text);
    if (!parsed.ok) return refused(400, parsed.reason);
    const outcome = await captureAlerts(db, source, toNotification(parsed.payload), deps.now());
    return json(200, { ok: true, ...outcome });
  } catch (error) {
    // Not the sender's fault (the database is down or busy): ask Alertmanager to retry rather than drop the pages.
    console.error("alertmanager webhook: could not store the notification", error);
    return refused(503, "Toilcap could not store this notification right now; retry later.");
  }
}
