import type { Db } from "@/db/client";
import { coverageGaps, expandShifts, penalisedQuality, regionOfTimeZone, scheduleQuality, scheduleWarnings } from "@/server/domain/rotations";
import { loadDraftContext, type DraftInput } from "./draft-context";
import { draftShareProjector } from "./draft-shares";
import { namedWarning } from "./named-warnings";
import { priorLoadOf } from "./prior-load";
import { nameOf } from "./rotation-facts";
import { HISTORY_WEEKS } from "./toil-history";
import { shiftView } from "./window-shifts";

/**
 * The what-if shown before saving: the draft's shifts over the horizon, each person's projected toil and on-call
 * shares (the draft's duty plus their duty in the team's other rotations, and their logged toil projected from
 * the last four weeks), warnings, the stretches with nobody on duty, and the schedule's quality score.
 */
export async function previewRotation(db: Db, input: DraftInput, now: Date) {
  const context = await loadDraftContext(db, input, now);
  const { spec, window, people, team } = context;
  const shifts = expandShifts(spec, context.overrides, context.absences, window);
  const projector = await draftShareProjector(db, context, now);
  const loads = projector.project(shifts);

  const memberRegions = Object.fromEntries([...people.values()].map((p) => [p.personId, regionOfTimeZone(p.timeZone)]));
  const rotationName = { id: spec.id, name: input.draft.name };
  const warnings = [
    ...scheduleWarnings({ rotation: spec, shifts, window, memberRegions }).map((w) => namedWarning(w, rotationName, people)),
    ...projector.capWarnings(loads),
  ];
  const priorLoad = await priorLoadOf(db, context.saved, spec.participants, now);
  return {
    window: { from: new Date(window.start), to: new Date(window.end) },
    /** The rotation's own zone: hand-offs and gaps read on its wall clock. */
    timeZone: spec.timeZone,
    caps: { toilCap: team.toilCap, onCallCap: team.onCallCap },
    /** Logged toil is projected from each person's last weeks of entries; duty is exact. */
    projectionBasis: { loggedToilFromWeeks: HISTORY_WEEKS },
    shifts: shifts.map((shift) => ({ ...shiftView(shift), name: nameOf(people, shift.personId) })),
    gaps: coverageGaps(spec, shifts, window).map((gap) => ({ startsAt: new Date(gap.start), endsAt: new Date(gap.end) })),
    people: loads,
    warnings,
    quality: penalisedQuality(scheduleQuality(shifts, spec.participants, window, spec, priorLoad), warnings),
  };
}
export type RotationPreview = Awaited<ReturnType<typeof previewRotation>>;
