import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { generateOrg } from "@/server/bench/org/generate-org";
import { ADMIN_EMAIL, teamName } from "@/server/bench/org/org-shape";
import { computeAccounting } from "@/server/domain/accounting";
import { loadViewerByPersonId } from "@/server/auth/viewer";
import { person, team } from "@/db/schema";
import { callerAs } from "@/server/testing/fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { loadPeopleFacts } from "../share/people-facts";
import { trendWeeks } from "@/server/domain/accounting";
import { openReport } from "./open-report";
import { overCapRun } from "@/server/domain/accounting";
import { reportWindow } from "./report-window";
import { OVER_CAP_LOOKBACK_WEEKS } from "./team-toil";

// Four months of generated history; caps set so that some runs over the cap are long and some absent.
const NOW = new Date("2026-04-15T11:00:00Z");

let database: Database;
let adminId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await generateOrg(database.db, testEngine, { engineers: 9, teams: 3, days: 120 }, NOW);
  const [admin] = await database.db.select({ id: person.id }).from(person).where(eq(person.email, ADMIN_EMAIL));
  if (!admin) throw new Error("no admin");
  adminId = admin.id;
  // Team 1: everyone far over a 10% cap, runs reach back months; team 2: nobody over 95%; team 3 as generated.
  await database.db
    .update(team)
    .set({ toilCap: 0.1 })
    .where(eq(team.name, teamName(1)));
  await database.db
    .update(team)
    .set({ toilCap: 0.95 })
    .where(eq(team.name, teamName(2)));
});
afterAll(async () => database?.close());

/** "Over the cap since" the plain way: a year of facts, every one of the 52 weeks computed on its own. */
async function referenceRuns(teamId: string, period: { period: "week" | "month" | "quarter" }) {
  const viewer = await loadViewerByPersonId(database.db, adminId);
  if (!viewer) throw new Error("no viewer");
  const scope = await openReport(database.db, viewer, teamId);
  const { accounted, timeZone } = reportWindow(period, scope.team.timeZone, NOW);
  const weeks = trendWeeks(timeZone, OVER_CAP_LOOKBACK_WEEKS, new Date(accounted.end - 1)).map((w) => ({
    start: w.start,
    end: Math.min(w.end, accounted.end),
  }));
  const range = { start: Math.min(accounted.start, weeks[0]?.start ?? accounted.start), end: accounted.end };
  const facts = await loadPeopleFacts(database.db, scope.members, range, NOW);
  return new Map(
    scope.members.map((member) => {
      const own = facts.get(member.personId)?.facts ?? { ...member, absences: [], shifts: [], entries: [] };
      const run = overCapRun(
        weeks.map((window) => ({ window, accounting: computeAccounting({ ...own, period: window }) })),
        scope.caps.toilCap,
      );
      return [member.personId, { accounting: computeAccounting({ ...own, period: accounted }), run }];
    }),
  );
}

describe("teamToil reads recent weeks first", () => {
  test.each([{ period: "week" as const }, { period: "month" as const }, { period: "quarter" as const }])(
    "its shares and runs over the cap equal a year computed week by week ($period)",
    async (period) => {
      const caller = await callerAs(database.db, adminId, () => NOW);
      const runs: Array<number | null> = [];
      for (const name of [teamName(1), teamName(2), teamName(3)]) {
        const [row] = await database.db.select({ id: team.id }).from(team).where(eq(team.name, name));
        if (!row) throw new Error(`no ${name}`);
        const report = await caller.reports.teamToil({ teamId: row.id, ...period });
        const reference = await referenceRuns(row.id, period);
        for (const member of report.members) {
          expect(member.accounting).toEqual(reference.get(member.personId)?.accounting);
          expect(member.overCapRun).toEqual(reference.get(member.personId)?.run);
          runs.push(member.overCapRun?.weeks ?? null);
        }
      }
      // Long runs (read past the period) and no runs both occurred, so both paths were taken.
      expect(runs.some((weeks) => weeks !== null && weeks > 6)).toBe(true);
      expect(runs.some((weeks) => weeks === null)).toBe(true);
    },
  );
});
