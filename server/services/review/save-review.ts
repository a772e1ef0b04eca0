import "server-only";
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { interrupt } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { InterruptCause, saveReviewInput } from "@/server/schemas/review";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { openReviewTeam, reviewsEverything } from "./review-access";

export type SaveReviewInput = z.output<typeof saveReviewInput>;
type InterruptRow = typeof interrupt.$inferSelect;

export interface SavedReview {
  /** Every interrupt the review was written to: a ticket, or all pages of an incident. */
  interruptIds: string[];
  actionable: boolean;
  cause: InterruptCause | null;
  fixUrl: string | null;
  reviewedAt: Date;
}

const reviewFields = (row: InterruptRow) => ({
  actionable: row.actionable,
  cause: row.cause,
  fixUrl: row.fixUrl,
  reviewedById: row.reviewedById,
  reviewedAt: row.reviewedAt,
});

/** The named interrupt and, for a page, the rest of its incident: reviewed together as one piece of work. Locked. */
async function reviewedTogether(db: Db, teamId: string, interruptId: string): Promise<InterruptRow[]> {
  const [target] = await db
    .select()
    .from(interrupt)
    .where(and(eq(interrupt.id, interruptId), eq(interrupt.teamId, teamId), isNull(interrupt.deletedAt)))
    .for("update");
  if (!target) throw new DomainError("not-found", "No such page or ticket in this team.", "interruptId");
  if (target.kind !== "page") return [target];
  const incidentId = target.incidentId ?? target.id;
  return db
    .select()
    .from(interrupt)
    .where(
      and(
        eq(interrupt.teamId, teamId),
        isNull(interrupt.deletedAt),
        or(eq(interrupt.id, incidentId), eq(interrupt.incidentId, incidentId), eq(interrupt.id, target.id)),
      ),
    )
    .orderBy(asc(interrupt.openedAt), asc(interrupt.id))
    .for("update");
}

/**
 * Marks a ticket, or every page of an incident, actionable or not, with a cause and the root-cause fix, recording
 * who reviewed it and when, in one transaction with an audit row per interrupt. Managers and planners of the team
 * (and admins) review anything; an engineer only what they were credited with.
 */
export async function saveReview(db: Db, viewer: Viewer, input: SaveReviewInput, now: Date): Promise<SavedReview> {
  await openReviewTeam(db, viewer, input.teamId);
  return db.transaction(async (tx) => {
    const rows = await reviewedTogether(tx, input.teamId, input.interruptId);
    if (!reviewsEverything(viewer, input.teamId) && !rows.some((row) => row.assigneeId === viewer.personId)) {
      throw new DomainError(
        "forbidden",
        "Only a manager or planner, or the engineer who got it, may review this.",
        "interruptId",
      );
    }
    const review = {
      actionable: input.actionable,
      cause: input.cause,
      fixUrl: input.fixUrl,
      reviewedById: viewer.personId,
      reviewedAt: now,
    };
    const ids = rows.map((row) => row.id);
    await tx.update(interrupt).set(review).where(inArray(interrupt.id, ids));
    for (const row of rows) {
      await recordAudit(tx, {
        actorPersonId: viewer.personId,
        teamId: input.teamId,
        action: "interrupt.review",
        entityType: "interrupt",
        entityId: row.id,
        before: reviewFields(row),
        after: review,
      });
    }
    return {
      interruptIds: ids,
      actionable: input.actionable,
      cause: input.cause,
      fixUrl: input.fixUrl,
      reviewedAt: now,
    };
  });
}
