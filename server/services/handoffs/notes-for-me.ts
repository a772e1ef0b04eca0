import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { handoffNote } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { RotationRole } from "@/server/domain/rotations";
import type { Turn } from "@/server/domain/review/handoff-turns";
import type { handoffsForMeInput } from "@/server/schemas/handoffs";
import { nameOf, peopleByIds } from "../rotations/rotation-facts";
import { requireTeamMember } from "../work-log/team-access";
import { dutyTurns, turnAt, type RotationTurns } from "./duty-turns";
import { liveNotesOverlapping, noteViews, type HandoffNoteView } from "./note-view";

export type HandoffsForMeInput = z.output<typeof handoffsForMeInput>;

interface RotationRef {
  id: string;
  name: string;
  role: RotationRole;
}

export interface ShiftRef {
  startsAt: Date;
  endsAt: Date;
  holder: { id: string; name: string };
}

/** What the shift before mine handed over: I am on duty now, or next. */
export interface IncomingHandoff {
  rotation: RotationRef;
  myShift: { startsAt: Date; endsAt: Date; onNow: boolean };
  previous: ShiftRef;
  notes: HandoffNoteView[];
}

/** A shift of mine being handed off (running now or just ended), and my note for it so far. */
export interface OutgoingHandoff {
  rotation: RotationRef;
  shift: { startsAt: Date; endsAt: Date; onNow: boolean };
  next: ShiftRef | null;
  note: HandoffNoteView | null;
}

export interface HandoffsForMe {
  incoming: IncomingHandoff[];
  outgoing: OutgoingHandoff[];
}

/**
 * The caller's hand-offs in one team: for each rotation where they are on duty now or next, the notes from the
 * shift before theirs; and for each shift of theirs running now or just ended, their own note (or none yet).
 */
export async function handoffsForMe(
  db: Db,
  viewer: Viewer,
  input: HandoffsForMeInput,
  now: Date,
): Promise<HandoffsForMe> {
  await requireTeamMember(db, viewer, input.teamId);
  const rotations = await dutyTurns(db, input.teamId, now);
  const people = await peopleByIds(
    db,
    rotations.flatMap((entry) => entry.turns.map((turn) => turn.personId)),
  );
  const shiftRef = (turn: Turn): ShiftRef => ({
    startsAt: new Date(turn.start),
    endsAt: new Date(turn.end),
    holder: { id: turn.personId, name: nameOf(people, turn.personId) },
  });
  const incoming: IncomingHandoff[] = [];
  const outgoing: OutgoingHandoff[] = [];
  for (const entry of rotations) {
    const rotation = { id: entry.rotation.id, name: entry.rotation.name, role: entry.rotation.role };
    const mine = myIncomingTurn(entry, viewer.personId);
    if (mine) {
      const notes = await noteViews(db, viewer, input.teamId, liveNotesOverlapping(rotation.id, mine.previous));
      incoming.push({
        rotation,
        myShift: { startsAt: new Date(mine.turn.start), endsAt: new Date(mine.turn.end), onNow: mine.onNow },
        previous: shiftRef(mine.previous),
        notes,
      });
    }
    for (const index of [entry.moment.current, entry.moment.justEnded]) {
      const turn = turnAt(entry.turns, index);
      if (index === null || !turn || turn.personId !== viewer.personId) continue;
      const following = turnAt(entry.turns, index + 1);
      const [note] = await noteViews(
        db,
        viewer,
        input.teamId,
        and(liveNotesOverlapping(rotation.id, turn), eq(handoffNote.authorId, viewer.personId)),
        1,
      );
      outgoing.push({
        rotation,
        shift: { startsAt: new Date(turn.start), endsAt: new Date(turn.end), onNow: index === entry.moment.current },
        next: following ? shiftRef(following) : null,
        note: note ?? null,
      });
    }
  }
  return { incoming, outgoing };
}

/** My turn that receives a hand-off, if I hold the rotation now or next, with the turn before it. */
function myIncomingTurn(entry: RotationTurns, personId: string): { turn: Turn; previous: Turn; onNow: boolean } | null {
  const { turns, moment } = entry;
  for (const [index, onNow] of [
    [moment.current, true],
    [moment.next, false],
  ] as const) {
    const turn = turnAt(turns, index);
    const previous = index === null ? null : turnAt(turns, index - 1);
    if (turn && previous && turn.personId === personId) return { turn, previous, onNow };
  }
  return null;
}
