import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotation, rotationOverride } from "@/db/schema";
import { DomainError } from "../errors";
import { PAST_COVER_MESSAGE } from "./add-override";

/**
 * The team's cover of this id, live or removed as asked, locked for the change, with its rotation's time zone.
 * Removing and restoring a cover both change only what has not ended: an ended one is history and is refused.
 */
export async function lockCoverToChange(
  tx: Db,
  cover: { teamId: string; overrideId: string; removed: boolean },
  now: Date,
  missingMessage: string,
) {
  const [found] = await tx
    .select({ override: rotationOverride, timeZone: rotation.timeZone })
    .from(rotationOverride)
    .innerJoin(rotation, eq(rotation.id, rotationOverride.rotationId))
    .where(
      and(
        eq(rotationOverride.id, cover.overrideId),
        eq(rotation.teamId, cover.teamId),
        isNull(rotation.deletedAt),
        cover.removed ? isNotNull(rotationOverride.deletedAt) : isNull(rotationOverride.deletedAt),
      ),
    )
    .for("update");
  if (!found) throw new DomainError("not-found", missingMessage, "overrideId");
  if (found.override.endsAt <= now) throw new DomainError("invalid", PAST_COVER_MESSAGE, "overrideId");
  return found;
}
