import "server-only";
import { router, signedInProcedure } from "@/server/trpc/init";
import { startTimerInput } from "@/server/schemas/work-log";
import { discardTimer } from "@/server/services/work-log/timer/discard-timer";
import { startTimer } from "@/server/services/work-log/timer/start-timer";
import { stopTimer } from "@/server/services/work-log/timer/stop-timer";
import { loadTimerView } from "@/server/services/work-log/timer/timer-view";

/** The caller's own timer: one per person, kept in the database so it survives reloads. */
export const timerRouter = router({
  current: signedInProcedure.query(({ ctx }) => loadTimerView(ctx.db, ctx.viewer.personId, ctx.now())),
  start: signedInProcedure
    .input(startTimerInput)
    .mutation(({ ctx, input }) => startTimer(ctx.db, ctx.viewer, input, ctx.now())),
  stop: signedInProcedure
    .meta({ movesShares: "caller" })
    .mutation(({ ctx }) => stopTimer(ctx.db, ctx.viewer, ctx.now())),
  discard: signedInProcedure.mutation(({ ctx }) => discardTimer(ctx.db, ctx.viewer)),
});
