import "server-only";
import { computeAccounting, type Shift as AccountingShift } from "@/server/domain/accounting";
import type { Interval } from "@/server/domain/rotations";
import type { WorkPattern } from "@/server/domain/time";

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

/** Minutes, as docs/accounting.md's accounting counts them, and the two shares. */
export interface ProjectedLoad {
  scheduled: number;
  duty: number;
  onCallDuty: number;
  logged: number;
  afterHours: number;
  operational: number;
  worked: number;
  toilShare: number;
  onCallShare: number;
}

/** The rates behind a {@link ToilHistory}, from a past period's accounting of `weeks` weeks. */
export function toilHistoryOf(facts: PersonLoadFacts, period: Interval, weeks: number, shifts: readonly AccountingShift[], entries: Parameters<typeof computeAccounting>[0]["entries"]): ToilHistory {
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
 * at their recent weekly amount (rule 4). Shares follow rules 5 to 7.
 */
export function projectLoad(facts: PersonLoadFacts, horizon: Interval, weeks: number, shifts: readonly AccountingShift[], history: ToilHistory): ProjectedLoad {
  const planned = computeAccounting({ period: horizon, ...facts, shifts, entries: [] });
  const logged = history.loggedRate * (planned.scheduled - planned.duty);
  const afterHours = history.afterHoursPerWeek * weeks;
  const operational = planned.duty + logged + afterHours;
  const worked = planned.scheduled + afterHours;
  return {
    scheduled: planned.scheduled,
    duty: planned.duty,
    onCallDuty: planned.onCallDuty,
    logged,
    afterHours,
    operational,
    worked,
    toilShare: worked > 0 ? operational / worked : 0,
    onCallShare: worked > 0 ? planned.onCallDuty / worked : 0,
  };
}
