import { hoursPerMonth } from "./rates";

export interface MeasuredSavings {
  beforeHoursPerMonth: number;
  afterHoursPerMonth: number;
  /** Before less after: negative when the toil grew after automating. */
  savedHoursPerMonth: number;
}

/**
 * A source's hours a month in two spans of equal length either side of the automation date, so the
 * comparison is like for like. Null until some time has passed since that date.
 */
export function measuredSavings(input: {
  beforeMinutes: number;
  afterMinutes: number;
  spanMs: number;
}): MeasuredSavings | null {
  if (!(input.spanMs > 0)) return null;
  const beforeHoursPerMonth = hoursPerMonth(input.beforeMinutes, input.spanMs);
  const afterHoursPerMonth = hoursPerMonth(input.afterMinutes, input.spanMs);
  return { beforeHoursPerMonth, afterHoursPerMonth, savedHoursPerMonth: beforeHoursPerMonth - afterHoursPerMonth };
}
