import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { aggregateTeam } from "@/server/domain/accounting";
import { periodAndWeeks } from "@/server/domain/accounting/cut-windows";
import { accountingWindow } from "@/server/services/share/share-window";
import { trendWeeks } from "@/server/services/share/trend-weeks";
import { capStanding } from "@/server/services/reports/cap-standing";
import { overCapRun } from "@/server/services/reports/over-cap-run";
import { OVER_CAP_LOOKBACK_WEEKS } from "@/server/services/reports/team-toil";
import { queryRows } from "../org/query-rows";
import { profileOf, rawFacts } from "./raw-facts";

/**
 * The baseline of reports.teamToil: one team's quarter with plain SQL and no sign-in, ORM or tRPC, then the same
 * pure functions (the period and 52 weeks for "over the cap since" in one pass, cap standing) as the service.
 */
export async function baselineTeamReport(db: Db, teamId: string, timeZone: string, now: Date) {
  const { accounted } = accountingWindow({ period: "quarter" }, now, timeZone);
  const lastInstant = Math.max(accounted.start, accounted.end - 1);
  const weeks = trendWeeks(timeZone, OVER_CAP_LOOKBACK_WEEKS, new Date(lastInstant));
  const weekSpans = weeks.map((w) => ({ start: w.start, end: Math.min(w.end, accounted.end) }));
  const loadFrom = Math.min(accounted.start, weekSpans[0]?.start ?? accounted.start);
  const members = await queryRows(db, sql`
    select distinct p.id as person_id, p.name, p.time_zone, p.work_days, p.work_start_minute, p.work_end_minute, t.toil_cap, t.on_call_cap
    from team_member m join person p on p.id = m.person_id join team t on t.id = m.team_id
    where m.team_id = ${teamId}::uuid and m.role = 'engineer' and p.deleted_at is null and t.deleted_at is null
    order by p.name, p.id`);
  const caps = { toilCap: Number(members[0]?.toil_cap ?? 0.5), onCallCap: Number(members[0]?.on_call_cap ?? 0.25) };
  const profiles = members.map(profileOf);
  const facts = await rawFacts(db, profiles, { start: loadFrom, end: accounted.end });
  const rows = profiles.map((profile) => {
    const own = facts.get(profile.personId) ?? { ...profile, absences: [], shifts: [], entries: [] };
    const { period: accounting, weeks: weekly } = periodAndWeeks(own, accounted, weekSpans);
    return {
      personId: profile.personId,
      name: profile.name,
      accounting,
      standing: capStanding(accounting, caps),
      overCapRun: overCapRun(weekly, caps.toilCap),
    };
  });
  const totals = aggregateTeam(rows.map((row) => row.accounting));
  return { teamId, caps, members: rows, totals, standing: capStanding(totals, caps) };
}
