"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export interface InterruptWeekPoint {
  label: string;
  pages: number;
  tickets: number;
  requests: number;
}

/** Pages, tickets and requests per week, stacked. Hidden from assistive technology; the table has the numbers. */
export function InterruptWeeksChart({ weeks }: { weeks: InterruptWeekPoint[] }) {
  return (
    <div aria-hidden="true" className="interrupt-chart">
      <BarChart
        accessibilityLayer={false}
        data={weeks}
        margin={{ top: 16, right: 16, bottom: 4, left: 0 }}
        responsive
        style={{ width: "100%", height: 280 }}
      >
        <CartesianGrid stroke="#e6e9ef" vertical={false} />
        <XAxis dataKey="label" fontSize={12} tickLine={false} />
        <YAxis allowDecimals={false} fontSize={12} width={40} tickLine={false} />
        <Tooltip />
        <Legend verticalAlign="top" height={28} />
        <Bar dataKey="pages" name="Pages" stackId="kind" fill="#b42318" isAnimationActive={false} />
        <Bar dataKey="tickets" name="Tickets" stackId="kind" fill="#2456c7" isAnimationActive={false} />
        <Bar dataKey="requests" name="Requests" stackId="kind" fill="#8a9ab5" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
