"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/app/_lib/format";
import { shareText } from "../work/datetime";

export interface TrendSeries {
  name: string;
  /** One share per week, aligned with `labels`; null for a week that tells nothing (drawn as a gap). */
  shares: Array<number | null>;
}

const PALETTE = ["#4f7cff", "#22a37a", "#b36200", "#8a3ffc", "#d12771", "#0f8ea8", "#6b7a00", "#a35200", "#5b6577", "#c03b26", "#2c6e49", "#7a4fb0"];
const TEAM = "#1b2230";

/**
 * Weekly toil share of the team (thick) and of each engineer (thin), with the cap drawn. Hidden from assistive
 * technology: the table beside it has the same numbers.
 */
export function TeamTrendChart({ labels, team, members, toilCap }: { labels: string[]; team: Array<number | null>; members: TrendSeries[]; toilCap: number }) {
  const data = labels.map((label, week) => ({
    label,
    team: team[week] ?? null,
    ...Object.fromEntries(members.map((m, index) => [`m${index}`, m.shares[week] ?? null])),
  }));
  const top = Math.max(1, ...[...team, ...members.flatMap((m) => m.shares)].filter((s): s is number => s !== null));
  return (
    <div aria-hidden="true" className="team-trend-chart">
      <LineChart accessibilityLayer={false} data={data} margin={{ top: 16, right: 24, bottom: 4, left: 0 }} responsive style={{ width: "100%", height: 340 }}>
        <CartesianGrid stroke="#e6e9ef" vertical={false} />
        <XAxis dataKey="label" fontSize={12} tickLine={false} />
        <YAxis domain={[0, top]} tickFormatter={(v: number) => formatPercent(v)} fontSize={12} width={48} tickLine={false} />
        <Tooltip formatter={(value) => (typeof value === "number" ? shareText(value) : String(value))} />
        <Legend verticalAlign="top" height={44} />
        <ReferenceLine y={toilCap} stroke="#b42318" strokeWidth={2} strokeDasharray="6 4" label={{ value: `cap ${formatPercent(toilCap)}`, position: "insideTopRight", fontSize: 11, fill: "#b42318" }} />
        {members.map((m, index) => (
          <Line key={m.name} type="linear" dataKey={`m${index}`} name={m.name} stroke={PALETTE[index % PALETTE.length]} strokeWidth={1.25} dot={false} isAnimationActive={false} />
        ))}
        <Line type="linear" dataKey="team" name="Team" stroke={TEAM} strokeWidth={3.5} dot={{ r: 2 }} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
