import "server-only";
import { and, desc, eq, gt, isNull, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { handoffNote, person, rotation } from "@/db/schema";
import { mayActInTeam, type Viewer } from "@/server/auth/permissions";
import type { RotationRole } from "@/server/domain/rotations";
import type { Interval } from "@/server/domain/time";

type NoteRow = typeof handoffNote.$inferSelect;

/** A hand-off note as the home page and the weekly review show it. */
export interface HandoffNoteView {
  id: string;
  teamId: string;
  rotationId: string;
  rotationName: string;
  rotationRole: RotationRole;
  /** The shift it hands off from. */
  shiftStartsAt: Date;
  shiftEndsAt: Date;
  author: { id: string; name: string };
  body: string;
  createdAt: Date;
  updatedAt: Date;
  /** Removed (soft-deleted): shown only right after removing, for its undo. */
  removedAt: Date | null;
  /** Whether the viewer may change or remove it: its author, or a planner or manager of the team. */
  canEdit: boolean;
}

export function mayEditNote(viewer: Viewer, teamId: string, authorId: string): boolean {
  return authorId === viewer.personId || mayActInTeam(viewer, teamId, ["planner", "manager"]);
}

/** Notes of the team matching `where`, the latest shift first (and the latest edit among one shift's notes). */
export async function noteViews(db: Db, viewer: Viewer, teamId: string, where: SQL | undefined, limit = 200): Promise<HandoffNoteView[]> {
  const rows = await db
    .select({ note: handoffNote, rotationName: rotation.name, rotationRole: rotation.role, authorName: person.name })
    .from(handoffNote)
    .innerJoin(rotation, eq(rotation.id, handoffNote.rotationId))
    .innerJoin(person, eq(person.id, handoffNote.authorId))
    .where(and(eq(handoffNote.teamId, teamId), where))
    .orderBy(desc(handoffNote.shiftEndsAt), desc(handoffNote.updatedAt), desc(handoffNote.id))
    .limit(limit);
  return rows.map((row) => noteView(viewer, row.note, row.rotationName, row.rotationRole, row.authorName));
}

export function noteView(viewer: Viewer, row: NoteRow, rotationName: string, rotationRole: RotationRole, authorName: string): HandoffNoteView {
  return {
    id: row.id,
    teamId: row.teamId,
    rotationId: row.rotationId,
    rotationName,
    rotationRole,
    shiftStartsAt: row.shiftStartsAt,
    shiftEndsAt: row.shiftEndsAt,
    author: { id: row.authorId, name: authorName },
    body: row.body,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    removedAt: row.deletedAt,
    canEdit: mayEditNote(viewer, row.teamId, row.authorId),
  };
}

/** Live notes of a rotation whose shift overlaps the span. */
export function liveNotesOverlapping(rotationId: string, span: Interval): SQL | undefined {
  return and(
    eq(handoffNote.rotationId, rotationId),
    isNull(handoffNote.deletedAt),
    lt(handoffNote.shiftStartsAt, new Date(span.end)),
    gt(handoffNote.shiftEndsAt, new Date(span.start)),
  );
}

/** What the audit log keeps of a note. */
export function auditedNote(row: NoteRow) {
  return { rotationId: row.rotationId, shiftStartsAt: row.shiftStartsAt, shiftEndsAt: row.shiftEndsAt, authorId: row.authorId, body: row.body, deletedAt: row.deletedAt };
}
