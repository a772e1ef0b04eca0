import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { person, team, teamMember } from "@/db/schema";
import { countsInFigures } from "../people/membership";
import type { Viewer } from "@/server/auth/permissions";
import {
  aggregateTeam,
  capStanding,
  accountingOfTime,
  isTeamProvisional,
  msToMinutes,
  type Accounting,
  type CapStanding,
} from "@/server/domain/accounting";
import type { orgSummaryInput } from "@/server/schemas/reports";
import { DomainError } from "../errors";
import type { Caps } from "../share/caps";
import { noTime } from "../day-figures/rule-time";
import { summedRuleTime } from "../day-figures/summed-time";
import { loadProfiles, type PersonProfile } from "../share/people-facts";
import type { ReportTeam } from "./open-report";
import { reportWindow, type ReportPeriod } from "./report-window";

export type OrgSummaryInput = z.output<typeof orgSummaryInput>;

/** An engineer over one of their team's caps in the period. */
export interface OverCapMember {
  personId: string;
  name: string;
  toilShare: number;
  onCallShare: number;
  overToilCap: boolean;
  overOnCallCap: boolean;
}

export interface OrgTeamSummary {
  team: ReportTeam;
  caps: Caps;
  /** How many engineers the team has: the people its report is about. */
  engineers: number;
  /** The team's figures exactly as its Team report totals them: members' minutes summed, shares of the sums. */
  accounting: Accounting;
  toilCap: CapStanding;
  onCallCap: CapStanding;
  membersOverToilCap: number;
  membersOverOnCallCap: number;
  /** Members over either cap, the highest toil share first. */
  overCap: OverCapMember[];
}

export interface OrgSummary {
  period: ReportPeriod;
  /** Every team of the organisation, by name. */
  teams: OrgTeamSummary[];
  totals: {
    /** Each engineer counted once, even when they are in several teams. */
    engineers: number;
    accounting: Accounting;
    teamsOverToilCap: number;
    teamsOverOnCallCap: number;
    /** Engineers over the toil (on-call) cap of at least one of their teams. */
    engineersOverToilCap: number;
    engineersOverOnCallCap: number;
  };
}

interface TeamRow extends ReportTeam {
  toilCap: number;
  onCallCap: number;
}

/** The organisation's teams and, per team, its engineers in the Team report's order (name, then id). */
async function teamsAndEngineers(
  db: Db,
  organisationId: string,
): Promise<{ teams: TeamRow[]; engineers: Map<string, string[]> }> {
  const teams = await db
    .select({ id: team.id, name: team.name, timeZone: team.timeZone, toilCap: team.toilCap, onCallCap: team.onCallCap })
    .from(team)
    .where(and(eq(team.organisationId, organisationId), isNull(team.deletedAt)))
    .orderBy(asc(team.name), asc(team.id));
  const engineers = new Map<string, string[]>(teams.map((row) => [row.id, []]));
  if (teams.length === 0) return { teams, engineers };
  const rows = await db
    .selectDistinct({ teamId: teamMember.teamId, personId: teamMember.personId, name: person.name })
    .from(teamMember)
    .innerJoin(person, eq(person.id, teamMember.personId))
    .where(
      and(
        inArray(
          teamMember.teamId,
          teams.map((row) => row.id),
        ),
        eq(teamMember.role, "engineer"),
        isNull(teamMember.removedFrom),
        isNull(person.deletedAt),
        countsInFigures,
      ),
    )
    .orderBy(asc(person.name), asc(teamMember.personId));
  for (const row of rows) engineers.get(row.teamId)?.push(row.personId);
  return { teams, engineers };
}

function overCapMember(profile: PersonProfile, accounting: Accounting, caps: Caps): OverCapMember | null {
  const standing = capStanding(accounting, caps);
  if (!standing.toil.over && !standing.onCall.over) return null;
  return {
    personId: profile.personId,
    name: profile.name,
    toilShare: accounting.toilShare,
    onCallShare: accounting.onCallShare,
    overToilCap: standing.toil.over,
    overOnCallCap: standing.onCall.over,
  };
}

/**
 * The organisation at a glance, for admins: every team's toil and on-call share for the period against its caps,
 * with the engineers over them. Each engineer's accounting is computed once, from the same facts and rules as
 * the Team report (loadPeopleFacts, computeAccounting), so each team's figures equal its report's totals: whole
 * past UTC days come summed from person_day_figures (kept exact by the database, see summedRuleTime), the rest
 * is computed from the facts.
 */
export async function orgSummary(db: Db, viewer: Viewer, input: OrgSummaryInput, now: Date): Promise<OrgSummary> {
  if (!viewer.isAdmin) throw new DomainError("forbidden", "Only an administrator may see the organisation summary.");
  // Teams may be in several zones; one organisation-wide period is read on the admin's calendar.
  const window = reportWindow(input, viewer.timeZone, now);
  const { teams, engineers } = await teamsAndEngineers(db, viewer.organisationId);
  const profiles = await loadProfiles(db, [...engineers.values()].flat());
  const times = await summedRuleTime(db, [...profiles.values()], window.accounted, now);
  const accountingOf = new Map<string, Accounting>();
  for (const profile of profiles.values()) {
    accountingOf.set(profile.personId, accountingOfTime(times.get(profile.personId) ?? noTime(), msToMinutes));
  }

  const overToil = new Set<string>();
  const overOnCall = new Set<string>();
  const summaries = teams.map((row): OrgTeamSummary => {
    const caps = { toilCap: row.toilCap, onCallCap: row.onCallCap };
    const members = (engineers.get(row.id) ?? []).flatMap((id) => {
      const profile = profiles.get(id);
      const accounting = accountingOf.get(id);
      return profile && accounting ? [{ profile, accounting, standing: capStanding(accounting, caps) }] : [];
    });
    const accounting = aggregateTeam(members.map((m) => m.accounting));
    const standing = capStanding(accounting, caps, isTeamProvisional(members.map((m) => m.accounting)));
    for (const m of members) {
      if (m.standing.toil.over) overToil.add(m.profile.personId);
      if (m.standing.onCall.over) overOnCall.add(m.profile.personId);
    }
    return {
      team: { id: row.id, name: row.name, timeZone: row.timeZone },
      caps,
      engineers: members.length,
      accounting,
      toilCap: standing.toil,
      onCallCap: standing.onCall,
      membersOverToilCap: members.filter((m) => m.standing.toil.over).length,
      membersOverOnCallCap: members.filter((m) => m.standing.onCall.over).length,
      overCap: members
        .flatMap((m) => overCapMember(m.profile, m.accounting, caps) ?? [])
        .sort((a, b) => b.toilShare - a.toilShare || a.name.localeCompare(b.name)),
    };
  });

  return {
    period: window.view,
    teams: summaries,
    totals: {
      engineers: accountingOf.size,
      accounting: aggregateTeam([...accountingOf.values()]),
      teamsOverToilCap: summaries.filter((s) => s.toilCap.over).length,
      teamsOverOnCallCap: summaries.filter((s) => s.onCallCap.over).length,
      engineersOverToilCap: overToil.size,
      engineersOverOnCallCap: overOnCall.size,
    },
  };
}
