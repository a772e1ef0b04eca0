import "server-only";
import type { Db } from "@/db/client";
import {
  coverageGaps,
  expandShifts,
  penalisedQuality,
  regionOfTimeZone,
  scheduleQuality,
  scheduleWarnings,
  upcomingTurns,
  type RotationSpec,
} from "@/server/domain/rotations";
import { loadDraftContext, type DraftInput } from "./draft-context";
import { draftShareProjector } from "./draft-shares";
import { namedWarning } from "./named-warnings";
import { priorLoadOf } from "./prior-load";
import { nameOf, peopleByIds, type PersonFacts } from "./rotation-facts";
import { HISTORY_WEEKS } from "./toil-history";
import { shiftView } from "./window-shifts";

/** How many turns the editor lists before and after an edit. */
export const TURNS_SHOWN = 6;

function turnsView(spec: RotationSpec | null, now: Date, people: ReadonlyMap<string, PersonFacts>) {
  if (!spec) return [];
  return upcomingTurns(spec, now.getTime(), TURNS_SHOWN).map((turn) => ({
    personId: turn.personId,
    name: nameOf(people, turn.personId),
    startsAt: new Date(turn.start),
    endsAt: new Date(turn.end),
  }));
}

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
  // Before: the rotation as saved (nothing, for a new one), so each person's shares can be read before and after.
  const savedShifts = context.savedSpec
    ? expandShifts(context.savedSpec, context.overrides, context.absences, window)
    : [];
  const before = projector.project(savedShifts);

  const memberRegions = Object.fromEntries([...people.values()].map((p) => [p.personId, regionOfTimeZone(p.timeZone)]));
  const rotationName = { id: spec.id, name: input.draft.name };
  const warnings = [
    ...scheduleWarnings({ rotation: spec, shifts, window, memberRegions }).map((w) =>
      namedWarning(w, rotationName, people),
    ),
    ...projector.capWarnings(loads),
  ];
  const priorLoad = await priorLoadOf(db, context.saved, spec.participants, now);
  const removed = (context.savedSpec?.participants ?? []).filter((personId) => !people.has(personId));
  const names = new Map([...people, ...(await peopleByIds(db, removed))]);
  return {
    window: { from: new Date(window.start), to: new Date(window.end) },
    /** The rotation's own zone: hand-offs and gaps read on its wall clock. */
    timeZone: spec.timeZone,
    caps: { toilCap: team.toilCap, onCallCap: team.onCallCap },
    /** Logged toil is projected from each person's last weeks of entries; duty is exact. */
    projectionBasis: { loggedToilFromWeeks: HISTORY_WEEKS },
    shifts: shifts.map((shift) => ({ ...shiftView(shift), name: nameOf(people, shift.personId) })),
    gaps: coverageGaps(spec, shifts, window).map((gap) => ({
      startsAt: new Date(gap.start),
      endsAt: new Date(gap.end),
    })),
    people: loads,
    /** The same people's projected shares without this draft: the rotation as saved, or without it when new. */
    peopleBefore: before.map((person) => ({
      personId: person.personId,
      toilShare: person.toilShare,
      onCallShare: person.onCallShare,
    })),
    warnings,
    /** The turn in progress and the next ones, as saved now and as this draft would make them (before covers). */
    turns: { before: turnsView(context.savedSpec, now, names), after: turnsView(spec, now, names) },
    quality: penalisedQuality(scheduleQuality(shifts, spec.participants, window, spec, priorLoad), warnings),
  };
}
