import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { aggregateTeam, computeAccounting, type Accounting } from "@/server/domain/accounting";
import { accountingWindow } from "@/server/services/share/share-window";
import { capStanding } from "@/server/domain/accounting";
import { queryRows } from "../org/query-rows";
import { profileOf, rawFacts, type RawProfile } from "./raw-facts";

/**
 * The baseline of reports.orgSummary: every team of the organisation for the quarter with plain SQL, each
 * engineer's accounting computed once with the same pure functions, then summed per team.
 */
export async function baselineOrgSummary(db: Db, organisationId: string, timeZone: string, now: Date) {
  const { accounted } = accountingWindow({ period: "quarter" }, now, timeZone);
  const rows = await queryRows(
    db,
    sql`
    select distinct t.id as team_id, t.name as team_name, t.toil_cap, t.on_call_cap,
      p.id as person_id, p.name, p.time_zone, p.work_days, p.work_start_minute, p.work_end_minute
    from team t join team_member m on m.team_id = t.id and m.role = 'engineer' join person p on p.id = m.person_id
    where t.organisation_id = ${organisationId}::uuid and t.deleted_at is null and p.deleted_at is null
    order by t.name, t.id, p.name, p.id`,
  );
  const profiles = new Map<string, RawProfile>(rows.map((row) => [String(row.person_id), profileOf(row)]));
  const facts = await rawFacts(db, [...profiles.values()], accounted);
  const accountingOf = new Map<string, Accounting>();
  for (const [personId, own] of facts) accountingOf.set(personId, computeAccounting({ ...own, period: accounted }));
  const teams = new Map<
    string,
    { name: string; caps: { toilCap: number; onCallCap: number }; members: Accounting[] }
  >();
  for (const row of rows) {
    const id = String(row.team_id);
    const team = teams.get(id) ?? {
      name: String(row.team_name),
      caps: { toilCap: Number(row.toil_cap), onCallCap: Number(row.on_call_cap) },
      members: [],
    };
    const accounting = accountingOf.get(String(row.person_id));
    if (accounting) team.members.push(accounting);
    teams.set(id, team);
  }
  return [...teams].map(([teamId, team]) => {
    const accounting = aggregateTeam(team.members);
    return {
      teamId,
      name: team.name,
      accounting,
      standing: capStanding(accounting, team.caps),
      membersOverToilCap: team.members.filter((m) => capStanding(m, team.caps).toil.over).length,
      membersOverOnCallCap: team.members.filter((m) => capStanding(m, team.caps).onCall.over).length,
    };
  });
}
