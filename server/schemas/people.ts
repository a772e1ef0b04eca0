import { z } from "zod";
import { email, isoDate, personName, share, teamRoles, teamScoped, timeZone } from "./common";

export const teamOnlyInput = teamScoped({});
export const inviteFields = { name: personName, email, timeZone, roles: teamRoles };
export const inviteInput = teamScoped(inviteFields);
export const setRolesInput = teamScoped({ personId: z.uuid("personId must be a person's id"), roles: teamRoles });
export const createTeamInput = z.strictObject({
  name: z.string().trim().min(1, "Enter a team name").max(80, "At most 80 characters"),
  /** The zone the team's reports count weeks and months on; the creator's own when left out. */
  timeZone: timeZone.optional(),
});
export const teamTimeZoneInput = teamScoped({ timeZone });
export const teamCapsInput = teamScoped({ toilCap: share, onCallCap: share });

const invitationId = z.uuid("invitationId must be an invitation's id");
export const invitationInput = teamScoped({ invitationId });
export const respondJoinInput = z.strictObject({ invitationId, accept: z.boolean("accept must be true or false") });
export const invitationTokenInput = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This is not an invitation link's token"),
});
const personId = z.uuid("personId must be a person's id");
export const removeMemberInput = teamScoped({ personId, from: isoDate });
export const restoreMemberInput = teamScoped({ personId });
