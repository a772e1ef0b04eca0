import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integration, type interrupt, webhookEvent } from "@/db/schema";
import { countWebhookRequest } from "../integrations/count-webhook-request";
import type { IntegrationRow } from "../integrations/find-integration";
import type { Severity } from "./alert-signal";
import { captureOnce, fillOf, findCaptured, insertCaptured, updateCaptured } from "./captured-interrupt";
import { creditOnCall } from "./credit-on-call";
import { matchExternalUsers, type ExternalPerson } from "./external-people";
import { membersByEmail } from "./members-by-email";

/** One ticket as a ticket system reports it, already read from its format (see server/integrations/tickets). */
export interface TicketSignal {
  externalId: string;
  openedAt: Date;
  resolvedAt: Date | null;
  assigneeEmail: string | null;
  service: string | null;
  summary: string;
  severity: Severity;
  /** Jira's assignee by account id, for the team's link when Jira hides the email. */
  assigneeAccount?: ExternalPerson | null;
  /** The sender's id of this event (Jira: issue key and change): seen before, it changes nothing. */
  eventId?: string | null;
}

/** What one call did: created the ticket, updated a stored one (its resolution, a missing assignee), or nothing. */
export interface TicketCaptureOutcome {
  outcome: "created" | "updated" | "unchanged";
  /** The fields this call set; empty unless updated. */
  changes: Array<"resolved" | "assignee">;
  /** The stored ticket after the call. */
  assigned: boolean;
  resolved: boolean;
}

/** Tickets from every ticket webhook of a team share one id space: the same id is the same ticket. */
export const TICKET_WEBHOOK_SOURCE = "webhook";

type InterruptRow = typeof interrupt.$inferSelect;

/**
 * Who is credited with a ticket: its assignee when they are a member of the team; otherwise whoever held the
 * integration's rotation (if it has one) when the ticket was opened; otherwise nobody.
 */
async function creditTicket(
  db: Db,
  source: IntegrationRow,
  ticket: { assigneeEmail: string | null; assigneeAccount?: ExternalPerson | null; openedAt: Date },
  now: Date,
): Promise<string | null> {
  if (ticket.assigneeEmail) {
    const member = (await membersByEmail(db, source.teamId, [ticket.assigneeEmail])).get(ticket.assigneeEmail);
    if (member) return member.personId;
  }
  if (ticket.assigneeAccount) {
    const linked = (await matchExternalUsers(db, source.teamId, "jira", [ticket.assigneeAccount])).get(
      ticket.assigneeAccount.id,
    );
    if (linked) return linked.personId;
  }
  const onDuty = await creditOnCall(db, source.rotationId, [ticket.openedAt.getTime()], now);
  return onDuty.get(ticket.openedAt.getTime()) ?? null;
}

async function storeNew(db: Db, source: IntegrationRow, ticket: TicketSignal, now: Date): Promise<InterruptRow | null> {
  const assigneeId = await creditTicket(db, source, ticket, now);
  return insertCaptured(db, {
    teamId: source.teamId,
    kind: "ticket",
    source: TICKET_WEBHOOK_SOURCE,
    externalId: ticket.externalId,
    service: ticket.service,
    severity: ticket.severity,
    summary: ticket.summary,
    openedAt: ticket.openedAt,
    resolvedAt: ticket.resolvedAt,
    assigneeId,
    captureStatus: assigneeId ? "captured" : null,
    integrationId: source.id,
    createdAt: now,
  });
}

/** What a later call may change on a stored ticket: what it lacks (see fillOf). */
async function updateStored(
  db: Db,
  source: IntegrationRow,
  stored: InterruptRow,
  ticket: TicketSignal,
  now: Date,
): Promise<TicketCaptureOutcome> {
  const { set, credited } = await fillOf(stored, ticket.resolvedAt, async (openedAt) => ({
    personId: await creditTicket(db, source, { ...ticket, openedAt }, now),
  }));
  const changes: TicketCaptureOutcome["changes"] = [
    ...(set.resolvedAt ? (["resolved"] as const) : []),
    ...(credited ? (["assignee"] as const) : []),
  ];
  if (changes.length === 0)
    return {
      outcome: "unchanged",
      changes,
      assigned: stored.assigneeId !== null,
      resolved: stored.resolvedAt !== null,
    };
  const row = await updateCaptured(db, stored, set);
  return { outcome: "updated", changes, assigned: row.assigneeId !== null, resolved: row.resolvedAt !== null };
}

/** The team's stored ticket of this id, locked, so two calls for it change it one after the other. */
function findStored(db: Db, teamId: string, externalId: string): Promise<InterruptRow | null> {
  return findCaptured(db, teamId, TICKET_WEBHOOK_SOURCE, externalId);
}

async function captureInTransaction(
  db: Db,
  source: IntegrationRow,
  ticket: TicketSignal,
  now: Date,
): Promise<TicketCaptureOutcome> {
  return captureOnce({
    find: () => findStored(db, source.teamId, ticket.externalId),
    update: (stored) => updateStored(db, source, stored, ticket, now),
    create: async () => {
      const created = await storeNew(db, source, ticket, now);
      return created
        ? {
            outcome: "created",
            changes: [],
            assigned: created.assigneeId !== null,
            resolved: created.resolvedAt !== null,
          }
        : null;
    },
    what: `ticket ${ticket.externalId}`,
  });
}

/**
 * Stores one ticket of a ticket webhook, in one transaction: a new ticket once (a retry, a repeat or a race
 * creates nothing twice: the team's unique index on source and id decides), credited and waiting in its
 * engineer's capture inbox; a known one gets only what it lacked. The request is counted in the same transaction.
 */
export async function captureTicket(
  db: Db,
  source: IntegrationRow,
  ticket: TicketSignal,
  now: Date,
): Promise<TicketCaptureOutcome> {
  return db.transaction(async (tx) => {
    await tx.update(integration).set({ lastUsedAt: now }).where(eq(integration.id, source.id));
    if (ticket.eventId) {
      const [fresh] = await tx
        .insert(webhookEvent)
        .values({ integrationId: source.id, eventId: ticket.eventId, receivedAt: now })
        .onConflictDoNothing()
        .returning();
      if (!fresh) {
        await countWebhookRequest(tx, source.id, "duplicate", now);
        const stored = await findStored(tx, source.teamId, ticket.externalId);
        return {
          outcome: "unchanged",
          changes: [],
          assigned: Boolean(stored?.assigneeId),
          resolved: Boolean(stored?.resolvedAt),
        };
      }
    }
    const outcome = await captureInTransaction(tx, source, ticket, now);
    await countWebhookRequest(tx, source.id, outcome.outcome === "unchanged" ? "duplicate" : "accepted", now);
    return outcome;
  });
}
