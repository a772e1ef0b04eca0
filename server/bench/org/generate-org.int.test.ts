import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { findActiveIntegration } from "@/server/services/integrations/find-integration";
import { callerAs } from "@/server/testing/fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { generateOrg, type GeneratedOrg } from "./generate-org";
import { integrationSecret, managerEmail } from "./org-shape";
import { queryRows } from "./query-rows";

// The benchmark's generator at a tiny size, so it cannot rot unnoticed: 7 engineers in 2 teams, 5 weeks.
const NOW = new Date("2026-03-31T14:20:00Z");
const SIZE = { engineers: 7, teams: 2, days: 35 };

let database: Database;
let org: GeneratedOrg;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await generateOrg(database.db, testEngine, SIZE, NOW);
});
afterAll(async () => database?.close());

async function rows<T>(query: string): Promise<T[]> {
  return (await queryRows(database.db, sql.raw(query))) as T[];
}

describe("generateOrg at a tiny size", () => {
  test("writes the people, rotations and catalogue the shape says", () => {
    expect(org.counts).toMatchObject({
      team: 2,
      // 7 engineers, a manager per team, the admin; each with an account.
      person: 10,
      auth_user: 10,
      // Engineers once; managers as manager and planner.
      team_member: 7 + 2 * 2,
      absence: 7 * 5,
      service: 2 * 6,
      toil_template: 2 * 4,
      // One group per team: primary, secondary, ticket duty (no shadow: only every fifth team).
      rotation: 2 * 3,
      rotation_participant: 3 * 4 + 3 * 3,
      integration: 2,
    });
  });

  test("writes history: recorded shifts, pages and tickets, entries", () => {
    expect(org.counts.shift_record).toBeGreaterThan(2 * 5 * 5);
    expect(org.counts.interrupt).toBeGreaterThan(2 * 35 * 0.5);
    expect(org.counts.work_entry).toBeGreaterThan(7 * 20);
    expect(org.counts.rotation_override).toBeGreaterThanOrEqual(4);
  });

  test("every shift is held by a participant of its rotation, recorded only up to now and up to recorded_until", async () => {
    const [check] = await rows<{ strangers: number; future: number; beyond: number }>(`
      select
        count(*) filter (where not exists (select 1 from rotation_participant p where p.rotation_id = s.rotation_id and p.person_id = s.person_id))::int as strangers,
        count(*) filter (where s.ends_at > '${NOW.toISOString()}'::timestamptz)::int as future,
        count(*) filter (where s.ends_at > r.recorded_until)::int as beyond
      from shift_record s join rotation r on r.id = s.rotation_id`);
    expect(check).toEqual({ strangers: 0, future: 0, beyond: 0 });
  });

  test("entries belong to members of their team and have happened; pages are credited to team members", async () => {
    const [check] = await rows<{ outsiders: number; future: number; uncredited: number }>(`
      select
        (select count(*) from work_entry w where not exists (select 1 from team_member m where m.team_id = w.team_id and m.person_id = w.person_id))::int as outsiders,
        (select count(*) from work_entry w where w.starts_at + w.minutes * interval '1 minute' > '${NOW.toISOString()}'::timestamptz)::int as future,
        (select count(*) from interrupt i where i.kind = 'page' and not exists (select 1 from team_member m where m.team_id = i.team_id and m.person_id = i.assignee_id))::int as uncredited`);
    expect(check).toEqual({ outsiders: 0, future: 0, uncredited: 0 });
  });

  test("the derived Alertmanager secrets open their team's integration", async () => {
    const found = await findActiveIntegration(database.db, integrationSecret(1), "alertmanager");
    expect(found?.name).toBe("Alertmanager (bench)");
    expect(await findActiveIntegration(database.db, integrationSecret(3), "alertmanager")).toBeNull();
  });

  test("the team report reads the generated team: every engineer has worked time, and some toil", async () => {
    const [manager] = await rows<{ id: string; team_id: string }>(`
      select p.id, m.team_id from person p join team_member m on m.person_id = p.id where p.email = '${managerEmail(1)}' and m.role = 'manager'`);
    if (!manager) throw new Error("no manager of team 1");
    const caller = await callerAs(database.db, manager.id, () => NOW);
    const report = await caller.reports.teamToil({ teamId: manager.team_id, period: "month" });
    expect(report.members).toHaveLength(4);
    expect(report.members.every((member) => member.accounting.worked > 0)).toBe(true);
    expect(report.totals.accounting.operational).toBeGreaterThan(0);
    expect(report.totals.accounting.duty).toBeGreaterThan(0);
  });
});
