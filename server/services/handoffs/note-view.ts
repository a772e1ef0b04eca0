import "server-only";
import { and, asc, desc, eq, gt, isNull, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { handoffNote, interrupt, person, rotation } from "@/db/schema";
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
  /** The team's tickets still open at the hand-off: what whoever is on next inherits. */
  openTickets: OpenTicket[];
}

export interface OpenTicket {
  id: string;
  summary: string;
  openedAt: Date;
}

/** The team's tickets open at each instant (opened before it, not resolved by it), read in one query. */
async function ticketsOpenAt(db: Db, teamId: string, instants: readonly Date[]): Promise<Map<number, OpenTicket[]>> {
  const open = new Map<number, OpenTicket[]>();
  if (instants.length === 0) return open;
  const times = instants.map((instant) => instant.getTime());
  const rows = await db
    .select({
      id: interrupt.id,
      summary: interrupt.summary,
      openedAt: interrupt.openedAt,
      resolvedAt: interrupt.resolvedAt,
    })
    .from(interrupt)
    .where(
      and(
        eq(interrupt.teamId, teamId),
        eq(interrupt.kind, "ticket"),
        isNull(interrupt.deletedAt),
        lt(interrupt.openedAt, new Date(Math.max(...times))),
        or(isNull(interrupt.resolvedAt), gt(interrupt.resolvedAt, new Date(Math.min(...times)))),
      ),
    )
    .orderBy(asc(interrupt.openedAt));
  for (const time of times) {
    open.set(
      time,
      rows
        .filter((row) => row.openedAt.getTime() < time && (row.resolvedAt === null || row.resolvedAt.getTime() > time))
        .map((row) => ({ id: row.id, summary: row.summary, openedAt: row.openedAt })),
    );
  }
  return open;
}

export function mayEditNote(viewer: Viewer, teamId: string, authorId: string): boolean {
  return authorId === viewer.personId || mayActInTeam(viewer, teamId, ["planner", "manager"]);
}

/** Notes of the team matching `where`, the latest shift first (and the latest edit among one shift's notes). */
export async function noteViews(
  db: Db,
  viewer: Viewer,
  teamId: string,
  where: SQL | undefined,
  limit = 200,
): Promise<HandoffNoteView[]> {
  const rows = await db
    .select({ note: handoffNote, rotationName: rotation.name, rotationRole: rotation.role, authorName: person.name })
    .from(handoffNote)
    .innerJoin(rotation, eq(rotation.id, handoffNote.rotationId))
    .innerJoin(person, eq(person.id, handoffNote.authorId))
    .where(and(eq(handoffNote.teamId, teamId), where))
    .orderBy(desc(handoffNote.shiftEndsAt), desc(handoffNote.updatedAt), desc(handoffNote.id))
    .limit(limit);
  const open = await ticketsOpenAt(
    db,
    teamId,
    [...new Set(rows.map((row) => row.note.shiftEndsAt.getTime()))].map((time) => new Date(time)),
  );
  return rows.map((row) =>
    noteView(
      viewer,
      row.note,
      row.rotationName,
      row.rotationRole,
      row.authorName,
      open.get(row.note.shiftEndsAt.getTime()) ?? [],
    ),
  );
}

export function noteView(
  viewer: Viewer,
  row: NoteRow,
  rotationName: string,
  rotationRole: RotationRole,
  authorName: string,
  openTickets: OpenTicket[],
): HandoffNoteView {
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
    openTickets,
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
  return {
    rotationId: row.rotationId,
    shiftStartsAt: row.shiftStartsAt,
    shiftEndsAt: row.shiftEndsAt,
    authorId: row.authorId,
    body: row.body,
    deletedAt: row.deletedAt,
  };
}
