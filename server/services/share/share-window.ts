import { Duration } from "luxon";
import { countedSpan, periodWindow, rollingDaysWindow } from "@/server/domain/accounting";
import type { Interval } from "@/server/domain/time";
import { DomainError } from "../errors";

/** The periods a share or a team report is asked for. */
export type AccountingPeriodKind = "week" | "month" | "quarter" | "rolling90" | "custom";

export interface PeriodRequest {
  period: AccountingPeriodKind;
  /** A custom range's ends. */
  from?: Date;
  to?: Date;
  /** Any instant in the wanted week, month or quarter, or the last day of a rolling 90; defaults to now. */
  at?: Date;
}

export interface AccountingWindow {
  kind: AccountingPeriodKind;
  /** The whole calendar period, or the chosen range. */
  period: Interval;
  /**
   * The part that is counted: the period cut at `now`, because nothing after now has happened yet (a running
   * week counts Monday up to now, not the scheduled hours still to come). Empty (start = end) for a future period.
   */
  accounted: Interval;
}

/** A rolling period is this many local days, the day of `at` included. */
export const ROLLING_DAYS = 90;

/** A chosen range reaches back at most this far: enough for "a few quarters" (docs/accounting.md). */
export const MAX_RANGE_MS = Duration.fromObject({ days: 731 }).toMillis();

/**
 * The one windowing rule of every share and report (my share, team toil, trend, interrupt load, sources):
 * the period on the wall clock of `timeZone`, counted up to `now` at the latest.
 */
export function accountingWindow(request: PeriodRequest, now: Date, timeZone: string): AccountingWindow {
  const period = periodOf(request, now, timeZone);
  return { kind: request.period, period, accounted: cutAtNow(period, now) };
}

/** The part of `period` that is not in the future. */
export function cutAtNow(period: Interval, now: Date): Interval {
  return countedSpan(period, now.getTime());
}

/** Refuses a range that is empty or longer than {@link MAX_RANGE_MS}, at the field `to`. */
export function checkedRange(from: Date | undefined, to: Date | undefined): Interval {
  if (!from || !to || from >= to)
    throw new DomainError("invalid", "A custom range needs a start before its end.", "to");
  if (to.getTime() - from.getTime() > MAX_RANGE_MS)
    throw new DomainError("invalid", "A range can span at most two years.", "to");
  return { start: from.getTime(), end: to.getTime() };
}

function periodOf(request: PeriodRequest, now: Date, timeZone: string): Interval {
  const at = (request.at ?? now).getTime();
  switch (request.period) {
    case "custom":
      return checkedRange(request.from, request.to);
    case "rolling90":
      return rollingDaysWindow(at, ROLLING_DAYS, timeZone);
    default:
      return periodWindow(request.period, at, timeZone);
  }
}
