import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person, team, teamMember } from "@/db/schema";
import type { Membership, TeamRole, Viewer } from "./permissions";

async function membershipsOf(db: Db, personId: string): Promise<Membership[]> {
  const rows = await db
    .select({ teamId: team.id, teamName: team.name, role: teamMember.role })
    .from(teamMember)
    .innerJoin(team, eq(team.id, teamMember.teamId))
    .where(and(eq(teamMember.personId, personId), isNull(team.deletedAt)))
    .orderBy(asc(team.name));
  const byTeam = new Map<string, Membership>();
  for (const row of rows) {
    const membership = byTeam.get(row.teamId) ?? { teamId: row.teamId, teamName: row.teamName, roles: [] as TeamRole[] };
    membership.roles.push(row.role);
    byTeam.set(row.teamId, membership);
  }
  return [...byTeam.values()];
}

async function viewerFrom(db: Db, row: typeof person.$inferSelect | undefined): Promise<Viewer | null> {
  if (!row || row.deletedAt || !row.userId) return null;
  return {
    personId: row.id,
    userId: row.userId,
    organisationId: row.organisationId,
    name: row.name,
    email: row.email,
    timeZone: row.timeZone,
    isAdmin: row.isAdmin,
    memberships: await membershipsOf(db, row.id),
  };
}

export async function loadViewerByUserId(db: Db, userId: string): Promise<Viewer | null> {
  const [row] = await db.select().from(person).where(eq(person.userId, userId));
  return viewerFrom(db, row);
}

export async function loadViewerByPersonId(db: Db, personId: string): Promise<Viewer | null> {
  const [row] = await db.select().from(person).where(eq(person.id, personId));
  return viewerFrom(db, row);
}
