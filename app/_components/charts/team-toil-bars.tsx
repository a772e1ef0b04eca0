"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/app/_lib/format";
import { shareText } from "../work/datetime";
import { legendText, OKABE_ITO, teamBarsHeight } from "./chart-style";

/** One engineer's bar: the toil share in its three parts, and the on-call share beside it. */
export interface MemberBar {
  name: string;
  duty: number;
  logged: number;
  afterHours: number;
  onCallShare: number;
  href: string;
}

const COLORS = {
  duty: OKABE_ITO.blue,
  logged: OKABE_ITO.skyBlue,
  afterHours: OKABE_ITO.vermillion,
  onCall: OKABE_ITO.orange,
  cap: OKABE_ITO.ink,
};

function toilShare(member: MemberBar): number {
  return member.duty + member.logged + member.afterHours;
}

/** First names, unless two people share one: then the full names, so no two rows read the same. */
function rowNames(members: MemberBar[]): Map<MemberBar, string> {
  const first = (m: MemberBar) => m.name.split(" ")[0] ?? m.name;
  const counts = new Map<string, number>();
  for (const m of members) counts.set(first(m), (counts.get(first(m)) ?? 0) + 1);
  return new Map(members.map((m) => [m, (counts.get(first(m)) ?? 0) > 1 ? m.name : first(m)]));
}

/**
 * Toil share per engineer as horizontal bars, highest first, stacked by duty, logged and after-hours, with the
 * on-call share beside each; the caps are vertical lines labelled above the bars, and the names sit on their own
 * rows so they never run into each other on a phone. A bar opens that person's drill-down. The SVG is hidden
 * from assistive technology: the table beside it holds the same numbers and the same links.
 */
export function TeamToilBars({
  members,
  toilCap,
  onCallCap,
}: {
  members: MemberBar[];
  toilCap: number;
  onCallCap: number;
}) {
  const router = useRouter();
  const names = rowNames(members);
  const rows = [...members]
    .sort((a, b) => toilShare(b) - toilShare(a))
    .map((m) => ({ ...m, label: names.get(m) ?? m.name }));
  const top = Math.max(toilCap, onCallCap, ...rows.map((m) => Math.max(toilShare(m), m.onCallShare)));
  // Quarter steps, so the grid lines fall on round shares and the caps (25%, 50%) sit on them.
  const domainTop = Math.min(1, Math.ceil((top + 0.02) * 4) / 4);
  const ticks = Array.from({ length: Math.round(domainTop * 4) + 1 }, (_, step) => step / 4);
  const open = (index: number) => {
    const member = rows[index];
    if (member) router.push(member.href);
  };
  const bar = {
    isAnimationActive: false,
    cursor: "pointer",
    onClick: (_: unknown, index: number) => open(index),
  } as const;
  return (
    <div aria-hidden="true" className="team-toil-bars">
      <BarChart
        accessibilityLayer={false}
        layout="vertical"
        data={rows}
        margin={{ top: 40, right: 16, bottom: 0, left: 0 }}
        barGap={2}
        barCategoryGap={8}
        responsive
        style={{ width: "100%", height: teamBarsHeight(rows.length) }}
      >
        <CartesianGrid stroke="#e6e9ef" horizontal={false} />
        <XAxis
          type="number"
          domain={[0, domainTop]}
          ticks={ticks}
          tickFormatter={(v: number) => formatPercent(v)}
          fontSize={12}
          tickLine={false}
        />
        <YAxis type="category" dataKey="label" width={84} fontSize={12} tickLine={false} interval={0} />
        <Tooltip formatter={(value) => (typeof value === "number" ? shareText(value) : String(value))} />
        <Legend verticalAlign="bottom" height={36} itemSorter={null} formatter={legendText} />
        <ReferenceLine
          x={toilCap}
          stroke={COLORS.cap}
          strokeWidth={2}
          strokeDasharray="6 4"
          label={{
            value: `toil cap ${formatPercent(toilCap)}`,
            position: "top",
            offset: 22,
            fontSize: 12,
            fontWeight: 600,
            fill: COLORS.cap,
          }}
        />
        <ReferenceLine
          x={onCallCap}
          stroke="#8a5200"
          strokeWidth={1.5}
          strokeDasharray="2 3"
          label={{
            value: `on-call cap ${formatPercent(onCallCap)}`,
            position: "top",
            offset: 6,
            fontSize: 12,
            fill: "#8a5200",
          }}
        />
        <Bar dataKey="duty" name="Duty" stackId="toil" fill={COLORS.duty} barSize={16} {...bar} />
        <Bar dataKey="logged" name="Logged toil" stackId="toil" fill={COLORS.logged} barSize={16} {...bar} />
        <Bar dataKey="afterHours" name="After hours" stackId="toil" fill={COLORS.afterHours} barSize={16} {...bar} />
        <Bar dataKey="onCallShare" name="On-call share" fill={COLORS.onCall} barSize={6} {...bar} />
      </BarChart>
    </div>
  );
}
