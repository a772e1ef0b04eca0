import "server-only";
import type { Db } from "@/db/client";
import { capturePagerdutyEvent } from "@/server/services/capture/capture-pagerduty-event";
import { countWebhookRequestQuietly } from "@/server/services/integrations/count-webhook-request";
import { findActiveIntegration, type IntegrationRow } from "@/server/services/integrations/find-integration";
import { readLimitedBody } from "../http/read-limited-body";
import { unknownIntegration, webhookJson, webhookRefusal } from "../http/webhook-response";
import { parsePagerdutyEvent } from "./payload";
import { verifyPagerdutySignature } from "./signature";
import { toIncidentSignal } from "./to-signal";

export interface PagerdutyWebhookDeps {
  db: () => Promise<Db>;
  now: () => Date;
  bodyDeadlineMs?: number;
}

/** One event: PagerDuty's incident payloads are a few KiB. */
export const PAGERDUTY_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * PagerDuty's v3 webhook receiver. The secret in the path names the integration; every delivery must carry an
 * `X-PagerDuty-Signature` made with the subscription's signing secret (pasted in Settings), checked on the raw
 * body. Answers: 200 with what changed (a redelivered event id changes nothing); 404 for an unknown secret, before
 * the body is read; 401 for a missing or wrong signature or no signing secret yet; 400 for a body that is not a v3
 * event; 408/413 for slow or large bodies; 503 when the database fails, so PagerDuty retries.
 */
export async function receivePagerdutyWebhook(
  request: Request,
  secret: string,
  deps: PagerdutyWebhookDeps,
): Promise<Response> {
  let db: Db | null = null;
  let source: IntegrationRow | null = null;
  try {
    db = await deps.db();
    source = await findActiveIntegration(db, secret, "pagerduty");
    if (!source) return unknownIntegration();
    const body = await readLimitedBody(request, PAGERDUTY_BODY_LIMIT_BYTES, deps.bodyDeadlineMs);
    if (!body.ok) {
      await countWebhookRequestQuietly(db, source.id, "rejected", deps.now());
      return webhookRefusal(body.status, body.reason);
    }
    if (
      !source.signingSecret ||
      !verifyPagerdutySignature(request.headers.get("x-pagerduty-signature"), body.text, source.signingSecret)
    ) {
      await countWebhookRequestQuietly(db, source.id, "rejected", deps.now());
      const reason = source.signingSecret
        ? "The X-PagerDuty-Signature header does not sign this body with the subscription's signing secret."
        : "Paste the subscription's signing secret into Toilcap (Settings → Integrations) first.";
      return webhookRefusal(401, reason);
    }
    const parsed = parsePagerdutyEvent(body.text);
    if (!parsed.ok) {
      await countWebhookRequestQuietly(db, source.id, "rejected", deps.now());
      return webhookRefusal(400, parsed.reason);
    }
    const outcome = await capturePagerdutyEvent(
      db,
      source,
      parsed.event.id,
      toIncidentSignal(parsed.event),
      deps.now(),
    );
    return webhookJson(200, { ok: true, event: parsed.event.id, type: parsed.event.type, ...outcome });
  } catch (error) {
    console.error("pagerduty webhook: could not store the event", error);
    if (db && source) await countWebhookRequestQuietly(db, source.id, "failed", deps.now());
    return webhookRefusal(503, "Toilcap could not store this event right now; retry later.");
  }
}
