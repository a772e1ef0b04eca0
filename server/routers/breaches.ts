import "server-only";
import { z } from "zod";
import { managerProcedure, router, signedInProcedure } from "@/server/trpc/init";
import { acknowledgeBreachInput, setWebhookInput, teamBreachesInput } from "@/server/schemas/breaches";
import { teamOnlyInput } from "@/server/schemas/people";
import { acknowledgeBreach } from "@/server/services/breaches/acknowledge-breach";
import { myBreaches } from "@/server/services/breaches/my-breaches";
import { teamBreaches } from "@/server/services/breaches/team-breaches";
import { testWebhook } from "@/server/services/breaches/test-webhook";
import { getWebhook, rotateWebhookSecret, setWebhook } from "@/server/services/breaches/webhook-settings";

/** Cap-breach notifications: shares crossing a team cap, once per engineer and period. */
export const breachesRouter = router({
  mine: signedInProcedure
    .input(z.strictObject({}).optional())
    .query(({ ctx }) => myBreaches(ctx.db, ctx.viewer, ctx.now())),
  team: managerProcedure
    .input(teamBreachesInput)
    .query(({ ctx, input }) => teamBreaches(ctx.db, ctx.viewer, input, ctx.now())),
  acknowledge: signedInProcedure
    .input(acknowledgeBreachInput)
    .mutation(({ ctx, input }) => acknowledgeBreach(ctx.db, ctx.viewer, input, ctx.now())),
  getWebhook: managerProcedure.input(teamOnlyInput).query(({ ctx, input }) => getWebhook(ctx.db, ctx.viewer, input)),
  setWebhook: managerProcedure
    .input(setWebhookInput)
    .mutation(({ ctx, input }) => setWebhook(ctx.db, ctx.viewer, input, ctx.now())),
  rotateWebhookSecret: managerProcedure
    .input(teamOnlyInput)
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.db, ctx.viewer, input)),
  testWebhook: managerProcedure
    .input(teamOnlyInput)
    .mutation(({ ctx, input }) => testWebhook(ctx.db, ctx.viewer, input, ctx.now())),
});
