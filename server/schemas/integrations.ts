import { z } from "zod";
import { teamScoped } from "./common";

/** Inputs of the integrations procedures, shared by the Settings form and the API. */

export const integrationKind = z.enum(["alertmanager", "ticket-webhook", "pagerduty"], {
  error: "Kind must be alertmanager, ticket-webhook or pagerduty",
});

export const createIntegrationInput = teamScoped({
  kind: integrationKind.default("alertmanager"),
  name: z.string().trim().min(1, "Name the integration").max(80, "At most 80 characters"),
  /** Required for Alertmanager: its on-call engineer is credited with the pages. */
  rotationId: z.uuid("rotationId must be a rotation's id").nullish(),
});

export const integrationIdInput = teamScoped({ integrationId: z.uuid("integrationId must be an integration's id") });

/** PagerDuty shows a subscription's signing secret once, when the subscription is created: pasted here. */
export const setSigningSecretInput = teamScoped({
  integrationId: z.uuid("integrationId must be an integration's id"),
  signingSecret: z
    .string()
    .trim()
    .min(16, "Paste the whole signing secret PagerDuty showed")
    .max(200, "At most 200 characters")
    .regex(/^[\x21-\x7e]+$/, "A signing secret is printable characters without spaces"),
});

const externalSystem = z.enum(["pagerduty", "jira"], { error: "System must be pagerduty or jira" });
const externalUserId = z
  .string()
  .trim()
  .min(1, "Enter the user's id in that system")
  .max(128, "At most 128 characters")
  .regex(/^[\x21-\x7e]+$/, "An id is printable characters without spaces");

/** One remembered link: a user of PagerDuty or Jira, in one team. */
export const userLinkKeyInput = teamScoped({ system: externalSystem, externalUserId });

/** Which person a PagerDuty user or Jira account is, for this team: kept, and changed, by its planners. */
export const linkUserInput = teamScoped({
  system: externalSystem,
  externalUserId,
  externalName: z
    .string()
    .trim()
    .min(1, "Enter the name the system shows")
    .max(200, "At most 200 characters")
    .refine((name) => !/[\r\n\u2028\u2029\u0085]/.test(name), "A name must be one line"),
  personId: z.uuid("personId must be a person's id"),
});
