import "server-only";
import { router, teamMemberProcedure } from "@/server/trpc/init";
import { reviewWeekInput, saveReviewInput, saveSilenceInput, silenceIdInput } from "@/server/schemas/review";
import { reviewWeek } from "@/server/services/review/review-week";
import { saveReview } from "@/server/services/review/save-review";
import { liftSilence, restoreSilence } from "@/server/services/review/silences/lift-silence";
import { saveSilence } from "@/server/services/review/silences/save-silence";

/**
 * Weekly interrupt review of a team: pages and tickets marked actionable, causes, fixes, silences.
 * Every member may read it; the services check who may review or silence what (managers and planners anything,
 * engineers what paged them).
 */
export const reviewRouter = router({
  week: teamMemberProcedure
    .input(reviewWeekInput)
    .query(({ ctx, input }) => reviewWeek(ctx.db, ctx.viewer, input, ctx.now())),
  save: teamMemberProcedure
    .input(saveReviewInput)
    .mutation(({ ctx, input }) => saveReview(ctx.db, ctx.viewer, input, ctx.now())),
  silence: teamMemberProcedure
    .input(saveSilenceInput)
    .mutation(({ ctx, input }) => saveSilence(ctx.db, ctx.viewer, input, ctx.now())),
  liftSilence: teamMemberProcedure
    .input(silenceIdInput)
    .mutation(({ ctx, input }) => liftSilence(ctx.db, ctx.viewer, input, ctx.now())),
  restoreSilence: teamMemberProcedure
    .input(silenceIdInput)
    .mutation(({ ctx, input }) => restoreSilence(ctx.db, ctx.viewer, input, ctx.now())),
});
