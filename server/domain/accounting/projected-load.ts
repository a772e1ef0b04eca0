import type { Interval, WorkPattern } from "../time";
import { accountingOfTime, computeAccounting } from "./compute";
import type { Accounting, Shift, WorkEntry } from "./types";

/** How someone's own toil ran lately, to project it forward: logged toil scales with their non-duty time. */
export interface ToilHistory {
  /** Logged toil per minute of scheduled time outside duty, 0..1. */
  loggedRate: number;
  /** Minutes of toil outside scheduled time per week. */
  afterHoursPerWeek: number;
}

export const NO_HISTORY: ToilHistory = { loggedRate: 0, afterHoursPerWeek: 0 };

export interface PersonLoadFacts {
  timeZone: string;
  workPattern: WorkPattern;
  absences: readonly Interval[];
}

/** The rates behind a {@link ToilHistory}, from a past period's accounting of `weeks` weeks. */
export function toilHistoryOf(
  facts: PersonLoadFacts,
  period: Interval,
  weeks: number,
  shifts: readonly Shift[],
  entries: readonly WorkEntry[],
): ToilHistory {
  const past = computeAccounting({ period, ...facts, shifts, entries });
  const outsideDuty = past.scheduled - past.duty;
  return {
    loggedRate: outsideDuty > 0 ? past.logged / outsideDuty : 0,
    afterHoursPerWeek: weeks > 0 ? past.afterHours / weeks : 0,
  };
}

/**
 * docs/accounting.md's rules over a coming horizon: duty from the planned shifts exactly (rules 1, 2, 7), logged toil
 * projected as the person's recent rate times their scheduled time outside duty (rule 3), and after-hours toil
 * at their recent weekly amount (rule 4). Shares follow rules 5 to 7, computed by accountingOfTime.
 */
export function projectLoad(
  facts: PersonLoadFacts,
  horizon: Interval,
  weeks: number,
  shifts: readonly Shift[],
  history: ToilHistory,
): Accounting {
  const planned = computeAccounting({ period: horizon, ...facts, shifts, entries: [] });
  return accountingOfTime({
    scheduled: planned.scheduled,
    duty: planned.duty,
    onCallDuty: planned.onCallDuty,
    logged: history.loggedRate * (planned.scheduled - planned.duty),
    afterHours: history.afterHoursPerWeek * weeks,
  });
}
