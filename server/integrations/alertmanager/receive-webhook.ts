import "server-only";
import type { Db } from "@/db/client";
import { captureAlerts } from "@/server/services/capture/capture-alerts";
import { countAlertLosses } from "@/server/services/integrations/count-alert-loss";
import { countWebhookRequestQuietly } from "@/server/services/integrations/count-webhook-request";
import { findActiveIntegration, type IntegrationRow } from "@/server/services/integrations/find-integration";
import { DEFAULT_BODY_LIMIT_BYTES, readLimitedBody } from "../http/read-limited-body";
import { unknownIntegration, webhookJson, webhookRefusal } from "../http/webhook-response";
import { parseAlertmanagerPayload } from "./payload";
import { toNotification } from "./to-signals";

export interface WebhookDeps {
  db: () => Promise<Db>;
  now: () => Date;
  /** The alerts of one notification may take this many bytes; the ones past it are dropped and counted. */
  bodyLimitBytes?: number;
  bodyDeadlineMs?: number;
}

/**
 * A body this many times the alert budget is still read (its alerts up to the budget stored, the rest counted as
 * dropped), since Alertmanager does not retry a 413 and the whole group would be lost; past it, 413.
 */
export const OVERSIZE_READ_FACTOR = 8;

/**
 * Alertmanager's webhook receiver. The secret (in the path, or as `Authorization: Bearer`) names the integration
 * (team and rotation) and is checked before the body is read. Answers: 200 with what changed, and what was
 * dropped if anything was (alerts Alertmanager truncated, alerts past the size budget, alerts that could not be
 * read: each counted per integration, never silently); 404 for an unknown or revoked secret; 400 for a body that
 * is not a version 4 payload; 408 for a body that does not arrive in time; 413 past eight times the budget; 503
 * when the database fails, so Alertmanager retries (it does not retry 4xx answers). Nothing is stored unless the
 * answer is 200. Every request of a known integration is counted by outcome.
 */
export async function receiveAlertmanagerWebhook(
  request: Request,
  secret: string,
  deps: WebhookDeps,
): Promise<Response> {
  const budget = deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  let db: Db | null = null;
  let source: IntegrationRow | null = null;
  try {
    db = await deps.db();
    source = await findActiveIntegration(db, secret, "alertmanager");
    if (!source) return unknownIntegration();
    const body = await readLimitedBody(request, budget * OVERSIZE_READ_FACTOR, deps.bodyDeadlineMs);
    const parsed = body.ok
      ? parseAlertmanagerPayload(body.text, { alertBytes: budget })
      : ({ ok: false, reason: body.reason } as const);
    if (!parsed.ok) {
      await countWebhookRequestQuietly(db, source.id, "rejected", deps.now());
      return webhookRefusal(body.ok ? 400 : body.status, parsed.reason);
    }
    const receivedAt = deps.now();
    const { losses, refusedAlerts } = parsed;
    const outcome = await captureAlerts(db, source, toNotification(parsed.payload, receivedAt), receivedAt);
    const lost = losses.truncated + losses.oversize + losses.invalid > 0;
    if (lost) await countAlertLosses(db, source.id, losses, parsed.payload.groupKey, receivedAt);
    // Counted right after the capture's transaction (its own upsert, so the capture code stays as it is).
    await countWebhookRequestQuietly(
      db,
      source.id,
      outcome.created + outcome.resolved > 0 ? "accepted" : "duplicate",
      receivedAt,
    );
    return webhookJson(200, {
      ok: true,
      ...outcome,
      ...(lost ? { dropped: losses, refusedAlerts: refusedAlerts.slice(0, 20) } : {}),
    });
  } catch (error) {
    // Not the sender's fault (the database is down or busy): ask Alertmanager to retry rather than drop the pages.
    console.error("alertmanager webhook: could not store the notification", error);
    if (db && source) await countWebhookRequestQuietly(db, source.id, "failed", deps.now());
    return webhookRefusal(503, "Toilcap could not store this notification right now; retry later.");
  }
}
