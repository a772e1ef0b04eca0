"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/app/_lib/format";
import { shareText } from "../work/datetime";
import type { TrendPoint } from "./share-trend";

const TOIL = "#2456c7";
const ON_CALL = "#b36200";

/** The drawing of {@link ShareTrend}, loaded after the page (see lazy.tsx). */
export function ShareTrendPlot({
  weeks,
  toilCap,
  onCallCap,
}: {
  weeks: TrendPoint[];
  toilCap: number;
  onCallCap: number;
}) {
  const top = Math.max(1, ...weeks.flatMap((w) => [w.toilShare, w.onCallShare]).filter((s): s is number => s !== null));
  return (
    <LineChart
      accessibilityLayer={false}
      data={weeks}
      margin={{ top: 16, right: 24, bottom: 4, left: 0 }}
      responsive
      style={{ width: "100%", height: 280 }}
    >
      <CartesianGrid stroke="#e6e9ef" vertical={false} />
      <XAxis dataKey="label" fontSize={12} tickLine={false} />
      <YAxis
        domain={[0, top]}
        tickFormatter={(v: number) => formatPercent(v)}
        fontSize={12}
        width={48}
        tickLine={false}
      />
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
        label={{
          value: `on-call cap ${formatPercent(onCallCap)}`,
          position: "insideBottomLeft",
          fontSize: 11,
          fill: ON_CALL,
        }}
      />
      <Line
        type="linear"
        dataKey="toilShare"
        name="Toil share"
        stroke={TOIL}
        strokeWidth={2.5}
        dot={{ r: 3 }}
        isAnimationActive={false}
      />
      <Line
        type="linear"
        dataKey="onCallShare"
        name="On-call share"
        stroke={ON_CALL}
        strokeWidth={2}
        dot={{ r: 3 }}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
