"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ReferenceLine, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/app/_lib/format";
import { shareText } from "@/app/_components/work/datetime";
import type { PreviewPerson } from "./types";

const TOIL = "#2456c7";
const ON_CALL = "#b36200";
const ROW_HEIGHT = 46;

/**
 * Each person's projected toil and on-call share as paired bars with both caps drawn (dashed: toil, dotted:
 * on-call, named in the legend so the labels never collide). The bars carry their
 * value as text, "▲" when over the cap, so over-cap reads without colour. The SVG is hidden from assistive
 * technology: the table beside it holds the same numbers.
 */
export function ProjectedSharesChart({
  people,
  toilCap,
  onCallCap,
}: {
  people: PreviewPerson[];
  toilCap: number;
  onCallCap: number;
}) {
  const data = people.map((p) => ({
    name: p.name,
    toilShare: p.toilShare,
    onCallShare: p.onCallShare,
    // A no-break space keeps the mark beside its number: recharts wraps label text at spaces.
    toilLabel: `${shareText(p.toilShare)}${p.overToilCap ? "\u00a0▲" : ""}`,
    onCallLabel: `${shareText(p.onCallShare)}${p.overOnCallCap ? "\u00a0▲" : ""}`,
  }));
  const top = Math.max(1, ...people.map((p) => Math.max(p.toilShare, p.onCallShare)));
  return (
    <div aria-hidden="true" className="projected-chart">
      <BarChart
        accessibilityLayer={false}
        layout="vertical"
        data={data}
        margin={{ top: 8, right: 72, bottom: 4, left: 8 }}
        barGap={2}
        responsive
        style={{ width: "100%", height: 70 + people.length * ROW_HEIGHT }}
      >
        <CartesianGrid stroke="#e6e9ef" horizontal={false} />
        <XAxis
          type="number"
          domain={[0, top]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          tickFormatter={(v: number) => formatPercent(v)}
          fontSize={11}
          tickLine={false}
        />
        <YAxis type="category" dataKey="name" width={120} fontSize={12} tickLine={false} />
        <Legend verticalAlign="bottom" height={28} itemSorter={null} />
        <ReferenceLine x={toilCap} stroke={TOIL} strokeWidth={1.5} strokeDasharray="6 4" />
        <ReferenceLine x={onCallCap} stroke={ON_CALL} strokeWidth={1.5} strokeDasharray="2 3" />
        <Bar
          dataKey="toilShare"
          name={`Toil share (cap ${formatPercent(toilCap)}, dashed line)`}
          fill={TOIL}
          barSize={12}
          isAnimationActive={false}
        >
          <LabelList dataKey="toilLabel" position="right" fontSize={11} fill="#1b2230" />
        </Bar>
        <Bar
          dataKey="onCallShare"
          name={`On-call share (cap ${formatPercent(onCallCap)}, dotted line)`}
          fill={ON_CALL}
          barSize={12}
          isAnimationActive={false}
        >
          <LabelList dataKey="onCallLabel" position="right" fontSize={11} fill="#1b2230" />
        </Bar>
      </BarChart>
    </div>
  );
}
