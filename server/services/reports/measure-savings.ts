import "server-only";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { measuredSavings, type MeasuredSavings } from "@/server/domain/roi";
import { wallClockInstant } from "@/server/domain/time";
import { sourceMinutes, type SourceKind } from "./source-totals";

/** How long either side of the automation date is compared at most: a quarter, so old history does not blur it. */
export const MEASURE_DAYS = 90;

export interface MeasuredSavingsView extends MeasuredSavings {
  /** Before is [beforeFrom, automatedAt), after is [automatedAt, afterTo): two spans of equal length. */
  beforeFrom: Date;
  automatedAt: Date;
  afterTo: Date;
}

/**
 * The source's hours a month before and after its automation date (local midnight on `timeZone`), over equal
 * spans: the time since that date, at most {@link MEASURE_DAYS}. Null until some time has passed.
 */
export async function measureSavings(
  db: Db,
  source: { teamId: string; kind: SourceKind; key: string; automatedOn: string },
  timeZone: string,
  now: Date,
): Promise<MeasuredSavingsView | null> {
  const day = DateTime.fromISO(source.automatedOn, { zone: "utc" });
  const automatedAt = wallClockInstant({ year: day.year, month: day.month, day: day.day }, 0, timeZone);
  const longest = DateTime.fromMillis(automatedAt, { zone: timeZone }).plus({ days: MEASURE_DAYS }).toMillis();
  const afterTo = Math.min(now.getTime(), longest);
  const spanMs = afterTo - automatedAt;
  if (spanMs <= 0) return null;
  const beforeFrom = automatedAt - spanMs;
  const beforeMinutes = await sourceMinutes(db, source.teamId, source.kind, source.key, {
    start: beforeFrom,
    end: automatedAt,
  });
  const afterMinutes = await sourceMinutes(db, source.teamId, source.kind, source.key, {
    start: automatedAt,
    end: afterTo,
  });
  const measured = measuredSavings({ beforeMinutes, afterMinutes, spanMs });
  return (
    measured && {
      ...measured,
      beforeFrom: new Date(beforeFrom),
      automatedAt: new Date(automatedAt),
      afterTo: new Date(afterTo),
    }
  );
}
