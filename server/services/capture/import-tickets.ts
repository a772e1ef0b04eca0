import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, externalUserLink, interrupt, person } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { TicketFormat } from "@/server/integrations/tickets/csv-formats";
import { parseTicketCsv, type TicketRow } from "@/server/integrations/tickets/parse-tickets";
import type { ticketImportInput } from "@/server/schemas/tickets";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { findRotation } from "../rotations/rotation-rows";
import { requireTeamMember } from "../work-log/team-access";
import { creditOnCall } from "./credit-on-call";
import { type ExternalMatch, matchExternalUsers } from "./external-people";
import { membersByEmail } from "./members-by-email";

export type TicketImportInput = z.output<typeof ticketImportInput>;

/** Audit rows per insert: well under PostgreSQL's 65,535 parameters a statement. */
const AUDIT_BATCH = 1000;

/** What each export becomes: PagerDuty incidents page someone (each one an incident), generic tickets wait in a queue. */
const STORED_AS: Record<TicketFormat, { source: string; kind: "page" | "ticket"; isIncident: boolean }> = {
  pagerduty: { source: "pagerduty", kind: "page", isIncident: true },
  generic: { source: "csv", kind: "ticket", isIncident: false },
};

/**
 * Where a row's engineer came from: the assignee's email; a PagerDuty user the team linked to a person, or whose
 * name one member has; whoever was on duty in the chosen rotation; or nobody.
 */
export type CreditSource = "email" | "link" | "name" | "on-call" | "nobody";

export type PreviewRow =
  | {
      line: number;
      externalId: string;
      /**
       * new: would be stored; update: stored open by an earlier import, and now resolved: its resolution would be
       * recorded; duplicate: already imported (by an earlier file), skipped.
       */
      status: "new" | "update" | "duplicate";
      openedAt: Date;
      resolvedAt: Date | null;
      assignee: { personId: string; name: string } | null;
      credit: CreditSource;
      /** The PagerDuty user credited, as the file names them (with their role: assignee, acknowledger, resolver). */
      creditedAs: string | null;
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
  isIncident: boolean;
  /** Said before importing: a file naming nobody, rows nobody can be credited with. */
  warnings: string[];
  rows: PreviewRow[];
  counts: { new: number; update: number; duplicate: number; invalid: number };
}

export interface TicketImportResult {
  format: TicketFormat;
  created: number;
  /** Tickets stored open by an earlier import whose resolution this file recorded. */
  updated: number;
  /** Tickets already stored by an earlier import, unchanged: re-importing a file creates nothing twice. */
  skipped: number;
}

/** A preview row with what the commit needs to apply it: the stored ticket an update changes, a link to remember. */
type PlannedRow = PreviewRow & {
  storedId?: string;
  proposedLink?: { externalUserId: string; externalName: string; personId: string };
};

async function requireImporter(db: Db, viewer: Viewer, teamId: string): Promise<void> {
  await requireTeamMember(db, viewer, teamId);
  const roles = viewer.memberships.find((m) => m.teamId === teamId)?.roles ?? [];
  if (!viewer.isAdmin && !roles.some((role) => role === "manager" || role === "planner")) {
    throw new DomainError("forbidden", "Only a manager or planner of this team may import tickets.", "teamId");
  }
}

interface StoredTicket {
  id: string;
  openedAt: Date;
  resolvedAt: Date | null;
  deletedAt: Date | null;
}

/** The tickets of these ids the team already has from this source, by id. */
async function storedTickets(
  db: Db,
  teamId: string,
  source: string,
  ids: string[],
): Promise<Map<string, StoredTicket>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: interrupt.id,
      externalId: interrupt.externalId,
      openedAt: interrupt.openedAt,
      resolvedAt: interrupt.resolvedAt,
      deletedAt: interrupt.deletedAt,
    })
    .from(interrupt)
    .where(and(eq(interrupt.teamId, teamId), eq(interrupt.source, source), inArray(interrupt.externalId, ids)));
  return new Map(rows.flatMap(({ externalId, ...row }) => (externalId === null ? [] : [[externalId, row] as const])));
}

/**
 * What a row does to the ticket stored under its id: nothing (a duplicate), or records the resolution a later
 * export shows for a ticket stored while open. The first resolution wins; a removed ticket stays as it is.
 */
function againstStored(
  stored: StoredTicket,
  resolvedAt: Date | null,
): { status: "duplicate" } | { status: "update"; storedId: string; resolvedAt: Date } {
  if (stored.deletedAt !== null || stored.resolvedAt !== null || resolvedAt === null) return { status: "duplicate" };
  // Never resolved before it was opened, whatever the file now says it opened.
  return {
    status: "update",
    storedId: stored.id,
    resolvedAt: resolvedAt < stored.openedAt ? stored.openedAt : resolvedAt,
  };
}

interface RowCredit {
  assignee: { personId: string; name: string } | null;
  credit: CreditSource;
  creditedAs: string | null;
  proposedLink?: PlannedRow["proposedLink"];
}

