import "server-only";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitation, person, teamMember } from "@/db/schema";
import type { TeamRole, Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { invitationExpiry, invitationPath, newInvitationToken } from "./invitation-token";
import { currentMembership, joinTeam } from "./membership";
import { getTeam } from "./teams";
import { assertReturned } from "@/server/services/returned-row";

export interface InviteInput {
  teamId: string;
  name: string;
  email: string;
  timeZone: string;
  roles: TeamRole[];
}

/**
 * What inviting did: a secret link for someone without an account (shown once), a request that a person with an
 * account must accept, or roles added at once (a member of this team already, or an admin adding directly).
 */
export type InviteOutcome =
  | {
      outcome: "link";
      invitationId: string;
      email: string;
      name: string;
      teamName: string;
      path: string;
      expiresAt: Date;
    }
  | { outcome: "requested"; invitationId: string; personId: string }
  | { outcome: "added"; personId: string };

async function pendingInvitation(db: Db, teamId: string, email: string, now: Date) {
  const [row] = await db
    .select({ id: invitation.id })
    .from(invitation)
    .where(
      and(
        eq(invitation.teamId, teamId),
        sql`lower(${invitation.email}) = lower(${email})`,
        isNull(invitation.acceptedAt),
        isNull(invitation.declinedAt),
        isNull(invitation.revokedAt),
        gt(invitation.expiresAt, now),
      ),
    );
  return row;
}

async function isCurrentMember(db: Db, teamId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ personId: teamMember.personId })
    .from(teamMember)
    .where(and(eq(teamMember.teamId, teamId), eq(teamMember.personId, personId), currentMembership))
    .limit(1);
  return row !== undefined;
}

/** Invites someone into a team, as {@link InviteOutcome} says. Nobody with an account is moved without consent. */
export async function invitePerson(db: Db, viewer: Viewer, input: InviteInput, now: Date): Promise<InviteOutcome> {
  return db.transaction(async (tx) => {
    const target = await getTeam(tx, input.teamId);
    if (target.organisationId !== viewer.organisationId) throw new DomainError("not-found", "No such team.", "teamId");
    const [existing] = await tx.select().from(person).where(sql`lower(${person.email}) = lower(${input.email})`);
    if (existing && existing.organisationId !== viewer.organisationId) {
      throw new DomainError("conflict", "This email belongs to another organisation.", "email");
    }
    if (await pendingInvitation(tx, input.teamId, input.email, now)) {
      throw new DomainError("conflict", "This email has a pending invitation: revoke or re-issue it instead.", "email");
    }
    const audit = { actorPersonId: viewer.personId, teamId: input.teamId, entityType: "person" } as const;
    if (existing?.userId && (viewer.isAdmin || (await isCurrentMember(tx, input.teamId, existing.id)))) {
      await joinTeam(tx, input.teamId, existing.id, input.roles, now);
      await recordAudit(tx, {
        ...audit,
        action: "team.add-roles",
        entityId: existing.id,
        after: { email: existing.email, roles: input.roles },
      });
      return { outcome: "added", personId: existing.id };
    }
    const expiresAt = invitationExpiry(now);
    const base = {
      organisationId: viewer.organisationId,
      teamId: input.teamId,
      email: existing?.email ?? input.email,
      name: existing?.name ?? input.name,
      timeZone: existing?.timeZone ?? input.timeZone,
      roles: input.roles,
      expiresAt,
      invitedById: viewer.personId,
    };
    if (existing?.userId) {
      const [request] = await tx
        .insert(invitation)
        .values({ ...base, kind: "join-request", personId: existing.id })
        .returning({ id: invitation.id });
      assertReturned(request, "invitation insert");
      await recordAudit(tx, {
        ...audit,
        action: "team.join-request",
        entityType: "invitation",
        entityId: request.id,
        after: { email: base.email, roles: input.roles },
      });
      return { outcome: "requested", invitationId: request.id, personId: existing.id };
    }
    const { token, digest } = newInvitationToken();
    const [link] = await tx
      .insert(invitation)
      .values({ ...base, kind: "link", tokenDigest: digest })
      .returning({ id: invitation.id });
    assertReturned(link, "invitation insert");
    await recordAudit(tx, {
      ...audit,
      action: "person.invite",
      entityType: "invitation",
      entityId: link.id,
      after: { email: base.email, roles: input.roles, expiresAt },
    });
    return {
      outcome: "link",
      invitationId: link.id,
      email: base.email,
      name: base.name,
      teamName: target.name,
      path: invitationPath(token),
      expiresAt,
    };
  });
}

async function hasOtherManager(db: Db, teamId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ personId: teamMember.personId })
    .from(teamMember)
    .where(
      and(
        eq(teamMember.teamId, teamId),
        eq(teamMember.role, "manager"),
        ne(teamMember.personId, personId),
        currentMembership,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Replaces a member's roles in one team. At least one role must remain; removing all is leaving. */
export async function setMemberRoles(
  db: Db,
  viewer: Viewer,
  input: { teamId: string; personId: string; roles: TeamRole[] },
) {
  return db.transaction(async (tx) => {
    const current = await tx
      .select({ role: teamMember.role, memberSince: teamMember.memberSince })
      .from(teamMember)
      .where(and(eq(teamMember.teamId, input.teamId), eq(teamMember.personId, input.personId), currentMembership));
    const [first] = current;
    if (!first) throw new DomainError("not-found", "This person is not in the team.", "personId");
    if (
      current.some((r) => r.role === "manager") &&
      !input.roles.includes("manager") &&
      !(await hasOtherManager(tx, input.teamId, input.personId))
    ) {
      throw new DomainError(
        "invalid",
        "A team keeps at least one manager: make someone else a manager first.",
        "roles",
      );
    }
    await tx
      .delete(teamMember)
      .where(and(eq(teamMember.teamId, input.teamId), eq(teamMember.personId, input.personId)));
    await tx.insert(teamMember).values(
      input.roles.map((role) => ({
        teamId: input.teamId,
        personId: input.personId,
        role,
        memberSince: first.memberSince,
      })),
    );
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "team.set-roles",
      entityType: "person",
      entityId: input.personId,
      before: current.map((r) => r.role),
      after: input.roles,
    });
  });
}
