"use client";

import { Bar, BarChart, Cell, ReferenceArea, ReferenceLine, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/app/_lib/format";
import { shareText } from "../work/datetime";

const COLORS = { under: "#2456c7", over: "#b42318", cap: "#1b2230", track: "#eef1f5" };

/**
 * One share as a horizontal bar from 0 to 100% with the cap drawn as a reference line. The chart is
 * decoration for sighted readers; its figure caption carries the numbers for everyone else.
 */
export function ShareBar({ label, share, cap }: { label: string; share: number; cap: number }) {
  const over = share > cap;
  const summary = `${label}: ${shareText(share)}, cap ${formatPercent(cap)}, ${over ? "over" : "under"} the cap`;
  return (
    <figure className="share-bar" aria-label={summary}>
      <figcaption className="share-bar-caption">
        <span>{label}</span>
        <span className="share-bar-value">
          <strong>{shareText(share)}</strong>
          <span className={`badge ${over ? "over" : "under"}`}>{over ? "over cap" : "under cap"}</span>
        </span>
      </figcaption>
      <div aria-hidden="true">
        <BarChart
          accessibilityLayer={false}
          layout="vertical"
          data={[{ name: label, share: Math.min(1, share) }]}
          margin={{ top: 14, right: 12, bottom: 0, left: 12 }}
          responsive
          style={{ width: "100%", height: 64 }}
        >
          <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => formatPercent(v)} fontSize={11} tickLine={false} />
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
      </div>
    </figure>
  );
}
