import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person, team, teamMember } from "@/db/schema";
import type { Membership, TeamRole, Viewer } from "./permissions";

/**
 * The person matching `where` with their memberships of teams not deleted, in one read: every signed-in request
 * loads its viewer, so this is on the path of each of them.
 */
async function loadViewer(db: Db, where: SQL): Promise<Viewer | null> {
  const rows = await db
    .select({ person, teamId: team.id, teamName: team.name, role: teamMember.role })
    .from(person)
    .leftJoin(teamMember, and(eq(teamMember.personId, person.id), isNull(teamMember.removedFrom)))
    .leftJoin(team, and(eq(team.id, teamMember.teamId), isNull(team.deletedAt)))
    .where(where)
    .orderBy(asc(team.name));
  const row = rows[0]?.person;
  if (!row || row.deletedAt || row.deactivatedAt || !row.userId) return null;
  const byTeam = new Map<string, Membership>();
  for (const { teamId, teamName, role } of rows) {
    if (teamId === null || teamName === null || role === null) continue;
    const membership = byTeam.get(teamId) ?? { teamId, teamName, roles: [] as TeamRole[] };
    membership.roles.push(role);
    byTeam.set(teamId, membership);
  }
  return {
    personId: row.id,
    userId: row.userId,
    organisationId: row.organisationId,
    name: row.name,
    email: row.email,
    timeZone: row.timeZone,
    isAdmin: row.isAdmin,
    memberships: [...byTeam.values()],
  };
}

export function loadViewerByUserId(db: Db, userId: string): Promise<Viewer | null> {
  return loadViewer(db, eq(person.userId, userId));
}

export function loadViewerByPersonId(db: Db, personId: string): Promise<Viewer | null> {
  return loadViewer(db, eq(person.id, personId));
}