/** Who each PagerDuty row is credited to, before the on-call fallback: the first of its people the team knows. */
function pagerdutyCredit(ticket: TicketRow, matches: Map<string, ExternalMatch>): RowCredit | null {
  for (const user of ticket.pagerdutyUsers) {
    const match = matches.get(user.id);
    if (!match) continue;
    const by = match.by === "email" ? "name" : match.by;
    const named = `${user.name ?? user.id} (${user.role})`;
    const proposedLink =
      match.by !== "link" && !user.id.startsWith("name:")
        ? { externalUserId: user.id, externalName: user.name ?? user.id, personId: match.personId }
        : undefined;
    return {
      assignee: { personId: match.personId, name: match.name },
      credit: by,
      creditedAs: named,
      ...(proposedLink ? { proposedLink } : {}),
    };
  }
  return null;
}

function warningsOf(namesPeople: boolean, rows: readonly PlannedRow[], fallback: boolean): string[] {
  const warnings: string[] = [];
  if (!namesPeople)
    warnings.push(
      "No column of this file names who worked a row (assignee email, or PagerDuty's assigned_to_user_names and ids).",
    );
  const nobody = rows.filter((row) => row.status !== "invalid" && row.credit === "nobody").length;
  if (nobody > 0) {
    const hint = fallback
      ? "nobody was on duty in the chosen rotation then"
      : "choose a rotation whose on-duty engineer gets them";
    warnings.push(
      `${nobody} ${nobody === 1 ? "row is" : "rows are"} credited to nobody: no one in the file is known to this team, and ${hint}.`,
    );
  }
  return warnings;
}

/** The file read and checked against the database: what a commit would store, without writing anything. */
async function planImport(
  db: Db,
  viewer: Viewer,
  input: TicketImportInput,
  now: Date,
): Promise<Omit<TicketImportPreview, "rows"> & { rows: PlannedRow[] }> {
  const file = parseTicketCsv(input.csv, input.timeZone ?? viewer.timeZone);
  if (!file.ok) throw new DomainError("invalid", file.message, "csv");
  const rotation = input.rotationId ? await findRotation(db, input.teamId, input.rotationId) : null;
  const stored = STORED_AS[file.format];
  const tickets = file.rows.flatMap((r) => (r.ok ? [r.ticket] : []));
  const members = await membersByEmail(db, input.teamId, [
    ...new Set(tickets.flatMap((t) => (t.assigneeEmail ? [t.assigneeEmail] : []))),
  ]);
  const pagerdutyUsers = new Map(
    tickets.flatMap((t) => t.pagerdutyUsers.map((u) => [u.id, { id: u.id, name: u.name }] as const)),
  );
  const matches = await matchExternalUsers(db, input.teamId, "pagerduty", [...pagerdutyUsers.values()]);
  const existing = await storedTickets(
    db,
    input.teamId,
    stored.source,
    tickets.map((t) => t.externalId),
  );

  const credits = new Map<TicketRow, RowCredit>();
  for (const ticket of tickets) {
    const byEmail = ticket.assigneeEmail ? (members.get(ticket.assigneeEmail) ?? null) : null;
    const credit = byEmail
      ? { assignee: byEmail, credit: "email" as const, creditedAs: null }
      : pagerdutyCredit(ticket, matches);
    if (credit) credits.set(ticket, credit);
  }
  const unCredited = tickets.filter((t) => !credits.has(t));
  const onDuty = await creditOnCall(
    db,
    rotation?.id ?? null,
    unCredited.map((t) => t.openedAt.getTime()),
    now,
  );
  const names = new Map([...members.values(), ...matches.values()].map((m) => [m.personId, m.name]));
  const rows = file.rows.map((row): PlannedRow => {
    if (!row.ok) return { line: row.line, externalId: row.externalId, status: "invalid", errors: row.errors };
    const ticket: TicketRow = row.ticket;
    if (file.format === "generic" && ticket.assigneeEmail && !members.has(ticket.assigneeEmail)) {
      return {
        line: row.line,
        externalId: ticket.externalId,
        status: "invalid",
        errors: [`No member of this team has the email ${ticket.assigneeEmail}.`],
      };
    }
    const holder = onDuty.get(ticket.openedAt.getTime()) ?? null;
    const credit: RowCredit =
      credits.get(ticket) ??
      (holder
        ? { assignee: { personId: holder, name: names.get(holder) ?? "" }, credit: "on-call", creditedAs: null }
        : { assignee: null, credit: "nobody", creditedAs: null });
    const known = existing.get(ticket.externalId);
    const effect = known ? againstStored(known, ticket.resolvedAt) : ({ status: "new" } as const);
    return {
      line: row.line,
      externalId: ticket.externalId,
      ...effect,
      openedAt: ticket.openedAt,
      resolvedAt: effect.status === "update" ? effect.resolvedAt : ticket.resolvedAt,
      ...credit,
      service: ticket.service,
      severity: ticket.urgency ?? "medium",
      summary: ticket.summary,
    };
  });
  await nameOnCallHolders(db, rows);
  return {
    format: file.format,
    ...stored,
    rows,
    warnings: warningsOf(file.namesPeople, rows, rotation !== null),
    counts: {
      new: rows.filter((r) => r.status === "new").length,
      update: rows.filter((r) => r.status === "update").length,
      duplicate: rows.filter((r) => r.status === "duplicate").length,
      invalid: rows.filter((r) => r.status === "invalid").length,
    },
  };
}

