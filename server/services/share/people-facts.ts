import { and, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { absence, person, workEntry } from "@/db/schema";
import { MAX_ENTRY_MINUTES, type AccountingFacts, type WorkEntry } from "@/server/domain/accounting";
import { MINUTE_MS, type Interval, type WorkPattern } from "@/server/domain/time";
import type { ScheduledShift } from "../rotations/window-shifts";
import { shiftsOfPeople } from "./duty-shifts";
import { epochMs } from "./epoch-ms";
import { rowsOf } from "./raw-rows";

export interface WorkProfile {
  timeZone: string;
  workPattern: WorkPattern;
}

/** Whose facts to load: a person and the clock and pattern their time is read on. */
export interface ProfileOf extends WorkProfile {
  personId: string;
}

export interface PersonProfile extends ProfileOf {
  name: string;
}

/** Name, zone and work pattern of each person found (removed people too, so history still reads). */
export async function loadProfiles(db: Db, personIds: readonly string[]): Promise<Map<string, PersonProfile>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(person).where(inArray(person.id, ids));
  return new Map(
    rows.map((row) => [
      row.id,
      {
        personId: row.id,
        name: row.name,
        timeZone: row.timeZone,
        workPattern: { days: row.workDays, startMinute: row.workStartMinute, endMinute: row.workEndMinute },
      },
    ]),
  );
}

/** The facts of one person, and the shifts behind their duty (with their rotations), for drill-downs. */
export interface PersonFacts {
  facts: AccountingFacts;
  shifts: ScheduledShift[];
}

/**
 * Everything the accounting needs about each person over `range`, in a few queries for all of them:
 * absences and toil entries (of every team) that are not deleted, and the shifts they held (see shiftsOfPeople),
 * each overlapping the range; the accounting clips them. My share and the team reports both load through
 * here, so they cannot disagree about a person. It only reads (shifts not yet recorded are expanded, not
 * recorded); `now` is kept for callers and future use.
 */
export async function loadPeopleFacts(
  db: Db,
  people: readonly ProfileOf[],
  range: Interval,
  now: Date,
): Promise<Map<string, PersonFacts>> {
  const ids = people.map((p) => p.personId);
  const empty = range.end <= range.start || ids.length === 0;
  const from = new Date(range.start);
  const to = new Date(range.end);
  const absences = empty
    ? []
    : await db
        .select({ personId: absence.personId, start: epochMs(absence.startsAt), end: epochMs(absence.endsAt) })
        .from(absence)
        .where(and(inArray(absence.personId, ids), isNull(absence.deletedAt), lt(absence.startsAt, to), gt(absence.endsAt, from)));
  const entriesOf = empty ? new Map<string, WorkEntry[]>() : await toilEntriesOfPeople(db, ids, range);
  const shifts = empty ? new Map<string, ScheduledShift[]>() : await shiftsOfPeople(db, ids, range, absences);
  // Grouped once: filtering every row per person made an organisation's facts quadratic in its size.
  const absencesOf = groupBy(absences, (a) => a.personId, (a) => ({ start: a.start, end: a.end }));
  return new Map(
    people.map((p) => {
      const own = shifts.get(p.personId) ?? [];
      const facts: AccountingFacts = {
        timeZone: p.timeZone,
        workPattern: p.workPattern,
        absences: absencesOf.get(p.personId) ?? [],
        shifts: own.map((s) => ({ role: s.role, start: s.start, end: s.end })),
        entries: entriesOf.get(p.personId) ?? [],
      };
      return [p.personId, { facts, shifts: own }];
    }),
  );
}

/**
 * The toil entries (not deleted) of these people overlapping `range`: overhead never counts as operational (rule
 * 3), so it is not read. One row per person, the entries packed as "startMs minutes,startMs minutes,...": a year
 * of a team's entries is tens of thousands of rows, and decoding them one by one (row objects, Dates) cost more
 * than the rest of a report. No entry is longer than MAX_ENTRY_MINUTES (the schemas refuse longer ones), so a
 * lower bound on the start keeps the index scan to the range.
 */
async function toilEntriesOfPeople(db: Db, ids: readonly string[], range: Interval): Promise<Map<string, WorkEntry[]>> {
  const rows = await db.execute(sql`
    select ${workEntry.personId} as person_id,
      string_agg(floor(extract(epoch from ${workEntry.startsAt}) * 1000)::bigint || ' ' || ${workEntry.minutes}, ',') as packed
    from ${workEntry}
    where ${workEntry.personId} = any(${`{${ids.join(",")}}`}::uuid[]) and ${workEntry.deletedAt} is null
      and ${workEntry.category} = 'toil'
      and ${workEntry.startsAt} < ${new Date(range.end).toISOString()}::timestamptz
      and ${workEntry.startsAt} + make_interval(mins => ${workEntry.minutes}) > ${new Date(range.start).toISOString()}::timestamptz
      and ${workEntry.startsAt} > ${new Date(range.start - MAX_ENTRY_MINUTES * MINUTE_MS).toISOString()}::timestamptz
    group by ${workEntry.personId}`);
  const byPerson = new Map<string, WorkEntry[]>();
  for (const row of rowsOf(rows)) byPerson.set(String(row.person_id), unpackEntries(String(row.packed ?? "")));
  return byPerson;
}

/** "startMs minutes,..." read with indexOf: splitting into strings per entry was most of the decoding time. */
function unpackEntries(packed: string): WorkEntry[] {
  const entries: WorkEntry[] = [];
  let at = 0;
  while (at < packed.length) {
    const space = packed.indexOf(" ", at);
    const comma = packed.indexOf(",", space);
    const end = comma === -1 ? packed.length : comma;
    if (space === -1) break;
    entries.push({ start: Number(packed.slice(at, space)), minutes: Number(packed.slice(space + 1, end)), category: "toil" });
    at = end + 1;
  }
  return entries;
}

/** Rows grouped by key, each mapped, in their order (Map.groupBy is Node 21+). */
function groupBy<Row, Value>(rows: readonly Row[], keyOf: (row: Row) => string, valueOf: (row: Row) => Value): Map<string, Value[]> {
  const groups = new Map<string, Value[]>();
  for (const row of rows) {
    const value = valueOf(row);
    const group = groups.get(keyOf(row));
    if (group) group.push(value);
    else groups.set(keyOf(row), [value]);
  }
  return groups;
}
