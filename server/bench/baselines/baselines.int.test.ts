import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, interrupt, person, session, workEntry } from "@/db/schema";
import { receiveAlertmanagerWebhook } from "@/server/integrations/alertmanager/receive-webhook";
import { callerAs } from "@/server/testing/fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { benchFixtures, type BenchFixtures } from "../org/bench-fixtures";
import { generateOrg } from "../org/generate-org";
import { ADMIN_EMAIL, engineerEmail } from "../org/org-shape";
import { baselineAlertmanager } from "./alertmanager";
import { baselineOrgSummary } from "./org-summary";
import { baselineTeamReport } from "./team-report";
import { baselineLogEntry, sessionToken } from "./work-entry";

// The baselines must do the same work as the endpoints they are measured against, or their ratio means nothing.
const NOW = new Date("2026-05-20T13:00:00Z");
const SIZE = { engineers: 8, teams: 2, days: 120 };

let database: Database;
let fixtures: BenchFixtures;

async function personId(email: string): Promise<string> {
  const [row] = await database.db.select({ id: person.id }).from(person).where(eq(person.email, email));
  if (!row) throw new Error(`no ${email}`);
  return row.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await generateOrg(database.db, testEngine, SIZE, NOW);
  fixtures = await benchFixtures(database.db, SIZE);
});
afterAll(async () => database?.close());

describe("raw-SQL baselines", () => {
  test("the team report baseline gives the report's numbers", async () => {
    for (const team of fixtures.teams) {
      const caller = await callerAs(database.db, await personId(team.managerEmail), () => NOW);
      const report = await caller.reports.teamToil({ teamId: team.id, period: "quarter" });
      const baseline = await baselineTeamReport(database.db, team.id, team.teamZone, NOW);
      expect(baseline.members.map((m) => [m.personId, m.accounting, m.overCapRun])).toEqual(
        report.members.map((m) => [m.personId, m.accounting, m.overCapRun]),
      );
      expect(baseline.totals).toEqual(report.totals.accounting);
    }
  });

  test("the organisation summary baseline gives the summary's numbers", async () => {
    const caller = await callerAs(database.db, await personId(ADMIN_EMAIL), () => NOW);
    const summary = await caller.reports.orgSummary({ period: "quarter" });
    const baseline = await baselineOrgSummary(database.db, fixtures.organisationId, fixtures.adminZone, NOW);
    expect(baseline.map((t) => [t.teamId, t.accounting, t.membersOverToilCap, t.membersOverOnCallCap])).toEqual(
      summary.teams.map((t) => [t.team.id, t.accounting, t.membersOverToilCap, t.membersOverOnCallCap]),
    );
  });

  test("the logging baseline writes the entry and its audit row for the session's person, or nothing", async () => {
    const engineer = await personId(engineerEmail(1));
    const [user] = await database.db.select({ userId: person.userId }).from(person).where(eq(person.id, engineer));
    const token = "bench-test-token";
    await database.db
      .insert(session)
      .values({ id: "bench-test-session", token, userId: user?.userId ?? "", expiresAt: new Date("2100-01-01") });
    expect(sessionToken(`other=1; better-auth.session_token=${encodeURIComponent(`${token}.signature`)}`)).toBe(token);

    const entry = await baselineLogEntry(database.db, token, {
      summary: "Baseline entry",
      minutes: 15,
      category: "toil",
    });
    expect(entry).toMatchObject({
      person_id: engineer,
      team_id: fixtures.teams[0]?.id,
      minutes: 15,
      summary: "Baseline entry",
    });
    const [stored] = await database.db.select().from(workEntry).where(eq(workEntry.summary, "Baseline entry"));
    expect(stored?.category).toBe("toil");
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "work-entry.create"), eq(auditLog.entityId, stored?.id ?? "")));
    expect(audits).toHaveLength(1);
    expect(
      await baselineLogEntry(database.db, "no-such-token", { summary: "Nobody", minutes: 5, category: "toil" }),
    ).toBeNull();
  });

  test("the Alertmanager baseline stores each firing once, credited to the same engineer as the webhook", async () => {
    const team = fixtures.teams[0];
    if (!team) throw new Error("no team");
    const startsAt = new Date(NOW.getTime() - 3_600_000).toISOString();
    const body = (prefix: string) =>
      JSON.stringify({
        version: "4",
        status: "firing",
        groupKey: `{}:{bench="${prefix}"}`,
        receiver: "toilcap",
        alerts: [0, 1].map((index) => ({
          status: "firing",
          fingerprint: `${prefix}-${index}`,
          startsAt,
          endsAt: "0001-01-01T00:00:00Z",
          labels: { alertname: "BenchAlert", severity: "critical", service: "svc" },
          annotations: { summary: "Bench" },
        })),
      });
    expect(await baselineAlertmanager(database.db, team.alertmanagerSecret, body("raw"))).toEqual({
      status: 200,
      created: 2,
    });
    expect(await baselineAlertmanager(database.db, team.alertmanagerSecret, body("raw"))).toEqual({
      status: 200,
      created: 0,
    });
    expect((await baselineAlertmanager(database.db, "x".repeat(43), body("raw"))).status).toBe(404);

    const request = new Request("http://bench.test/api/integrations/alertmanager/secret", {
      method: "POST",
      body: body("app"),
    });
    const response = await receiveAlertmanagerWebhook(request, team.alertmanagerSecret, {
      db: async () => database.db,
      now: () => NOW,
    });
    expect(response.status).toBe(200);
    const assignees = await database.db
      .select({ fingerprint: interrupt.alertFingerprint, assignee: interrupt.assigneeId })
      .from(interrupt)
      .where(sql`${interrupt.alertFingerprint} in ('raw-0', 'app-0')`);
    expect(assignees).toHaveLength(2);
    expect(assignees[0]?.assignee).toBeTruthy();
    expect(assignees[0]?.assignee).toBe(assignees[1]?.assignee);
  });
});
