import { z } from "zod";
import { teamScoped } from "./common";

/** Inputs of the integrations procedures, shared by the Settings form and the API. */

export const integrationKind = z.enum(["alertmanager", "ticket-webhook"], { error: "Kind must be alertmanager or ticket-webhook" });

export const createIntegrationInput = teamScoped({
  kind: integrationKind.default("alertmanager"),
  name: z.string().trim().min(1, "Name the integration").max(80, "At most 80 characters"),
  /** Required for Alertmanager: its on-call engineer is credited with the pages. */
  rotationId: z.uuid("rotationId must be a rotation's id").nullish(),
});

export const integrationIdInput = teamScoped({ integrationId: z.uuid("integrationId must be an integration's id") });
