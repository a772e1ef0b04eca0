import { publicProcedure, router, signedInProcedure } from "@/server/trpc/init";
import { invitationTokenInput, respondJoinInput } from "@/server/schemas/people";
import { previewInvitation } from "@/server/services/people/invitations";
import { myJoinRequests, respondToJoinRequest } from "@/server/services/people/join-requests";

export const invitationsRouter = router({
  /** Anyone holding a link may see whom it is for: the link is the secret. */
  preview: publicProcedure
    .input(invitationTokenInput)
    .query(({ ctx, input }) => previewInvitation(ctx.db, input.token, ctx.now())),
  mine: signedInProcedure.query(({ ctx }) => myJoinRequests(ctx.db, ctx.viewer, ctx.now())),
  // Joining as an engineer puts the caller's shares under this team's caps from their join date.
  respond: signedInProcedure
    .input(respondJoinInput)
    .meta({ movesShares: "caller" })
    .mutation(({ ctx, input }) => respondToJoinRequest(ctx.db, ctx.viewer, input, ctx.now())),
});
