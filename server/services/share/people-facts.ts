import { and, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { absence, person, workEntry } from "@/db/schema";
import type { AccountingFacts } from "@/server/domain/accounting";
import type { Interval, WorkPattern } from "@/server/domain/time";
import type { ScheduledShift } from "../rotations/window-shifts";
import { shiftsOfPeople } from "./duty-shifts";

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
 * absences and entries (of every team) that are not deleted, and the shifts they held (see shiftsOfPeople),
 * each overlapping the range; the accounting clips them. My share and the team reports both load through
 * here, so they cannot disagree about a person.
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
        .select({ personId: absence.personId, startsAt: absence.startsAt, endsAt: absence.endsAt })
        .from(absence)
        .where(and(inArray(absence.personId, ids), isNull(absence.deletedAt), lt(absence.startsAt, to), gt(absence.endsAt, from)));
  const entries = empty
    ? []
    : await db
        .select({ personId: workEntry.personId, startsAt: workEntry.startsAt, minutes: workEntry.minutes, category: workEntry.category })
        .from(workEntry)
        .where(
          and(
            inArray(workEntry.personId, ids),
            isNull(workEntry.deletedAt),
            lt(workEntry.startsAt, to),
            sql`${workEntry.startsAt} + make_interval(mins => ${workEntry.minutes}) > ${from.toISOString()}::timestamptz`,
          ),
        );
  const shifts = empty ? new Map<string, ScheduledShift[]>() : await shiftsOfPeople(db, ids, range, now);
  // Grouped once: filtering every row per person made an organisation's facts quadratic in its size.
  const absencesOf = groupBy(absences, (a) => a.personId, (a) => ({ start: a.startsAt.getTime(), end: a.endsAt.getTime() }));
  const entriesOf = groupBy(entries, (e) => e.personId, (e) => ({ start: e.startsAt.getTime(), minutes: e.minutes, category: e.category }));
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
