import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person, session, team, teamMember } from "@/db/schema";
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
  return viewerOfRows(rows);
}

type ViewerRow = {
  person: typeof person.$inferSelect;
  teamId: string | null;
  teamName: string | null;
  role: TeamRole | null;
};

function viewerOfRows(rows: readonly ViewerRow[]): Viewer | null {
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

/**
 * The person signed in with this session token, with their memberships and when the session expires, in one
 * read: a session that was revoked (deleted) finds nobody at once. Null when there is no such session or person.
 */
export async function loadViewerBySessionToken(
  db: Db,
  token: string,
): Promise<{ viewer: Viewer; expiresAt: Date } | null> {
  const rows = await db
    .select({ person, teamId: team.id, teamName: team.name, role: teamMember.role, expiresAt: session.expiresAt })
    .from(session)
    .innerJoin(person, eq(person.userId, session.userId))
    .leftJoin(teamMember, and(eq(teamMember.personId, person.id), isNull(teamMember.removedFrom)))
    .leftJoin(team, and(eq(team.id, teamMember.teamId), isNull(team.deletedAt)))
    .where(eq(session.token, token))
    .orderBy(asc(team.name));
  const viewer = viewerOfRows(rows);
  const expiresAt = rows[0]?.expiresAt;
  return viewer && expiresAt ? { viewer, expiresAt } : null;
}
