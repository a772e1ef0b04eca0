import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** The shapes the capture and integrations procedures return, named once for the UI. */
type Outputs = inferRouterOutputs<AppRouter>;

export type CaptureInboxItem = Outputs["capture"]["inbox"][number];
export type IntegrationItem = Outputs["integrations"]["list"][number];
export type CreatedIntegration = Outputs["integrations"]["create"];
