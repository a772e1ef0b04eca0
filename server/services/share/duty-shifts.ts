import { and, gt, inArray, isNull, lt, max, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotation, rotationOverride, rotationParticipant, shiftRecord } from "@/db/schema";
import { expandShifts, type Override } from "@/server/domain/rotations";
import type { Interval } from "@/server/domain/time";
import { specOfRow } from "../rotations/rotation-rows";
import type { ScheduledShift } from "../rotations/window-shifts";
import type { PackedFacts } from "./packed-facts";

function overlapsAny(shift: Interval, spans: readonly Interval[]): boolean {
  return spans.some((span) => span.start < shift.end && shift.start < span.end);
}

/**
 * The shifts these people held in `window`, from every rotation of any team they are or were on, as the
 * schedule shows them: recorded history (read with their facts, see readPackedFacts), and after each rotation's
 * recorded-until instant the rotation expanded from its settings (so the shift in progress counts before it is
 * recorded). Grouped by person, sorted by start, then rotation.
 *
 * Read-only: unlike the schedule pages it records nothing (no row locks, no writes on a report read). The time
 * covered is the same either way: recording freezes exactly what expanding the current settings gives, and every
 * edit of a rotation or cover freezes the past before it changes anything. `onLeave` flags shifts that overlap
 * their holder's absence, as the schedule does.
 */
export async function shiftsOfPeople(
  db: Db,
  personIds: readonly string[],
  window: Interval,
  facts: ReadonlyMap<string, Pick<PackedFacts, "absences" | "records">>,
): Promise<Map<string, ScheduledShift[]>> {
  const ids = [...new Set(personIds)];
  const byPerson = new Map<string, ScheduledShift[]>(ids.map((id) => [id, []]));
  if (ids.length === 0 || window.end <= window.start) return byPerson;
  const shifts: ScheduledShift[] = [];
  for (const [personId, own] of facts) {
    if (!byPerson.has(personId)) continue;
    for (const record of own.records) {
      shifts.push({ ...record, personId, source: "record", onLeave: overlapsAny(record, own.absences) });
    }
  }
  for (const shift of await expandedAfterRecords(db, ids, window)) {
    if (!byPerson.has(shift.personId)) continue;
    shifts.push({
      rotationId: shift.rotationId,
      role: shift.role,
      personId: shift.personId,
      start: shift.start,
      end: shift.end,
      source: shift.source,
      onLeave: overlapsAny(shift, facts.get(shift.personId)?.absences ?? []),
    });
  }
  shifts.sort((a, b) => a.start - b.start || (a.rotationId < b.rotationId ? -1 : a.rotationId > b.rotationId ? 1 : 0));
  for (const shift of shifts) byPerson.get(shift.personId)?.push(shift);
  return byPerson;
}

/**
 * The rotations (not removed) these people take turns in or cover during the window, expanded from where each is
 * recorded up to (for rows from before `recorded_until` existed: their last record, else their creation) to the
 * window's end, clipped to the window: with the records, every shift of the window, read without recording.
 * Shifts of other people in those rotations come along; callers keep the ones they asked for.
 */
export async function expandedAfterRecords(db: Db, ids: string[], window: Interval) {
  const [from, to] = [new Date(window.start), new Date(window.end)];
  const inTurns = db
    .select({ id: rotationParticipant.rotationId })
    .from(rotationParticipant)
    .where(inArray(rotationParticipant.personId, ids));
  const covering = db
    .select({ id: rotationOverride.rotationId })
    .from(rotationOverride)
    .where(
      and(
        inArray(rotationOverride.personId, ids),
        isNull(rotationOverride.deletedAt),
        lt(rotationOverride.startsAt, to),
        gt(rotationOverride.endsAt, from),
      ),
    );
  // Each rotation with its turn order and the covers in the window, in one read. The subqueries name their tables
  // by alias: drizzle leaves the outer columns of a one-table select unqualified.
  const rows = await db
    .select({
      rotation,
      participants: sql<
        string[]
      >`array(select p.person_id::text from rotation_participant p where p.rotation_id = "rotation"."id" order by p.position)`,
      covers: sql<CoverRow[] | string | null>`(select json_agg(json_build_object('id', o.id, 'personId', o.person_id,
          'replacesPersonId', o.replaces_person_id, 'start', floor(extract(epoch from o.starts_at) * 1000)::float8,
          'end', floor(extract(epoch from o.ends_at) * 1000)::float8) order by o.starts_at)
        from rotation_override o where o.rotation_id = "rotation"."id" and o.deleted_at is null
          and o.starts_at < ${to.toISOString()}::timestamptz and o.ends_at > ${from.toISOString()}::timestamptz)`,
    })
    .from(rotation)
    .where(and(isNull(rotation.deletedAt), or(inArray(rotation.id, inTurns), inArray(rotation.id, covering))));
  if (rows.length === 0) return [];
  const unknown = rows.filter((row) => row.rotation.recordedUntil === null).map((row) => row.rotation.id);
  const lastEnds =
    unknown.length === 0
      ? []
      : await db
          .select({ rotationId: shiftRecord.rotationId, lastEnd: max(shiftRecord.endsAt) })
          .from(shiftRecord)
          .where(inArray(shiftRecord.rotationId, unknown))
          .groupBy(shiftRecord.rotationId);
  const lastEndOf = new Map(lastEnds.map((row) => [row.rotationId, row.lastEnd]));
  return rows.flatMap(({ rotation: row, participants, covers }) => {
    const recordedUntil = (row.recordedUntil ?? lastEndOf.get(row.id) ?? row.createdAt).getTime();
    const start = Math.max(window.start, recordedUntil);
    if (start >= window.end) return [];
    return expandShifts(specOfRow(row, participants), overridesOf(covers), [], { start, end: window.end });
  });
}

/** A cover as the rotation read packs it (JSON: instants as epoch milliseconds). */
interface CoverRow {
  id: string;
  personId: string;
  replacesPersonId: string | null;
  start: number;
  end: number;
}

/** json_agg arrives parsed from node-postgres and as text from some drivers; null when there are none. */
function overridesOf(covers: CoverRow[] | string | null): Override[] {
  const list: unknown = typeof covers === "string" ? JSON.parse(covers) : covers;
  if (!Array.isArray(list)) return [];
  return list.map((cover: CoverRow) => ({
    id: cover.id,
    personId: cover.personId,
    replacesPersonId: cover.replacesPersonId,
    start: Number(cover.start),
    end: Number(cover.end),
  }));
}
