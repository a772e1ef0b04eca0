"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_lib/trpc";
import type { ShareData, TrendData } from "@/app/_components/work/types";
import { ShareTrend } from "@/app/_components/charts/share-trend";
import { PeriodShare } from "./period-card";

type Period = "week" | "month" | "quarter";
const TITLES: Record<Period, string> = { week: "This week", month: "This month", quarter: "This quarter" };

/** Week, month and quarter, kept fresh through the cache that logging invalidates. */
export function LivePeriods({ initial, timeZone }: { initial: Record<Period, ShareData>; timeZone: string }) {
  const trpc = useTRPC();
  const week = useQuery(trpc.share.mine.queryOptions({ period: "week" }, { initialData: initial.week }));
  const month = useQuery(trpc.share.mine.queryOptions({ period: "month" }, { initialData: initial.month }));
  const quarter = useQuery(trpc.share.mine.queryOptions({ period: "quarter" }, { initialData: initial.quarter }));
  const periods: Array<[Period, ShareData]> = [
    ["week", week.data],
    ["month", month.data],
    ["quarter", quarter.data],
  ];
  return (
    <>
      {periods.map(([period, data]) => (
        <PeriodShare key={period} id={`share-${period}`} title={TITLES[period]} data={data} timeZone={timeZone} />
      ))}
    </>
  );
}

export function LiveTrend({ initial }: { initial: TrendData }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.share.trend.queryOptions({ weeks: initial.weeks.length }, { initialData: initial }));
  return (
    <ShareTrend
      weeks={data.weeks}
      toilCap={data.toilCap}
      onCallCap={data.onCallCap}
      caption={`Toil and on-call share over the last ${data.weeks.length} weeks`}
    />
  );
}
