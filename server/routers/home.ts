import "server-only";
import { managerProcedure, plannerProcedure, router } from "@/server/trpc/init";
import { teamOnlyInput } from "@/server/schemas/people";
import { coverageOutlook } from "@/server/services/home/coverage-outlook";
import { teamStanding } from "@/server/services/home/team-standing";

/** The home page's sections by role: one query per section, fetched together. */
export const homeRouter = router({
  teamStanding: managerProcedure
    .input(teamOnlyInput)
    .query(({ ctx, input }) => teamStanding(ctx.db, ctx.viewer, input, ctx.now())),
  coverageOutlook: plannerProcedure
    .input(teamOnlyInput)
    .query(({ ctx, input }) => coverageOutlook(ctx.db, ctx.viewer, input, ctx.now())),
});
