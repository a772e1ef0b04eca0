import "server-only";
import { and, eq, isNull, lt, gt, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { handoffNote } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { handoffNoteInput } from "@/server/schemas/handoffs";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { requireTeamMember } from "../work-log/team-access";
import { auditedNote, mayEditNote, noteViews, type HandoffNoteView } from "./note-view";

export type HandoffNoteInput = z.output<typeof handoffNoteInput>;
type NoteRow = typeof handoffNote.$inferSelect;

async function lockedNote(db: Db, viewer: Viewer, input: HandoffNoteInput): Promise<NoteRow> {
  const [row] = await db
    .select()
    .from(handoffNote)
    .where(and(eq(handoffNote.id, input.noteId), eq(handoffNote.teamId, input.teamId)))
    .for("update");
  if (!row) throw new DomainError("not-found", "No such hand-off note in this team.", "noteId");
  if (!mayEditNote(viewer, input.teamId, row.authorId)) {
    throw new DomainError("forbidden", "Only its author, or a planner or manager, may change this note.", "noteId");
  }
  return row;
}

async function viewOf(db: Db, viewer: Viewer, input: HandoffNoteInput): Promise<HandoffNoteView> {
  const [view] = await noteViews(db, viewer, input.teamId, eq(handoffNote.id, input.noteId));
  if (!view) throw new Error("the note is gone");
  return view;
}

/** Soft delete, with its audit row; `restoreHandoffNote` undoes it. */
export async function removeHandoffNote(
  db: Db,
  viewer: Viewer,
  input: HandoffNoteInput,
  now: Date,
): Promise<HandoffNoteView> {
  await requireTeamMember(db, viewer, input.teamId);
  await db.transaction(async (tx) => {
    const row = await lockedNote(tx, viewer, input);
    if (row.deletedAt) throw new DomainError("not-found", "This note was already removed.", "noteId");
    const [removed] = await tx
      .update(handoffNote)
      .set({ deletedAt: now })
      .where(eq(handoffNote.id, row.id))
      .returning();
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "handoff-note.remove",
      entityType: "handoff_note",
      entityId: row.id,
      before: auditedNote(row),
      after: removed ? auditedNote(removed) : null,
    });
  });
  return viewOf(db, viewer, input);
}

/** Undo of a remove; refused when its author has written another note for that shift meanwhile. */
export async function restoreHandoffNote(db: Db, viewer: Viewer, input: HandoffNoteInput): Promise<HandoffNoteView> {
  await requireTeamMember(db, viewer, input.teamId);
  await db.transaction(async (tx) => {
    const row = await lockedNote(tx, viewer, input);
    if (!row.deletedAt) return;
    const [newer] = await tx
      .select({ id: handoffNote.id })
      .from(handoffNote)
      .where(
        and(
          eq(handoffNote.rotationId, row.rotationId),
          eq(handoffNote.authorId, row.authorId),
          ne(handoffNote.id, row.id),
          isNull(handoffNote.deletedAt),
          lt(handoffNote.shiftStartsAt, row.shiftEndsAt),
          gt(handoffNote.shiftEndsAt, row.shiftStartsAt),
        ),
      );
    if (newer) throw new DomainError("conflict", "A newer note for this shift was written meanwhile.", "noteId");
    const [restored] = await tx
      .update(handoffNote)
      .set({ deletedAt: null })
      .where(eq(handoffNote.id, row.id))
      .returning();
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "handoff-note.restore",
      entityType: "handoff_note",
      entityId: row.id,
      before: auditedNote(row),
      after: restored ? auditedNote(restored) : null,
    });
  });
  return viewOf(db, viewer, input);
}
