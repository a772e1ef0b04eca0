import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import {
  aggregateTeam,
  isTeamProvisional,
  spanOf,
  trendPoint,
  trendWindows,
  weeklyAccounting,
} from "@/server/domain/accounting";
import type { trendInput } from "@/server/schemas/reports";
import type { Caps } from "../share/caps";
import type { TrendWeek } from "../share/my-trend";
import { loadPeopleFacts } from "../share/people-facts";
import { maySeePerson, membersDuring, openReport, type ReportTeam } from "./open-report";

export type TeamTrendInput = z.output<typeof trendInput>;

export type { TrendWeek } from "../share/my-trend";

export interface MemberTrend {
  personId: string;
  name: string;
  /** One point per week, the same weeks as the team's. */
  weeks: TrendWeek[];
}

export interface TeamTrendReport {
  team: ReportTeam;
  /** The zone whose Mondays start the weeks: the team's. */
  timeZone: string;
  /** The last week is counted up to this instant (now). */
  accountedTo: Date;
  caps: Caps;
  /** The team's share each week: its members' operational over their worked time. */
  teamWeeks: TrendWeek[];
  /** Every engineer for managers and admins; otherwise only the viewer's own line. By name. */
  members: MemberTrend[];
  hiddenMembers: number;
}

/** Weekly toil and on-call shares of each engineer and of the team, the last `weeks` weeks up to now. */
export async function teamTrend(db: Db, viewer: Viewer, input: TeamTrendInput, now: Date): Promise<TeamTrendReport> {
  const opened = await openReport(db, viewer, input.teamId);
  const windows = trendWindows(opened.team.timeZone, input.weeks, now);
  const span = spanOf(windows) ?? { start: now.getTime(), end: now.getTime() };
  const scope = membersDuring(opened, span);
  const facts = await loadPeopleFacts(db, scope.members, span, now);
  const perMember = scope.members.map((member) => {
    const own = facts.get(member.personId)?.facts ?? { ...member, absences: [], shifts: [], entries: [] };
    const weekly = weeklyAccounting(
      own,
      windows.map((w) => w.accounted),
    ).map((w) => w.accounting);
    return { member, weekly };
  });
  const teamWeeks = windows.map((window, index) => {
    const members = perMember.flatMap(({ weekly }) => weekly[index] ?? []);
    return trendPoint(window, aggregateTeam(members), isTeamProvisional(members));
  });
  const shown = perMember.filter(({ member }) => maySeePerson(scope, member.personId));
  return {
    team: scope.team,
    timeZone: scope.team.timeZone,
    accountedTo: new Date(span.end),
    caps: scope.caps,
    teamWeeks,
    members: shown.map(({ member, weekly }) => ({
      personId: member.personId,
      name: member.name,
      weeks: windows.flatMap((window, index) => {
        const accounting = weekly[index];
        return accounting ? [trendPoint(window, accounting)] : [];
      }),
    })),
    hiddenMembers: perMember.length - shown.length,
  };
}
