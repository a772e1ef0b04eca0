import { ALERTS, SERVICES, TEMPLATES } from "./org-shape";
import type { GenerationPlan } from "./people-sql";
import { date, fourRandoms, idOf, instant, int, localAt, rnd, textArray } from "./sql-parts";

/** `array[...]` element n (0-based) of a fixed list. */
function pick(list: readonly string[], zeroBased: string): string {
  return `(${textArray(list)})[1 + (${zeroBased})::int % ${int(list.length)}]`;
}

/**
 * Pages (about one a day per three engineers, credited to whoever held the first primary rotation of a group
 * then; most confirmed, recent ones still in the inbox) and tickets on working days.
 */
export function interruptStatements(plan: GenerationPlan): string[] {
  const from = date(plan.from);
  const now = instant(plan.now);
  const days = int(plan.size.days + 7);
  const key = "'page-' || t.k || '-' || n || '-' || s";
  return [
    `create temp table bench_page on commit drop as
     select ${idOf(key)} as id, t.k as team_k, t.id as team_id, s % t.groups as grp, o.opened, x.a, x.b, x.c, x.f
     from bench_team t
     cross join generate_series(0, ${days}) n
     cross join lateral generate_series(1, greatest(2, t.size / 3)) s
     cross join lateral ${fourRandoms(key)} x
     cross join lateral (select ((${from} + n)::timestamp at time zone 'UTC') + x.a * interval '24 hours' as opened offset 0) o
     where t.size > 0 and x.b < 0.5 and o.opened < ${now}`,
    "analyze bench_page",
    `insert into interrupt (id, team_id, kind, source, alert_name, service, severity, summary, is_incident, actionable, opened_at,
       resolved_at, assignee_id, created_at, integration_id, alert_fingerprint, group_key, incident_id, capture_status, capture_decided_at)
     select pg.id, pg.team_id, 'page'::interrupt_kind, 'alertmanager', a.alert, a.service,
       (case when pg.f < 0.3 then 'critical' when pg.f < 0.6 then 'high' else 'medium' end)::severity,
       a.alert || ' on ' || a.service, pg.f < 0.15, case when pg.c < 0.4 then null else pg.c < 0.85 end, pg.opened,
       case when pg.opened + interval '4 hours' < ${now} then pg.opened + (5 + floor(pg.b * 350)) * interval '1 minute' end,
       coalesce(
         (select sr.person_id from shift_record sr
          where sr.team_id = pg.team_id and sr.rotation_id = ${idOf("'bench-rotation-' || pg.team_k || '-' || pg.grp || '-primary'")}
            and sr.starts_at <= pg.opened and sr.ends_at > pg.opened
          order by sr.starts_at desc limit 1),
         (select e.id from bench_engineer e where e.team_k = pg.team_k and e.grp = pg.grp order by e.pos limit 1)),
       pg.opened, ${idOf("'bench-integration-' || pg.team_k")}, substr(md5(pg.id::text), 1, 16),
       '{}:{alertname="' || a.alert || '"}', pg.id,
       (case when pg.opened > ${now} - interval '3 days' then 'captured' when pg.c < 0.8 then 'confirmed' else 'dismissed' end)::capture_status,
       case when pg.opened <= ${now} - interval '3 days' then pg.opened + interval '1 day' end
     from bench_page pg
     cross join lateral (select ${pick(ALERTS, "floor(pg.c * 1000)")} as alert, ${pick(SERVICES, "floor(pg.f * 1000)")} as service offset 0) a`,
    `insert into interrupt (team_id, kind, source, external_id, service, severity, summary, opened_at, resolved_at, assignee_id, created_at)
     select t.id, 'ticket'::interrupt_kind, 'csv', 'BENCH-' || t.k || '-' || n || '-' || s, ${pick(SERVICES, "floor(x.c * 1000)")}, 'medium'::severity,
       'Ticket about ' || ${pick(SERVICES, "floor(x.c * 1000)")}, o.opened,
       case when o.opened + interval '2 days' < ${now} then o.opened + (1 + floor(x.a * 40)) * interval '1 hour' end, e.id, o.opened
     from bench_team t
     cross join generate_series(0, ${days}) n
     cross join lateral generate_series(1, greatest(1, t.size / 4)) s
     cross join lateral ${fourRandoms("'ticket-' || t.k || '-' || n || '-' || s")} x
     cross join lateral (select ${localAt(`${from} + n`, "540 + floor(x.a * 480)", "t.tz")} as opened offset 0) o
     join bench_engineer e on e.team_k = t.k and e.idx = floor(x.c * t.size)::int
     where extract(isodow from ${from} + n) < 6 and x.b < 0.7 and o.opened < ${now}`,
  ];
}

const ENTRY_COLUMNS = `person_id, team_id, starts_at, minutes, category, manual, repetitive, automatable, tactical, no_enduring_value,
  scales_linearly, service_id, template_id, interrupt_id, summary, source, created_at, updated_at`;

