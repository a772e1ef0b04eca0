import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { integration, interrupt, webhookEvent } from "@/db/schema";
import { recordAudit } from "../audit";
import { countWebhookRequest } from "../integrations/count-webhook-request";
import type { IntegrationRow } from "../integrations/find-integration";
import type { Severity } from "./alert-signal";
import { creditOnCall } from "./credit-on-call";
import { matchExternalUsers, type ExternalPerson } from "./external-people";
import { membersByEmail } from "./members-by-email";
import { assertReturned } from "@/server/services/returned-row";

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
  const [row] = await db
    .insert(interrupt)
    .values({
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
    })
    .onConflictDoNothing({
      target: [interrupt.teamId, interrupt.source, interrupt.externalId],
      where: sql`${interrupt.externalId} is not null`,
    })
    .returning();
  if (!row) return null;
  await recordAudit(db, {
    actorPersonId: null,
    teamId: row.teamId,
    action: "interrupt.capture",
    entityType: "interrupt",
    entityId: row.id,
    after: row,
  });
  return row;
}

/**
 * What a later call may change on a stored ticket: its resolution, when it has none yet (the first one wins, and
 * never before it opened), and its engineer, when it has none yet. A removed ticket stays as it is.
 */
async function updateStored(
  db: Db,
  source: IntegrationRow,
  stored: InterruptRow,
  ticket: TicketSignal,
  now: Date,
): Promise<TicketCaptureOutcome> {
  const changes: TicketCaptureOutcome["changes"] = [];
  const set: Partial<Pick<InterruptRow, "resolvedAt" | "assigneeId" | "captureStatus">> = {};
  if (stored.deletedAt === null) {
    if (stored.resolvedAt === null && ticket.resolvedAt) {
      set.resolvedAt = ticket.resolvedAt < stored.openedAt ? stored.openedAt : ticket.resolvedAt;
      changes.push("resolved");
    }
    if (stored.assigneeId === null) {
      const assigneeId = await creditTicket(db, source, { ...ticket, openedAt: stored.openedAt }, now);
      if (assigneeId) {
        set.assigneeId = assigneeId;
        if (stored.captureStatus === null) set.captureStatus = "captured";
        changes.push("assignee");
      }
    }
  }
  if (changes.length === 0)
    return {
      outcome: "unchanged",
      changes,
      assigned: stored.assigneeId !== null,
      resolved: stored.resolvedAt !== null,
    };
  const [row] = await db.update(interrupt).set(set).where(eq(interrupt.id, stored.id)).returning();
  assertReturned(row, "interrupt update");
  const before = Object.fromEntries(Object.keys(set).map((key) => [key, stored[key as keyof typeof set]]));
  await recordAudit(db, {
    actorPersonId: null,
    teamId: row.teamId,
    action: "interrupt.capture-update",
    entityType: "interrupt",
    entityId: row.id,
    before,
    after: set,
  });
  return { outcome: "updated", changes, assigned: row.assigneeId !== null, resolved: row.resolvedAt !== null };
}

/** The team's stored ticket of this id, locked, so two calls for it change it one after the other. */
async function findStored(db: Db, teamId: string, externalId: string): Promise<InterruptRow | null> {
  const [stored] = await db
    .select()
    .from(interrupt)
    .where(
      and(
        eq(interrupt.teamId, teamId),
        eq(interrupt.source, TICKET_WEBHOOK_SOURCE),
        eq(interrupt.externalId, externalId),
      ),
    )
    .for("update");
  return stored ?? null;
}

async function captureInTransaction(
  db: Db,
  source: IntegrationRow,
  ticket: TicketSignal,
  now: Date,
): Promise<TicketCaptureOutcome> {
  const stored = await findStored(db, source.teamId, ticket.externalId);
  if (stored) return updateStored(db, source, stored, ticket, now);
  const created = await storeNew(db, source, ticket, now);
  if (created)
    return {
      outcome: "created",
      changes: [],
      assigned: created.assigneeId !== null,
      resolved: created.resolvedAt !== null,
    };
  // A racing call stored it between our look and our insert (the insert waited for it to commit).
  const raced = await findStored(db, source.teamId, ticket.externalId);
  if (!raced) throw new Error(`ticket ${ticket.externalId} neither stored nor found`);
  return updateStored(db, source, raced, ticket, now);
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
