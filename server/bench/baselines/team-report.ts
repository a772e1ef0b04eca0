import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { aggregateTeam, type AccountingFacts } from "@/server/domain/accounting";
import { accountingByWindows, periodAndWeeks } from "@/server/domain/accounting/cut-windows";
import { accountingWindow } from "@/server/services/share/share-window";
import { trendWeeks } from "@/server/domain/accounting";
import { capStanding } from "@/server/domain/accounting";
import { overCapRun, runMayReachFurther } from "@/server/domain/accounting";
import { OVER_CAP_LOOKBACK_WEEKS } from "@/server/services/reports/team-toil";
import { queryRows } from "../org/query-rows";
import { profileOf, rawFacts, type RawProfile } from "./raw-facts";

/**
 * The baseline of reports.teamToil: one team's quarter with plain SQL and no sign-in, ORM or tRPC, then the same
 * reads and pure functions as the service (the period and its weeks, older weeks only where a run over the cap
 * reaches back; cap standing).
 */
export async function baselineTeamReport(db: Db, teamId: string, timeZone: string, now: Date) {
  const { accounted } = accountingWindow({ period: "quarter" }, now, timeZone);
  const lastInstant = Math.max(accounted.start, accounted.end - 1);
  const weeks = trendWeeks(timeZone, OVER_CAP_LOOKBACK_WEEKS, new Date(lastInstant));
  const weekSpans = weeks.map((w) => ({ start: w.start, end: Math.min(w.end, accounted.end) }));
  const members = await queryRows(
    db,
    sql`
    select distinct p.id as person_id, p.name, p.time_zone, p.work_days, p.work_start_minute, p.work_end_minute, t.toil_cap, t.on_call_cap
    from team_member m join person p on p.id = m.person_id join team t on t.id = m.team_id
    where m.team_id = ${teamId}::uuid and m.role = 'engineer' and p.deleted_at is null and t.deleted_at is null
    order by p.name, p.id`,
  );
  const caps = { toilCap: Number(members[0]?.toil_cap ?? 0.5), onCallCap: Number(members[0]?.on_call_cap ?? 0.25) };
  const profiles = members.map(profileOf);
  // As the service does: the period and its weeks first, the rest of the year only for runs that reach back.
  const recentWeeks = weekSpans.filter((w) => w.end > accounted.start);
  const recentFrom = Math.min(accounted.start, recentWeeks[0]?.start ?? accounted.start);
  const facts = await rawFacts(db, profiles, { start: recentFrom, end: accounted.end });
  const factsOf = (profile: RawProfile) =>
    facts.get(profile.personId) ?? { ...profile, absences: [], shifts: [], entries: [] };
  const recent = new Map(
    profiles.map((profile) => [profile.personId, periodAndWeeks(factsOf(profile), accounted, recentWeeks)]),
  );
  const further = profiles.filter(
    (p) =>
      recentWeeks.length < weekSpans.length && runMayReachFurther(recent.get(p.personId)?.weeks ?? [], caps.toilCap),
  );
  const olderWeeks = weekSpans.filter((w) => w.end <= recentFrom);
  const olderSpan = { start: olderWeeks[0]?.start ?? recentFrom, end: recentFrom };
  const older = further.length > 0 ? await rawFacts(db, further, olderSpan) : new Map<string, AccountingFacts>();
  const rows = profiles.map((profile) => {
    const first = recent.get(profile.personId) ?? periodAndWeeks(factsOf(profile), accounted, recentWeeks);
    const olderFacts = older.get(profile.personId);
    const weeks = olderFacts
      ? [
          ...accountingByWindows(olderFacts, olderSpan, olderWeeks).map((accounting, index) => ({
            window: olderWeeks[index] ?? olderSpan,
            accounting,
          })),
          ...first.weeks,
        ]
      : first.weeks;
    return {
      personId: profile.personId,
      name: profile.name,
      accounting: first.period,
      standing: capStanding(first.period, caps),
      overCapRun: overCapRun(weeks, caps.toilCap),
    };
  });
  const totals = aggregateTeam(rows.map((row) => row.accounting));
  return { teamId, caps, members: rows, totals, standing: capStanding(totals, caps) };
}
