"use client";

import { formatPercent } from "@/app/_lib/format";
import { trendCell, trendLabel } from "./trend-text";
import { ShareTrendPlotLazy } from "./lazy";

export interface TrendPoint {
  label: string;
  /** Null for a week that tells nothing yet: drawn as a gap, never as 0%. */
  toilShare: number | null;
  onCallShare: number | null;
  /** The running week, counted only up to now. */
  partial: boolean;
}

/**
 * Toil and on-call share week by week with both caps drawn. The SVG is hidden from assistive
 * technology; the same numbers are in a table right beside it (visually hidden).
 */
export function ShareTrend({
  weeks,
  toilCap,
  onCallCap,
  caption,
}: {
  weeks: TrendPoint[];
  toilCap: number;
  onCallCap: number;
  caption: string;
}) {
  const over = weeks.filter((w) => w.toilShare !== null && w.toilShare > toilCap).length;
  return (
    <figure className="share-trend">
      <figcaption className="visually-hidden">
        {caption}. Over the toil cap in {over} of {weeks.length} weeks.
      </figcaption>
      <div aria-hidden="true">
        <ShareTrendPlotLazy
          weeks={weeks.map((w) => ({ ...w, label: trendLabel(w) }))}
          toilCap={toilCap}
          onCallCap={onCallCap}
        />
      </div>
      {/* A table is as wide as its columns whatever its own width says: the wrapper clips it to nothing. */}
      <div className="visually-hidden">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Toil share (cap {formatPercent(toilCap)})</th>
              <th scope="col">On-call share (cap {formatPercent(onCallCap)})</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.label}>
                <th scope="row">{trendLabel(w)}</th>
                <td>{trendCell(w.toilShare)}</td>
                <td>{trendCell(w.onCallShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
