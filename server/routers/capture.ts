import "server-only";
import { router, signedInProcedure } from "@/server/trpc/init";
import { captureInboxInput, capturedInterruptInput, confirmCaptureInput } from "@/server/schemas/capture";
import { confirmCapture } from "@/server/services/capture/confirm-capture";
import { dismissCapture, restoreCapture } from "@/server/services/capture/dismiss-capture";
import { listCaptureInbox } from "@/server/services/capture/list-inbox";

/** Captured pages: the inbox is the caller's own; who may decide on a page is checked in the services. */
export const captureRouter = router({
  inbox: signedInProcedure
    .input(captureInboxInput)
    .query(({ ctx, input }) => listCaptureInbox(ctx.db, ctx.viewer, input, ctx.now())),
  confirm: signedInProcedure
    .input(confirmCaptureInput)
    .meta({ movesShares: "entry-owner" })
    .mutation(({ ctx, input }) => confirmCapture(ctx.db, ctx.viewer, input, ctx.now())),
  dismiss: signedInProcedure
    .input(capturedInterruptInput)
    .mutation(({ ctx, input }) => dismissCapture(ctx.db, ctx.viewer, input, ctx.now())),
  restore: signedInProcedure
    .input(capturedInterruptInput)
    .mutation(({ ctx, input }) => restoreCapture(ctx.db, ctx.viewer, input, ctx.now())),
});
