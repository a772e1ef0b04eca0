import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { capBreach, team } from "@/db/schema";
import { isManagerOf, type Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";

/**
 * Puts a breach away: its engineer for their own, a manager of its team (or an admin of its organisation) for
 * the team's. Acknowledging again changes nothing. The breach stays stored and listed for managers.
 */
export async function acknowledgeBreach(db: Db, viewer: Viewer, input: { breachId: string }, now: Date) {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ breach: capBreach, organisationId: team.organisationId })
      .from(capBreach)
      .innerJoin(team, eq(team.id, capBreach.teamId))
      .where(and(eq(capBreach.id, input.breachId), isNull(team.deletedAt)))
      .for("update");
    if (!found || found.organisationId !== viewer.organisationId)
      throw new DomainError("not-found", "No such breach.", "breachId");
    const { breach } = found;
    const own = breach.personId === viewer.personId;
    if (!own && !isManagerOf(viewer, breach.teamId)) {
      throw new DomainError("forbidden", "Only the engineer or a manager of the team may put this away.", "breachId");
    }
    if (breach.acknowledgedAt) return { id: breach.id, acknowledgedAt: breach.acknowledgedAt };
    await tx.update(capBreach).set({ acknowledgedAt: now }).where(eq(capBreach.id, breach.id));
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: breach.teamId,
      action: "cap-breach.acknowledge",
      entityType: "cap_breach",
      entityId: breach.id,
      before: { acknowledgedAt: null },
      after: { acknowledgedAt: now },
    });
    return { id: breach.id, acknowledgedAt: now };
  });
}
