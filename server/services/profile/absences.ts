import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { absence } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { absenceInput } from "@/server/schemas/work-log";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { assertReturned } from "@/server/services/returned-row";

export type AbsenceInput = z.output<typeof absenceInput>;
type AbsenceRow = typeof absence.$inferSelect;

export interface AbsenceView {
  id: string;
  kind: AbsenceRow["kind"];
  startsAt: Date;
  endsAt: Date;
  note: string | null;
}

const absenceView = (row: AbsenceRow): AbsenceView => ({
  id: row.id,
  kind: row.kind,
  startsAt: row.startsAt,
  endsAt: row.endsAt,
  note: row.note,
});

/** The caller's absences that are not deleted, earliest first. */
export async function listAbsences(db: Db, viewer: Viewer): Promise<AbsenceView[]> {
  const rows = await db
    .select()
    .from(absence)
    .where(and(eq(absence.personId, viewer.personId), isNull(absence.deletedAt)))
    .orderBy(asc(absence.startsAt));
  return rows.map(absenceView);
}

export async function addAbsence(db: Db, viewer: Viewer, input: AbsenceInput): Promise<AbsenceView> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(absence)
      .values({
        personId: viewer.personId,
        kind: input.kind,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        note: input.note || null,
      })
      .returning();
    assertReturned(row, "absence insert");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      action: "absence.add",
      entityType: "absence",
      entityId: row.id,
      after: row,
    });
    return absenceView(row);
  });
}

/** Soft delete of the caller's own absence; `restoreAbsence` undoes it. */
export async function removeAbsence(db: Db, viewer: Viewer, input: { id: string }, now: Date): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const row = await ownedAbsence(tx, viewer, input.id);
    if (row.deletedAt) throw new DomainError("not-found", "This absence was deleted.", "id");
    await tx.update(absence).set({ deletedAt: now }).where(eq(absence.id, row.id));
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      action: "absence.remove",
      entityType: "absence",
      entityId: row.id,
      before: { deletedAt: null },
      after: { deletedAt: now },
    });
    return { id: row.id };
  });
}

export async function restoreAbsence(db: Db, viewer: Viewer, input: { id: string }): Promise<AbsenceView> {
  return db.transaction(async (tx) => {
    const row = await ownedAbsence(tx, viewer, input.id);
    if (!row.deletedAt) return absenceView(row);
    const [restored] = await tx.update(absence).set({ deletedAt: null }).where(eq(absence.id, row.id)).returning();
    assertReturned(restored, "absence update");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      action: "absence.restore",
      entityType: "absence",
      entityId: row.id,
      before: { deletedAt: row.deletedAt },
      after: { deletedAt: null },
    });
    return absenceView(restored);
  });
}

async function ownedAbsence(db: Db, viewer: Viewer, id: string): Promise<AbsenceRow> {
  const [row] = await db.select().from(absence).where(eq(absence.id, id)).for("update");
  if (!row) throw new DomainError("not-found", "No such absence.", "id");
  if (row.personId !== viewer.personId)
    throw new DomainError("forbidden", "You can only change your own absences.", "id");
  return row;
}
