import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person, teamMember } from "@/db/schema";
import type { TeamRole, Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
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
 * Adds a person to a team with roles. A new email becomes an invited person who can then sign up;
 * a person already in the organisation just gains the roles.
 */
export async function invitePerson(db: Db, viewer: Viewer, input: InviteInput) {
  return db.transaction(async (tx) => {
    const target = await getTeam(tx, input.teamId);
    if (target.organisationId !== viewer.organisationId) throw new DomainError("not-found", "No such team.", "teamId");
    const [existing] = await tx.select().from(person).where(sql`lower(${person.email}) = lower(${input.email})`);
    if (existing && existing.organisationId !== viewer.organisationId) {
      throw new DomainError("conflict", "This email belongs to another organisation.", "email");
    }
    const invitee =
      existing ??
      (
        await tx
          .insert(person)
          .values({
            organisationId: viewer.organisationId,
            name: input.name,
            email: input.email,
            timeZone: input.timeZone,
            invitedById: viewer.personId,
          })
          .returning()
      ).at(0);
    assertReturned(invitee, "person insert");
    await tx
      .insert(teamMember)
      .values(input.roles.map((role) => ({ teamId: input.teamId, personId: invitee.id, role })))
      .onConflictDoNothing();
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: existing ? "team.add-roles" : "person.invite",
      entityType: "person",
      entityId: invitee.id,
      after: { email: invitee.email, roles: input.roles },
    });
    return { personId: invitee.id, invited: !existing, hasAccount: invitee.userId !== null };
  });
}

/** Replaces a member's roles in one team. At least one role must remain; removing all is leaving. */
export async function setMemberRoles(
  db: Db,
  viewer: Viewer,
  input: { teamId: string; personId: string; roles: TeamRole[] },
) {
  return db.transaction(async (tx) => {
    const current = await tx
      .select({ role: teamMember.role })
      .from(teamMember)
      .where(and(eq(teamMember.teamId, input.teamId), eq(teamMember.personId, input.personId)));
    if (current.length === 0) throw new DomainError("not-found", "This person is not in the team.", "personId");
    await tx.delete(teamMember).where(and(eq(teamMember.teamId, input.teamId), eq(teamMember.personId, input.personId)));
    await tx.insert(teamMember).values(input.roles.map((role) => ({ teamId: input.teamId, personId: input.personId, role })));
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
