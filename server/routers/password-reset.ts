import { publicProcedure, router } from "@/server/trpc/init";
import { previewPasswordResetInput, usePasswordResetInput } from "@/server/schemas/access";
import { previewPasswordReset, usePasswordReset } from "@/server/services/access/use-password-reset";

/** The reset page's two steps. The link is the credential: whoever holds an open one may use it, once. */
export const passwordResetRouter = router({
  preview: publicProcedure
    .input(previewPasswordResetInput)
    .query(({ ctx, input }) => previewPasswordReset(ctx.db, input.token, ctx.now())),
  use: publicProcedure
    .input(usePasswordResetInput)
    .mutation(({ ctx, input }) => usePasswordReset(ctx.db, input, ctx.now())),
});
