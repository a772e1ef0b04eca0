import "server-only";
import { and, eq, gt, gte, inArray, isNull, lt } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { shiftRecord, workEntry } from "@/db/schema";
import { MAX_ENTRY_MINUTES, toilHistoryOf, type ToilHistory } from "@/server/domain/accounting";
import { expandedAfterRecords } from "../share/duty-shifts";
import { absencesOf, type PersonFacts } from "./rotation-facts";

/** The recent past a projection of logged toil is read from. */
export const HISTORY_WEEKS = 4;

/**
 * Each person's toil rates over the last four weeks of their own wall clock, from their logged entries and the
 * shifts they held in any rotation, recorded or not yet (time on duty is not "logged" time, rule 3).
 */
export async function toilHistories(
  db: Db,
  people: readonly PersonFacts[],
  now: Date,
): Promise<Map<string, ToilHistory>> {
  const ids = people.map((p) => p.personId);
  if (ids.length === 0) return new Map();
  const periodOf = (timeZone: string) => ({
    start: DateTime.fromJSDate(now, { zone: timeZone }).minus({ weeks: HISTORY_WEEKS }).toMillis(),
    end: now.getTime(),
  });
  const earliest = Math.min(...people.map((p) => periodOf(p.timeZone).start));
  // An entry may start up to its longest length before the period and still run into it.
  const entriesFrom = DateTime.fromMillis(earliest).minus({ minutes: MAX_ENTRY_MINUTES }).toJSDate();
  const entries = await db
    .select({
      personId: workEntry.personId,
      startsAt: workEntry.startsAt,
      minutes: workEntry.minutes,
      category: workEntry.category,
    })
    .from(workEntry)
    .where(
      and(
        inArray(workEntry.personId, ids),
        isNull(workEntry.deletedAt),
        eq(workEntry.category, "toil"),
        gte(workEntry.startsAt, entriesFrom),
        lt(workEntry.startsAt, now),
      ),
    );
  const shifts = await db
    .select({
      personId: shiftRecord.personId,
      role: shiftRecord.role,
      startsAt: shiftRecord.startsAt,
      endsAt: shiftRecord.endsAt,
    })
    .from(shiftRecord)
    .where(
      and(
        inArray(shiftRecord.personId, ids),
        lt(shiftRecord.startsAt, now),
        gt(shiftRecord.endsAt, new Date(earliest)),
      ),
    );
  // The shifts since each rotation was last recorded count too: reading never records (see shiftsInWindow).
  const wanted = new Set(ids);
  const unrecorded = (await expandedAfterRecords(db, ids, { start: earliest, end: now.getTime() }))
    .filter((shift) => wanted.has(shift.personId))
    .map((shift) => ({
      personId: shift.personId,
      role: shift.role,
      startsAt: new Date(shift.start),
      endsAt: new Date(shift.end),
    }));
  shifts.push(...unrecorded);
  const absences = await absencesOf(db, ids, { start: earliest, end: now.getTime() });
  return new Map(
    people.map((p) => [
      p.personId,
      toilHistoryOf(
        {
          timeZone: p.timeZone,
          workPattern: p.workPattern,
          absences: absences.filter((a) => a.personId === p.personId),
        },
        periodOf(p.timeZone),
        HISTORY_WEEKS,
        shifts
          .filter((s) => s.personId === p.personId)
          .map((s) => ({ role: s.role, start: s.startsAt.getTime(), end: s.endsAt.getTime() })),
        entries
          .filter((e) => e.personId === p.personId)
          .map((e) => ({ start: e.startsAt.getTime(), minutes: e.minutes, category: e.category })),
      ),
    ]),
  );
}
