import "server-only";
import { router, signedInProcedure } from "@/server/trpc/init";
import { createInterruptInput, logInterruptTimeInput } from "@/server/schemas/work-log";
import { createInterrupt } from "@/server/services/interrupts/create-interrupt";
import { logInterruptTime } from "@/server/services/interrupts/log-interrupt-time";

export const interruptsRouter = router({
  create: signedInProcedure
    .input(createInterruptInput)
    .mutation(({ ctx, input }) => createInterrupt(ctx.db, ctx.viewer, input)),
  logTime: signedInProcedure
    .input(logInterruptTimeInput)
    .meta({ movesShares: "caller" })
    .mutation(({ ctx, input }) => logInterruptTime(ctx.db, ctx.viewer, input, ctx.now())),
});
