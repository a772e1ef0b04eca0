import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ADMIN_EMAIL, engineerEmail, integrationSecret, managerEmail, type OrgSize } from "./org-shape";
import { queryRows } from "./query-rows";

export interface BenchTeam {
  index: number;
  id: string;
  managerEmail: string;
  /** The manager's zone: the team report's period follows it. */
  managerZone: string;
  /** The zone the team's reports count periods on. */
  teamZone: string;
  alertmanagerSecret: string;
}

/** What the runner needs to address the generated organisation over HTTP. */
export interface BenchFixtures {
  organisationId: string;
  adminEmail: string;
  adminZone: string;
  teams: BenchTeam[];
  /** Engineers who log work in the logging benchmark, spread over the teams. */
  loggers: string[];
}

export async function benchFixtures(db: Db, size: OrgSize, loggers = 20): Promise<BenchFixtures> {
  const [admin] = await queryRows(db, sql`select organisation_id, time_zone from person where email = ${ADMIN_EMAIL}`);
  if (!admin) throw new Error("no benchmark organisation in this database");
  const managers = await queryRows(
    db,
    sql`
    select p.email, p.time_zone, m.team_id, t.time_zone as team_zone
    from person p join team_member m on m.person_id = p.id and m.role = 'manager' join team t on t.id = m.team_id
    where p.email like 'manager-%@bench.example'`,
  );
  const byEmail = new Map(managers.map((row) => [String(row.email), row]));
  const teams = Array.from({ length: size.teams }, (_, offset) => {
    const index = offset + 1;
    const row = byEmail.get(managerEmail(index));
    if (!row) throw new Error(`no manager of team ${index}`);
    return {
      index,
      id: String(row.team_id),
      managerEmail: managerEmail(index),
      managerZone: String(row.time_zone),
      teamZone: String(row.team_zone),
      alertmanagerSecret: integrationSecret(index),
    };
  });
  return {
    organisationId: String(admin.organisation_id),
    adminEmail: ADMIN_EMAIL,
    adminZone: String(admin.time_zone),
    teams,
    loggers: Array.from({ length: Math.min(loggers, size.engineers) }, (_, offset) => engineerEmail(offset + 1)),
  };
}
