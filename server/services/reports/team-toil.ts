import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Viewer } from "@/server/auth/permissions";
import {
  aggregateTeam,
  capStanding,
  isTeamProvisional,
  overCapRun,
  runMayReachFurther,
  shareSpread,
  toilShareParts,
  type Accounting,
  type CapStanding,
  type OverCapRun,
  type ShareSpread,
  type ToilShareParts,
} from "@/server/domain/accounting";
import { accountingByWindows, periodAndWeeks } from "@/server/domain/accounting/cut-windows";
import type { teamToilInput } from "@/server/schemas/reports";
import type { Caps } from "../share/caps";
import { loadPeopleFacts, type PersonFacts, type PersonProfile } from "../share/people-facts";
import { trendWeeks } from "@/server/domain/accounting";
import { maySeePerson, membersDuring, openReport, type ReportTeam } from "./open-report";
import { reportWindow, type ReportPeriod } from "./report-window";

export type TeamToilInput = z.output<typeof teamToilInput>;

/** How far back "over the cap since" looks: a year, beyond the few quarters the cap is averaged over. */
export const OVER_CAP_LOOKBACK_WEEKS = 52;

/** One engineer's row: docs/accounting.md's numbers for the period, in minutes, and how they stand against the caps. */
export interface MemberToil {
  personId: string;
  name: string;
  timeZone: string;
  /** scheduled, duty, onCallDuty, logged, afterHours, operational, worked (minutes); toilShare, onCallShare (0..1). */
  accounting: Accounting;
  toilShareParts: ToilShareParts;
  toilCap: CapStanding;
  onCallCap: CapStanding;
  /** Weeks (on the report's calendar) over the toil cap in a row, up to the period's last week; null if it is not over. */
  overCapRun: OverCapRun | null;
}

export interface TeamToilTotals {
  /** Minutes summed over every member; shares as total operational over total worked. */
  accounting: Accounting;
  toilShareParts: ToilShareParts;
  toilCap: CapStanding;
  onCallCap: CapStanding;
  /** Members (all of them, shown or not) over each cap. */
  membersOverToilCap: number;
  membersOverOnCallCap: number;
  /** Min, median and max of the members' toil shares that are not provisional; null if there are none. */
  toilShareSpread: ShareSpread | null;
  onCallShareSpread: ShareSpread | null;
}

export interface TeamToilReport {
  team: ReportTeam;
  period: ReportPeriod;
  caps: Caps;
  /** Every engineer of the team for managers and admins; for anyone else only their own row. By name. */
  members: MemberToil[];
  /** Engineers whose rows this viewer may not see; the team figures include them. */
  hiddenMembers: number;
  totals: TeamToilTotals;
}

/** The toil-cap report: each engineer's shares for the period against the team's caps, and the team's. */
export async function teamToil(db: Db, viewer: Viewer, input: TeamToilInput, now: Date): Promise<TeamToilReport> {
  const opened = await openReport(db, viewer, input.teamId);
  const window = reportWindow(input, opened.team.timeZone, now);
  const { accounted } = window;
  const scope = membersDuring(opened, accounted);
  // The weeks "over since" is judged on end with the week the period's counted part ends in.
  const lastInstant = Math.max(accounted.start, accounted.end - 1);
  const weeks =
    accounted.end > accounted.start ? trendWeeks(window.timeZone, OVER_CAP_LOOKBACK_WEEKS, new Date(lastInstant)) : [];
  const weekSpans = weeks.map((w) => ({ start: w.start, end: Math.min(w.end, accounted.end) }));
  // Read the period and the weeks it overlaps first; only engineers whose run of weeks over the cap reaches back
  // past them need the rest of the year (most do not: their latest weeks are under the cap). Same numbers either way.
  const recentWeeks = weekSpans.filter((w) => w.end > accounted.start);
  const recentFrom = Math.min(accounted.start, recentWeeks[0]?.start ?? accounted.start);
  const facts = await loadPeopleFacts(db, scope.members, { start: recentFrom, end: accounted.end }, now);
  const factsOf = (member: PersonProfile) =>
    facts.get(member.personId)?.facts ?? { ...member, absences: [], shifts: [], entries: [] };
  const recent = new Map(
    scope.members.map((member) => [member.personId, periodAndWeeks(factsOf(member), accounted, recentWeeks)]),
  );
  const further = scope.members.filter(
    (member) =>
      recentWeeks.length < weekSpans.length &&
      runMayReachFurther(recent.get(member.personId)?.weeks ?? [], scope.caps.toilCap),
  );
  // Only the weeks before those already read: each week's numbers come from the facts overlapping it.
  const olderWeeks = weekSpans.filter((w) => w.end <= recentFrom);
  const olderSpan = { start: olderWeeks[0]?.start ?? recentFrom, end: recentFrom };
  const older =
    further.length > 0 ? await loadPeopleFacts(db, further, olderSpan, now) : new Map<string, PersonFacts>();

  const rows: MemberToil[] = scope.members.map((member) => {
    const first = recent.get(member.personId) ?? periodAndWeeks(factsOf(member), accounted, recentWeeks);
    const accounting = first.period;
    const olderFacts = older.get(member.personId)?.facts;
    const weeks = olderFacts
      ? [
          ...accountingByWindows(olderFacts, olderSpan, olderWeeks).map((accounting, index) => ({
            window: olderWeeks[index] ?? olderSpan,
            accounting,
          })),
          ...first.weeks,
        ]
      : first.weeks;
    const standing = capStanding(accounting, scope.caps);
    return {
      personId: member.personId,
      name: member.name,
      timeZone: member.timeZone,
      accounting,
      toilShareParts: toilShareParts(accounting),
      toilCap: standing.toil,
      onCallCap: standing.onCall,
      overCapRun: overCapRun(weeks, scope.caps.toilCap),
    };
  });

  const team = aggregateTeam(rows.map((r) => r.accounting));
  const teamStanding = capStanding(team, scope.caps, isTeamProvisional(rows.map((r) => r.accounting)));
  // The spread is over the shares that tell something: a provisional 100% is not a maximum.
  const working = rows.filter((r) => r.accounting.worked > 0 && !r.toilCap.provisional);
  const shown = rows.filter((r) => maySeePerson(scope, r.personId));
  return {
    team: scope.team,
    period: window.view,
    caps: scope.caps,
    members: shown,
    hiddenMembers: rows.length - shown.length,
    totals: {
      accounting: team,
      toilShareParts: toilShareParts(team),
      toilCap: teamStanding.toil,
      onCallCap: teamStanding.onCall,
      membersOverToilCap: rows.filter((r) => r.toilCap.over).length,
      membersOverOnCallCap: rows.filter((r) => r.onCallCap.over).length,
      toilShareSpread: shareSpread(working.map((r) => r.accounting.toilShare)),
      onCallShareSpread: shareSpread(working.map((r) => r.accounting.onCallShare)),
    },
  };
}
