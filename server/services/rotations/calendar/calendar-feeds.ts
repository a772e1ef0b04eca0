import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { personCalendarFeed, rotationCalendarFeed } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../../audit";
import { activeRotations, findRotation } from "../rotation-rows";
import { feedPath, feedUrl, newFeedToken } from "./feed-token";

/** When a feed of the caller's was made and last reset; its address is never shown again. */
export interface FeedState {
  createdAt: Date;
  resetAt: Date | null;
}

/**
 * The caller's calendar feeds offered in a team: their own shifts, and each of the team's rotations. Only whether
 * each exists is told: an address is shown once, when it is made or reset.
 */
export async function calendarFeeds(db: Db, viewer: Viewer, input: { teamId: string }) {
  const rotations = await activeRotations(db, [input.teamId]);
  const [personal] = await db
    .select({ createdAt: personCalendarFeed.createdAt, resetAt: personCalendarFeed.resetAt })
    .from(personCalendarFeed)
    .where(eq(personCalendarFeed.personId, viewer.personId));
  const held =
    rotations.length === 0
      ? []
      : await db
          .select({
            rotationId: rotationCalendarFeed.rotationId,
            createdAt: rotationCalendarFeed.createdAt,
            resetAt: rotationCalendarFeed.resetAt,
          })
          .from(rotationCalendarFeed)
          .where(
            and(
              eq(rotationCalendarFeed.personId, viewer.personId),
              inArray(
                rotationCalendarFeed.rotationId,
                rotations.map((r) => r.id),
              ),
            ),
          );
  const byRotation = new Map(
    held.map((feed) => [feed.rotationId, { createdAt: feed.createdAt, resetAt: feed.resetAt }]),
  );
  return {
    personal: (personal ?? null) as FeedState | null,
    rotations: rotations.map((row) => ({
      rotationId: row.id,
      name: row.name,
      role: row.role,
      feed: byRotation.get(row.id) ?? null,
    })),
  };
}

/**
 * Makes the caller's feed (of their shifts, or of one rotation of the team) a new random address, shown now and
 * never again. An address it had stops working at once.
 */
export async function resetCalendarFeed(
  db: Db,
  viewer: Viewer,
  input: { teamId: string; rotationId?: string },
  now: Date,
) {
  const { token, hash } = newFeedToken();
  return db.transaction(async (tx) => {
    let replaced: boolean;
    if (input.rotationId) {
      const rotation = await findRotation(tx, input.teamId, input.rotationId);
      const before = await tx
        .delete(rotationCalendarFeed)
        .where(
          and(eq(rotationCalendarFeed.personId, viewer.personId), eq(rotationCalendarFeed.rotationId, rotation.id)),
        )
        .returning({ createdAt: rotationCalendarFeed.createdAt });
      replaced = before.length > 0;
      await tx.insert(rotationCalendarFeed).values({
        personId: viewer.personId,
        rotationId: rotation.id,
        tokenHash: hash,
        createdAt: before[0]?.createdAt ?? now,
        resetAt: replaced ? now : null,
      });
    } else {
      const before = await tx
        .delete(personCalendarFeed)
        .where(eq(personCalendarFeed.personId, viewer.personId))
        .returning({ createdAt: personCalendarFeed.createdAt });
      replaced = before.length > 0;
      await tx.insert(personCalendarFeed).values({
        personId: viewer.personId,
        tokenHash: hash,
        createdAt: before[0]?.createdAt ?? now,
        resetAt: replaced ? now : null,
      });
    }
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.rotationId ? input.teamId : null,
      action: replaced ? "calendar-feed.reset" : "calendar-feed.create",
      entityType: input.rotationId ? "rotation" : "person",
      entityId: input.rotationId ?? viewer.personId,
      after: { feed: input.rotationId ? "rotation" : "my shifts" },
    });
    return { path: feedPath(token), url: feedUrl(token), replaced };
  });
}
