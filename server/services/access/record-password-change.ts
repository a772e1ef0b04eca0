import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person } from "@/db/schema";
import { recordAudit } from "../audit";

/** Someone changed their own password (better-auth's change-password, which also ended their other sessions). */
export async function recordPasswordChange(db: Db, userId: string): Promise<void> {
  const [who] = await db.select({ id: person.id }).from(person).where(eq(person.userId, userId));
  if (!who) return;
  await recordAudit(db, {
    actorPersonId: who.id,
    action: "person.password.change",
    entityType: "person",
    entityId: who.id,
    after: { otherSessionsEnded: true },
  });
}
