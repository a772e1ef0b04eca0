import { z } from "zod";

/** Inputs of the admin's access procedures (issue 12). */
export const setPersonActiveInput = z.strictObject({ personId: z.uuid("personId must be a person's id") });

export const auditLogInput = z
  .strictObject({
    actorPersonId: z.uuid("actorPersonId must be a person's id").optional(),
    action: z
      .string()
      .trim()
      .max(80, "At most 80 characters")
      .regex(/^[a-z0-9.-]*$/, "Actions look like person.deactivate")
      .optional(),
    from: z.date("from must be a date").optional(),
    to: z.date("to must be a date").optional(),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from < filter.to, {
    message: "from must be before to",
    path: ["to"],
  });

export const issuePasswordResetInput = z.strictObject({ personId: z.uuid("personId must be a person's id") });

/** better-auth's own bounds on a password (minPasswordLength in server/auth/auth.ts, its default maximum). */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

export const newPasswordField = z
  .string("newPassword must be text")
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `At most ${MAX_PASSWORD_LENGTH} characters`);

const resetToken = z.string("token must be text").max(200, "token is too long");

export const previewPasswordResetInput = z.strictObject({ token: resetToken });
export const usePasswordResetInput = z.strictObject({ token: resetToken, newPassword: newPasswordField });
