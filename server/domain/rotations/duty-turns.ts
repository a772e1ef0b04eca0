import { handoffSchedule, type HandoffSchedule } from "./handoffs";
import { beforeDutyEnd } from "./duty-end";
import { dutyIntervals } from "./duty-windows";
import type { DutyWindow, Interval, RotationSpec } from "./types";

/** One turn of a rotation: the hand-off period it spans and the parts of it that are duty. */
export interface DutyTurn {
  /** Counted from the first hand-off; periods without any working time get no number. */
  turn: number;
  period: Interval;
  /** The whole period, or its in-window pieces for a restricted rotation; cut at the rotation's end, else unclipped. */
  duty: Interval[];
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

function dutyIn(period: Interval, rotation: RotationSpec, windows: readonly DutyWindow[] | null): Interval[] {
  const held = beforeDutyEnd(rotation, period);
  if (held.end <= held.start) return [];
  return windows ? dutyIntervals(held, windows, rotation.timeZone) : [held];
}

/** How many periods before `period` hold some in-window time, i.e. how many turns they used up. */
export function turnsBefore(
  period: number,
  schedule: HandoffSchedule,
  rotation: RotationSpec,
  windows: readonly DutyWindow[],
): number {
  const periodSpan = (index: number): Interval => ({
    start: schedule.handoffAt(index),
    end: schedule.handoffAt(index + 1),
  });
  const hasWork = (index: number): boolean => dutyIntervals(periodSpan(index), windows, rotation.timeZone).length > 0;
  const days = schedule.calendarDaysPerPeriod;
  if (days === null) {
    // Hour periods need not line up with the weekly working days, so sweep them against all working time so far.
    const work = dutyIntervals(
      { start: schedule.handoffAt(0), end: schedule.handoffAt(period) },
      windows,
      rotation.timeZone,
    );
    let turns = 0;
    let next = 0;
    for (let index = 0; index < period; index += 1) {
      const span = periodSpan(index);
      while ((work[next]?.end ?? Infinity) <= span.start) next += 1;
      if ((work[next]?.start ?? Infinity) < span.end) turns += 1;
    }
    return turns;
  }
  // Calendar periods start on a weekday that repeats every `cycle` periods, and whether a period holds
  // working time depends only on that weekday, so count whole cycles at once.
  const cycle = 7 / greatestCommonDivisor(days, 7);
  const working = Array.from({ length: cycle }, (_, index) => hasWork(index));
  const perCycle = working.filter(Boolean).length;
  const remainder = working.slice(0, period % cycle).filter(Boolean).length;
  return Math.floor(period / cycle) * perCycle + remainder;
}

/** The rotation's duty windows when it has any; an empty list restricts nothing (validation refuses one). */
export function restrictingWindows(rotation: RotationSpec): readonly DutyWindow[] | null {
  const windows = rotation.dutyWindows ?? null;
  return windows && windows.length > 0 ? windows : null;
}

/** The turns whose hand-off period overlaps `window`, in order. */
export function dutyTurns(rotation: RotationSpec, window: Interval): DutyTurn[] {
  const turns: DutyTurn[] = [];
  if (window.end <= window.start) return turns;
  const schedule = handoffSchedule(rotation);
  const windows = restrictingWindows(rotation);
  const until = beforeDutyEnd(rotation, window).end;
  let period = Math.max(0, schedule.periodContaining(window.start));
  let turn = windows ? turnsBefore(period, schedule, rotation, windows) : period;
  let start = schedule.handoffAt(period);
  while (start < until) {
    const end = schedule.handoffAt(period + 1);
    const duty = dutyIn({ start, end }, rotation, windows);
    // A period with no working time at all (a restricted daily turn on a Saturday) uses up nobody's turn.
    if (duty.length > 0) {
      turns.push({ turn, period: { start, end }, duty });
      turn += 1;
    }
    period += 1;
    start = end;
  }
  return turns;
}
