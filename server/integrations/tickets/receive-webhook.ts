import "server-only";
import type { Db } from "@/db/client";
import { captureTicket } from "@/server/services/capture/capture-ticket";
import { countWebhookRequestQuietly } from "@/server/services/integrations/count-webhook-request";
import { findActiveIntegration, type IntegrationRow } from "@/server/services/integrations/find-integration";
import { readLimitedBody } from "../http/read-limited-body";
import { unknownIntegration, webhookJson, webhookRefusal } from "../http/webhook-response";
import { readTicketCall } from "./ticket-call";

export interface TicketWebhookDeps {
  db: () => Promise<Db>;
  now: () => Date;
  bodyLimitBytes?: number;
}

/** One ticket is small: 64 KiB holds a 500-character summary many times over. */
export const TICKET_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * A ticket system's webhook: one ticket per call, in Toilcap's format (see ./webhook-payload.ts) or as a Jira
 * Cloud issue event (see ./jira-payload.ts). The secret in the path names the
 * integration (team, optional rotation). Answers: 201 created; 200 unchanged or updated (the body says which);
 * 404 for an unknown or revoked secret; 400 for malformed JSON or a field that is wrong, naming it; 413 past the
 * size limit; 503 when the database fails, so the sender retries. Nothing is stored unless the answer is 200/201.
 * Every request of a known integration is counted by outcome.
 */
export async function receiveTicketWebhook(
  request: Request,
  secret: string,
  deps: TicketWebhookDeps,
): Promise<Response> {
  const limit = deps.bodyLimitBytes ?? TICKET_BODY_LIMIT_BYTES;
  let db: Db | null = null;
  let source: IntegrationRow | null = null;
  try {
    db = await deps.db();
    source = await findActiveIntegration(db, secret, "ticket-webhook");
    if (!source) return unknownIntegration();
    const body = await readLimitedBody(request, limit);
    const parsed = body.ok ? readTicketCall(body.text) : ({ ok: false, reason: body.reason } as const);
    if (!parsed.ok) {
      await countWebhookRequestQuietly(db, source.id, "rejected", deps.now());
      return webhookRefusal(body.ok ? 400 : body.status, parsed.reason);
    }
    const { ticket } = parsed;
    if (!ticket) {
      // A Jira event other than an issue created or updated: nothing to capture, and no reason to retry.
      await countWebhookRequestQuietly(db, source.id, "duplicate", deps.now());
      return webhookJson(200, { ok: true, outcome: "ignored" });
    }
    const outcome = await captureTicket(
      db,
      source,
      {
        externalId: ticket.id,
        openedAt: ticket.opened,
        resolvedAt: ticket.resolved,
        assigneeEmail: ticket.assigneeEmail,
        service: ticket.service,
        summary: ticket.summary,
        severity: ticket.severity,
        assigneeAccount: parsed.assigneeAccount,
        eventId: parsed.eventId,
      },
      deps.now(),
    );
    return webhookJson(outcome.outcome === "created" ? 201 : 200, { ok: true, id: ticket.id, ...outcome });
  } catch (error) {
    // Not the sender's fault (the database is down or busy): ask it to retry rather than drop the ticket.
    console.error("ticket webhook: could not store the ticket", error);
    if (db && source) await countWebhookRequestQuietly(db, source.id, "failed", deps.now());
    return webhookRefusal(503, "Toilcap could not store this ticket right now; retry later.");
  }
}
