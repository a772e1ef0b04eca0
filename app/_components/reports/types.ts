import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** The shapes the team report procedures return, named once for the UI. */
type Reports = inferRouterOutputs<AppRouter>["reports"];

export type TeamToilData = Reports["teamToil"];
export type MemberToilRow = TeamToilData["members"][number];
export type DrillDownData = Reports["drillDown"];
export type ToilSourcesData = Reports["toilSources"];
export type ToilSourceRow = ToilSourcesData["sources"][number];
export type SourceKind = ToilSourcesData["groupBy"];
export type TeamTrendData = Reports["trend"];
export type InterruptLoadData = Reports["interruptLoad"];
export type OnCallHoursData = Reports["onCallHours"];

/** A row of an exported table: plain cells, so CSV and JSON say the same. */
export type ExportRow = Record<string, string | number | null>;
