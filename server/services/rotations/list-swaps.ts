import "server-only";
import type { Db } from "@/db/client";
import { swapViews, type SwapView } from "./swap-view";

/** Every swap request in the team's rotations, newest first: members see who asked whom, and what was decided. */
export function listSwaps(db: Db, input: { teamId: string }): Promise<SwapView[]> {
  return swapViews(db, input.teamId);
}
