import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person, team, teamMember } from "@/db/schema";
import type { TeamRole, Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { assertReturned } from "@/server/services/returned-row";

export interface TeamSummary {
  id: string;
  name: string;
  toilCap: number;
  onCallCap: number;
  /** The zone whose calendar the team's reports follow. */
  timeZone: string;
  memberCount: number;
  /** When a duty rotation is flagged as too much for one person (docs/duty-load.md). */
  overload: { turnsInARow: number; loggedOverDuty: number; incidentLimit: number };
}

/** Admins see every team of their organisation; everyone else the teams they belong to. */
export async function listTeams(db: Db, viewer: Viewer): Promise<TeamSummary[]> {
  const visible = viewer.isAdmin
    ? eq(team.organisationId, viewer.organisationId)
    : sql`${team.id} in (select ${teamMember.teamId} from ${teamMember} where ${teamMember.personId} = ${viewer.personId} and ${teamMember.removedFrom} is null)`;
  return db
    .select({
      id: team.id,
      name: team.name,
      toilCap: team.toilCap,
      onCallCap: team.onCallCap,
      timeZone: team.timeZone,
      overload: {
        turnsInARow: team.overloadTurnsInARow,
        loggedOverDuty: team.overloadLoggedOverDuty,
        incidentLimit: team.overloadIncidentLimit,
      },
      memberCount: sql<number>`(select count(distinct ${teamMember.personId})::int from ${teamMember} where ${teamMember.teamId} = ${team.id} and ${teamMember.removedFrom} is null)`,
    })
    .from(team)
    .where(and(visible, isNull(team.deletedAt)))
    .orderBy(asc(team.name));
}

/** What any member may read of their team: not its webhook URL or signing secret, which are its managers'. */
export async function getTeam(db: Db, teamId: string) {
  const [row] = await db
    .select({
      id: team.id,
      organisationId: team.organisationId,
      name: team.name,
      toilCap: team.toilCap,
      onCallCap: team.onCallCap,
      timeZone: team.timeZone,
      createdAt: team.createdAt,
      deletedAt: team.deletedAt,
    })
    .from(team)
    .where(and(eq(team.id, teamId), isNull(team.deletedAt)));
  if (!row) throw new DomainError("not-found", "No such team.", "teamId");
  return row;
}

export interface TeamMemberView {
  personId: string;
  name: string;
  email: string;
  timeZone: string;
  roles: TeamRole[];
  hasAccount: boolean;
  /** When this membership began; null for members from before memberships had a history. */
  memberSince: Date | null;
}

export async function listMembers(db: Db, teamId: string): Promise<TeamMemberView[]> {
  const rows = await db
    .select({
      personId: person.id,
      name: person.name,
      email: person.email,
      timeZone: person.timeZone,
      userId: person.userId,
      role: teamMember.role,
      memberSince: teamMember.memberSince,
    })
    .from(teamMember)
    .innerJoin(person, eq(person.id, teamMember.personId))
    .where(and(eq(teamMember.teamId, teamId), isNull(teamMember.removedFrom), isNull(person.deletedAt)))
    .orderBy(asc(person.name));
  const byPerson = new Map<string, TeamMemberView>();
  for (const row of rows) {
    const member = byPerson.get(row.personId) ?? {
      personId: row.personId,
      name: row.name,
      email: row.email,
      timeZone: row.timeZone,
      roles: [],
      hasAccount: row.userId !== null,
      memberSince: row.memberSince,
    };
    member.roles.push(row.role);
    byPerson.set(row.personId, member);
  }
  return [...byPerson.values()];
}

export async function createTeam(
  db: Db,
  viewer: Viewer,
  input: { name: string; timeZone?: string | undefined },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: team.id })
      .from(team)
      .where(and(eq(team.organisationId, viewer.organisationId), eq(team.name, input.name)));
    if (clash) throw new DomainError("conflict", `A team named "${input.name}" already exists.`, "name");
    const [created] = await tx
      .insert(team)
      .values({ organisationId: viewer.organisationId, name: input.name, timeZone: input.timeZone ?? viewer.timeZone })
      .returning();
    assertReturned(created, "team insert");
    // Whoever creates a team manages it until they hand that over.
    await tx
      .insert(teamMember)
      .values({ teamId: created.id, personId: viewer.personId, role: "manager", memberSince: now });
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: created.id,
      action: "team.create",
      entityType: "team",
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export async function updateTeamCaps(
  db: Db,
  viewer: Viewer,
  input: { teamId: string; toilCap: number; onCallCap: number },
) {
  return db.transaction(async (tx) => {
    const before = await getTeam(tx, input.teamId);
    const [after] = await tx
      .update(team)
      .set({ toilCap: input.toilCap, onCallCap: input.onCallCap })
      .where(eq(team.id, input.teamId))
      .returning();
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "team.caps",
      entityType: "team",
      entityId: input.teamId,
      before: { toilCap: before.toilCap, onCallCap: before.onCallCap },
      after: { toilCap: after?.toilCap, onCallCap: after?.onCallCap },
    });
    return after;
  });
}

/** Moves the team's reports, breach months and metrics onto another zone's calendar; audited. */
export async function updateTeamTimeZone(db: Db, viewer: Viewer, input: { teamId: string; timeZone: string }) {
  return db.transaction(async (tx) => {
    const before = await getTeam(tx, input.teamId);
    const [after] = await tx
      .update(team)
      .set({ timeZone: input.timeZone })
      .where(eq(team.id, input.teamId))
      .returning();
    if (!after) throw new DomainError("not-found", "No such team.", "teamId");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "team.time-zone",
      entityType: "team",
      entityId: input.teamId,
      before: { timeZone: before.timeZone },
      after: { timeZone: after.timeZone },
    });
    return { id: after.id, timeZone: after.timeZone };
  });
}
