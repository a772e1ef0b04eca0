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

/** A team's overload thresholds (docs/duty-load.md); six turns in a row is the most the rotation page shows. */
export const MAX_OVERLOAD_TURNS = 6;
export const overloadThresholdFields = {
  turnsInARow: z
    .int("turnsInARow must be a whole number of turns")
    .min(1, "At least 1 turn")
    .max(MAX_OVERLOAD_TURNS, `At most ${MAX_OVERLOAD_TURNS} turns`),
  loggedOverDuty: z
    .number("loggedOverDuty must be a share of duty time")
    .min(0.25, "At least 25% of duty time")
    .max(5, "At most 500% of duty time")
    .multipleOf(0.01, "Whole percentages only"),
  incidentLimit: z
    .int("incidentLimit must be a whole number of incidents")
    .min(0, "At least 0 incidents")
    .max(20, "At most 20 incidents"),
};
export const overloadThresholdsInput = teamScoped(overloadThresholdFields);
