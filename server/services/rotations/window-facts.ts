import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Absence, Interval, Override, RotationRole } from "@/server/domain/rotations";
import { rowsOf } from "../share/raw-rows";

/** A frozen shift of shift_record, instants as epoch ms. */
export interface RecordedShift {
  rotationId: string;
  role: RotationRole;
  personId: string;
  start: number;
  end: number;
}

/** What expanding rotations over a window needs, besides the rotation rows themselves. */
export interface WindowFacts {
  /** Records of `rotationIds` overlapping the window, by start. */
  records: RecordedShift[];
  /** Turn order of each active rotation. */
  participants: Map<string, string[]>;
  /** Covers (not removed) of each active rotation, by start. */
  overrides: Map<string, Override[]>;
  /** Leave (not removed) overlapping the window of anyone in the records, the turn orders or the covers. */
  absences: Absence[];
}

const epochMs = (column: SQL) => sql`floor(extract(epoch from ${column}) * 1000)::float8`;

function idList(ids: readonly string[]): SQL {
  return ids.length === 0
    ? sql`(null::uuid)`
    : sql`(${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;
}

/** json_agg arrives parsed from node-postgres and as text from PGlite's raw rows; null for none. */
function listOf<T>(value: unknown): T[] {
  const list: unknown = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(list) ? (list as T[]) : [];
}

/**
 * The records, turn orders, covers and leave for expanding `activeIds` over `window`, in one round trip: the
 * schedule, the on-call views, the reports and the Alertmanager receiver all read shifts this way.
 */
export async function readWindowFacts(
  db: Db,
  rotationIds: readonly string[],
  activeIds: readonly string[],
  window: Interval,
): Promise<WindowFacts> {
  const [from, to] = [new Date(window.start).toISOString(), new Date(window.end).toISOString()];
  const [all, active] = [idList(rotationIds), idList(activeIds)];
  const result = await db.execute(sql`
    with records as (
      select r.rotation_id, r.role, r.person_id, r.starts_at, r.ends_at from shift_record r
      where r.rotation_id in ${all} and r.starts_at < ${to}::timestamptz and r.ends_at > ${from}::timestamptz
    ), turns as (
      select p.rotation_id, p.person_id, p.position from rotation_participant p where p.rotation_id in ${active}
    ), covers as (
      select o.id, o.rotation_id, o.person_id, o.replaces_person_id, o.starts_at, o.ends_at from rotation_override o
      where o.rotation_id in ${active} and o.deleted_at is null
    ), people as (
      select person_id from records union select person_id from turns union select person_id from covers
    )
    select
      (select json_agg(json_build_object('rotationId', rotation_id, 'role', role, 'personId', person_id,
        'start', ${epochMs(sql`starts_at`)}, 'end', ${epochMs(sql`ends_at`)}) order by starts_at) from records) as records,
      (select json_agg(json_build_object('rotationId', rotation_id, 'personId', person_id) order by position)
        from turns) as turns,
      (select json_agg(json_build_object('id', id, 'rotationId', rotation_id, 'personId', person_id,
        'replacesPersonId', replaces_person_id, 'start', ${epochMs(sql`starts_at`)}, 'end', ${epochMs(sql`ends_at`)})
        order by starts_at) from covers) as covers,
      (select json_agg(json_build_object('personId', a.person_id, 'start', ${epochMs(sql`a.starts_at`)},
        'end', ${epochMs(sql`a.ends_at`)}))
        from absence a where a.person_id in (select person_id from people) and a.deleted_at is null
          and a.starts_at < ${to}::timestamptz and a.ends_at > ${from}::timestamptz) as absences`);
  const [row] = rowsOf(result);
  const participants = new Map<string, string[]>(activeIds.map((id) => [id, []]));
  for (const turn of listOf<{ rotationId: string; personId: string }>(row?.turns)) {
    participants.get(turn.rotationId)?.push(turn.personId);
  }
  const overrides = new Map<string, Override[]>(activeIds.map((id) => [id, []]));
  for (const cover of listOf<Override & { rotationId: string }>(row?.covers)) {
    overrides.get(cover.rotationId)?.push({
      id: cover.id,
      personId: cover.personId,
      replacesPersonId: cover.replacesPersonId,
      start: Number(cover.start),
      end: Number(cover.end),
    });
  }
  const number = <T extends { start: number; end: number }>(item: T): T => ({
    ...item,
    start: Number(item.start),
    end: Number(item.end),
  });
  return {
    records: listOf<RecordedShift>(row?.records).map(number),
    participants,
    overrides,
    absences: listOf<Absence>(row?.absences).map(number),
  };
}
