import "server-only";
import { managerProcedure, plannerProcedure, readOnly, router, signedInProcedure } from "@/server/trpc/init";
import { myWorkInput } from "@/server/schemas/home";
import { teamOnlyInput } from "@/server/schemas/people";
import { coverageOutlook } from "@/server/services/home/coverage-outlook";
import { myWork } from "@/server/services/home/my-work";
import { teamStanding } from "@/server/services/home/team-standing";

/** The home page's sections by role: one query per section, fetched together. */
export const homeRouter = router({
  /**
   * The whole of My work in one read-only transaction (one snapshot, one connection, one BEGIN): the sections the
   * viewer's roles in the chosen team give them, each under the checks of the procedure it stands for.
   */
  myWork: signedInProcedure
    .input(myWorkInput)
    .use(readOnly)
    .query(({ ctx, input }) => myWork(ctx.db, ctx.viewer, input, ctx.now())),
  teamStanding: managerProcedure
    .input(teamOnlyInput)
    .query(({ ctx, input }) => teamStanding(ctx.db, ctx.viewer, input, ctx.now())),
  coverageOutlook: plannerProcedure
    .input(teamOnlyInput)
    .query(({ ctx, input }) => coverageOutlook(ctx.db, ctx.viewer, input, ctx.now())),
});
