import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { personDayFigures } from "@/db/schema";
import { loadProfiles } from "../share/people-facts";
import { loadPeopleFacts } from "../share/people-facts";
import { rowsOf } from "../share/raw-rows";
import { DAY_MS, dayOf, dayStartMs, ruleTimes } from "./rule-time";

/** How far back the cache reaches: a full previous quarter and a rolling 90 days, with room. */
const FIGURES_HORIZON_DAYS = 200;
/** People filled per transaction: each holds those people's write lock (see below) only that long. */
const BATCH = 50;
/** The advisory lock class of a person's cached days (migration 0012; the second key is hashtext(person id)). */
const FIGURES_LOCK_CLASS = 7_320_453;

interface FillReport {
  people: number;
  days: number;
  /** People skipped because a write to their facts was in flight; the next run fills them. */
  busy: number;
}

/**
 * The sweep's part of the organisation summary: per person (not removed), the UTC days of the horizon that had
 * ended by `now` and are not cached are computed from the facts and stored, at most `maxPeople` people per run.
 * Days with figures are never touched: the triggers of migration 0012 delete the ones a write moves.
 *
 * Exact under concurrent writes: a transaction per batch takes each person's exclusive advisory lock without
 * waiting (skipping anyone a writer holds: the writer's triggers took the shared lock), then reads and inserts. A
 * write committed before the lock is in what was read; a write after it waits for the insert to commit, then deletes
 * it. No waiting means no deadlock with writers.
 */
export async function fillDayFigures(
  db: Db,
  now: Date,
  maxPeople = 500,
  horizonDays = FIGURES_HORIZON_DAYS,
): Promise<FillReport> {
  const lastDay = Math.floor(now.getTime() / DAY_MS) * DAY_MS - DAY_MS;
  const firstDay = lastDay - (horizonDays - 1) * DAY_MS;
  const report: FillReport = { people: 0, days: 0, busy: 0 };
  if (lastDay < firstDay) return report;
  const missing = rowsOf(
    await db.execute(sql`
      select p.id::text as person_id, array_agg(d.day::date::text order by d.day) as days
      from person p
      cross join generate_series(${dayOf(firstDay)}::date, ${dayOf(lastDay)}::date, interval '1 day') as d(day)
      where p.deleted_at is null
        and not exists (select 1 from person_day_figures f where f.person_id = p.id and f.day = d.day::date)
      group by p.id
      order by p.id
      limit ${maxPeople}`),
  ).map((row) => ({ personId: String(row.person_id), days: daysOf(row.days) }));
  for (let at = 0; at < missing.length; at += BATCH) {
    const batch = missing.slice(at, at + BATCH);
    const filled = await db.transaction(async (tx) => {
      const locked = rowsOf(
        await tx.execute(sql`
          select id::text as person_id from unnest(${`{${batch.map((b) => b.personId).join(",")}}`}::uuid[]) as id
          where pg_try_advisory_xact_lock(${FIGURES_LOCK_CLASS}, hashtext(id::text))`),
      ).map((row) => String(row.person_id));
      const mine = batch.filter((b) => locked.includes(b.personId));
      report.busy += batch.length - mine.length;
      return fillPeople(tx, mine, now);
    });
    report.people += filled.people;
    report.days += filled.days;
  }
  return report;
}

function daysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  // Some drivers hand arrays over as their text form: {2026-01-01,2026-01-02}.
  return typeof value === "string" && value.length > 2 ? value.slice(1, -1).split(",") : [];
}

async function fillPeople(
  db: Db,
  people: ReadonlyArray<{ personId: string; days: string[] }>,
  now: Date,
): Promise<{ people: number; days: number }> {
  const starts = people.flatMap((p) => p.days.map(dayStartMs));
  if (starts.length === 0) return { people: 0, days: 0 };
  const span = { start: Math.min(...starts), end: Math.max(...starts) + DAY_MS };
  const profiles = await loadProfiles(
    db,
    people.map((p) => p.personId),
  );
  const facts = await loadPeopleFacts(db, [...profiles.values()], span, now);
  const rows = people.flatMap((p) => {
    const profile = profiles.get(p.personId);
    if (!profile) return [];
    const own = facts.get(p.personId)?.facts ?? { ...profile, absences: [], shifts: [], entries: [] };
    const windows = p.days.map((day) => ({ start: dayStartMs(day), end: dayStartMs(day) + DAY_MS }));
    return ruleTimes(own, windows).map((time, index) => ({
      personId: p.personId,
      day: p.days[index] ?? "",
      scheduledMs: time.scheduled,
      dutyMs: time.duty,
      onCallDutyMs: time.onCallDuty,
      loggedMs: time.logged,
      afterHoursMs: time.afterHours,
    }));
  });
  for (let at = 0; at < rows.length; at += 2000) {
    await db
      .insert(personDayFigures)
      .values(rows.slice(at, at + 2000))
      .onConflictDoNothing();
  }
  return { people: profiles.size, days: rows.length };
}

/** Fills every missing day of the horizon, run after run, as the sweep would over time (setup, benchmarks). */
export async function fillAllDayFigures(db: Db, now: Date): Promise<number> {
  let days = 0;
  for (let run = 0; run < 1000; run += 1) {
    const filled = await fillDayFigures(db, now, 1000);
    days += filled.days;
    if (filled.people === 0) break;
  }
  return days;
}
