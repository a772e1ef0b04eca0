import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** The shapes the home's role sections receive, named once for the UI. */
type Outputs = inferRouterOutputs<AppRouter>;

export type TeamStandingData = Outputs["home"]["teamStanding"];
export type CoverageOutlookData = Outputs["home"]["coverageOutlook"];
export type OrgSummaryData = Outputs["reports"]["orgSummary"];
