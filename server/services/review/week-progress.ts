import "server-only";
import { and, eq, gte, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt } from "@/db/schema";
import { reviewProgress, type ReviewProgress } from "@/server/domain/review/review-summary";
import type { Interval } from "@/server/domain/time";
import { groupForReview } from "./review-items";

/**
 * How far the weekly review of the team's interrupts opened in `window` got, counted as the review page counts
 * it (an incident's pages are one item, judged by its first page), without loading what that page shows.
 */
export async function weekReviewProgress(db: Db, teamId: string, window: Interval): Promise<ReviewProgress> {
  const rows = await db
    .select()
    .from(interrupt)
    .where(
      and(
        eq(interrupt.teamId, teamId),
        isNull(interrupt.deletedAt),
        gte(interrupt.openedAt, new Date(window.start)),
        lt(interrupt.openedAt, new Date(window.end)),
      ),
    );
  return reviewProgress(
    groupForReview(rows).flatMap((group) => (group[0] ? [{ actionable: group[0].actionable }] : [])),
  );
}
