import type { Interval } from "../time";
import { accountingIntervals, accountingOfTime, msToMinutes } from "./compute";
import type { Accounting, AccountingFacts } from "./types";

/**
 * Milliseconds of a normalized (sorted, disjoint) list inside `window`: bisect to the first interval ending after
 * the window starts, then add up the clipped lengths. No copies: a year's lists are cut 53 times per person.
 */
function msInside(list: readonly Interval[], window: Interval): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle]?.end ?? Infinity) <= window.start) low = middle + 1;
    else high = middle;
  }
  let total = 0;
  for (let index = low; index < list.length; index += 1) {
    const interval = list[index];
    if (interval === undefined || interval.start >= window.end) break;
    const start = Math.max(interval.start, window.start);
    const end = Math.min(interval.end, window.end);
    if (end > start) total += end - start;
  }
  return total;
}

/**
 * One accounting per window, all inside `span`: the interval work (rules 1-4) done once over the span, then cut
 * into each window. The numbers equal computeAccounting over each window exactly: every rule only clips, unites,
 * intersects or subtracts, so cutting afterwards covers the same instants, and the sums are whole milliseconds.
 * A report's period and its 52 weeks of "over the cap since" cost one pass over the year instead of 53.
 */
export function accountingByWindows(
  facts: AccountingFacts,
  span: Interval,
  windows: readonly Interval[],
): Accounting[] {
  const whole = accountingIntervals({ ...facts, period: span });
  return windows.map((window) => {
    const inside = { start: Math.max(window.start, span.start), end: Math.min(window.end, span.end) };
    return accountingOfTime(
      {
        scheduled: msInside(whole.scheduled, inside),
        duty: msInside(whole.duty, inside),
        onCallDuty: msInside(whole.onCallDuty, inside),
        logged: msInside(whole.logged, inside),
        afterHours: msInside(whole.afterHours, inside),
      },
      msToMinutes,
    );
  });
}

/** A period's accounting and each of its weeks', in one pass over their whole span (see accountingByWindows). */
export function periodAndWeeks(
  facts: AccountingFacts,
  period: Interval,
  weeks: readonly Interval[],
): { period: Accounting; weeks: Array<{ window: Interval; accounting: Accounting }> } {
  const span = {
    start: Math.min(period.start, ...weeks.map((week) => week.start)),
    end: Math.max(period.end, ...weeks.map((week) => week.end)),
  };
  const [first, ...rest] = accountingByWindows(facts, span, [period, ...weeks]);
  const zero = accountingOfTime({ scheduled: 0, duty: 0, onCallDuty: 0, logged: 0, afterHours: 0 });
  return { period: first ?? zero, weeks: weeks.map((window, index) => ({ window, accounting: rest[index] ?? zero })) };
}
