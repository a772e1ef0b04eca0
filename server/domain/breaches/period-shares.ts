import {
  accountingFromIntervals,
  accountingIntervals,
  computeAccounting,
  countedSpan,
  type Accounting,
  type AccountingFacts,
} from "../accounting";
import { clipIntervals, type Interval } from "../time";

/** An engineer's shares of a running period: counted so far, and projected to the period's end. */
export interface PeriodShares {
  /** docs/accounting.md's numbers for [start, now): exactly what the Team reports page shows for that span. */
  actual: Accounting;
  /**
   * The whole period as if the rest goes as scheduled: the work pattern less absences and the duty of the
   * planned shifts to the end, plus the toil logged so far. No further toil outside duty is assumed, because
   * nobody can know it yet; a projection therefore never counts less operational time than the actual.
   */
  projected: Accounting;
}

export function periodShares(facts: AccountingFacts, period: Interval, now: number): PeriodShares {
  const soFar = countedSpan(period, now);
  const whole = accountingIntervals({ ...facts, period });
  return {
    actual: computeAccounting({ ...facts, period: soFar }),
    projected: accountingFromIntervals({
      scheduled: whole.scheduled,
      duty: whole.duty,
      onCallDuty: whole.onCallDuty,
      // Entries dated after now are plans, not logged work: only toil up to now counts.
      logged: clipIntervals(whole.logged, soFar),
      afterHours: clipIntervals(whole.afterHours, soFar),
    }),
  };
}
