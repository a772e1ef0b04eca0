import "server-only";
import { and, eq, gt, isNull, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { alertSilence, person } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { silenceIdInput } from "@/server/schemas/review";
import { recordAudit } from "../../audit";
import { DomainError } from "../../errors";
import { openReviewTeam, reviewsEverything } from "../review-access";
import { auditedSilence, silenceView, type SilenceView } from "./silence-view";

export type SilenceIdInput = z.output<typeof silenceIdInput>;
type SilenceRow = typeof alertSilence.$inferSelect;

async function lockedSilence(db: Db, viewer: Viewer, input: SilenceIdInput): Promise<SilenceRow> {
  const [row] = await db
    .select()
    .from(alertSilence)
    .where(and(eq(alertSilence.id, input.silenceId), eq(alertSilence.teamId, input.teamId)))
    .for("update");
  if (!row) throw new DomainError("not-found", "No such silence in this team.", "silenceId");
  if (row.createdById !== viewer.personId && !reviewsEverything(viewer, input.teamId)) {
    throw new DomainError(
      "forbidden",
      "Only whoever set this silence, or a manager or planner, may lift it.",
      "silenceId",
    );
  }
  return row;
}

async function viewOf(db: Db, row: SilenceRow): Promise<SilenceView> {
  const [creator] = row.createdById
    ? await db.select({ name: person.name }).from(person).where(eq(person.id, row.createdById))
    : [];
  return silenceView(row, creator?.name ?? null);
}

/** Lifting is a soft delete: the alert's next pages wait in the inbox again; `restoreSilence` undoes it. */
export async function liftSilence(db: Db, viewer: Viewer, input: SilenceIdInput, now: Date): Promise<SilenceView> {
  await openReviewTeam(db, viewer, input.teamId);
  const row = await db.transaction(async (tx) => {
    const existing = await lockedSilence(tx, viewer, input);
    if (existing.deletedAt) throw new DomainError("not-found", "This silence was already lifted.", "silenceId");
    const [lifted] = await tx
      .update(alertSilence)
      .set({ deletedAt: now })
      .where(eq(alertSilence.id, existing.id))
      .returning();
    if (!lifted) throw new Error("the silence was not lifted");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "alert-silence.lift",
      entityType: "alert_silence",
      entityId: existing.id,
      before: auditedSilence(existing),
      after: auditedSilence(lifted),
    });
    return lifted;
  });
  return viewOf(db, row);
}

/** Undo of a lift. Refused when the alert got a new active silence meanwhile; a second undo changes nothing. */
export async function restoreSilence(db: Db, viewer: Viewer, input: SilenceIdInput, now: Date): Promise<SilenceView> {
  await openReviewTeam(db, viewer, input.teamId);
  const row = await db.transaction(async (tx) => {
    const existing = await lockedSilence(tx, viewer, input);
    if (!existing.deletedAt) return existing;
    const [other] = await tx
      .select({ id: alertSilence.id })
      .from(alertSilence)
      .where(
        and(
          eq(alertSilence.teamId, input.teamId),
          eq(alertSilence.alertName, existing.alertName),
          ne(alertSilence.id, existing.id),
          isNull(alertSilence.deletedAt),
          gt(alertSilence.until, now),
        ),
      );
    if (other) throw new DomainError("conflict", `${existing.alertName} was silenced again meanwhile.`, "silenceId");
    const [restored] = await tx
      .update(alertSilence)
      .set({ deletedAt: null })
      .where(eq(alertSilence.id, existing.id))
      .returning();
    if (!restored) throw new Error("the silence was not restored");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "alert-silence.restore",
      entityType: "alert_silence",
      entityId: existing.id,
      before: auditedSilence(existing),
      after: auditedSilence(restored),
    });
    return restored;
  });
  return viewOf(db, row);
}
