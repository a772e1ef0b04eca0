"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_lib/trpc";

/** Refetches every week of the review shown, so its summary follows a change at once. */
export function useReviewRefresh(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.review.week.pathFilter());
}
