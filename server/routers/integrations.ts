import "server-only";
import { plannerProcedure, router } from "@/server/trpc/init";
import { teamOnlyInput } from "@/server/schemas/people";
import {
  createIntegrationInput,
  integrationIdInput,
  linkUserInput,
  setSigningSecretInput,
  userLinkKeyInput,
} from "@/server/schemas/integrations";
import { createIntegration } from "@/server/services/integrations/create-integration";
import { listIntegrations } from "@/server/services/integrations/list-integrations";
import { revokeIntegration } from "@/server/services/integrations/revoke-integration";
import { setSigningSecret } from "@/server/services/integrations/set-signing-secret";
import { linkUser, listUserLinks, setUserLinkRemoved } from "@/server/services/integrations/user-links";

/** Webhook endpoints of a team, managed by its planners and managers: they decide who gets paged. */
export const integrationsRouter = router({
  list: plannerProcedure.input(teamOnlyInput).query(({ ctx, input }) => listIntegrations(ctx.db, input.teamId)),
  create: plannerProcedure
    .input(createIntegrationInput)
    .mutation(({ ctx, input }) => createIntegration(ctx.db, ctx.viewer, input, ctx.now())),
  revoke: plannerProcedure
    .input(integrationIdInput)
    .mutation(({ ctx, input }) => revokeIntegration(ctx.db, ctx.viewer, input, ctx.now())),
  userLinks: plannerProcedure.input(teamOnlyInput).query(({ ctx, input }) => listUserLinks(ctx.db, input.teamId)),
  linkUser: plannerProcedure
    .input(linkUserInput)
    .mutation(({ ctx, input }) => linkUser(ctx.db, ctx.viewer, input, ctx.now())),
  removeUserLink: plannerProcedure
    .input(userLinkKeyInput)
    .mutation(({ ctx, input }) => setUserLinkRemoved(ctx.db, ctx.viewer, input, true, ctx.now())),
  restoreUserLink: plannerProcedure
    .input(userLinkKeyInput)
    .mutation(({ ctx, input }) => setUserLinkRemoved(ctx.db, ctx.viewer, input, false, ctx.now())),
  setSigningSecret: plannerProcedure
    .input(setSigningSecretInput)
    .mutation(({ ctx, input }) => setSigningSecret(ctx.db, ctx.viewer, input, ctx.now())),
});
