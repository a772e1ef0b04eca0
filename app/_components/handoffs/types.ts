import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** The shapes the hand-off procedures return, named once for the UI. */
type Handoffs = inferRouterOutputs<AppRouter>["handoffs"];

export type HandoffsForMeData = Handoffs["forMe"];
export type IncomingHandoffData = HandoffsForMeData["incoming"][number];
export type OutgoingHandoffData = HandoffsForMeData["outgoing"][number];
