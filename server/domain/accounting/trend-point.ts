import { isProvisional } from "./provisional";
import type { TrendWindow } from "./trend-weeks";
import type { Accounting } from "./types";

/** One week of a trend, as the charts and tables draw it. */
export interface TrendPoint {
  from: Date;
  to: Date;
  /** The week's Monday on the trend's wall clock, "16 Nov". */
  label: string;
  /** Null when the week tells nothing (provisional: no data, or less than a working day scheduled): a gap, not 0%. */
  toilShare: number | null;
  onCallShare: number | null;
  operational: number;
  worked: number;
  provisional: boolean;
  /** The running week: counted only up to now, so it is not yet comparable with whole weeks. */
  partial: boolean;
}

/** A week's point; a team passes its own provisional reading (see isTeamProvisional). */
export function trendPoint(
  window: TrendWindow,
  accounting: Accounting,
  provisional: boolean = isProvisional(accounting),
): TrendPoint {
  return {
    from: new Date(window.week.start),
    to: new Date(window.week.end),
    label: window.label,
    toilShare: provisional ? null : accounting.toilShare,
    onCallShare: provisional ? null : accounting.onCallShare,
    operational: accounting.operational,
    worked: accounting.worked,
    provisional,
    partial: window.accounted.end < window.week.end,
  };
}
