import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import { weeklyAccounting } from "@/server/domain/accounting";
import { loadAccountingFacts, loadWorkProfile } from "./accounting-facts";
import { capsFor } from "./caps";
import { spanOf, trendWindows } from "./trend-weeks";

export interface TrendWeek {
  from: Date;
  to: Date;
  /** The week's Monday on the caller's wall clock, "16 Nov". */
  label: string;
  toilShare: number;
  onCallShare: number;
  operational: number;
  worked: number;
}

export interface MyTrend {
  weeks: TrendWeek[];
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
  const accounted = weeklyAccounting(facts, windows.map((w) => w.accounted));
  const weeks = windows.map((window, index) => {
    const accounting = accounted[index]?.accounting;
    return {
      from: new Date(window.week.start),
      to: new Date(window.week.end),
      label: window.label,
      toilShare: accounting?.toilShare ?? 0,
      onCallShare: accounting?.onCallShare ?? 0,
      operational: accounting?.operational ?? 0,
      worked: accounting?.worked ?? 0,
    };
  });
  return { weeks, ...(await capsFor(db, viewer)) };
}
