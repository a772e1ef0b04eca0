import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitation, person, team } from "@/db/schema";
import type { TeamRole, Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { joinTeam } from "./membership";

export interface JoinRequest {
  id: string;
  teamId: string;
  teamName: string;
  roles: TeamRole[];
  invitedBy: string | null;
  expiresAt: Date;
}

const openRequestOf = (personId: string, now: Date) =>
  and(
    eq(invitation.personId, personId),
    eq(invitation.kind, "join-request"),
    isNull(invitation.acceptedAt),
    isNull(invitation.declinedAt),
    isNull(invitation.revokedAt),
    gt(invitation.expiresAt, now),
  );

/** The viewer's own requests to join teams, waiting for their answer. */
export async function myJoinRequests(db: Db, viewer: Viewer, now: Date): Promise<JoinRequest[]> {
  return db
    .select({
      id: invitation.id,
      teamId: invitation.teamId,
      teamName: team.name,
      roles: invitation.roles,
      invitedBy: person.name,
      expiresAt: invitation.expiresAt,
    })
    .from(invitation)
    .innerJoin(team, and(eq(team.id, invitation.teamId), isNull(team.deletedAt)))
    .leftJoin(person, eq(person.id, invitation.invitedById))
    .where(openRequestOf(viewer.personId, now))
    .orderBy(asc(invitation.createdAt));
}

/** Accepting joins the team with the requested roles from now; declining closes the request. Only its addressee may. */
export async function respondToJoinRequest(
  db: Db,
  viewer: Viewer,
  input: { invitationId: string; accept: boolean },
  now: Date,
): Promise<{ teamId: string; accepted: boolean }> {
  return db.transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(invitation)
      .where(and(eq(invitation.id, input.invitationId), openRequestOf(viewer.personId, now)));
    if (!request) throw new DomainError("not-found", "No such request waiting for your answer.", "invitationId");
    await tx
      .update(invitation)
      .set(input.accept ? { acceptedAt: now } : { declinedAt: now })
      .where(eq(invitation.id, request.id));
    if (input.accept) await joinTeam(tx, request.teamId, viewer.personId, request.roles, now);
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: request.teamId,
      action: input.accept ? "invitation.accept" : "invitation.decline",
      entityType: "invitation",
      entityId: request.id,
      after: { roles: request.roles },
    });
    return { teamId: request.teamId, accepted: input.accept };
  });
}
