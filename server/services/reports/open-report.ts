import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person, team, teamMember } from "@/db/schema";
import { isManagerOf, type Viewer } from "@/server/auth/permissions";
import { DomainError } from "../errors";
import type { PersonProfile } from "../share/people-facts";
import type { Caps } from "../share/caps";
import { countsInFigures, membershipWindows } from "../people/membership";
import { memberDuring } from "@/server/domain/membership/clip-to-membership";
import type { Interval } from "@/server/domain/time";
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
  /**
   * The team's engineers (members holding the engineer role, now or in the past; not people invited who never
   * signed up and have nothing recorded), by name, with their membership windows: the people the reports are about.
   */
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
        counts: countsInFigures,
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
    members: await withMembershipWindows(
      db,
      teamId,
      rows.flatMap(({ engineer: e }) =>
        e?.counts
          ? [
              {
                personId: e.personId,
                name: e.name,
                timeZone: e.timeZone,
                workPattern: { days: e.workDays, startMinute: e.workStartMinute, endMinute: e.workEndMinute },
              },
            ]
          : [],
      ),
    ),
  };
}

/** Each member with the windows they were a member in: their figures count only inside them. */
async function withMembershipWindows(db: Db, teamId: string, members: PersonProfile[]): Promise<PersonProfile[]> {
  const windows = await membershipWindows(
    db,
    teamId,
    members.map((m) => m.personId),
  );
  return members.map((member) => ({ ...member, memberDuring: windows.get(member.personId) ?? [] }));
}

/** The members who were members at some time in the range (people removed before it are not in its reports). */
export function membersDuring(scope: ReportScope, range: Interval): ReportScope {
  return { ...scope, members: scope.members.filter((m) => !m.memberDuring || memberDuring(m.memberDuring, range)) };
}

/** Whether the viewer may see this person's own detail (their row, their entries). */
export function maySeePerson(scope: ReportScope, personId: string): boolean {
  return scope.seesEveryone || personId === scope.viewerId;
}
