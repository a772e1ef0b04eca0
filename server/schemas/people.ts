import { z } from "zod";
import { email, personName, share, teamRoles, teamScoped, timeZone } from "./common";

export const teamOnlyInput = teamScoped({});
export const inviteFields = { name: personName, email, timeZone, roles: teamRoles };
export const inviteInput = teamScoped(inviteFields);
export const setRolesInput = teamScoped({ personId: z.uuid("personId must be a person's id"), roles: teamRoles });
export const createTeamInput = z.strictObject({
  name: z.string().trim().min(1, "Enter a team name").max(80, "At most 80 characters"),
});
export const teamCapsInput = teamScoped({ toilCap: share, onCallCap: share });
