import { z } from "zod";
import { teamScoped } from "./common";

/** Inputs of the cap-breach procedures, shared by the Settings form and the API. */

export const WEBHOOK_URL_MAX = 2048;

/** Where a team's breach notifications are POSTed: an absolute http(s) URL with a host, no credentials. */
export const webhookUrl = z
  .string()
  .trim()
  .min(1, "Enter a URL, or turn notifications off")
  .max(WEBHOOK_URL_MAX, `At most ${WEBHOOK_URL_MAX} characters`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "Enter a URL starting with http:// or https://")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.username === "" && url.password === "";
    } catch {
      return true;
    }
  }, "Put no user name or password in the URL: use a secret path or query instead");

/** null turns the team's notifications off (breaches still show in the app). */
export const setWebhookInput = teamScoped({ url: webhookUrl.nullable() });

/** A calendar month "2025-03"; the current one on the viewer's calendar when left out. */
export const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month must look like 2025-03");

export const teamBreachesInput = teamScoped({ month: monthKey.optional() });

export const acknowledgeBreachInput = z.strictObject({ breachId: z.uuid("breachId must be a breach's id") });
