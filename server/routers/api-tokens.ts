import "server-only";
import { router, signedInProcedure } from "@/server/trpc/init";
import { createTokenInput, revokeTokenInput } from "@/server/schemas/api-tokens";
import { createToken } from "@/server/services/api-tokens/create-token";
import { listTokens } from "@/server/services/api-tokens/list-tokens";
import { revokeToken } from "@/server/services/api-tokens/revoke-token";

/** The caller's own personal API tokens only: no person id is taken from input. */
export const apiTokensRouter = router({
  list: signedInProcedure.query(({ ctx }) => listTokens(ctx.db, ctx.viewer, ctx.now())),
  create: signedInProcedure
    .input(createTokenInput)
    .mutation(({ ctx, input }) =>
      createToken(ctx.db, ctx.viewer, input, { now: ctx.now(), actorPersonId: ctx.viewer.personId }),
    ),
  revoke: signedInProcedure
    .input(revokeTokenInput)
    .mutation(({ ctx, input }) => revokeToken(ctx.db, ctx.viewer, input, ctx.now())),
});
