import { hashPassword } from "better-auth/crypto";
import { sql } from "drizzle-orm";
import type { Db, Engine } from "@/db/client";
import { fillAllDayFigures } from "@/server/services/day-figures/fill-day-figures";
import { BENCH_PASSWORD, checkedSize, historyStart, type OrgSize } from "./org-shape";
import {
  absenceStatements,
  catalogueStatements,
  peopleStatements,
  stagingStatements,
  type GenerationPlan,
} from "./people-sql";
import { queryRows } from "./query-rows";
import { rotationStatements } from "./rotation-sql";
import { entryStatements, interruptStatements } from "./work-sql";

export const COUNTED_TABLES = [
  "team",
  "person",
  "auth_user",
  "team_member",
  "absence",
  "service",
  "toil_template",
  "rotation",
  "rotation_participant",
  "rotation_override",
  "shift_record",
  "integration",
  "interrupt",
  "work_entry",
] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

export interface GeneratedOrg {
  size: OrgSize;
  now: Date;
  from: string;
  counts: Record<CountedTable, number>;
  /** Wall time of each step, in milliseconds. */
  steps: Array<{ step: string; ms: number }>;
}

async function rowCounts(db: Db): Promise<Record<CountedTable, number>> {
  const selects = COUNTED_TABLES.map((table) => `(select count(*) from ${table})::int as ${table}`).join(", ");
  const [row = {}] = await queryRows(db, sql.raw(`select ${selects}`));
  return Object.fromEntries(COUNTED_TABLES.map((table) => [table, Number(row[table] ?? 0)])) as Record<
    CountedTable,
    number
  >;
}

/**
 * Writes the benchmark organisation into an empty, migrated database with set-based SQL (`insert ... select`
 * over generate_series), in one transaction: an organisation of `size.engineers` engineers in `size.teams` teams
 * with a year of history up to `now`. See org-shape.ts for the accounts (one password for all).
 */
export async function generateOrg(db: Db, engine: Engine, size: OrgSize, now: Date): Promise<GeneratedOrg> {
  checkedSize(size);
  const plan: GenerationPlan = {
    size,
    now,
    from: historyStart(now, size.days),
    passwordHash: await hashPassword(BENCH_PASSWORD),
  };
  const groups: Array<[string, string[]]> = [
    // Tables written in this transaction have no statistics yet: analyze them before later statements join
    // them, or the planner scans them once per row (a minute instead of seconds at 200 engineers).
    ["staging", [...stagingStatements(plan), "analyze bench_team, bench_engineer"]],
    ["people", [...peopleStatements(plan), "analyze person, team_member"]],
    ["absences", [...absenceStatements(plan), "analyze absence"]],
    ["catalogue", catalogueStatements()],
    ["rotations", [...rotationStatements(plan), "analyze rotation, rotation_participant, shift_record"]],
    ["interrupts", [...interruptStatements(plan), "analyze interrupt"]],
    ["entries", entryStatements(plan)],
  ];
  const steps: GeneratedOrg["steps"] = [];
  await db.transaction(async (tx) => {
    // Session zone fixed so date arithmetic never depends on the server's setting; instants carry their zone.
    await tx.execute(sql.raw("set local time zone 'UTC'"));
    // These statements run once: compiling them (PostgreSQL's JIT) took longer than running them.
    if (engine === "postgres") await tx.execute(sql.raw("set local jit = off"));
    for (const [step, statements] of groups) {
      const started = performance.now();
      for (const statement of statements) await tx.execute(sql.raw(statement));
      steps.push({ step, ms: Math.round(performance.now() - started) });
    }
  });
  const started = performance.now();
  // Fresh statistics, or the planner guesses at tables that grew from nothing to millions of rows.
  await db.execute(sql.raw("analyze"));
  steps.push({ step: "analyze", ms: Math.round(performance.now() - started) });
  // The organisation summary's cached days, as the sweep fills them in production.
  const filling = performance.now();
  await fillAllDayFigures(db, now);
  await db.execute(sql.raw("analyze person_day_figures"));
  steps.push({ step: "day figures", ms: Math.round(performance.now() - filling) });
  return { size, now, from: plan.from, counts: await rowCounts(db), steps };
}

/** The organisation a previous run generated, counted; refuses a database that holds another size or none. */
export async function existingOrg(db: Db, size: OrgSize): Promise<GeneratedOrg> {
  const [row] = await queryRows(
    db,
    sql`
    select (select count(*) from person where email like 'engineer-%@bench.example')::int as engineers, (select count(*) from team)::int as teams,
      (select min(starts_on)::text from rotation) as "from"`,
  );
  if (Number(row?.engineers) !== size.engineers || Number(row?.teams) !== size.teams) {
    throw new Error(
      `--reuse: the database holds ${String(row?.engineers)} engineers in ${String(row?.teams)} teams, not ${size.engineers} in ${size.teams}`,
    );
  }
  const now = new Date();
  // Days that ended since the last run are filled, as the sweep would have.
  await fillAllDayFigures(db, now);
  return { size, now, from: String(row?.from ?? ""), counts: await rowCounts(db), steps: [] };
}
