import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person } from "@/db/schema";
import type { AccountingFacts } from "@/server/domain/accounting";
import type { Interval, WorkPattern } from "@/server/domain/time";
import { clipToMembership } from "@/server/domain/membership/clip-to-membership";
import type { ScheduledShift } from "../rotations/window-shifts";
import { shiftsOfPeople } from "./duty-shifts";
import { readPackedFacts, type PackedFacts } from "./packed-facts";

export interface WorkProfile {
  timeZone: string;
  workPattern: WorkPattern;
}

/** Whose facts to load: a person and the clock and pattern their time is read on. */
export interface ProfileOf extends WorkProfile {
  personId: string;
  /** When they were a member of the team whose figures these are: outside it nothing counts. Absent: always. */
  memberDuring?: readonly Interval[];
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
 * Everything the accounting needs about each person over `range`, in two reads for all of them: their absences,
 * toil entries (of every team, not deleted) and recorded shifts (readPackedFacts), then the rotations they take
 * turns in or cover, expanded after their records (shiftsOfPeople), each overlapping the range; the accounting
 * clips them. My share and the team reports both load through
 * here, so they cannot disagree about a person. It only reads (shifts not yet recorded are expanded, not
 * recorded); `now` is kept for callers and future use.
 */
export async function loadPeopleFacts(
  db: Db,
  people: readonly ProfileOf[],
  range: Interval,
  _now: Date,
): Promise<Map<string, PersonFacts>> {
  const ids = [...new Set(people.map((p) => p.personId))];
  const empty = range.end <= range.start || ids.length === 0;
  const packed = empty ? new Map<string, PackedFacts>() : await readPackedFacts(db, ids, range);
  const shifts = empty ? new Map<string, ScheduledShift[]>() : await shiftsOfPeople(db, ids, range, packed);
  return new Map(
    people.map((p) => {
      const own = shifts.get(p.personId) ?? [];
      const read = packed.get(p.personId);
      const facts: AccountingFacts = {
        timeZone: p.timeZone,
        workPattern: p.workPattern,
        absences: read?.absences ?? [],
        shifts: own.map((s) => ({ role: s.role, start: s.start, end: s.end })),
        entries: read?.entries ?? [],
      };
      return [p.personId, { facts: p.memberDuring ? clipToMembership(facts, p.memberDuring) : facts, shifts: own }];
    }),
  );
}
