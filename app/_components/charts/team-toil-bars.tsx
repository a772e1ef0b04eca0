"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/app/_lib/format";
import { shareText } from "../work/datetime";

/** One engineer's bar: the toil share in its three parts, and the on-call share beside it. */
export interface MemberBar {
  name: string;
  duty: number;
  logged: number;
  afterHours: number;
  onCallShare: number;
  href: string;
}

const COLORS = { duty: "#1a3f94", logged: "#4f7cff", afterHours: "#b42318", onCall: "#b36200", cap: "#1b2230" };

/**
 * Toil share per engineer, stacked by duty, logged and after-hours, with the toil cap drawn, and the on-call share
 * against its cap. A bar opens that person's drill-down. The SVG is hidden from assistive technology: the table
 * beside it holds the same numbers and the same links.
 */
export function TeamToilBars({ members, toilCap, onCallCap }: { members: MemberBar[]; toilCap: number; onCallCap: number }) {
  const router = useRouter();
  const top = Math.max(1, ...members.map((m) => Math.max(m.duty + m.logged + m.afterHours, m.onCallShare)));
  const open = (index: number) => {
    const member = members[index];
    if (member) router.push(member.href);
  };
  return (
    <div aria-hidden="true" className="team-toil-bars">
      <BarChart
        accessibilityLayer={false}
        data={members}
        margin={{ top: 24, right: 16, bottom: 8, left: 0 }}
        barGap={2}
        maxBarSize={48}
        responsive
        style={{ width: "100%", height: 340 }}
      >
        <CartesianGrid stroke="#e6e9ef" vertical={false} />
        <XAxis dataKey="name" fontSize={12} tickLine={false} interval={0} tickFormatter={(name: string) => name.split(" ")[0] ?? name} />
        <YAxis domain={[0, top]} tickFormatter={(v: number) => formatPercent(v)} fontSize={12} width={48} tickLine={false} />
        <Tooltip formatter={(value) => (typeof value === "number" ? shareText(value) : String(value))} />
        <Legend verticalAlign="top" height={30} itemSorter={null} />
        <ReferenceLine
          y={toilCap}
          stroke={COLORS.cap}
          strokeWidth={2}
          strokeDasharray="6 4"
          label={{ value: `toil cap ${formatPercent(toilCap)}`, position: "insideTopRight", fontSize: 11, fill: COLORS.cap }}
        />
        <ReferenceLine
          y={onCallCap}
          stroke={COLORS.onCall}
          strokeDasharray="3 3"
          label={{ value: `on-call cap ${formatPercent(onCallCap)}`, position: "insideBottomRight", fontSize: 11, fill: COLORS.onCall }}
        />
        <Bar dataKey="duty" name="Duty" stackId="toil" fill={COLORS.duty} isAnimationActive={false} cursor="pointer" onClick={(_, index) => open(index)} />
        <Bar dataKey="logged" name="Logged toil" stackId="toil" fill={COLORS.logged} isAnimationActive={false} cursor="pointer" onClick={(_, index) => open(index)} />
        <Bar
          dataKey="afterHours"
          name="After hours"
          stackId="toil"
          fill={COLORS.afterHours}
          isAnimationActive={false}
          cursor="pointer"
          onClick={(_, index) => open(index)}
        />
        <Bar dataKey="onCallShare" name="On-call share" fill={COLORS.onCall} barSize={8} isAnimationActive={false} cursor="pointer" onClick={(_, index) => open(index)} />
      </BarChart>
    </div>
  );
}
