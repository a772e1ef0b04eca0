import "server-only";
import { readOnly, router, signedInProcedure } from "@/server/trpc/init";
import { shareInput, trendInput } from "@/server/schemas/work-log";
import { myShare } from "@/server/services/share/my-share";
import { myShareOverview } from "@/server/services/share/my-share-overview";
import { myTrend } from "@/server/services/share/my-trend";

/** The caller's own shares against the caps, each read in one read-only transaction; managers' team reports live elsewhere. */
export const shareRouter = router({
  mine: signedInProcedure
    .input(shareInput)
    .use(readOnly)
    .query(({ ctx, input }) => myShare(ctx.db, ctx.viewer, input, ctx.now())),
  trend: signedInProcedure
    .input(trendInput)
    .use(readOnly)
    .query(({ ctx, input }) => myTrend(ctx.db, ctx.viewer, input, ctx.now())),
  /** The My share page's week, month, quarter and trend at once, from one load of the caller's facts. */
  overview: signedInProcedure
    .input(trendInput)
    .use(readOnly)
    .query(({ ctx, input }) => myShareOverview(ctx.db, ctx.viewer, input, ctx.now())),
});
