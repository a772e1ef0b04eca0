import "server-only";
import type { Db } from "@/db/client";
import { expandShifts, regionOfTimeZone, scheduleQuality, scheduleWarnings, upcomingTurns, type RotationSpec } from "@/server/domain/rotations";
import { activeRotations } from "./rotation-rows";
import { loadDraftContext, type DraftInput } from "./draft-context";
import { capWarnings, namedWarning } from "./named-warnings";
import { priorLoadOf } from "./prior-load";
import { projectLoad, NO_HISTORY } from "./projected-load";
import { nameOf, peopleByIds, type PersonFacts } from "./rotation-facts";
import { HISTORY_WEEKS, toilHistories } from "./toil-history";
import { shiftsInWindow, shiftView } from "./window-shifts";

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
 * the last four weeks), warnings, and the schedule's quality score.
 */
export async function previewRotation(db: Db, input: DraftInput, now: Date) {
  const context = await loadDraftContext(db, input, now);
  const { spec, window, people, team } = context;
  const shifts = expandShifts(spec, context.overrides, context.absences, window);
  const others = (await activeRotations(db, [team.id])).filter((row) => row.id !== context.saved?.id);
  const otherShifts = await shiftsInWindow(db, others, window, now);
  const histories = await toilHistories(db, [...people.values()], now);

  const loads = [...people.values()].map((person) => {
    const own = [...shifts, ...otherShifts]
      .filter((shift) => shift.personId === person.personId)
      .map((shift) => ({ role: shift.role, start: shift.start, end: shift.end }));
    const absences = context.absences.filter((absence) => absence.personId === person.personId);
    const projected = projectLoad(
      { timeZone: person.timeZone, workPattern: person.workPattern, absences },
      window,
      context.weeks,
      own,
      histories.get(person.personId) ?? NO_HISTORY,
    );
    return {
      personId: person.personId,
      name: person.name,
      timeZone: person.timeZone,
      minutes: {
        scheduled: projected.scheduled,
        duty: projected.duty,
        onCallDuty: projected.onCallDuty,
        logged: projected.logged,
        afterHours: projected.afterHours,
        operational: projected.operational,
        worked: projected.worked,
      },
      toilShare: projected.toilShare,
      onCallShare: projected.onCallShare,
      overToilCap: projected.toilShare > team.toilCap,
      overOnCallCap: projected.onCallShare > team.onCallCap,
    };
  });

  const memberRegions = Object.fromEntries([...people.values()].map((p) => [p.personId, regionOfTimeZone(p.timeZone)]));
  const rotationName = { id: spec.id, name: input.draft.name };
  const horizonText = `the next ${context.weeks} ${context.weeks === 1 ? "week" : "weeks"}`;
  const warnings = [
    ...scheduleWarnings({ rotation: spec, shifts, window, memberRegions }).map((w) => namedWarning(w, rotationName, people)),
    ...capWarnings(loads, team, horizonText),
  ];
  const priorLoad = await priorLoadOf(db, context.saved, spec.participants, now);
  const removed = (context.savedSpec?.participants ?? []).filter((personId) => !people.has(personId));
  const names = new Map([...people, ...(await peopleByIds(db, removed))]);
  return {
    window: { from: new Date(window.start), to: new Date(window.end) },
    caps: { toilCap: team.toilCap, onCallCap: team.onCallCap },
    /** Logged toil is projected from each person's last weeks of entries; duty is exact. */
    projectionBasis: { loggedToilFromWeeks: HISTORY_WEEKS },
    shifts: shifts.map((shift) => ({ ...shiftView(shift), name: nameOf(people, shift.personId) })),
    people: loads,
    warnings,
    quality: scheduleQuality(shifts, spec.participants, window, spec, priorLoad),
    /** The turn in progress and the next ones, as saved now and as this draft would make them (before covers). */
    turns: { before: turnsView(context.savedSpec, now, names), after: turnsView(spec, now, names) },
  };
}
export type RotationPreview = Awaited<ReturnType<typeof previewRotation>>;
