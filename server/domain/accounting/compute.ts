import {
  clipIntervals,
  intersectIntervals,
  MINUTE_MS,
  normalize,
  subtractIntervals,
  totalMs,
  workPatternIntervals,
  type Interval,
} from "../time";
import {
  DUTY_ROLES,
  ON_CALL_ROLES,
  type Accounting,
  type AccountingFacts,
  type AccountingInput,
  type AccountingIntervals,
  type ShiftRole,
  type WorkEntry,
} from "./types";

/** The time behind rules 1-4, clipped to the period. */
export function accountingIntervals(input: AccountingInput): AccountingIntervals {
  const { period } = input;
  const scheduled = subtractIntervals(workPatternIntervals(input.workPattern, input.timeZone, period), input.absences);
  const duty = intersectIntervals(scheduled, shiftsWithRoles(input.shifts, DUTY_ROLES));
  const onCallDuty = intersectIntervals(duty, shiftsWithRoles(input.shifts, ON_CALL_ROLES));
  const toil = clipIntervals(toilIntervals(input.entries), period);
  return {
    scheduled,
    duty,
    onCallDuty,
    // During duty all scheduled time already counts, so toil logged there adds nothing.
    logged: intersectIntervals(subtractIntervals(scheduled, duty), toil),
    afterHours: subtractIntervals(toil, scheduled),
  };
}

export function computeAccounting(input: AccountingInput): Accounting {
  return accountingFromIntervals(accountingIntervals(input));
}

/** Rules 5-7 from the time behind them. Sums stay in milliseconds so shares are exact. */
export function accountingFromIntervals(intervals: AccountingIntervals): Accounting {
  return accountingOfTime(
    {
      scheduled: totalMs(intervals.scheduled),
      duty: totalMs(intervals.duty),
      onCallDuty: totalMs(intervals.onCallDuty),
      logged: totalMs(intervals.logged),
      afterHours: totalMs(intervals.afterHours),
    },
    msToMinutes,
  );
}

/** The time behind rules 1-4, each kind summed, all in one unit (milliseconds or minutes). */
export type RuleTime = Pick<Accounting, "scheduled" | "duty" | "onCallDuty" | "logged" | "afterHours">;

export const msToMinutes = (ms: number): number => ms / MINUTE_MS;

/**
 * Rules 5-7, the one place a share is computed (docs/accounting.md): the toil share is operational time
 * (duty + logged + after-hours) over worked time (scheduled + after-hours), the on-call share on-call duty over
 * worked time. `time` may be in any unit; the shares are taken before `toMinutes` converts it, so whole
 * milliseconds give exact shares.
 */
export function accountingOfTime(
  time: RuleTime,
  toMinutes: (value: number) => number = (minutes) => minutes,
): Accounting {
  const operational = time.duty + time.logged + time.afterHours;
  const worked = time.scheduled + time.afterHours;
  return {
    scheduled: toMinutes(time.scheduled),
    duty: toMinutes(time.duty),
    onCallDuty: toMinutes(time.onCallDuty),
    logged: toMinutes(time.logged),
    afterHours: toMinutes(time.afterHours),
    operational: toMinutes(operational),
    worked: toMinutes(worked),
    toilShare: shareOf(operational, worked),
    onCallShare: shareOf(time.onCallDuty, worked),
  };
}

/** Part of the worked time, 0 when nothing was worked; summing floating-point minutes never takes it past 1. */
function shareOf(part: number, worked: number): number {
  return worked > 0 ? Math.min(1, part / worked) : 0;
}

/**
 * One accounting per window (for example the result of `weekWindows`), computing the expensive
 * interval work once over the span of all windows and then cutting it.
 */
export function weeklyAccounting(
  facts: AccountingFacts,
  windows: readonly Interval[],
): Array<{ window: Interval; accounting: Accounting }> {
  const span = normalize(windows);
  const first = span[0];
  const last = span[span.length - 1];
  const whole: AccountingIntervals =
    first === undefined || last === undefined
      ? { scheduled: [], duty: [], onCallDuty: [], logged: [], afterHours: [] }
      : accountingIntervals({ ...facts, period: { start: first.start, end: last.end } });
  return windows.map((window) => ({
    window,
    accounting: accountingFromIntervals({
      scheduled: clipIntervals(whole.scheduled, window),
      duty: clipIntervals(whole.duty, window),
      onCallDuty: clipIntervals(whole.onCallDuty, window),
      logged: clipIntervals(whole.logged, window),
      afterHours: clipIntervals(whole.afterHours, window),
    }),
  }));
}

function shiftsWithRoles(shifts: AccountingInput["shifts"], roles: ReadonlySet<ShiftRole>): Interval[] {
  return normalize(shifts.filter((s) => roles.has(s.role)));
}

/** Overhead never counts as operational (rule 3), so only toil entries become time. */
function toilIntervals(entries: readonly WorkEntry[]): Interval[] {
  return normalize(
    entries.filter((e) => e.category === "toil").map((e) => ({ start: e.start, end: e.start + e.minutes * MINUTE_MS })),
  );
}
