import "server-only";
import { adminProcedure, managerProcedure, signedInProcedure, teamMemberProcedure, router } from "@/server/trpc/init";
import {
  createTeamInput,
  invitationInput,
  inviteInput,
  overloadThresholdsInput,
  removeMemberInput,
  restoreMemberInput,
  setRolesInput,
  teamCapsInput,
  teamOnlyInput,
  teamTimeZoneInput,
} from "@/server/schemas/people";
import { setMemberRoles } from "@/server/services/people/invite";
import {
  inviteAndDeliver,
  listPendingInvitations,
  reissueAndDeliver,
  revokeInvitation,
} from "@/server/services/people/invitations";
import { removeMember, restoreMember } from "@/server/services/people/remove-member";
import {
  createTeam,
  getTeam,
  listMembers,
  listTeams,
  updateTeamCaps,
  updateTeamTimeZone,
} from "@/server/services/people/teams";
import { afterOverloadChange } from "@/server/services/rotations/record-overloads";
import { updateOverloadThresholds } from "@/server/services/rotations/update-overload-thresholds";

export const teamsRouter = router({
  list: signedInProcedure.query(({ ctx }) => listTeams(ctx.db, ctx.viewer)),
  get: teamMemberProcedure.input(teamOnlyInput).query(({ ctx, input }) => getTeam(ctx.db, input.teamId)),
  members: teamMemberProcedure.input(teamOnlyInput).query(({ ctx, input }) => listMembers(ctx.db, input.teamId)),
  create: adminProcedure
    .input(createTeamInput)
    .mutation(({ ctx, input }) => createTeam(ctx.db, ctx.viewer, input, ctx.now())),
  invite: managerProcedure
    .input(inviteInput)
    .mutation(({ ctx, input }) => inviteAndDeliver(ctx.db, ctx.viewer, input, ctx.now())),
  invitations: managerProcedure
    .input(teamOnlyInput)
    .query(({ ctx, input }) => listPendingInvitations(ctx.db, input.teamId, ctx.now())),
  revokeInvitation: managerProcedure
    .input(invitationInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.viewer, input, ctx.now())),
  reissueInvitation: managerProcedure
    .input(invitationInput)
    .mutation(({ ctx, input }) => reissueAndDeliver(ctx.db, ctx.viewer, input, ctx.now())),
  removeMember: managerProcedure
    .input(removeMemberInput)
    .meta({ movesShares: "team" })
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.viewer, input, ctx.now())),
  restoreMember: managerProcedure
    .input(restoreMemberInput)
    .meta({ movesShares: "team" })
    .mutation(({ ctx, input }) => restoreMember(ctx.db, ctx.viewer, input)),
  setRoles: managerProcedure
    .input(setRolesInput)
    .meta({ movesShares: "team" })
    .mutation(({ ctx, input }) => setMemberRoles(ctx.db, ctx.viewer, input)),
  updateCaps: managerProcedure
    .input(teamCapsInput)
    .mutation(({ ctx, input }) => updateTeamCaps(ctx.db, ctx.viewer, input)),
  // New thresholds may flag a duty rotation at once: recorded behind the answer.
  updateOverloadThresholds: managerProcedure
    .input(overloadThresholdsInput)
    .mutation(async ({ ctx, input }) =>
      afterOverloadChange(ctx, await updateOverloadThresholds(ctx.db, ctx.viewer, input), input.teamId),
    ),
  // Another zone moves the month a breach falls in: the team's engineers are checked again.
  updateTimeZone: managerProcedure
    .input(teamTimeZoneInput)
    .meta({ movesShares: "team" })
    .mutation(({ ctx, input }) => updateTeamTimeZone(ctx.db, ctx.viewer, input)),
});
