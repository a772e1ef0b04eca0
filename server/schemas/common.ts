import { z } from "zod";
import { TEAM_ROLES } from "@/server/auth/permissions";
import { isValidTimeZone, readLocalDate } from "@/server/domain/time";

/** Shared by forms and procedures, so a field's message is the same in the browser and the API. */
export const personName = z.string().trim().min(1, "Enter a name").max(120, "At most 120 characters");
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address"))
  .pipe(z.string().max(254));
/** A calendar date as yyyy-mm-dd: one message for the wrong shape, another for a date the calendar lacks. */
export const isoDate = z.string({ error: "Enter a date as yyyy-mm-dd" }).superRefine((value, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) ctx.addIssue({ code: "custom", message: "Enter a date as yyyy-mm-dd" });
  else if (readLocalDate(value) === null) ctx.addIssue({ code: "custom", message: "Enter a real calendar date" });
});
export const timeZone = z.string().trim().refine(isValidTimeZone, "Enter an IANA time zone such as Europe/Berlin");
export const teamRoles = z
  .array(z.enum(TEAM_ROLES, { error: "Role must be engineer, manager or planner" }))
  .min(1, "Pick at least one role")
  .transform((roles) => [...new Set(roles)]);
export const share = z.number().min(0.05, "At least 5%").max(1, "At most 100%");

export const teamId = z.uuid({ error: "teamId must be a team's id" });

/** Input of a procedure on one team's data; unknown keys are refused rather than silently dropped. */
export function teamScoped<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject({ teamId, ...shape });
}
