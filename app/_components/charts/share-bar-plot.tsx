"use client";

import { Bar, BarChart, Cell, ReferenceArea, ReferenceLine, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/app/_lib/format";

const COLORS = { under: "#2456c7", over: "#b42318", cap: "#1b2230", track: "#eef1f5" };

/** The drawing of {@link ShareBar}, loaded after the page (see lazy.tsx). */
export function ShareBarPlot({ label, share, cap }: { label: string; share: number; cap: number }) {
  const over = share > cap;
  return (
    <BarChart
      accessibilityLayer={false}
      layout="vertical"
      data={[{ name: label, share: Math.min(1, share) }]}
      margin={{ top: 14, right: 12, bottom: 0, left: 12 }}
      responsive
      style={{ width: "100%", height: 64 }}
    >
      <XAxis
        type="number"
        domain={[0, 1]}
        ticks={[0, 0.25, 0.5, 0.75, 1]}
        tickFormatter={(v: number) => formatPercent(v)}
        fontSize={11}
        tickLine={false}
      />
      <YAxis type="category" dataKey="name" hide />
      <ReferenceArea x1={0} x2={1} fill={COLORS.track} fillOpacity={1} ifOverflow="hidden" />
      <Bar dataKey="share" barSize={20} radius={[0, 4, 4, 0]} isAnimationActive={false}>
        <Cell fill={over ? COLORS.over : COLORS.under} />
      </Bar>
      <ReferenceLine
        x={cap}
        stroke={COLORS.cap}
        strokeWidth={2}
        strokeDasharray="4 3"
        label={{ value: `cap ${formatPercent(cap)}`, position: "top", fontSize: 11, fill: COLORS.cap }}
      />
    </BarChart>
  );
}
