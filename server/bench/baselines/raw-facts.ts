import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { expandShifts, type Override, type RotationRole, type RotationSpec } from "@/server/domain/rotations";
import {
  MAX_ENTRY_MINUTES,
  type AccountingFacts,
  type EntryCategory,
  type Shift,
  type ShiftRole,
  type WorkEntry,
} from "@/server/domain/accounting";
import type { Interval, WorkPattern } from "@/server/domain/time";
import { queryRows } from "../org/query-rows";

/** Someone whose facts a baseline loads: their clock and pattern. */
export interface RawProfile {
  personId: string;
  name: string;
  timeZone: string;
  workPattern: WorkPattern;
}

/** One text parameter `{a,b,c}` cast to uuid[]: one bind value however many people. */
function uuidArray(ids: readonly string[]) {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}

const ms = (value: unknown) => Number(value);

/**
 * The accounting facts of these people over `range`, read with four plain SQL statements and no ORM: the same rows
 * the app's loadPeopleFacts reads (leave, toil entries, recorded shifts, and the rotations they take turns in or cover,
 * expanded after what is recorded). Unlike the app it records nothing: the recorded boundary only moves where
 * records end and expansion begins, never the time covered.
 */
export async function rawFacts(
  db: Db,
  people: readonly RawProfile[],
  range: Interval,
): Promise<Map<string, AccountingFacts>> {
  const ids = people.map((p) => p.personId);
  const from = new Date(range.start).toISOString();
  const to = new Date(range.end).toISOString();
  const lists = new Map<string, { absences: Interval[]; shifts: Shift[]; entries: WorkEntry[] }>(
    people.map((p) => [p.personId, { absences: [], shifts: [], entries: [] }]),
  );
  const facts = new Map<string, AccountingFacts>(
    people.map((p) => [
      p.personId,
      {
        timeZone: p.timeZone,
        workPattern: p.workPattern,
        ...(lists.get(p.personId) ?? { absences: [], shifts: [], entries: [] }),
      },
    ]),
  );
  if (ids.length === 0 || range.end <= range.start) return facts;
  const absences = await queryRows(
    db,
    sql`
    select person_id, floor(extract(epoch from starts_at) * 1000) as s, floor(extract(epoch from ends_at) * 1000) as e from absence
    where person_id = any(${uuidArray(ids)}) and deleted_at is null and starts_at < ${to}::timestamptz and ends_at > ${from}::timestamptz`,
  );
  const entries = await queryRows(
    db,
    sql`
    select person_id, floor(extract(epoch from starts_at) * 1000) as s, minutes, category from work_entry
    where person_id = any(${uuidArray(ids)}) and deleted_at is null and category = 'toil' and starts_at < ${to}::timestamptz
      and starts_at + make_interval(mins => minutes) > ${from}::timestamptz
      and starts_at > ${new Date(range.start - MAX_ENTRY_MINUTES * 60_000).toISOString()}::timestamptz`,
  );
  const records = await queryRows(
    db,
    sql`
    select person_id, role, floor(extract(epoch from starts_at) * 1000) as s, floor(extract(epoch from ends_at) * 1000) as e from shift_record
    where person_id = any(${uuidArray(ids)}) and starts_at < ${to}::timestamptz and ends_at > ${from}::timestamptz`,
  );
  const rotations = await queryRows(
    db,
    sql`
    select r.id, r.role, r.time_zone, r.shift_unit, r.shift_count, r.handoff_weekday, r.handoff_minute, r.starts_on::text as starts_on,
      r.working_hours_only, r.working_days, r.working_start_minute, r.working_end_minute,
      coalesce(floor(extract(epoch from r.recorded_until) * 1000), 0) as recorded_until,
      array(select p.person_id::text from rotation_participant p where p.rotation_id = r.id order by p.position) as participants,
      coalesce((select json_agg(json_build_object('id', o.id, 'personId', o.person_id, 'replacesPersonId', o.replaces_person_id,
                 'start', floor(extract(epoch from o.starts_at) * 1000), 'end', floor(extract(epoch from o.ends_at) * 1000)))
                from rotation_override o where o.rotation_id = r.id and o.deleted_at is null), '[]'::json) as overrides
    from rotation r
    where r.deleted_at is null and (
      exists (select 1 from rotation_participant p where p.rotation_id = r.id and p.person_id = any(${uuidArray(ids)}))
      or exists (select 1 from rotation_override o where o.rotation_id = r.id and o.deleted_at is null
                 and o.person_id = any(${uuidArray(ids)}) and o.starts_at < ${to}::timestamptz and o.ends_at > ${from}::timestamptz))`,
  );

  for (const row of absences) lists.get(String(row.person_id))?.absences.push({ start: ms(row.s), end: ms(row.e) });
  for (const row of entries) {
    lists
      .get(String(row.person_id))
      ?.entries.push({ start: ms(row.s), minutes: Number(row.minutes), category: row.category as EntryCategory });
  }
  const addShift = (personId: string, role: ShiftRole, start: number, end: number) =>
    lists.get(personId)?.shifts.push({ role, start, end });
  for (const row of records) addShift(String(row.person_id), row.role as ShiftRole, ms(row.s), ms(row.e));
  for (const row of rotations) {
    const spec = rotationSpec(row);
    const start = Math.max(range.start, ms(row.recorded_until));
    if (start >= range.end) continue;
    for (const shift of expandShifts(spec, overridesOf(row.overrides), [], { start, end: range.end })) {
      addShift(shift.personId, shift.role, shift.start, shift.end);
    }
  }
  return facts;
}

function rotationSpec(row: Record<string, unknown>): RotationSpec {
  const restricted = row.working_hours_only === true && Array.isArray(row.working_days);
  return {
    id: String(row.id),
    role: row.role as RotationRole,
    timeZone: String(row.time_zone),
    shiftLength: { unit: row.shift_unit as RotationSpec["shiftLength"]["unit"], count: Number(row.shift_count) },
    handoff: { weekday: Number(row.handoff_weekday), minute: Number(row.handoff_minute) },
    startsOn: String(row.starts_on),
    participants: Array.isArray(row.participants) ? row.participants.map(String) : [],
    dutyWindows: restricted
      ? [
          {
            days: (row.working_days as unknown[]).map(Number),
            startMinute: Number(row.working_start_minute),
            endMinute: Number(row.working_end_minute),
          },
        ]
      : null,
  };
}

function overridesOf(value: unknown): Override[] {
  const list: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(list)) return [];
  return list.map((item: Record<string, unknown>) => ({
    id: String(item.id),
    personId: String(item.personId),
    replacesPersonId: item.replacesPersonId === null ? null : String(item.replacesPersonId),
    start: Number(item.start),
    end: Number(item.end),
  }));
}

/** The profiles of the people a query returns as (person_id, name, time_zone, work_days, work_start_minute, work_end_minute). */
export function profileOf(row: Record<string, unknown>): RawProfile {
  return {
    personId: String(row.person_id),
    name: String(row.name),
    timeZone: String(row.time_zone),
    workPattern: {
      days: Array.isArray(row.work_days) ? row.work_days.map(Number) : [],
      startMinute: Number(row.work_start_minute),
      endMinute: Number(row.work_end_minute),
    },
  };
}
