import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person, team, teamMember } from "@/db/schema";
import { isManagerOf, type Viewer } from "@/server/auth/permissions";
import { DomainError } from "../errors";
import type { PersonProfile } from "../share/people-facts";
import type { Caps } from "../share/caps";
import { requireTeamMember } from "../work-log/team-access";

export interface ReportTeam {
  id: string;
  name: string;
  /** The zone whose calendar the team's periods follow. */
  timeZone: string;
}

/** What one viewer may see of one team's reports, resolved once per call. */
export interface ReportScope {
  team: ReportTeam;
  caps: Caps;
  viewerId: string;
  /** Managers and admins see every member's detail; engineers and planners only their own. */
  seesEveryone: boolean;
  /** The team's engineers (members holding the engineer role), by name: the people the reports are about. */
  members: PersonProfile[];
}

/**
 * Opens a team's reports for the viewer: they must be a member (any role), or an admin of the team's
 * organisation; a team that does not exist (or was removed) is NOT_FOUND.
 */
export async function openReport(db: Db, viewer: Viewer, teamId: string): Promise<ReportScope> {
  await requireTeamMember(db, viewer, teamId);
  // The team, its caps and its engineers with the zone and pattern their time is read on, in one read.
  const rows = await db
    .select({
      id: team.id,
      name: team.name,
      timeZone: team.timeZone,
      toilCap: team.toilCap,
      onCallCap: team.onCallCap,
      engineer: {
        personId: person.id,
        name: person.name,
        timeZone: person.timeZone,
        workDays: person.workDays,
        workStartMinute: person.workStartMinute,
        workEndMinute: person.workEndMinute,
      },
    })
    .from(team)
    .leftJoin(teamMember, and(eq(teamMember.teamId, team.id), eq(teamMember.role, "engineer")))
    .leftJoin(person, and(eq(person.id, teamMember.personId), isNull(person.deletedAt)))
    .where(and(eq(team.id, teamId), isNull(team.deletedAt)))
    .orderBy(asc(person.name), asc(person.id));
  const [row] = rows;
  if (!row) throw new DomainError("not-found", "No such team.", "teamId");
  return {
    team: { id: row.id, name: row.name, timeZone: row.timeZone },
    caps: { toilCap: row.toilCap, onCallCap: row.onCallCap },
    viewerId: viewer.personId,
    seesEveryone: isManagerOf(viewer, teamId),
    members: rows.flatMap(({ engineer: e }) =>
      e ? [{ personId: e.personId, name: e.name, timeZone: e.timeZone, workPattern: { days: e.workDays, startMinute: e.workStartMinute, endMinute: e.workEndMinute } }] : [],
    ),
  };
}

/** Whether the viewer may see this person's own detail (their row, their entries). */
export function maySeePerson(scope: ReportScope, personId: string): boolean {
  return scope.seesEveryone || personId === scope.viewerId;
}
