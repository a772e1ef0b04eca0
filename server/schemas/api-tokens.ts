import { z } from "zod";

/** Inputs of the personal API token procedures. The owner is always the caller, never an input. */
export const tokenName = z.string().trim().min(1, "Name the token, for example after the script that uses it").max(80, "At most 80 characters");

export const createTokenInput = z.strictObject({ name: tokenName });
export const revokeTokenInput = z.strictObject({ id: z.uuid("id must be a token's id") });
