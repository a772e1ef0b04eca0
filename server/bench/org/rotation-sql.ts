import { hashIntegrationSecret } from "@/server/services/integrations/integration-secret";
import { integrationSecret } from "./org-shape";
import type { GenerationPlan } from "./people-sql";
import { date, idOf, instant, int, localAt, rnd, text } from "./sql-parts";

/**
 * Per team and group of up to twelve engineers: a weekly primary (12-hour shifts in every fourth team), a weekly
 * secondary half a rotation behind, daily ticket duty in working hours only; every fifth team also a shadow rotation.
 * A year of shifts recorded up to the shift in progress, as if the app had run all year; covers still to come.
 */
export function rotationStatements(plan: GenerationPlan): string[] {
  const from = date(plan.from);
  const now = instant(plan.now);
  const createdAt = `${from}::timestamptz`;
  const weeks = int(Math.ceil(plan.size.days / 7) + 2);
  const days = int(plan.size.days + 14);
  const holder = (turn: string) =>
    `join rotation_participant p on p.rotation_id = r.id and p.position = (${turn}) % r.people`;
  const record = `insert into shift_record (rotation_id, team_id, person_id, role, starts_at, ends_at, created_at)
     select r.id, r.team_id, p.person_id, r.role::rotation_role, x.s, x.e, x.e from bench_rotation r`;
  return [
    `create temp table bench_rotation on commit drop as
     select ${idOf("'bench-rotation-' || t.k || '-' || g || '-' || kind.role")} as id, t.k as team_k, t.id as team_id, g as grp, kind.role, t.tz,
       case when kind.role = 'primary' and t.k % 4 = 0 then 'hours' when kind.role = 'ticket' then 'days' else 'weeks' end as unit,
       case when kind.role = 'primary' and t.k % 4 = 0 then 12 else 1 end as count,
       case when kind.role = 'primary' and t.k % 4 = 0 then 480 else 540 end as handoff_minute,
       kind.role = 'ticket' as restricted,
       (select count(*) from bench_engineer e where e.team_k = t.k and e.grp = g)::int as people
     from bench_team t
     cross join lateral generate_series(0, t.groups - 1) g
     cross join (values ('primary'), ('secondary'), ('ticket'), ('shadow')) kind(role)
     where t.size > 0 and (kind.role <> 'shadow' or t.k % 5 = 0)`,
    "analyze bench_rotation",
    `insert into rotation (id, team_id, name, role, time_zone, shift_unit, shift_count, handoff_weekday, handoff_minute, starts_on,
       working_hours_only, working_days, working_start_minute, working_end_minute, created_at, updated_at)
     select id, team_id, initcap(role) || ' ' || (grp + 1), role::rotation_role, tz, unit::shift_unit, count, 1, handoff_minute, ${from},
       restricted, case when restricted then '{1,2,3,4,5}'::int[] end, case when restricted then 540 end, case when restricted then 1020 end,
       ${createdAt}, ${createdAt}
     from bench_rotation`,
    `insert into rotation_participant (rotation_id, position, person_id)
     select r.id, case when r.role = 'secondary' then (e.pos + r.people / 2) % r.people else e.pos end, e.id
     from bench_rotation r join bench_engineer e on e.team_k = r.team_k and e.grp = r.grp`,
    // Weekly hand-offs on the rotation's wall clock, Monday 09:00.
    `${record}
     cross join generate_series(0, ${weeks}) w
     cross join lateral (select ${localAt(`${from} + 7 * w`, "r.handoff_minute", "r.tz")} as s,
                                ${localAt(`${from} + 7 * (w + 1)`, "r.handoff_minute", "r.tz")} as e offset 0) x
     ${holder("w")}
     where r.unit = 'weeks' and x.e <= ${now}`,
    // 12-hour shifts hand off on the wall clock too: the first hand-off plus whole multiples of 12 hours.
    `${record}
     cross join generate_series(0, 2 * ${days}) n
     cross join lateral (select ${localAt(from, "r.handoff_minute + n * 720", "r.tz")} as s,
                                ${localAt(from, "r.handoff_minute + (n + 1) * 720", "r.tz")} as e offset 0) x
     ${holder("n")}
     where r.unit = 'hours' and x.e <= ${now}`,
    // Ticket duty: one turn per working day, 09:00 to 17:00 local; weekends use up no turn.
    `${record}
     cross join (
       select ${from} + n as day, (row_number() over (order by n) - 1)::int as turn
       from generate_series(0, ${days}) n where extract(isodow from ${from} + n) < 6
     ) w
     cross join lateral (select ${localAt("w.day", "540", "r.tz")} as s, ${localAt("w.day", "1020", "r.tz")} as e offset 0) x
     ${holder("w.turn")}
     where r.unit = 'days' and x.e <= ${now}`,
    `update rotation r set recorded_until = coalesce((select max(s.ends_at) from shift_record s where s.rotation_id = r.id), r.created_at)
     where r.id in (select id from bench_rotation)`,
    // A one-day cover in the next two weeks on every unrestricted rotation, and one in progress on about one in six.
    `insert into rotation_override (rotation_id, person_id, starts_at, ends_at, note, created_by_id, created_at)
     select r.id, p.person_id, c.starts, c.starts + interval '1 day', 'Cover', t.manager_id, ${now} - interval '7 days'
     from bench_rotation r
     join bench_team t on t.k = r.team_k
     cross join lateral (values
       (${localAt(`(${now} at time zone r.tz)::date + 2 + floor(${rnd("'cover' || r.id")} * 12)::int`, "540", "r.tz")}),
       (case when ${rnd("'cover' || r.id", 1)} < 0.17 then ${now} - interval '6 hours' end)
     ) c(starts)
     ${holder(`1 + floor(${rnd("'cover' || r.id", 2)} * r.people)::int`)}
     where not r.restricted and r.people > 1 and c.starts is not null`,
    integrationStatement(plan),
  ];
}

/** One Alertmanager integration per team, on its first primary rotation; only the secrets' hashes are stored. */
function integrationStatement(plan: GenerationPlan): string {
  const rows = Array.from({ length: plan.size.teams }, (_, index) => {
    const secret = integrationSecret(index + 1);
    return `(${index + 1}, ${text(secret.slice(0, 6))}, ${text(hashIntegrationSecret(secret))})`;
  });
  return `insert into integration (id, team_id, rotation_id, kind, name, prefix, secret_hash, created_by_id, created_at)
    select ${idOf("'bench-integration-' || t.k")}, t.id, ${idOf("'bench-rotation-' || t.k || '-0-primary'")}, 'alertmanager'::integration_kind,
      'Alertmanager (bench)', v.prefix, v.hash, t.manager_id, ${date(plan.from)}::timestamptz
    from bench_team t join (values ${rows.join(", ")}) v(k, prefix, hash) on v.k = t.k
    where t.size > 0`;
}
