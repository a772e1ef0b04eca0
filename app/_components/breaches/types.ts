import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** The shapes the breaches procedures return, named once for the UI. */
type Outputs = inferRouterOutputs<AppRouter>;

export type MyBreachItem = Outputs["breaches"]["mine"][number];
export type TeamBreachItem = Outputs["breaches"]["team"]["breaches"][number];
export type WebhookTestResult = Outputs["breaches"]["testWebhook"];
