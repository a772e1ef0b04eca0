import "server-only";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { handoffNote, rotation } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { Interval } from "@/server/domain/time";
import type { listHandoffsInput } from "@/server/schemas/handoffs";
import { DomainError } from "../errors";
import { requireTeamMember } from "../work-log/team-access";
import { noteViews, type HandoffNoteView } from "./note-view";

export type ListHandoffsInput = z.output<typeof listHandoffsInput>;

/** A rotation's latest hand-off notes (a removed rotation's too: they are history). Any member of the team. */
export async function listRotationNotes(db: Db, viewer: Viewer, input: ListHandoffsInput): Promise<HandoffNoteView[]> {
  await requireTeamMember(db, viewer, input.teamId);
  const [row] = await db
    .select({ id: rotation.id })
    .from(rotation)
    .where(and(eq(rotation.id, input.rotationId), eq(rotation.teamId, input.teamId)));
  if (!row) throw new DomainError("not-found", "No such rotation in this team.", "rotationId");
  return noteViews(
    db,
    viewer,
    input.teamId,
    and(eq(handoffNote.rotationId, row.id), isNull(handoffNote.deletedAt)),
    input.limit,
  );
}

/** The team's live notes whose shift overlaps the window (the weekly review's), the caller's access already checked. */
export async function notesInWindow(
  db: Db,
  viewer: Viewer,
  teamId: string,
  window: Interval,
): Promise<HandoffNoteView[]> {
  return noteViews(
    db,
    viewer,
    teamId,
    and(
      isNull(handoffNote.deletedAt),
      lt(handoffNote.shiftStartsAt, new Date(window.end)),
      gt(handoffNote.shiftEndsAt, new Date(window.start)),
    ),
  );
}
