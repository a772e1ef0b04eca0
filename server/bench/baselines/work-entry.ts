import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "../org/query-rows";

/** The session token in better-auth's cookie ("token.signature", URL-encoded); the baseline trusts it unsigned. */
export function sessionToken(cookieHeader: string | null): string | null {
  const match = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/.exec(cookieHeader ?? "");
  const value = match?.[1] ? decodeURIComponent(match[1]) : "";
  return value.split(".")[0] || null;
}

/**
 * The baseline of workLog.create: one SQL statement that finds the session's person and their first team, inserts
 * the entry (ended now, `minutes` long) and its audit row, as the procedure does, without ORM, tRPC or zod.
 */
export async function baselineLogEntry(
  db: Db,
  token: string,
  entry: { summary: string; minutes: number; category: "toil" | "overhead" },
) {
  const [row] = await queryRows(
    db,
    sql`
    with viewer as (
      select p.id as person_id,
        (select m.team_id from team_member m join team t on t.id = m.team_id
         where m.person_id = p.id and t.deleted_at is null order by t.name limit 1) as team_id
      from auth_session s join person p on p.user_id = s.user_id
      where s.token = ${token} and s.expires_at > now() and p.deleted_at is null
    ), entry as (
      insert into work_entry (person_id, team_id, starts_at, minutes, category, summary, source, created_at, updated_at)
      select person_id, team_id, now() - make_interval(mins => ${entry.minutes}::int), ${entry.minutes}::int,
        ${entry.category}::entry_category, ${entry.summary}, 'manual', now(), now()
      from viewer where team_id is not null
      returning *
    ), audit as (
      insert into audit_log (actor_person_id, team_id, action, entity_type, entity_id, after)
      select person_id, team_id, 'work-entry.create', 'work_entry', id::text, to_jsonb(entry) from entry
    )
    select id, person_id, team_id, starts_at, minutes, category, summary from entry`,
  );
  return row ?? null;
}