/** On-call holders found by the fallback are named like everyone else in the preview. */
async function nameOnCallHolders(db: Db, rows: PlannedRow[]): Promise<void> {
  const missing = [
    ...new Set(
      rows.flatMap((row) =>
        row.status !== "invalid" && row.assignee && row.assignee.name === "" ? [row.assignee.personId] : [],
      ),
    ),
  ];
  if (missing.length === 0) return;
  const found = await db.select({ id: person.id, name: person.name }).from(person).where(inArray(person.id, missing));
  const nameOf = new Map(found.map((p) => [p.id, p.name]));
  for (const row of rows)
    if (row.status !== "invalid" && row.assignee && row.assignee.name === "")
      row.assignee.name = nameOf.get(row.assignee.personId) ?? "";
}

/** Reads a ticket export and says, row by row, what importing it would do and what is wrong; writes nothing. */
export async function previewTicketImport(
  db: Db,
  viewer: Viewer,
  input: TicketImportInput,
  now: Date,
): Promise<TicketImportPreview> {
  await requireImporter(db, viewer, input.teamId);
  const plan = await planImport(db, viewer, input, now);
  return { ...plan, rows: plan.rows.map(({ storedId: _internal, proposedLink: _remembered, ...row }) => row) };
}

/** PagerDuty users matched by name become links the team keeps (a planner may change them), so the next import agrees. */
async function rememberLinks(
  db: Db,
  viewer: Viewer,
  teamId: string,
  rows: readonly PlannedRow[],
  now: Date,
): Promise<void> {
  const links = new Map(
    rows.flatMap((row) => (row.proposedLink ? [[row.proposedLink.externalUserId, row.proposedLink] as const] : [])),
  );
  if (links.size === 0) return;
  await db
    .insert(externalUserLink)
    .values(
      [...links.values()].map((link) => ({
        teamId,
        system: "pagerduty",
        ...link,
        updatedById: viewer.personId,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing();
}

/**
 * Imports a ticket export all or nothing: any invalid row refuses the whole file. Tickets already stored (same
 * team, source and id) are not stored again, so importing a file again, or a later export overlapping it, adds
 * only what is new, and records the resolution of a ticket stored while it was open. Credited tickets wait in
 * their engineer's capture inbox to have their time confirmed.
 */
export async function commitTicketImport(
  db: Db,
  viewer: Viewer,
  input: TicketImportInput,
  now: Date,
): Promise<TicketImportResult> {
  await requireImporter(db, viewer, input.teamId);
  return db.transaction(async (tx) => {
    // Two imports of one team run one after the other, so their duplicate checks see each other's rows.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`toilcap.ticket-import:${input.teamId}`}))`);
    const plan = await planImport(tx, viewer, input, now);
    if (plan.counts.invalid > 0) {
      const first = plan.rows.find((r) => r.status === "invalid");
      const where = first ? ` (first on line ${first.line})` : "";
      throw new DomainError(
        "invalid",
        `${plan.counts.invalid} rows have errors${where}; fix them and import again. Nothing was imported.`,
        "csv",
      );
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
                isIncident: plan.isIncident,
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
            .returning();
    await rememberLinks(tx, viewer, input.teamId, plan.rows, now);
    const updated: Array<{ id: string; resolvedAt: Date }> = [];
    for (const r of plan.rows) {
      if (r.status !== "update" || !r.storedId || !r.resolvedAt) continue;
      const [row] = await tx
        .update(interrupt)
        .set({ resolvedAt: r.resolvedAt })
        .where(and(eq(interrupt.id, r.storedId), isNull(interrupt.resolvedAt)))
        .returning({ id: interrupt.id, resolvedAt: interrupt.resolvedAt });
      if (row?.resolvedAt) updated.push({ id: row.id, resolvedAt: row.resolvedAt });
    }
    const audit = [
      ...created.map((row) => ({
        actorPersonId: viewer.personId,
        teamId: input.teamId,
        action: "interrupt.import",
        entityType: "interrupt",
        entityId: row.id,
        after: row,
      })),
      ...updated.map((row) => ({
        actorPersonId: viewer.personId,
        teamId: input.teamId,
        action: "interrupt.import-update",
        entityType: "interrupt",
        entityId: row.id,
        before: { resolvedAt: null },
        after: { resolvedAt: row.resolvedAt },
      })),
    ];
    // One insert per batch: an import of thousands of tickets must not make thousands of round trips.
    for (let start = 0; start < audit.length; start += AUDIT_BATCH)
      await tx.insert(auditLog).values(audit.slice(start, start + AUDIT_BATCH));
    const result = {
      format: plan.format,
      created: created.length,
      updated: updated.length,
      skipped: plan.rows.length - created.length - updated.length,
    };
    // One row for the import as a whole, naming who ran it, beside the rows of each ticket.
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
