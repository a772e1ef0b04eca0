"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/app/_lib/format";
import { shareText } from "../work/datetime";

export interface TrendPoint {
  label: string;
  toilShare: number;
  onCallShare: number;
}

const TOIL = "#2456c7";
const ON_CALL = "#b36200";

/**
 * Toil and on-call share week by week with both caps drawn. The SVG is hidden from assistive
 * technology; the same numbers are in a table right beside it (visually hidden).
 */
export function ShareTrend({ weeks, toilCap, onCallCap, caption }: { weeks: TrendPoint[]; toilCap: number; onCallCap: number; caption: string }) {
  const top = Math.max(1, ...weeks.map((w) => Math.max(w.toilShare, w.onCallShare)));
  const over = weeks.filter((w) => w.toilShare > toilCap).length;
  return (
    <figure className="share-trend">
      <figcaption className="visually-hidden">
        {caption}. Over the toil cap in {over} of {weeks.length} weeks.
      </figcaption>
      <div aria-hidden="true">
        <LineChart
          accessibilityLayer={false}
          data={weeks}
          margin={{ top: 16, right: 24, bottom: 4, left: 0 }}
          responsive
          style={{ width: "100%", height: 280 }}
        >
          <CartesianGrid stroke="#e6e9ef" vertical={false} />
          <XAxis dataKey="label" fontSize={12} tickLine={false} />
          <YAxis domain={[0, top]} tickFormatter={(v: number) => formatPercent(v)} fontSize={12} width={48} tickLine={false} />
          <Tooltip formatter={(value) => (typeof value === "number" ? shareText(value) : String(value))} />
          <Legend verticalAlign="top" height={28} itemSorter={null} />
          <ReferenceLine
            y={toilCap}
            stroke={TOIL}
            strokeDasharray="6 4"
            label={{ value: `toil cap ${formatPercent(toilCap)}`, position: "insideTopRight", fontSize: 11, fill: TOIL }}
          />
          <ReferenceLine
            y={onCallCap}
            stroke={ON_CALL}
            strokeDasharray="6 4"
            label={{ value: `on-call cap ${formatPercent(onCallCap)}`, position: "insideBottomLeft", fontSize: 11, fill: ON_CALL }}
          />
          <Line type="linear" dataKey="toilShare" name="Toil share" stroke={TOIL} strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} />
          <Line type="linear" dataKey="onCallShare" name="On-call share" stroke={ON_CALL} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </div>
      <table className="visually-hidden">
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
              <th scope="row">{w.label}</th>
              <td>{shareText(w.toilShare)}</td>
              <td>{shareText(w.onCallShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
