import { and, asc, eq } from "drizzle-orm";
import { POST } from "@/app/api/integrations/tickets/[secret]/route";
import type { Db } from "@/db/client";
import { interrupt, webhookRequestCount } from "@/db/schema";
import type { WebhookOutcome } from "@/server/services/integrations/count-webhook-request";
import { at, callerAt, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

/**
 * Test support: a team with a weekly ticket-duty rotation (Berlin, Mondays 09:00 from 2 March 2026) and two ticket
 * webhooks: one crediting tickets without a member assignee to whoever holds that rotation, one without a rotation.
 */

export const SET_UP_AT = at("2026-03-01T12:00");

export async function makeTicketTeam(db: Db) {
  const fx = await makeRotationTeam(db);
  const planner = await callerAt(db, fx.planner.id, SET_UP_AT);
  const rotation = await planner.rotations.create({
    teamId: fx.team.id,
    ...weeklyDraft(
      fx.engineers.map((e) => e.id),
      { name: "Ticket duty", role: "ticket" },
    ),
  });
  const withRotation = await planner.integrations.create({
    teamId: fx.team.id,
    kind: "ticket-webhook",
    name: "Jira ops",
    rotationId: rotation.id,
  });
  const byAssignee = await planner.integrations.create({ teamId: fx.team.id, kind: "ticket-webhook", name: "Zendesk" });
  return {
    ...fx,
    rotation,
    onDuty: { integration: withRotation.integration, secret: withRotation.secret, path: withRotation.path },
    byAssignee: { integration: byAssignee.integration, secret: byAssignee.secret, path: byAssignee.path },
  };
}

export interface TicketDelivery {
  status: number;
  body: Record<string, unknown>;
}

/** Posts a body to the ticket webhook's route handler, as a ticket system's automation would. */
export async function deliverTicket(
  secret: string,
  body: unknown,
  init: { headers?: Record<string, string> } = {},
): Promise<TicketDelivery> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const request = new Request(`http://toilcap.test/api/integrations/tickets/${secret}`, {
    method: "POST",
    body: text,
    headers: { "content-type": "application/json", ...init.headers },
  });
  const response = await POST(request, { params: Promise.resolve({ secret }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The team's tickets from ticket webhooks, by id. */
export async function webhookTickets(db: Db, teamId: string) {
  return db
    .select()
    .from(interrupt)
    .where(and(eq(interrupt.teamId, teamId), eq(interrupt.source, "webhook")))
    .orderBy(asc(interrupt.externalId));
}

/** An integration's request counts by outcome, zero where none was counted. */
export async function requestCounts(db: Db, integrationId: string): Promise<Record<WebhookOutcome, number>> {
  const rows = await db.select().from(webhookRequestCount).where(eq(webhookRequestCount.integrationId, integrationId));
  const counts: Record<WebhookOutcome, number> = { accepted: 0, duplicate: 0, rejected: 0, failed: 0 };
  for (const row of rows) counts[row.outcome as WebhookOutcome] = row.count;
  return counts;
}

/** The database, except that its next transaction fails (a deadlock, a failover) while lookups and later writes work. */
export function failingNextTransaction(db: Db): Db {
  let failed = false;
  return new Proxy(db, {
    get: (target, property, receiver) => {
      if (property === "transaction" && !failed) {
        return () => {
          failed = true;
          return Promise.reject(new Error("deadlock detected"));
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
