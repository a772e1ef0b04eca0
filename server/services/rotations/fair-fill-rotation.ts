import "server-only";
import type { Db } from "@/db/client";
import {
  coverageGaps,
  coversForGaps,
  expandShifts,
  fairFill,
  GAP_TURN,
  penalisedQuality,
  scheduleQuality,
  scheduleWarnings,
  type Interval,
  type RotationSpec,
  type Shift,
} from "@/server/domain/rotations";
import { loadDraftContext, type DraftInput } from "./draft-context";
import { draftShareProjector } from "./draft-shares";
import { priorLoadOf } from "./prior-load";
import { nameOf } from "./rotation-facts";

function proposedShift(
  spec: RotationSpec,
  held: Interval & { personId: string; turn: number },
  source: Shift["source"],
): Shift {
  return {
    rotationId: spec.id,
    role: spec.role,
    personId: held.personId,
    start: held.start,
    end: held.end,
    turn: held.turn,
    source,
    onLeave: false,
  };
}

/**
 * A proposed fair assignment of the draft's turns over the horizon (from now on: the past is not planned), plus a
 * cover for each stretch nobody holds (to someone free, under the caps if anyone is), with the quality of the
 * draft's plan as it stands and of the proposal over the same span. Both count the imbalance carried in from the
 * last quarter's recorded shifts, covers and swaps, and lose points for the cap and leave warnings they leave.
 */
export async function fairFillRotation(db: Db, input: DraftInput, now: Date) {
  const context = await loadDraftContext(db, input, now);
  const { spec, people, window } = context;
  const planned = { start: Math.max(window.start, now.getTime()), end: window.end };
  const priorLoad = await priorLoadOf(db, context.saved, spec.participants, now);
  const projector = await draftShareProjector(db, context, now);
  const judge = (plan: readonly Shift[], span: Interval) => {
    const loads = projector.project(plan);
    const warnings = [
      ...scheduleWarnings({ rotation: spec, shifts: plan, window: span }),
      ...projector.capWarnings(loads),
    ];
    return {
      loads,
      quality: penalisedQuality(scheduleQuality(plan, spec.participants, span, spec, priorLoad), warnings),
    };
  };

  const asPlanned = expandShifts(spec, context.overrides, context.absences, window);
  const proposal = fairFill({ rotation: spec, window, absences: context.absences, priorLoad, now: now.getTime() });
  const past = asPlanned
    .filter((shift) => shift.start < planned.start)
    .map((shift) => ({ ...shift, end: Math.min(shift.end, planned.start) }));
  const turns = [...past, ...proposal.assignments.map((a) => proposedShift(spec, a, "rotation"))];
  const gaps = planned.start < planned.end ? coverageGaps(spec, turns, planned) : [];
  const overCap = new Set(
    judge(turns, planned)
      .loads.filter((load) => load.overToilCap || load.overOnCallCap)
      .map((load) => load.personId),
  );
  const gapFill = coversForGaps({
    rotation: spec,
    gaps,
    absences: context.absences,
    loadByPerson: proposal.quality.loadByPerson,
    overCap,
  });
  const proposed = [
    ...turns,
    ...gapFill.covers.map((cover) => proposedShift(spec, { ...cover, turn: GAP_TURN }, "override")),
  ].sort((a, b) => a.start - b.start);

  const span = planned.start < planned.end ? planned : null;
  const before = span ? judge(asPlanned, span).quality : proposal.quality;
  const after = span ? judge(proposed, span).quality : proposal.quality;
  const named = (held: { personId: string; start: number; end: number }) => ({
    personId: held.personId,
    name: nameOf(people, held.personId),
    startsAt: new Date(held.start),
    endsAt: new Date(held.end),
  });
  return {
    window: { from: new Date(planned.start), to: new Date(Math.max(planned.start, planned.end)) },
    assignments: proposal.assignments.map((a) => ({ ...named(a), turn: a.turn })),
    /** Stretches nobody holds, each proposed as a cover. */
    gapCovers: gapFill.covers.map(named),
    unassigned: [...proposal.unassigned, ...gapFill.uncovered].map((gap) => ({
      startsAt: new Date(gap.start),
      endsAt: new Date(gap.end),
    })),
    priorLoad,
    before,
    after,
  };
}
