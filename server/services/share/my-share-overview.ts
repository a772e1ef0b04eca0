import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import { spanOf, trendWindows } from "@/server/domain/accounting";
import type { Interval } from "@/server/domain/time";
import { loadAccountingFacts, loadWorkProfile } from "./accounting-facts";
import { capsFor } from "./caps";
import { type MyShare, shareOf } from "./my-share";
import { type MyTrend, trendOf } from "./my-trend";
import { accountingWindow } from "./share-window";

export interface MyShareOverview {
  week: MyShare;
  month: MyShare;
  quarter: MyShare;
  trend: MyTrend;
}

/** From the earliest start to the latest end of `spans` (the empty ones left out), or null when all are empty. */
function covering(spans: ReadonlyArray<Interval | null>): Interval | null {
  const counted = spans.filter((span): span is Interval => span !== null && span.end > span.start);
  if (counted.length === 0) return null;
  return {
    start: Math.min(...counted.map((span) => span.start)),
    end: Math.max(...counted.map((span) => span.end)),
  };
}

/**
 * What the My share page shows: this week, month and quarter and the last `weeks` weeks, each as share.mine and
 * share.trend give it, counted from one load of the caller's facts over the span they cover together (the accounting
 * clips the facts to each window), instead of four loads of nearly the same facts.
 */
export async function myShareOverview(
  db: Db,
  viewer: Viewer,
  input: { weeks: number },
  now: Date,
): Promise<MyShareOverview> {
  const profile = await loadWorkProfile(db, viewer.personId);
  const caps = await capsFor(db, viewer);
  const week = accountingWindow({ period: "week" }, now, profile.timeZone);
  const month = accountingWindow({ period: "month" }, now, profile.timeZone);
  const quarter = accountingWindow({ period: "quarter" }, now, profile.timeZone);
  const weeks = trendWindows(profile.timeZone, input.weeks, now);
  const span = covering([week.accounted, month.accounted, quarter.accounted, spanOf(weeks)]);
  const facts = span
    ? await loadAccountingFacts(db, viewer.personId, profile, span, now)
    : { ...profile, absences: [], shifts: [], entries: [] };
  return {
    week: shareOf(facts, week, "week", caps),
    month: shareOf(facts, month, "month", caps),
    quarter: shareOf(facts, quarter, "quarter", caps),
    trend: trendOf(facts, weeks, caps),
  };
}
