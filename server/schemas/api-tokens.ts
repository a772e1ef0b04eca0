import { z } from "zod";

/** Inputs of the personal API token procedures. The owner is always the caller, never an input. */
export const tokenName = z
  .string()
  .trim()
  .min(1, "Name the token, for example after the script that uses it")
  .max(80, "At most 80 characters");

export const TOKEN_LIFETIME_DAYS = [7, 30, 90, 365] as const;
export const DEFAULT_TOKEN_LIFETIME_DAYS = 90;

export const createTokenInput = z.strictObject({
  name: tokenName,
  lifetimeDays: z
    .union(
      TOKEN_LIFETIME_DAYS.map((days) => z.literal(days)),
      { error: "A token lasts 7, 30, 90 or 365 days" },
    )
    .default(DEFAULT_TOKEN_LIFETIME_DAYS),
});
export const revokeTokenInput = z.strictObject({ id: z.uuid("id must be a token's id") });
