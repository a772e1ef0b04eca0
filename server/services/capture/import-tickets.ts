import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { interrupt, person, teamMember } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { TicketFormat } from "@/server/integrations/tickets/csv-formats";
import { parseTicketCsv, type TicketRow } from "@/server/integrations/tickets/parse-tickets";
import type { ticketImportInput } from "@/server/schemas/tickets";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { requireTeamMember } from "../work-log/team-access";

export type TicketImportInput = z.output<typeof ticketImportInput>;

/** What each export becomes: PagerDuty incidents page someone, generic tickets wait in a queue. */
const STORED_AS: Record<TicketFormat, { source: string; kind: "page" | "ticket" }> = {
  pagerduty: { source: "pagerduty", kind: "page" },
  generic: { source: "csv", kind: "ticket" },
};

export type PreviewRow =
  | {
      line: number;
      externalId: string;
      /** new: would be stored; duplicate: already imported (by an earlier file), skipped. */
      status: "new" | "duplicate";
      openedAt: Date;
      resolvedAt: Date | null;
      assignee: { personId: string; name: string } | null;
      service: string | null;
      /** PagerDuty's urgency (high or low); medium when the export has none. */
      severity: "high" | "medium" | "low";
      summary: string;
    }
  | { line: number; externalId: string | null; status: "invalid"; errors: string[] };

export interface TicketImportPreview {
  format: TicketFormat;
  source: string;
  kind: "page" | "ticket";
  rows: PreviewRow[];
  counts: { new: number; duplicate: number; invalid: number };
}

export interface TicketImportResult {
  format: TicketFormat;
  created: number;
  /** Tickets already stored by an earlier import: re-importing a file creates nothing twice. */
  skipped: number;
}

async function requireImporter(db: Db, viewer: Viewer, teamId: string): Promise<void> {
  await requireTeamMember(db, viewer, teamId);
  const roles = viewer.memberships.find((m) => m.teamId === teamId)?.roles ?? [];
  if (!viewer.isAdmin && !roles.some((role) => role === "manager" || role === "planner")) {
    throw new DomainError("forbidden", "Only a manager or planner of this team may import tickets.", "teamId");
  }
}

/** The team's members by lower-cased email: tickets are credited to members only. */
async function membersByEmail(db: Db, teamId: string, emails: string[]): Promise<Map<string, { personId: string; name: string }>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .selectDistinct({ personId: person.id, name: person.name, email: person.email })
    .from(teamMember)
    .innerJoin(person, eq(person.id, teamMember.personId))
    .where(and(eq(teamMember.teamId, teamId), isNull(person.deletedAt), inArray(sql`lower(${person.email})`, emails)));
  return new Map(rows.map((r) => [r.email.toLowerCase(), { personId: r.personId, name: r.name }]));
}

async function storedExternalIds(db: Db, teamId: string, source: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ externalId: interrupt.externalId })
    .from(interrupt)
    .where(and(eq(interrupt.teamId, teamId), eq(interrupt.source, source), inArray(interrupt.externalId, ids)));
  return new Set(rows.flatMap((r) => (r.externalId === null ? [] : [r.externalId])));
}

/** The file read and checked against the database: what a commit would store, without writing anything. */
async function planImport(db: Db, viewer: Viewer, input: TicketImportInput): Promise<TicketImportPreview> {
  const file = parseTicketCsv(input.csv, input.timeZone ?? viewer.timeZone);
  if (!file.ok) throw new DomainError("invalid", file.message, "csv");
  const stored = STORED_AS[file.format];
  const tickets = file.rows.flatMap((r) => (r.ok ? [r.ticket] : []));
  const members = await membersByEmail(db, input.teamId, [...new Set(tickets.flatMap((t) => (t.assigneeEmail ? [t.assigneeEmail] : [])))]);
  const existing = await storedExternalIds(db, input.teamId, stored.source, tickets.map((t) => t.externalId));

  const rows = file.rows.map((row): PreviewRow => {
    if (!row.ok) return { line: row.line, externalId: row.externalId, status: "invalid", errors: row.errors };
    const ticket: TicketRow = row.ticket;
    const assignee = ticket.assigneeEmail ? (members.get(ticket.assigneeEmail) ?? null) : null;
    if (ticket.assigneeEmail && !assignee) {
      return { line: row.line, externalId: ticket.externalId, status: "invalid", errors: [`No member of this team has the email ${ticket.assigneeEmail}.`] };
    }
    return {
      line: row.line,
      externalId: ticket.externalId,
      status: existing.has(ticket.externalId) ? "duplicate" : "new",
      openedAt: ticket.openedAt,
      resolvedAt: ticket.resolvedAt,
      assignee,
      service: ticket.service,
      severity: ticket.urgency ?? "medium",
      summary: ticket.summary,
    };
  });
  return {
    format: file.format,
    ...stored,
    rows,
    counts: {
      new: rows.filter((r) => r.status === "new").length,
      duplicate: rows.filter((r) => r.status === "duplicate").length,
      invalid: rows.filter((r) => r.status === "invalid").length,
    },
  };
}

/** Reads a ticket export and says, row by row, what importing it would do and what is wrong; writes nothing. */
export async function previewTicketImport(db: Db, viewer: Viewer, input: TicketImportInput): Promise<TicketImportPreview> {
  await requireImporter(db, viewer, input.teamId);
  return planImport(db, viewer, input);
}

/**
 * Imports a ticket export all or nothing: any invalid row refuses the whole file. Tickets already stored (same
 * team, source and id) are skipped, so importing a file again, or a later export overlapping it, adds only what
 * is new. Credited tickets wait in their engineer's capture inbox to have their time confirmed.
 */
export async function commitTicketImport(db: Db, viewer: Viewer, input: TicketImportInput, now: Date): Promise<TicketImportResult> {
  await requireImporter(db, viewer, input.teamId);
  return db.transaction(async (tx) => {
    // Two imports of one team run one after the other, so their duplicate checks see each other's rows.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`toilcap.ticket-import:${input.teamId}`}))`);
    const plan = await planImport(tx, viewer, input);
    if (plan.counts.invalid > 0) {
      const first = plan.rows.find((r) => r.status === "invalid");
      const where = first ? ` (first on line ${first.line})` : "";
      throw new DomainError("invalid", `${plan.counts.invalid} rows have errors${where}; fix them and import again. Nothing was imported.`, "csv");
    }
    const fresh = plan.rows.flatMap((r) => (r.status === "new" ? [r] : []));
    const created =
      fresh.length === 0
        ? []
        : await tx
            .insert(interrupt)
            .values(
              fresh.map((r) => ({
                teamId: input.teamId,
                kind: plan.kind,
                source: plan.source,
                externalId: r.externalId,
                service: r.service,
                severity: r.severity,
                summary: r.summary,
                openedAt: r.openedAt,
                resolvedAt: r.resolvedAt,
                assigneeId: r.assignee?.personId ?? null,
                captureStatus: r.assignee ? ("captured" as const) : null,
                createdAt: now,
              })),
            )
            .onConflictDoNothing({
              target: [interrupt.teamId, interrupt.source, interrupt.externalId],
              where: sql`${interrupt.externalId} is not null`,
            })
            .returning({ id: interrupt.id });
    const result = { format: plan.format, created: created.length, skipped: plan.rows.length - created.length };
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "tickets.import",
      entityType: "team",
      entityId: input.teamId,
      after: { ...result, source: plan.source, rows: plan.rows.length },
    });
    return result;
  });
}
