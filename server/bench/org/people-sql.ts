import { ADMIN_EMAIL, BENCH_DOMAIN, GROUP_SIZE, SERVICES, SITES, TEMPLATES, type OrgSize } from "./org-shape";
import { date, idOf, instant, int, localAt, rnd, text } from "./sql-parts";

/** What every statement of the generator is written for. */
export interface GenerationPlan {
  size: OrgSize;
  now: Date;
  /** First day of history (a Monday), yyyy-mm-dd: rotations start on it, entries from it. */
  from: string;
  passwordHash: string;
}

const ORG_ID = idOf("'bench-org'");

/** Scratch tables of the teams and engineers the later statements join against; dropped at commit. */
export function stagingStatements(plan: GenerationPlan): string[] {
  const { engineers, teams } = plan.size;
  const sites = SITES.map(([home, second], index) => `(${index}, ${text(home)}, ${text(second)})`).join(", ");
  return [
    `create temp table bench_team on commit drop as
     select k,
       ${idOf("'bench-team-' || k")} as id,
       ${idOf("'bench-manager-' || k")} as manager_id,
       site.home as tz, site.second as tz2,
       greatest(0, (${int(engineers)} - k) / ${int(teams)} + 1) as size,
       greatest(1, ceil(greatest(0, (${int(engineers)} - k) / ${int(teams)} + 1) / ${int(GROUP_SIZE)}.0))::int as groups
     from generate_series(1, ${int(teams)}) k
     join (values ${sites}) site(n, home, second) on site.n = (k - 1) % ${int(SITES.length)}`,
    // Three in four work Monday to Friday 09-17; the rest start early, work four long days, or Tuesday to Saturday.
    `create temp table bench_engineer on commit drop as
     select i, ${idOf("'bench-person-' || i")} as id, t.k as team_k, t.id as team_id,
       (i - 1) / ${int(teams)} as idx,
       (i - 1) / ${int(teams)} % t.groups as grp,
       (i - 1) / ${int(teams)} / t.groups as pos,
       case when ${rnd("'zone' || i")} < 0.3 then t.tz2 else t.tz end as tz,
       case when p.pick < 0.85 then '{1,2,3,4,5}'::int[] when p.pick < 0.93 then '{1,2,3,4}'::int[] else '{2,3,4,5,6}'::int[] end as days,
       case when p.pick < 0.75 then 540 when p.pick < 0.85 then 480 when p.pick < 0.93 then 480 else 600 end as start_min,
       case when p.pick < 0.75 then 1020 when p.pick < 0.85 then 990 when p.pick < 0.93 then 1080 else 1080 end as end_min
     from generate_series(1, ${int(engineers)}) i
     join bench_team t on t.k = (i - 1) % ${int(teams)} + 1
     cross join lateral (select ${rnd("'pattern' || i")} as pick offset 0) p`,
    `create index on bench_engineer (team_k, grp, pos)`,
    `create index on bench_engineer (team_k, idx)`,
  ];
}

/** Organisation, teams, accounts (one shared password hash), people and memberships. */
export function peopleStatements(plan: GenerationPlan): string[] {
  const createdAt = `${date(plan.from)}::timestamptz`;
  const password = text(plan.passwordHash);
  const pad = (expr: string, width: number) => `lpad((${expr})::text, ${width}, '0')`;
  // Everyone: engineers, one manager (and planner) per team, one admin.
  const everyone = `
    select e.id, e.id::text as user_id, 'Engineer ' || ${pad("e.i", 4)} as name,
      'engineer-' || ${pad("e.i", 4)} || '@${BENCH_DOMAIN}' as email, e.tz, e.days, e.start_min, e.end_min, false as is_admin
    from bench_engineer e
    union all
    select t.manager_id, t.manager_id::text, 'Manager ' || ${pad("t.k", 3)}, 'manager-' || ${pad("t.k", 3)} || '@${BENCH_DOMAIN}',
      t.tz, '{1,2,3,4,5}'::int[], 540, 1020, false
    from bench_team t
    union all
    select ${idOf("'bench-admin'")}, ${idOf("'bench-admin'")}::text, 'Bench Admin', ${text(ADMIN_EMAIL)}, 'Europe/Berlin', '{1,2,3,4,5}'::int[], 540, 1020, true`;
  return [
    `insert into organisation (id, name, created_at) values (${ORG_ID}, 'Bench Org', ${createdAt})`,
    // Teams on the admin's calendar (Berlin), so the organisation summary and each team's report share periods.
    `insert into team (id, organisation_id, name, toil_cap, on_call_cap, time_zone, created_at)
     select id, ${ORG_ID}, 'Bench team ' || ${pad("k", 3)}, case when k % 7 = 0 then 0.4 else 0.5 end, 0.25, 'Europe/Berlin', ${createdAt} from bench_team`,
    `create temp table bench_person on commit drop as ${everyone}`,
    `insert into auth_user (id, name, email, email_verified, created_at, updated_at)
     select user_id, name, email, true, ${createdAt}, ${createdAt} from bench_person`,
    `insert into auth_account (id, account_id, provider_id, user_id, password, created_at, updated_at)
     select ${idOf("'bench-account-' || user_id")}::text, user_id, 'credential', user_id, ${password}, ${createdAt}, ${createdAt} from bench_person`,
    `insert into person (id, organisation_id, user_id, name, email, time_zone, work_days, work_start_minute, work_end_minute, is_admin, created_at)
     select id, ${ORG_ID}, user_id, name, email, tz, days, start_min, end_min, is_admin, ${createdAt} from bench_person`,
    `insert into team_member (team_id, person_id, role, created_at)
     select team_id, id, 'engineer'::team_role, ${createdAt} from bench_engineer
     union all select id, manager_id, 'manager'::team_role, ${createdAt} from bench_team
     union all select id, manager_id, 'planner'::team_role, ${createdAt} from bench_team`,
  ];
}

