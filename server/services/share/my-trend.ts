import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import {
  type AccountingFacts,
  spanOf,
  trendPoint,
  type TrendPoint,
  type TrendWindow,
  trendWindows,
  weeklyAccounting,
} from "@/server/domain/accounting";
import { loadAccountingFacts, loadWorkProfile } from "./accounting-facts";
import { type Caps, capsFor } from "./caps";

export type TrendWeek = TrendPoint;

export interface MyTrend {
  weeks: TrendWeek[];
  /** The zone whose Mondays start the weeks: the caller's own. */
  timeZone: string;
  toilCap: number;
  onCallCap: number;
}

/** The caller's shares week by week, the last `weeks` weeks ending with the current one (counted up to now). */
export async function myTrend(db: Db, viewer: Viewer, input: { weeks: number }, now: Date): Promise<MyTrend> {
  const profile = await loadWorkProfile(db, viewer.personId);
  const windows = trendWindows(profile.timeZone, input.weeks, now);
  const span = spanOf(windows);
  // One load for the whole span; weeklyAccounting cuts it into weeks.
  const facts = span
    ? await loadAccountingFacts(db, viewer.personId, profile, span, now)
    : { ...profile, absences: [], shifts: [], entries: [] };
  return trendOf(facts, windows, await capsFor(db, viewer));
}

/** The trend from facts loaded for its span or a longer one (weeklyAccounting cuts them into weeks). */
export function trendOf(facts: AccountingFacts, windows: readonly TrendWindow[], caps: Caps): MyTrend {
  const accounted = weeklyAccounting(
    facts,
    windows.map((w) => w.accounted),
  );
  const weeks = windows.flatMap((window, index) => {
    const accounting = accounted[index]?.accounting;
    return accounting ? [trendPoint(window, accounting)] : [];
  });
  return { weeks, timeZone: facts.timeZone, ...caps };
}
