import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { person, team, teamMember } from "@/db/schema";
import { generateOrg } from "@/server/bench/org/generate-org";
import { ADMIN_EMAIL, engineerEmail, teamName } from "@/server/bench/org/org-shape";
import { callerAs, makeOrganisation, makePerson } from "@/server/testing/fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { refusal } from "@/server/testing/work-log-fixtures";

// Three generated teams (Berlin, New York, Sydney sites) whose five weeks span both March DST changes.
const NOW = new Date("2026-03-31T14:20:00Z");

let database: Database;
let adminId: string;
let managerId: string;
let foreignAdminId: string;

async function personIdOf(email: string): Promise<string> {
  const [row] = await database.db.select({ id: person.id }).from(person).where(eq(person.email, email));
  if (!row) throw new Error(`no ${email}`);
  return row.id;
}

async function teamIdOf(name: string): Promise<string> {
  const [row] = await database.db.select({ id: team.id }).from(team).where(eq(team.name, name));
  if (!row) throw new Error(`no ${name}`);
  return row.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await generateOrg(db, testEngine, { engineers: 9, teams: 3, days: 35 }, NOW);
  adminId = await personIdOf(ADMIN_EMAIL);
  managerId = await personIdOf("manager-001@bench.example");
  // Engineer 2 (team 2) also works in team 1: the org totals count them once.
  await db
    .insert(teamMember)
    .values({ teamId: await teamIdOf(teamName(1)), personId: await personIdOf(engineerEmail(2)), role: "engineer" });
  // Removed people and removed teams are in no summary, as in no report.
  await db
    .update(person)
    .set({ deletedAt: NOW })
    .where(eq(person.email, engineerEmail(9)));
  const removed = await teamIdOf(teamName(3));
  await db.update(team).set({ deletedAt: NOW }).where(eq(team.id, removed));
  const elsewhere = await makeOrganisation(db, "Elsewhere");
  foreignAdminId = (await makePerson(db, elsewhere.id, { name: "Fay Foreign", isAdmin: true })).id;
});
afterAll(async () => database?.close());

const PERIODS = [
  { period: "month" as const },
  { period: "quarter" as const },
  { period: "week" as const, at: new Date("2026-03-25T12:00:00Z") },
  { period: "custom" as const, from: new Date("2026-03-02T00:00:00Z"), to: new Date("2026-03-30T06:00:00Z") },
];

describe("reports.orgSummary", () => {
  test.each(PERIODS)("every team's figures equal its Team report's totals ($period)", async (period) => {
    const caller = await callerAs(database.db, adminId, () => NOW);
    const summary = await caller.reports.orgSummary(period);
    expect(summary.teams.map((t) => t.team.name)).toEqual([teamName(1), teamName(2)]);
    for (const row of summary.teams) {
      const report = await caller.reports.teamToil({ teamId: row.team.id, ...period });
      expect(summary.period).toEqual(report.period);
      expect(row.caps).toEqual(report.caps);
      expect(row.engineers).toBe(report.members.length);
      expect(row.accounting).toEqual(report.totals.accounting);
      expect(row.toilCap).toEqual(report.totals.toilCap);
      expect(row.onCallCap).toEqual(report.totals.onCallCap);
      expect(row.membersOverToilCap).toBe(report.totals.membersOverToilCap);
      expect(row.membersOverOnCallCap).toBe(report.totals.membersOverOnCallCap);
      const over = report.members.filter((m) => m.toilCap.over || m.onCallCap.over);
      expect(
        new Map(row.overCap.map((m) => [m.personId, [m.toilShare, m.onCallShare, m.overToilCap, m.overOnCallCap]])),
      ).toEqual(
        new Map(
          over.map((m) => [
            m.personId,
            [m.accounting.toilShare, m.accounting.onCallShare, m.toilCap.over, m.onCallCap.over],
          ]),
        ),
      );
    }
  });

  test("the generated data gives the comparison something to compare: time on duty, logged and over the caps", async () => {
    const caller = await callerAs(database.db, adminId, () => NOW);
    const { teams, totals } = await caller.reports.orgSummary({ period: "month" });
    expect(teams.every((t) => t.accounting.duty > 0 && t.accounting.logged > 0 && t.accounting.afterHours > 0)).toBe(
      true,
    );
    // Teams 1 and 2 hold engineers 1, 4, 7 and 2, 5, 8, and engineer 2 also in team 1: six people, counted once.
    expect(totals.engineers).toBe(6);
    expect(teams.map((t) => t.engineers)).toEqual([4, 3]);
    expect(totals.accounting.worked).toBeLessThan(teams.reduce((sum, t) => sum + t.accounting.worked, 0));
    expect(totals.engineersOverToilCap + totals.engineersOverOnCallCap).toBeGreaterThan(0);
  });

  test("members over the caps come highest toil share first", async () => {
    const caller = await callerAs(database.db, adminId, () => NOW);
    const { teams } = await caller.reports.orgSummary({ period: "quarter" });
    for (const row of teams) {
      const shares = row.overCap.map((m) => m.toilShare);
      expect(shares).toEqual([...shares].sort((a, b) => b - a));
    }
  });

  test("only administrators may see it, and only their own organisation", async () => {
    const manager = await callerAs(database.db, managerId, () => NOW);
    expect((await refusal(manager.reports.orgSummary({ period: "month" }))).code).toBe("FORBIDDEN");
    const anonymous = await callerAs(database.db, null, () => NOW);
    expect((await refusal(anonymous.reports.orgSummary({ period: "month" }))).code).toBe("UNAUTHORIZED");
    const foreign = await callerAs(database.db, foreignAdminId, () => NOW);
    expect((await foreign.reports.orgSummary({ period: "month" })).teams).toEqual([]);
  });

  test("a bad period is refused naming the field, a team id as an unknown key", async () => {
    const caller = await callerAs(database.db, adminId, () => NOW);
    expect(await refusal(caller.reports.orgSummary({ period: "custom", from: NOW }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["to"],
    });
    const withTeam = { period: "month", teamId: await teamIdOf(teamName(1)) } as unknown as { period: "month" };
    expect((await refusal(caller.reports.orgSummary(withTeam))).code).toBe("BAD_REQUEST");
  });

  test("a member's row is counted in each of their teams", async () => {
    const caller = await callerAs(database.db, adminId, () => NOW);
    const { teams } = await caller.reports.orgSummary({ period: "month" });
    const both = await personIdOf(engineerEmail(2));
    const reports = await Promise.all(
      teams.map((t) => caller.reports.teamToil({ teamId: t.team.id, period: "month" })),
    );
    expect(reports.every((report) => report.members.some((m) => m.personId === both))).toBe(true);
  });
});
