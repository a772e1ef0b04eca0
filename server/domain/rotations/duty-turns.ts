import { handoffSchedule, type HandoffSchedule } from "./handoffs";
import { workingIntervals } from "./working-hours";
import type { Interval, RotationSpec, WorkingHours } from "./types";

/** One turn of a rotation: the hand-off period it spans and the parts of it that are duty. */
export interface DutyTurn {
  /** Counted from the first hand-off; periods without any working time get no number. */
  turn: number;
  period: Interval;
  /** The whole period, or its working-hour pieces for a restricted rotation. Not clipped to any window. */
  duty: Interval[];
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

function dutyIn(period: Interval, rotation: RotationSpec, hours: WorkingHours | null): Interval[] {
  return hours ? workingIntervals(period, hours, rotation.timeZone) : [period];
}

/** How many periods before `period` hold some working time, i.e. how many turns they used up. */
export function turnsBefore(period: number, schedule: HandoffSchedule, rotation: RotationSpec, hours: WorkingHours): number {
  const periodSpan = (index: number): Interval => ({ start: schedule.handoffAt(index), end: schedule.handoffAt(index + 1) });
  const hasWork = (index: number): boolean => workingIntervals(periodSpan(index), hours, rotation.timeZone).length > 0;
  const days = schedule.calendarDaysPerPeriod;
  if (days === null) {
    // Hour periods need not line up with the weekly working days, so sweep them against all working time so far.
    const work = workingIntervals({ start: schedule.handoffAt(0), end: schedule.handoffAt(period) }, hours, rotation.timeZone);
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

/** The turns whose hand-off period overlaps `window`, in order. */
export function dutyTurns(rotation: RotationSpec, window: Interval): DutyTurn[] {
  const turns: DutyTurn[] = [];
  if (window.end <= window.start) return turns;
  const schedule = handoffSchedule(rotation);
  const hours = rotation.workingHoursOnly ?? null;
  let period = Math.max(0, schedule.periodContaining(window.start));
  let turn = hours ? turnsBefore(period, schedule, rotation, hours) : period;
  let start = schedule.handoffAt(period);
  while (start < window.end) {
    const end = schedule.handoffAt(period + 1);
    const duty = dutyIn({ start, end }, rotation, hours);
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
