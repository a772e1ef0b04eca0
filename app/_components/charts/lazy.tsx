"use client";

import dynamic from "next/dynamic";
import type { ComponentProps, ComponentType, ReactNode } from "react";
import type { InterruptWeeksChart } from "./interrupt-weeks-chart";
import type { ParetoChart } from "./pareto-chart";
import type { ShareBarPlot } from "./share-bar-plot";
import type { ShareTrendPlot } from "./share-trend-plot";
import type { TeamToilBars } from "./team-toil-bars";
import type { TeamTrendChart } from "./team-trend-chart";
import type { ProjectedSharesChart } from "../rotations/projected-shares-chart";
import { teamBarsHeight } from "./chart-style";

/**
 * The charts, drawn once the page is interactive. recharts is over 100 kB of gzipped JavaScript, a third of a
 * page; every chart's numbers are also in text or a table beside it, so they are there before the drawing. Each
 * keeps the drawing's height reserved, so nothing moves when it arrives.
 */
function sized<P extends object>(Plot: ComponentType<P>, height: (props: P) => number, className?: string) {
  function SizedPlot(props: P): ReactNode {
    return (
      <div className={className} style={{ minHeight: height(props) }} data-chart-slot>
        <Plot {...props} />
      </div>
    );
  }
  return SizedPlot;
}

const ShareBarPlotNow = dynamic(() => import("./share-bar-plot").then((m) => m.ShareBarPlot), { ssr: false });
const ShareTrendPlotNow = dynamic(() => import("./share-trend-plot").then((m) => m.ShareTrendPlot), { ssr: false });
const TeamToilBarsNow = dynamic(() => import("./team-toil-bars").then((m) => m.TeamToilBars), { ssr: false });
const TeamTrendChartNow = dynamic(() => import("./team-trend-chart").then((m) => m.TeamTrendChart), { ssr: false });
const InterruptWeeksChartNow = dynamic(() => import("./interrupt-weeks-chart").then((m) => m.InterruptWeeksChart), {
  ssr: false,
});
const ParetoChartNow = dynamic(() => import("./pareto-chart").then((m) => m.ParetoChart), { ssr: false });
const ProjectedSharesChartNow = dynamic(
  () => import("../rotations/projected-shares-chart").then((m) => m.ProjectedSharesChart),
  { ssr: false },
);

export const ShareBarPlotLazy = sized<ComponentProps<typeof ShareBarPlot>>(ShareBarPlotNow, () => 64);
export const ShareTrendPlotLazy = sized<ComponentProps<typeof ShareTrendPlot>>(ShareTrendPlotNow, () => 280);
export const TeamToilBarsLazy = sized<ComponentProps<typeof TeamToilBars>>(TeamToilBarsNow, (p) =>
  teamBarsHeight(p.members.length),
);
export const TeamTrendChartLazy = sized<ComponentProps<typeof TeamTrendChart>>(TeamTrendChartNow, () => 320);
export const InterruptWeeksChartLazy = sized<ComponentProps<typeof InterruptWeeksChart>>(
  InterruptWeeksChartNow,
  () => 280,
);
export const ParetoChartLazy = sized<ComponentProps<typeof ParetoChart>>(ParetoChartNow, () => 320);
// 70 px of axes and legend, and a row per person (the chart's own ROW_HEIGHT).
export const ProjectedSharesChartLazy = sized<ComponentProps<typeof ProjectedSharesChart>>(
  ProjectedSharesChartNow,
  (p) => 70 + p.people.length * 46,
);
