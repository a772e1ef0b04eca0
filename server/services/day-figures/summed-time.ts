import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { RuleTime } from "@/server/domain/accounting";
import type { Interval } from "@/server/domain/time";
import type { ProfileOf } from "../share/people-facts";
import { rowsOf } from "../share/raw-rows";
import { addTime, DAY_MS, dayOf, dayStartMs, liveRuleTime, noTime, wholeDays } from "./rule-time";

interface CachedSums {
  days: number;
  time: RuleTime;
}

async function cachedSums(db: Db, ids: readonly string[], from: number, to: number): Promise<Map<string, CachedSums>> {
  const result = await db.execute(sql`
    select person_id::text as person_id, count(*)::int as days, sum(scheduled_ms)::float8 as scheduled,
      sum(duty_ms)::float8 as duty, sum(on_call_duty_ms)::float8 as on_call_duty, sum(logged_ms)::float8 as logged,
      sum(after_hours_ms)::float8 as after_hours
    from person_day_figures
    where person_id = any(${`{${ids.join(",")}}`}::uuid[]) and day >= ${dayOf(from)}::date and day < ${dayOf(to)}::date
    group by person_id`);
  return new Map(
    rowsOf(result).map((row) => [
      String(row.person_id),
      {
        days: Number(row.days),
        time: {
          scheduled: Number(row.scheduled),
          duty: Number(row.duty),
          onCallDuty: Number(row.on_call_duty),
          logged: Number(row.logged),
          afterHours: Number(row.after_hours),
        },
      },
    ]),
  );
}

/** The days cached for these people in [from, to), to find the ones missing. */
async function cachedDays(db: Db, ids: readonly string[], from: number, to: number): Promise<Map<string, Set<number>>> {
  const result = await db.execute(sql`
    select person_id::text as person_id, day::text as day from person_day_figures
    where person_id = any(${`{${ids.join(",")}}`}::uuid[]) and day >= ${dayOf(from)}::date and day < ${dayOf(to)}::date`);
  const days = new Map<string, Set<number>>();
  for (const row of rowsOf(result)) {
    const own = days.get(String(row.person_id)) ?? new Set<number>();
    own.add(dayStartMs(String(row.day)));
    days.set(String(row.person_id), own);
  }
  return days;
}

/**
 * Each person's time over `range` in whole milliseconds, exactly what computing it from their facts gives: the
 * whole UTC days inside the range summed from person_day_figures, the rest computed live from the facts. The rest
 * is the partial days at either end and, for anyone missing a cached day, the stretch from their first missing day
 * to their last (one stretch for all of them, so it is read at once; their cached days inside it are not used).
 * Only reads: days not cached are never stored here (the sweep fills them).
 */
export async function summedRuleTime(
  db: Db,
  people: readonly ProfileOf[],
  range: Interval,
  now: Date,
): Promise<Map<string, RuleTime>> {
  const total = new Map<string, RuleTime>(people.map((p) => [p.personId, noTime()]));
  if (people.length === 0 || range.end <= range.start) return total;
  const { from, to } = wholeDays(range);
  const dayCount = Math.round((to - from) / DAY_MS);
  const ids = people.map((p) => p.personId);
  // One after another: the summary reads in a read-only transaction, whose one connection takes one query at a time.
  const sums = dayCount > 0 ? await cachedSums(db, ids, from, to) : new Map<string, CachedSums>();
  const head = await liveRuleTime(db, people, { start: range.start, end: from }, now);
  const tail = await liveRuleTime(db, people, { start: to, end: range.end }, now);
  const incomplete = people.filter((p) => (sums.get(p.personId)?.days ?? 0) < dayCount);
  let gap = { start: to, end: to };
  const usedOf = new Map<string, CachedSums>();
  if (incomplete.length > 0) {
    const present = await cachedDays(
      db,
      incomplete.map((p) => p.personId),
      from,
      to,
    );
    let first = to;
    let last = from;
    for (const p of incomplete) {
      const own = present.get(p.personId);
      for (let day = from; day < to; day += DAY_MS) {
        if (own?.has(day)) continue;
        first = Math.min(first, day);
        last = Math.max(last, day + DAY_MS);
      }
    }
    gap = { start: first, end: last };
    // Their cached days outside the gap still count; summed again without the ones inside it.
    for (const [personId, sum] of await cachedOutside(db, incomplete, from, to, gap)) usedOf.set(personId, sum);
  }
  for (const live of [head, tail, await liveRuleTime(db, incomplete, gap, now)]) {
    for (const [personId, time] of live) addTime(total.get(personId) ?? noTime(), time);
  }
  const isIncomplete = new Set(incomplete.map((p) => p.personId));
  for (const [personId, own] of total) {
    const cached = isIncomplete.has(personId) ? usedOf.get(personId) : sums.get(personId);
    if (cached) addTime(own, cached.time);
  }
  return total;
}

async function cachedOutside(
  db: Db,
  people: readonly ProfileOf[],
  from: number,
  to: number,
  gap: Interval,
): Promise<Map<string, CachedSums>> {
  const ids = people.map((p) => p.personId);
  const before = gap.start > from ? await cachedSums(db, ids, from, gap.start) : new Map<string, CachedSums>();
  const after = gap.end < to ? await cachedSums(db, ids, gap.end, to) : new Map<string, CachedSums>();
  const sums = new Map<string, CachedSums>();
  for (const part of [before, after]) {
    for (const [personId, sum] of part) {
      const own = sums.get(personId) ?? { days: 0, time: noTime() };
      own.days += sum.days;
      addTime(own.time, sum.time);
      sums.set(personId, own);
    }
  }
  return sums;
}
