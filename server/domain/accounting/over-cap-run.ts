import type { Accounting } from "./types";
import type { Interval } from "../time";
import { isProvisional } from "./provisional";

/** The current unbroken run of weeks over the toil cap. */
export interface OverCapRun {
  /** The start of the run's first week: "over the cap since". */
  since: Date;
  /** Weeks in the run (provisional weeks, with less than a working day scheduled, are skipped). */
  weeks: number;
  /** True when the run reaches back to the oldest week looked at, so it may have started earlier. */
  atLeast: boolean;
}

/**
 * Walks back from the last week while each week's toil share is over the cap. Null when the latest week with
 * enough time counted is not over it. A provisional week (mostly leave, or a week that has only just begun)
 * says nothing about the load, so it neither breaks nor extends the run.
 */
export function overCapRun(
  weeks: ReadonlyArray<{ window: Interval; accounting: Accounting }>,
  cap: number,
): OverCapRun | null {
  let since: number | null = null;
  let count = 0;
  for (let index = weeks.length - 1; index >= 0; index--) {
    const week = weeks[index];
    if (!week || isProvisional(week.accounting)) continue;
    if (!(week.accounting.toilShare > cap))
      return since === null ? null : { since: new Date(since), weeks: count, atLeast: false };
    since = week.window.start;
    count += 1;
  }
  return since === null ? null : { since: new Date(since), weeks: count, atLeast: true };
}

/**
 * Whether weeks older than these could still change the run: the walk back from the last week met no week with
 * worked time under the cap, so the run (or its absence) may reach further back. When false, overCapRun of these
 * weeks equals overCapRun of them with any older weeks before, so a report can look at recent weeks first.
 */
export function runMayReachFurther(weeks: ReadonlyArray<{ accounting: Accounting }>, cap: number): boolean {
  for (let index = weeks.length - 1; index >= 0; index--) {
    const week = weeks[index];
    if (!week || isProvisional(week.accounting)) continue;
    if (!(week.accounting.toilShare > cap)) return false;
  }
  return true;
}
