import { coverageGaps } from "./coverage-gaps";
import { formatSpan } from "./format";
import { byStart } from "./ordering";
import { rotationSizeWarnings } from "./rotation-size";
import type { Interval, RotationSpec, ScheduleWarning, Shift } from "./types";

export interface ScheduleWarningsInput {
  rotation: RotationSpec;
  shifts: readonly Shift[];
  window: Interval;
  /** Region (site) per person id, e.g. from the continent of their time zone. */
  memberRegions?: Readonly<Record<string, string>>;
}

/**
 * The person holding the end of turn t also holds the start of turn t + 1: no rest at the hand-off.
 * Runs of such turns become one warning.
 */
function backToBackWarnings(rotation: RotationSpec, shifts: readonly Shift[]): ScheduleWarning[] {
  const firstOfTurn = new Map<number, Shift>();
  const lastOfTurn = new Map<number, Shift>();
  for (const shift of shifts) {
    if (!firstOfTurn.has(shift.turn)) firstOfTurn.set(shift.turn, shift);
    lastOfTurn.set(shift.turn, shift);
  }
  const runs: Array<{ personId: string; start: number; end: number; lastTurn: number; turns: number }> = [];
  for (const [turn, ending] of lastOfTurn) {
    const next = firstOfTurn.get(turn + 1);
    if (next === undefined || next.personId !== ending.personId) continue;
    const run = runs[runs.length - 1];
    if (run !== undefined && run.personId === ending.personId && run.lastTurn === turn) {
      run.end = next.end;
      run.lastTurn = turn + 1;
      run.turns += 1;
    } else {
      runs.push({ personId: ending.personId, start: ending.start, end: next.end, lastTurn: turn + 1, turns: 2 });
    }
  }
  return runs.map((run) => ({
    kind: "back-to-back",
    rotationId: rotation.id,
    personId: run.personId,
    start: run.start,
    end: run.end,
    message: `${run.personId} is on ${rotation.role} duty for ${run.turns} turns in a row, ${formatSpan(run.start, run.end, rotation.timeZone)}.`,
  }));
}

/**
 * One warning per turn a person holds while on leave, however many working-hour pieces it has: from the first
 * to the last piece of that turn that overlaps their leave.
 */
function leaveWarnings(rotation: RotationSpec, shifts: readonly Shift[]): ScheduleWarning[] {
  const spans: Array<{ personId: string; turn: number; start: number; end: number }> = [];
  for (const shift of shifts.filter((candidate) => candidate.onLeave)) {
    const last = spans[spans.length - 1];
    if (last !== undefined && last.personId === shift.personId && last.turn === shift.turn) last.end = shift.end;
    else spans.push({ personId: shift.personId, turn: shift.turn, start: shift.start, end: shift.end });
  }
  return spans.map((span) => ({
    kind: "on-leave",
    rotationId: rotation.id,
    personId: span.personId,
    start: span.start,
    end: span.end,
    message: `${span.personId} is on ${rotation.role} duty during their leave, ${formatSpan(span.start, span.end, rotation.timeZone)}.`,
  }));
}

/**
 * Duty time (working hours only, for a restricted rotation) with nobody on it, from the rotation's first day: the
 * days before its first hand-off are a gap too. A shadow rotation owes no cover, so it has no gaps to report.
 */
function gapWarnings(rotation: RotationSpec, shifts: readonly Shift[], window: Interval): ScheduleWarning[] {
  return coverageGaps(rotation, shifts, window).map((gap) => ({
    kind: "gap",
    rotationId: rotation.id,
    start: gap.start,
    end: gap.end,
    message: `Nobody is on ${rotation.role} duty ${formatSpan(gap.start, gap.end, rotation.timeZone)}.`,
  }));
}

/** Everything a planner should see before saving: size first, then the rest in time order. */
export function scheduleWarnings(input: ScheduleWarningsInput): ScheduleWarning[] {
  const { rotation, window } = input;
  const shifts = input.shifts.filter((shift) => shift.rotationId === rotation.id).sort(byStart);
  const timed = [
    ...backToBackWarnings(rotation, shifts),
    ...leaveWarnings(rotation, shifts),
    ...gapWarnings(rotation, shifts, window),
  ].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return [...rotationSizeWarnings(rotation, input.memberRegions), ...timed];
}
