"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/app/_lib/format";

export interface ParetoPoint {
  label: string;
  yearlyCostHours: number;
  cumulativeShare: number;
}

const COST = "#2456c7";
const CUMULATIVE = "#b36200";

/**
 * Toil sources ranked by yearly cost (bars) with the running share of the total (line, right axis): the few
 * sources left of where the line flattens are most of the toil. Hidden from assistive technology; the ranked
 * table beside it has the numbers.
 */
export function ParetoChart({ sources }: { sources: ParetoPoint[] }) {
  return (
    <div aria-hidden="true" className="pareto-chart">
      <ComposedChart
        accessibilityLayer={false}
        data={sources}
        margin={{ top: 16, right: 8, bottom: 8, left: 0 }}
        responsive
        style={{ width: "100%", height: 320 }}
      >
        <CartesianGrid stroke="#e6e9ef" vertical={false} />
        <XAxis
          dataKey="label"
          fontSize={11}
          tickLine={false}
          interval={0}
          angle={-25}
          textAnchor="end"
          height={70}
          tickFormatter={(label: string) => (label.length > 18 ? `${label.slice(0, 17)}…` : label)}
        />
        <YAxis
          yAxisId="cost"
          fontSize={12}
          width={56}
          tickLine={false}
          tickFormatter={(v: number) => `${Math.round(v)} h`}
        />
        <YAxis
          yAxisId="share"
          orientation="right"
          domain={[0, 1]}
          fontSize={12}
          width={44}
          tickLine={false}
          tickFormatter={(v: number) => formatPercent(v)}
        />
        <Tooltip
          formatter={(value, name) =>
            typeof value === "number"
              ? name === "Cumulative share"
                ? formatPercent(value)
                : `${Math.round(value)} h a year`
              : String(value)
          }
        />
        <Legend verticalAlign="top" height={28} />
        <Bar
          yAxisId="cost"
          dataKey="yearlyCostHours"
          name="Yearly cost (hours)"
          fill={COST}
          isAnimationActive={false}
        />
        <Line
          yAxisId="share"
          type="linear"
          dataKey="cumulativeShare"
          name="Cumulative share"
          stroke={CUMULATIVE}
          strokeWidth={2.5}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}
