import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import { turnsOf } from "@/server/domain/review/handoff-turns";
import { coverageGaps, expandShifts, type RotationRole } from "@/server/domain/rotations";
import { horizonWindow } from "../rotations/draft-context";
import { nameOf, overridesOf, peopleByIds } from "../rotations/rotation-facts";
import { activeRotations, participantsOf, type RotationRow, specOfRow } from "../rotations/rotation-rows";
import { swapViews, type SwapView } from "../rotations/swap-view";
import { requireTeamMember } from "../work-log/team-access";

/** How far ahead a planner's home looks: the next two weeks. */
export const OUTLOOK_WEEKS = 2;
/** How many hand-offs the home lists; the rotations page shows the rest. */
const HANDOFF_LIMIT = 5;

interface RotationRef {
  rotationId: string;
  rotationName: string;
  role: RotationRole;
}

export interface OutlookGap extends RotationRef {
  startsAt: Date;
  endsAt: Date;
}

export interface OutlookHandoff extends RotationRef {
  at: Date;
  /** Who held the duty last before it; null when nobody did within the window (a rotation that starts in it). */
  from: { personId: string; name: string } | null;
  to: { personId: string; name: string };
}

export interface CoverageOutlook {
  from: Date;
  to: Date;
  rotations: number;
  /** Stretches with nobody on a rotation's duty, earliest first, covers counted (as each rotation's page shows). */
  gaps: OutlookGap[];
  /** The earliest hand-offs (where the holder changes), soonest first, and how many there are in all. */
  handoffs: OutlookHandoff[];
  handoffCount: number;
  /** Swap requests waiting for an answer, newest first. */
  pendingSwaps: SwapView[];
}

/**
 * A planner's home: the team's rotations over the next two weeks, with their coverage gaps, the hand-offs in
 * them and the swap requests nobody has answered. Each rotation's shifts are expanded once from its settings and
 * covers, read for all rotations together. Shadow rotations carry no duty of their own and are left out. `read`
 * passes the team's active rotations and swap requests when the caller has read them already (My work).
 */
export async function coverageOutlook(
  db: Db,
  viewer: Viewer,
  input: { teamId: string },
  now: Date,
  read: { rotations?: readonly RotationRow[]; swaps?: readonly SwapView[] } = {},
): Promise<CoverageOutlook> {
  await requireTeamMember(db, viewer, input.teamId);
  const rows = (read.rotations ?? (await activeRotations(db, [input.teamId]))).filter((row) => row.role !== "shadow");
  const ids = rows.map((row) => row.id);
  // One after the other: the home reads this in its read-only transaction, whose connection takes one query at a time.
  const participants = await participantsOf(db, ids);
  const overrides = await overridesOf(db, ids);
  const swaps = read.swaps ?? (await swapViews(db, input.teamId));
  const gaps: OutlookGap[] = [];
  const handoffs: Array<Omit<OutlookHandoff, "from" | "to"> & { fromId: string | null; toId: string }> = [];
  for (const row of rows) {
    const spec = specOfRow(row, participants.get(row.id) ?? []);
    const window = horizonWindow({ from: now, weeks: OUTLOOK_WEEKS }, spec.timeZone);
    const shifts = expandShifts(spec, overrides.get(row.id) ?? [], [], window);
    const ref = { rotationId: row.id, rotationName: row.name, role: row.role };
    for (const gap of coverageGaps(spec, shifts, window))
      gaps.push({ ...ref, startsAt: new Date(gap.start), endsAt: new Date(gap.end) });
    const turns = turnsOf(shifts);
    for (const [index, turn] of turns.entries()) {
      if (turn.start <= now.getTime() || turn.start >= window.end) continue;
      const before = turns[index - 1];
      handoffs.push({ ...ref, at: new Date(turn.start), fromId: before?.personId ?? null, toId: turn.personId });
    }
  }
  handoffs.sort((a, b) => a.at.getTime() - b.at.getTime() || a.rotationName.localeCompare(b.rotationName));
  const shown = handoffs.slice(0, HANDOFF_LIMIT);
  const people = await peopleByIds(
    db,
    shown.flatMap((h) => [h.toId, ...(h.fromId ? [h.fromId] : [])]),
  );
  const personRef = (personId: string) => ({ personId, name: nameOf(people, personId) });
  const outlook = horizonWindow({ from: now, weeks: OUTLOOK_WEEKS }, viewer.timeZone);
  return {
    from: new Date(outlook.start),
    to: new Date(outlook.end),
    rotations: rows.length,
    gaps: gaps.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    handoffs: shown.map(({ fromId, toId, ...rest }) => ({
      ...rest,
      from: fromId ? personRef(fromId) : null,
      to: personRef(toId),
    })),
    handoffCount: handoffs.length,
    pendingSwaps: swaps.filter((swap) => swap.status === "pending"),
  };
}