/**
 * Work entries: up to five a working day (toil or overhead, some from templates, none on leave), after-hours
 * toil on about one evening in twenty, and the time of confirmed pages and of most tickets.
 */
export function entryStatements(plan: GenerationPlan): string[] {
  const from = date(plan.from);
  const now = instant(plan.now);
  const days = int(plan.size.days + 7);
  const toilTemplates = TEMPLATES.flatMap(([, , , category], index) => (category === "toil" ? [index] : []));
  const key = "'entry-' || e.i || '-' || n || '-' || slot";
  const service = (index: string) => idOf(`'bench-service-' || e.team_k || '-' || (${index})`);
  return [
    `insert into work_entry (${ENTRY_COLUMNS})
     select e.id, e.team_id, x.starts, x.minutes, x.category::entry_category,
       x.category = 'toil', x.category = 'toil' and r.c < 0.5, x.category = 'toil' and r.c < 0.4, x.category = 'toil' and r.b < 0.3,
       x.category = 'toil' and r.a < 0.3, x.category = 'toil' and r.c < 0.2,
       case when x.category = 'toil' then ${service(`case when x.template is null then floor(r.c * 1000)::int % ${int(SERVICES.length)} else (${textArray(TEMPLATES.map(([, s]) => String(s)))})[1 + x.template]::int end`)} end,
       case when x.template is not null then ${idOf("'bench-template-' || e.team_k || '-' || x.template")} end, null,
       case when x.category = 'overhead' then 'Meetings and reviews' when x.template is not null then 'Template work'
            else 'Routine toil on ' || ${pick(SERVICES, "floor(r.c * 1000)")} end,
       (case when x.template is not null then 'template' else 'manual' end)::entry_source, x.starts + x.minutes * interval '1 minute', x.starts + x.minutes * interval '1 minute'
     from bench_engineer e
     cross join generate_series(0, ${days}) n
     cross join generate_series(0, 4) slot
     cross join lateral ${fourRandoms(key)} r
     cross join lateral (select ${localAt(`${from} + n`, "e.start_min + slot * 90 + floor(r.a * 45)", "e.tz")} as starts,
                                10 + floor(r.b * 80)::int as minutes,
                                case when r.f < 0.46 then 'toil' else 'overhead' end as category,
                                case when r.f < 0.12 then (${textArray(toilTemplates.map(String))})[1 + floor(r.a * 1000)::int % ${int(toilTemplates.length)}]::int end as template offset 0) x
     where extract(isodow from ${from} + n) = any(e.days) and r.f < 0.7 and x.starts + x.minutes * interval '1 minute' < ${now}
       and not exists (select 1 from absence ab where ab.person_id = e.id and ab.starts_at <= x.starts and ab.ends_at > x.starts)`,
    `insert into work_entry (${ENTRY_COLUMNS})
     select e.id, e.team_id, x.starts, 15 + floor(r.b * 60)::int, 'toil'::entry_category, true, true, false, true, true, false,
       ${service(`floor(r.c * 1000)::int % ${int(SERVICES.length)}`)}, null, null, 'Evening fix', 'manual'::entry_source, x.starts, x.starts
     from bench_engineer e
     cross join generate_series(0, ${days}) n
     cross join lateral ${fourRandoms("'evening-' || e.i || '-' || n")} r
     cross join lateral (select ${localAt(`${from} + n`, "1260 + floor(r.a * 120)", "e.tz")} as starts offset 0) x
     where r.c < 0.05 and x.starts + interval '80 minutes' < ${now}`,
    `insert into work_entry (${ENTRY_COLUMNS})
     select i.assignee_id, i.team_id, i.opened_at,
       least(240, greatest(10, ceil(extract(epoch from (coalesce(i.resolved_at, i.opened_at + interval '30 minutes') - i.opened_at)) / 60)))::int,
       'toil'::entry_category, true, true, false, true, true, false, null, null, i.id, 'Page: ' || i.summary, 'capture'::entry_source, i.opened_at, i.opened_at
     from interrupt i join bench_team t on t.id = i.team_id
     where i.kind = 'page' and i.capture_status = 'confirmed' and i.assignee_id is not null`,
    `insert into work_entry (${ENTRY_COLUMNS})
     select i.assignee_id, i.team_id, i.opened_at + interval '1 hour', 20 + floor(${rnd("i.id::text")} * 160)::int,
       'toil'::entry_category, true, true, true, false, false, true, null, null, i.id, i.summary, 'manual'::entry_source, i.opened_at, i.opened_at
     from interrupt i join bench_team t on t.id = i.team_id
     where i.kind = 'ticket' and i.assignee_id is not null and ${rnd("i.id::text", 1)} < 0.7
       and i.opened_at + interval '5 hours' < ${now}`,
  ];
}
