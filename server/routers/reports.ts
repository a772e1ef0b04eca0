import "server-only";
import { adminProcedure, managerProcedure, readOnly, router, teamMemberProcedure } from "@/server/trpc/init";
import {
  drillDownInput,
  estimateIdInput,
  interruptLoadInput,
  onCallHoursInput,
  orgSummaryInput,
  saveEstimateInput,
  teamReportInput,
  teamToilInput,
  toilSourcesInput,
  trendInput,
} from "@/server/schemas/reports";
import { listEstimates } from "@/server/services/reports/estimates/list-estimates";
import { removeEstimate } from "@/server/services/reports/estimates/remove-estimate";
import { saveEstimate } from "@/server/services/reports/estimates/save-estimate";
import { drillDown } from "@/server/services/reports/drill-down";
import { interruptLoad } from "@/server/services/reports/interrupt-load";
import { onCallHoursReport } from "@/server/services/reports/on-call-hours";
import { orgSummary } from "@/server/services/reports/org-summary";
import { teamToil } from "@/server/services/reports/team-toil";
import { toilSources } from "@/server/services/reports/toil-sources";
import { teamTrend } from "@/server/services/reports/trend";

/**
 * Team toil-cap reports. Every member of the team may call them; the services narrow what a caller sees:
 * managers and admins every member, engineers the team totals and their own detail. The organisation summary
 * (every team at once) is for admins only. Reads run in one read-only transaction each (see readOnly).
 */
export const reportsRouter = router({
  teamToil: teamMemberProcedure
    .input(teamToilInput)
    .use(readOnly)
    .query(({ ctx, input }) => teamToil(ctx.db, ctx.viewer, input, ctx.now())),
  trend: teamMemberProcedure
    .input(trendInput)
    .use(readOnly)
    .query(({ ctx, input }) => teamTrend(ctx.db, ctx.viewer, input, ctx.now())),
  interruptLoad: teamMemberProcedure
    .input(interruptLoadInput)
    .use(readOnly)
    .query(({ ctx, input }) => interruptLoad(ctx.db, ctx.viewer, input, ctx.now())),
  onCallHours: teamMemberProcedure
    .input(onCallHoursInput)
    .use(readOnly)
    .query(({ ctx, input }) => onCallHoursReport(ctx.db, ctx.viewer, input, ctx.now())),
  toilSources: teamMemberProcedure
    .input(toilSourcesInput)
    .use(readOnly)
    .query(({ ctx, input }) => toilSources(ctx.db, ctx.viewer, input, ctx.now())),
  drillDown: teamMemberProcedure
    .input(drillDownInput)
    .use(readOnly)
    .query(({ ctx, input }) => drillDown(ctx.db, ctx.viewer, input, ctx.now())),
  listEstimates: teamMemberProcedure
    .input(teamReportInput)
    .use(readOnly)
    .query(({ ctx, input }) => listEstimates(ctx.db, ctx.viewer, input)),
  saveEstimate: managerProcedure
    .input(saveEstimateInput)
    .mutation(({ ctx, input }) => saveEstimate(ctx.db, ctx.viewer, input, ctx.now())),
  orgSummary: adminProcedure
    .input(orgSummaryInput)
    .use(readOnly)
    .query(({ ctx, input }) => orgSummary(ctx.db, ctx.viewer, input, ctx.now())),
  removeEstimate: managerProcedure
    .input(estimateIdInput)
    .mutation(({ ctx, input }) => removeEstimate(ctx.db, ctx.viewer, input, ctx.now())),
});
