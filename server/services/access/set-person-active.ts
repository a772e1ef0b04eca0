import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiToken, person, session } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";

/**
 * An admin deactivates someone of their organisation: every session of theirs is deleted and every API token
 * revoked in the same transaction, so their next request is refused; sign-in is refused until reactivated.
 * Reactivating lets them sign in again; their old tokens stay revoked.
 */
export async function setPersonActive(
  db: Db,
  admin: Viewer,
  input: { personId: string; active: boolean },
  now: Date,
): Promise<{ personId: string; active: boolean }> {
  if (input.personId === admin.personId)
    throw new DomainError("invalid", "You cannot deactivate yourself.", "personId");
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(person)
      .where(
        and(eq(person.id, input.personId), eq(person.organisationId, admin.organisationId), isNull(person.deletedAt)),
      )
      .for("update");
    if (!target) throw new DomainError("not-found", "No such person.", "personId");
    const wasActive = target.deactivatedAt === null;
    if (wasActive === input.active) return { personId: target.id, active: input.active };
    await tx
      .update(person)
      .set({ deactivatedAt: input.active ? null : now })
      .where(eq(person.id, target.id));
    let endedSessions = 0;
    let revokedTokens = 0;
    if (!input.active) {
      if (target.userId)
        endedSessions = (
          await tx.delete(session).where(eq(session.userId, target.userId)).returning({ id: session.id })
        ).length;
      revokedTokens = (
        await tx
          .update(apiToken)
          .set({ revokedAt: now })
          .where(and(eq(apiToken.personId, target.id), isNull(apiToken.revokedAt)))
          .returning({ id: apiToken.id })
      ).length;
    }
    await recordAudit(tx, {
      actorPersonId: admin.personId,
      action: input.active ? "person.reactivate" : "person.deactivate",
      entityType: "person",
      entityId: target.id,
      before: { deactivatedAt: target.deactivatedAt },
      after: { deactivatedAt: input.active ? null : now, endedSessions, revokedTokens },
    });
    return { personId: target.id, active: input.active };
  });
}
