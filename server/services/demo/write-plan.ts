import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  absence,
  account,
  interrupt,
  organisation,
  person,
  rotation,
  rotationOverride,
  rotationParticipant,
  service,
  shiftRecord,
  team,
  teamMember,
  toilTemplate,
  user,
  workEntry,
} from "@/db/schema";
import type { DemoPlan } from "./plan";

// Well under PostgreSQL's 65,535 bind parameters even for work_entry's twenty-odd columns.
const ROWS_PER_INSERT = 500;

async function insertAll<T extends PgTable>(db: Db, table: T, rows: Array<PgInsertValue<T>>): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
    await db.insert(table).values(rows.slice(from, from + ROWS_PER_INSERT));
  }
}

/** Parents before children, so every foreign key already has its row. */
export async function writePlan(db: Db, plan: DemoPlan): Promise<void> {
  await insertAll(db, organisation, [plan.organisation]);
  await insertAll(db, team, plan.teams);
  await insertAll(db, user, plan.users);
  await insertAll(db, account, plan.accounts);
  await insertAll(db, person, plan.people);
  await insertAll(db, teamMember, plan.memberships);
  await insertAll(db, absence, plan.absences);
  await insertAll(db, service, plan.services);
  await insertAll(db, toilTemplate, plan.templates);
  await insertAll(db, rotation, plan.rotations);
  await insertAll(db, rotationParticipant, plan.participants);
  await insertAll(db, rotationOverride, plan.overrides);
  await insertAll(db, shiftRecord, plan.shifts);
  await insertAll(db, interrupt, plan.interrupts);
  await insertAll(db, workEntry, plan.entries);
}
