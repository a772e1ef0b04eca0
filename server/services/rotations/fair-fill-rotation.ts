import "server-only";
import type { Db } from "@/db/client";
import { expandShifts, fairFill, scheduleQuality } from "@/server/domain/rotations";
import { loadDraftContext, type DraftInput } from "./draft-context";
import { priorLoadOf } from "./prior-load";
import { nameOf } from "./rotation-facts";

/**
 * A proposed fair assignment of the draft's turns over the horizon (from now on: the past is not planned), with
 * the quality of the draft's plain turn order and of the proposal over the same span, both counting the
 * imbalance carried in from the last quarter's recorded shifts, covers and swaps.
 */
export async function fairFillRotation(db: Db, input: DraftInput, now: Date) {
  const context = await loadDraftContext(db, input, now);
  const { spec, people } = context;
  const planned = { start: Math.max(context.window.start, now.getTime()), end: context.window.end };
  const priorLoad = await priorLoadOf(db, context.saved, spec.participants, now);
  const proposal = fairFill({ rotation: spec, window: context.window, absences: context.absences, priorLoad, now: now.getTime() });
  const asPlanned = planned.start < planned.end ? expandShifts(spec, context.overrides, context.absences, planned) : [];
  return {
    window: { from: new Date(planned.start), to: new Date(Math.max(planned.start, planned.end)) },
    assignments: proposal.assignments.map((a) => ({
      personId: a.personId,
      name: nameOf(people, a.personId),
      turn: a.turn,
      startsAt: new Date(a.start),
      endsAt: new Date(a.end),
    })),
    unassigned: proposal.unassigned.map((gap) => ({ startsAt: new Date(gap.start), endsAt: new Date(gap.end) })),
    priorLoad,
    before: planned.start < planned.end ? scheduleQuality(asPlanned, spec.participants, planned, spec, priorLoad) : proposal.quality,
    after: proposal.quality,
  };
}
