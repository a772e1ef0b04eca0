"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/app/_lib/format";
import { shareText } from "../work/datetime";
import { legendText, OKABE_ITO } from "./chart-style";

export interface TrendSeries {
  personId: string;
  name: string;
  /** One share per week, aligned with `labels`; null for a week that tells nothing (drawn as a gap). */
  shares: Array<number | null>;
}

/**
 * Weekly toil share of the team (thick, dark) against the cap (dashed), and of one highlighted engineer (blue,
 * dotted points) when one is chosen. Weeks without enough time counted are gaps, never 0%. Hidden from assistive
 * technology: the table beside it has the same numbers.
 */
export function TeamTrendChart({
  labels,
  team,
  highlight,
  toilCap,
}: {
  labels: string[];
  team: Array<number | null>;
  highlight: TrendSeries | null;
  toilCap: number;
}) {
  const data = labels.map((label, week) => ({
    label,
    team: team[week] ?? null,
    person: highlight?.shares[week] ?? null,
  }));
  const shares = [...team, ...(highlight?.shares ?? [])].filter((s): s is number => s !== null);
  const top = Math.min(1, Math.ceil((Math.max(toilCap, ...shares) + 0.05) * 10) / 10);
  return (
    <div aria-hidden="true" className="team-trend-chart">
      <LineChart
        accessibilityLayer={false}
        data={data}
        margin={{ top: 16, right: 16, bottom: 4, left: 0 }}
        responsive
        style={{ width: "100%", height: 320 }}
      >
        <CartesianGrid stroke="#e6e9ef" vertical={false} />
        <XAxis dataKey="label" fontSize={12} tickLine={false} minTickGap={16} />
        <YAxis
          domain={[0, top]}
          tickFormatter={(v: number) => formatPercent(v)}
          fontSize={12}
          width={44}
          tickLine={false}
        />
        <Tooltip formatter={(value) => (typeof value === "number" ? shareText(value) : String(value))} />
        <Legend verticalAlign="top" height={32} itemSorter={null} formatter={legendText} />
        <ReferenceLine
          y={toilCap}
          stroke={OKABE_ITO.vermillion}
          strokeWidth={2}
          strokeDasharray="6 4"
          label={{
            value: `cap ${formatPercent(toilCap)}`,
            position: "insideBottomLeft",
            fontSize: 12,
            fontWeight: 600,
            fill: "#a33f00",
          }}
        />
        <Line
          type="linear"
          dataKey="team"
          name="Team"
          stroke={OKABE_ITO.ink}
          strokeWidth={3.5}
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
        {highlight && (
          <Line
            type="linear"
            dataKey="person"
            name={highlight.name}
            stroke={OKABE_ITO.blue}
            strokeWidth={2.5}
            dot={{ r: 3.5, fill: "#fff", strokeWidth: 2 }}
            isAnimationActive={false}
          />
        )}
      </LineChart>
    </div>
  );
}