/**
 * Each engineer's leave: a summer week or two, two single days, a sick spell of one to three days, and one leave
 * still to come; all from local midnight to local midnight, as the profile page records them.
 */
export function absenceStatements(plan: GenerationPlan): string[] {
  const from = date(plan.from);
  const horizon = int(plan.size.days);
  const today = `(${instant(plan.now)} at time zone 'UTC')::date`;
  return [
    `insert into absence (person_id, kind, starts_at, ends_at, note)
     select e.id, a.kind::absence_kind, ${localAt("a.first", "0", "e.tz")}, ${localAt("a.first + a.days", "0", "e.tz")}, a.note
     from bench_engineer e
     cross join lateral (values
       ('leave', ${from} + floor(${rnd("'summer' || e.i")} * ${horizon})::int, 5 + floor(${rnd("'summer' || e.i", 1)} * 9)::int, 'Holiday'),
       ('leave', ${from} + floor(${rnd("'day1' || e.i")} * ${horizon})::int, 1, null),
       ('leave', ${from} + floor(${rnd("'day2' || e.i")} * ${horizon})::int, 1, null),
       ('sick', ${from} + floor(${rnd("'sick' || e.i")} * ${horizon})::int, 1 + floor(${rnd("'sick' || e.i", 1)} * 3)::int, null),
       ('leave', ${today} + 3 + floor(${rnd("'next' || e.i")} * 40)::int, 2 + floor(${rnd("'next' || e.i", 1)} * 4)::int, 'Planned')
     ) a(kind, first, days, note)`,
  ];
}

/** Six services and four templates per team, with the toil traits people would tick. */
export function catalogueStatements(): string[] {
  const services = SERVICES.map((name, index) => `(${index}, ${text(name)})`).join(", ");
  const templates = TEMPLATES.map(
    ([name, service, minutes, category], index) =>
      `(${index}, ${text(name)}, ${service}, ${minutes}, ${text(category)})`,
  ).join(", ");
  return [
    `insert into service (id, team_id, name, manual, repetitive, automatable, tactical, no_enduring_value, scales_linearly)
     select ${idOf("'bench-service-' || t.k || '-' || s.n")}, t.id, s.name, true, s.n % 2 = 0, s.n <> 1, s.n < 2, s.n > 3, s.n in (3, 4)
     from bench_team t cross join (values ${services}) s(n, name)`,
    `insert into toil_template (id, team_id, name, service_id, default_minutes, category, manual, repetitive, automatable, tactical, no_enduring_value, scales_linearly, created_by_id)
     select ${idOf("'bench-template-' || t.k || '-' || p.n")}, t.id, p.name, ${idOf("'bench-service-' || t.k || '-' || p.service")}, p.minutes,
       p.category::entry_category, p.category = 'toil', p.category = 'toil', p.category = 'toil', p.n = 0, p.n < 2, p.n = 1, t.manager_id
     from bench_team t cross join (values ${templates}) p(n, name, service, minutes, category)`,
  ];
}
