import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { personCalendarFeed, rotation } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../../audit";
import { activeRotations } from "../rotation-rows";
import { feedPath, feedTokenMaker, feedUrl } from "./feed-token";

/**
 * The secret calendar-feed links of the team's rotations and of the caller's own shifts, enabling each feed on
 * first use. Anyone holding a link can read that schedule, so only members of the team are given them.
 */
export async function calendarLinks(db: Db, viewer: Viewer, input: { teamId: string }) {
  return db.transaction(async (tx) => {
    const tokenFor = await feedTokenMaker(tx);
    const rotations = [];
    for (const row of await activeRotations(tx, [input.teamId])) {
      const { token, hash } = tokenFor("rotation", row.id);
      if (row.calendarTokenHash !== hash) {
        await tx.update(rotation).set({ calendarTokenHash: hash }).where(eq(rotation.id, row.id));
        await recordAudit(tx, {
          actorPersonId: viewer.personId,
          teamId: input.teamId,
          action: "rotation.calendar-feed.enable",
          entityType: "rotation",
          entityId: row.id,
        });
      }
      rotations.push({ rotationId: row.id, name: row.name, role: row.role, path: feedPath(token), url: feedUrl(token) });
    }
    const personal = tokenFor("person", viewer.personId);
    await tx
      .insert(personCalendarFeed)
      .values({ personId: viewer.personId, tokenHash: personal.hash })
      .onConflictDoUpdate({ target: personCalendarFeed.personId, set: { tokenHash: personal.hash } });
    return { rotations, personal: { path: feedPath(personal.token), url: feedUrl(personal.token) } };
  });
}
