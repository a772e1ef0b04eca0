import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt } from "@/db/schema";
import { type AuditEvent, recordAudit } from "../audit";
import { assertReturned } from "../returned-row";

/** Interrupts that webhooks and imports capture from another system (PagerDuty incidents, tickets). */
type InterruptRow = typeof interrupt.$inferSelect;
type NewInterrupt = typeof interrupt.$inferInsert;
/** What a later event may fill on a stored capture. */
export type CaptureFill = Partial<Pick<InterruptRow, "resolvedAt" | "assigneeId" | "captureStatus">>;

/** The team's stored interrupt of this source and id, locked, so two events of it change it one after the other. */
export async function findCaptured(
  db: Db,
  teamId: string,
  source: string,
  externalId: string,
): Promise<InterruptRow | null> {
  const [stored] = await db
    .select()
    .from(interrupt)
    .where(and(eq(interrupt.teamId, teamId), eq(interrupt.source, source), eq(interrupt.externalId, externalId)))
    .for("update");
  return stored ?? null;
}

/** Stores a new capture once: null when a racing event stored it first (the team's unique index decides). */
export async function insertCaptured(db: Db, values: NewInterrupt): Promise<InterruptRow | null> {
  const [row] = await db
    .insert(interrupt)
    .values(values)
    .onConflictDoNothing({
      target: [interrupt.teamId, interrupt.source, interrupt.externalId],
      where: sql`${interrupt.externalId} is not null`,
    })
    .returning();
  if (!row) return null;
  await recordAudit(db, captureAuditOf(row));
  return row;
}

/** The audit of a newly captured interrupt: no one acted, the row is what was stored. */
export function captureAuditOf(row: InterruptRow): AuditEvent {
  return {
    actorPersonId: null,
    teamId: row.teamId,
    action: "interrupt.capture",
    entityType: "interrupt",
    entityId: row.id,
    after: row,
  };
}

/** Writes what a later event filled, audited with the values it replaced. */
export async function updateCaptured(db: Db, stored: InterruptRow, set: CaptureFill): Promise<InterruptRow> {
  const [row] = await db.update(interrupt).set(set).where(eq(interrupt.id, stored.id)).returning();
  assertReturned(row, "interrupt update");
  const before = Object.fromEntries(Object.keys(set).map((key) => [key, stored[key as keyof CaptureFill]]));
  await recordAudit(db, {
    actorPersonId: null,
    teamId: row.teamId,
    action: "interrupt.capture-update",
    entityType: "interrupt",
    entityId: row.id,
    before,
    after: set,
  });
  return row;
}

/**
 * What a later event fills on a stored capture: its resolution when it has none (the first one wins, never before
 * it opened) and its engineer when it has none (credited as of when it opened). A removed capture stays as it is.
 * `credited` is the credit that filled the engineer, if one did.
 */
export async function fillOf<Credit extends { personId: string | null }>(
  stored: Pick<InterruptRow, "deletedAt" | "resolvedAt" | "openedAt" | "assigneeId" | "captureStatus">,
  resolvedAt: Date | null,
  credit: (openedAt: Date) => Promise<Credit>,
): Promise<{ set: CaptureFill; credited: Credit | null }> {
  const set: CaptureFill = {};
  if (stored.deletedAt !== null) return { set, credited: null };
  if (stored.resolvedAt === null && resolvedAt)
    set.resolvedAt = resolvedAt < stored.openedAt ? stored.openedAt : resolvedAt;
  if (stored.assigneeId !== null) return { set, credited: null };
  const credited = await credit(stored.openedAt);
  if (!credited.personId) return { set, credited: null };
  set.assigneeId = credited.personId;
  if (stored.captureStatus === null) set.captureStatus = "captured";
  return { set, credited };
}

/**
 * One event of a captured interrupt: the stored one gets what it lacks, else a new one is stored; when a racing
 * event stored it between our look and our insert (the insert waited for it), the stored one gets what it lacks.
 */
export async function captureOnce<Outcome>(steps: {
  find: () => Promise<InterruptRow | null>;
  update: (stored: InterruptRow) => Promise<Outcome>;
  create: () => Promise<Outcome | null>;
  what: string;
}): Promise<Outcome> {
  const stored = await steps.find();
  if (stored) return steps.update(stored);
  const created = await steps.create();
  if (created) return created;
  const raced = await steps.find();
  if (!raced) throw new Error(`${steps.what} neither stored nor found`);
  return steps.update(raced);
}
