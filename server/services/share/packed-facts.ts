import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { MAX_ENTRY_MINUTES, type ShiftRole, type WorkEntry } from "@/server/domain/accounting";
import { MINUTE_MS, type Interval } from "@/server/domain/time";
import { rowsOf } from "./raw-rows";

/** A shift from the frozen history (shift_record), as the accounting reads it. */
export interface RecordedShift extends Interval {
  rotationId: string;
  role: ShiftRole;
}

export interface PackedFacts {
  entries: WorkEntry[];
  absences: Interval[];
  records: RecordedShift[];
}

const ROLES: ReadonlySet<string> = new Set<ShiftRole>(["primary", "secondary", "ticket", "shadow"]);

/** Splits "a b c,a b c,..." into its fields without a string per entry beyond the fields themselves. */
function unpack(packed: unknown, fields: number, take: (parts: string[]) => void): void {
  if (typeof packed !== "string" || packed === "") return;
  let at = 0;
  const parts: string[] = new Array<string>(fields);
  while (at < packed.length) {
    const comma = packed.indexOf(",", at);
    const end = comma === -1 ? packed.length : comma;
    let from = at;
    for (let field = 0; field < fields; field += 1) {
      const space = field === fields - 1 ? end : packed.indexOf(" ", from);
      parts[field] = packed.slice(from, space);
      from = space + 1;
    }
    take(parts);
    at = end + 1;
  }
}

/**
 * Per person, over `range`, in one statement: their toil entries (overhead never counts as operational, rule 3),
 * their absences and their recorded shifts, none deleted, each overlapping the range. Packed as text, a row per
 * person and kind: a year of a team's entries is tens of thousands of rows, and decoding them one by one (row objects,
 * Dates) cost more than the rest of a report. No entry is longer than MAX_ENTRY_MINUTES (the schemas refuse longer
 * ones), so a lower bound on the start keeps the entries' index scan to the range.
 */
export async function readPackedFacts(
  db: Db,
  ids: readonly string[],
  range: Interval,
): Promise<Map<string, PackedFacts>> {
  const from = new Date(range.start).toISOString();
  const to = new Date(range.end).toISOString();
  const earliestEntry = new Date(range.start - MAX_ENTRY_MINUTES * MINUTE_MS).toISOString();
  const ms = (column: string) => sql.raw(`floor(extract(epoch from ${column}) * 1000)::bigint`);
  const people = sql`${`{${ids.join(",")}}`}::uuid[]`;
  // Three grouped scans rather than subqueries per person: those made PostgreSQL's cost estimate cross the JIT
  // threshold for an organisation, and compiling the query cost more than running it.
  const result = await db.execute(sql`
    select w.person_id::text as person_id, 'entries' as kind, string_agg(${ms("w.starts_at")} || ' ' || w.minutes, ',') as packed
    from work_entry w
    where w.person_id = any(${people}) and w.deleted_at is null and w.category = 'toil' and w.starts_at < ${to}::timestamptz
      and w.starts_at > ${earliestEntry}::timestamptz and w.starts_at + make_interval(mins => w.minutes) > ${from}::timestamptz
    group by w.person_id
    union all
    select a.person_id::text, 'absences', string_agg(${ms("a.starts_at")} || ' ' || ${ms("a.ends_at")}, ',')
    from absence a
    where a.person_id = any(${people}) and a.deleted_at is null and a.starts_at < ${to}::timestamptz and a.ends_at > ${from}::timestamptz
    group by a.person_id
    union all
    select s.person_id::text, 'records', string_agg(s.rotation_id || ' ' || s.role || ' ' || ${ms("s.starts_at")} || ' ' || ${ms("s.ends_at")}, ',')
    from shift_record s
    where s.person_id = any(${people}) and s.starts_at < ${to}::timestamptz and s.ends_at > ${from}::timestamptz
    group by s.person_id`);
  const facts = new Map<string, PackedFacts>();
  for (const row of rowsOf(result)) {
    const personId = String(row.person_id);
    const own = facts.get(personId) ?? { entries: [], absences: [], records: [] };
    facts.set(personId, own);
    if (row.kind === "entries") {
      unpack(row.packed, 2, ([start, minutes]) =>
        own.entries.push({ start: Number(start), minutes: Number(minutes), category: "toil" }),
      );
    } else if (row.kind === "absences") {
      unpack(row.packed, 2, ([start, end]) => own.absences.push({ start: Number(start), end: Number(end) }));
    } else {
      unpack(row.packed, 4, ([rotationId = "", role = "", start, end]) => {
        if (ROLES.has(role))
          own.records.push({ rotationId, role: role as ShiftRole, start: Number(start), end: Number(end) });
      });
    }
  }
  return facts;
}
