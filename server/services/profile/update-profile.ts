import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { person } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import type { profileInput } from "@/server/schemas/work-log";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { profileOf, type Profile } from "./get-profile";
import { assertReturned } from "@/server/services/returned-row";

export type ProfileInput = z.output<typeof profileInput>;

/** Only ever the caller's own row: no person id is taken from input. */
export async function updateProfile(db: Db, viewer: Viewer, input: ProfileInput): Promise<Profile> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(person).where(eq(person.id, viewer.personId)).for("update");
    if (!before) throw new DomainError("not-found", "No such person.");
    const [after] = await tx
      .update(person)
      .set({
        name: input.name ?? before.name,
        timeZone: input.timeZone,
        workDays: input.workDays,
        workStartMinute: input.workStartMinute,
        workEndMinute: input.workEndMinute,
      })
      .where(eq(person.id, viewer.personId))
      .returning();
    assertReturned(after, "person update");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      action: "profile.update",
      entityType: "person",
      entityId: viewer.personId,
      before: profileOf(before),
      after: profileOf(after),
    });
    return profileOf(after);
  });
}
