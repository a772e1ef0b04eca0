"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/app/_lib/trpc";

/**
 * After any change to a rotation, a cover or a swap: every rotation query (grid, swaps, on call now, my next
 * shifts, previews) and the shares that duty feeds are refetched.
 */
export function useRotationsRefresh(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.rotations.pathFilter()),
      queryClient.invalidateQueries(trpc.share.pathFilter()),
    ]);
  }, [queryClient, trpc]);
}
