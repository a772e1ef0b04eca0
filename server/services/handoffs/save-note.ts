import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { handoffNote, rotation } from "@/db/schema";
import { mayActInTeam, type Viewer } from "@/server/auth/permissions";
import type { Turn } from "@/server/domain/review/handoff-turns";
import type { saveHandoffInput } from "@/server/schemas/handoffs";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { requireTeamMember } from "../work-log/team-access";
import { dutyTurns, turnAt } from "./duty-turns";
import { auditedNote, liveNotesOverlapping, noteViews, type HandoffNoteView } from "./note-view";

export type SaveHandoffInput = z.output<typeof saveHandoffInput>;

/** The shift being handed off: the rotation's current turn or the one that just ended, starting where the input says. */
async function turnToHandOff(db: Db, teamId: string, rotationId: string, startsAt: Date, now: Date): Promise<Turn> {
  const found = (await dutyTurns(db, teamId, now)).find((entry) => entry.rotation.id === rotationId);
  if (!found) throw new DomainError("not-found", "No such on-call or ticket-duty rotation in this team.", "rotationId");
  const candidates = [turnAt(found.turns, found.moment.current), turnAt(found.turns, found.moment.justEnded)];
  const turn = candidates.find((candidate) => candidate?.start === startsAt.getTime());
  if (!turn)
    throw new DomainError(
      "invalid",
      "Hand-off notes are for the current shift or the one that just ended.",
      "shiftStartsAt",
    );
  return turn;
}

/**
 * Writes (or rewrites) the caller's note for a shift being handed off: its holder's, or a planner's or manager's
 * of the team on their behalf. One live note per author and shift; in one transaction with its audit row.
 */
export async function saveHandoffNote(
  db: Db,
  viewer: Viewer,
  input: SaveHandoffInput,
  now: Date,
): Promise<HandoffNoteView> {
  await requireTeamMember(db, viewer, input.teamId);
  const turn = await turnToHandOff(db, input.teamId, input.rotationId, input.shiftStartsAt, now);
  if (turn.personId !== viewer.personId && !mayActInTeam(viewer, input.teamId, ["planner", "manager"])) {
    throw new DomainError(
      "forbidden",
      "Only whoever holds this shift, or a planner or manager, may write its hand-off note.",
      "shiftStartsAt",
    );
  }
  const shift = { shiftStartsAt: new Date(turn.start), shiftEndsAt: new Date(turn.end) };
  const id = await db.transaction(async (tx) => {
    // Notes of one rotation queue on its row, so a double submit cannot create two notes of one author.
    await tx.select({ id: rotation.id }).from(rotation).where(eq(rotation.id, input.rotationId)).for("update");
    const [existing] = await tx
      .select()
      .from(handoffNote)
      .where(and(liveNotesOverlapping(input.rotationId, turn), eq(handoffNote.authorId, viewer.personId)))
      .for("update");
    const [saved] = existing
      ? await tx
          .update(handoffNote)
          .set({ ...shift, body: input.body, updatedAt: now })
          .where(eq(handoffNote.id, existing.id))
          .returning()
      : await tx
          .insert(handoffNote)
          .values({
            teamId: input.teamId,
            rotationId: input.rotationId,
            authorId: viewer.personId,
            body: input.body,
            createdAt: now,
            updatedAt: now,
            ...shift,
          })
          .returning();
    if (!saved) throw new Error("the hand-off note was not saved");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: existing ? "handoff-note.update" : "handoff-note.create",
      entityType: "handoff_note",
      entityId: saved.id,
      before: existing ? auditedNote(existing) : null,
      after: auditedNote(saved),
    });
    return saved.id;
  });
  const [view] = await noteViews(db, viewer, input.teamId, eq(handoffNote.id, id));
  if (!view) throw new Error("the saved note is gone");
  return view;
}
