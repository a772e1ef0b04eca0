import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** The shapes the weekly review procedures return, named once for the UI. */
type Review = inferRouterOutputs<AppRouter>["review"];

export type ReviewWeekData = Review["week"];
export type ReviewItemData = ReviewWeekData["items"][number];
export type NoisyAlertData = ReviewWeekData["noisiestAlerts"][number];
export type ActiveSilence = ReviewWeekData["silences"][number];
export type WeekHandoffNote = ReviewWeekData["handoffs"][number];

/** What the silence dialog edits: an alert name, and its active silence if it has one. */
export interface SilenceTarget {
  alertName: string;
  silence: { until: Date; fixUrl: string | null; reason: string | null } | null;
  /** A fix already linked in a review, to start from. */
  fixUrl: string | null;
}
