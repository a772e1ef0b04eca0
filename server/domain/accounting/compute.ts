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
  const scheduledMs = totalMs(intervals.scheduled);
  const dutyMs = totalMs(intervals.duty);
  const onCallDutyMs = totalMs(intervals.onCallDuty);
  const loggedMs = totalMs(intervals.logged);
  const afterHoursMs = totalMs(intervals.afterHours);
  const operationalMs = dutyMs + loggedMs + afterHoursMs;
  const workedMs = scheduledMs + afterHoursMs;
  return {
    scheduled: scheduledMs / MINUTE_MS,
    duty: dutyMs / MINUTE_MS,
    onCallDuty: onCallDutyMs / MINUTE_MS,
    logged: loggedMs / MINUTE_MS,
    afterHours: afterHoursMs / MINUTE_MS,
    operational: operationalMs / MINUTE_MS,
    worked: workedMs / MINUTE_MS,
    toilShare: workedMs > 0 ? operationalMs / workedMs : 0,
    onCallShare: workedMs > 0 ? onCallDutyMs / workedMs : 0,
  };
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
    entries
      .filter((e) => e.category === "toil")
      .map((e) => ({ start: e.start, end: e.start + e.minutes * MINUTE_MS })),
  );
}
