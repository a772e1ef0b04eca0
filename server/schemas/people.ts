import { z } from "zod";
import { email, personName, share, teamRoles, teamScoped, timeZone } from "./common";

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
