import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { BERLIN, breachesOf, makeBreachTeam, toilDays, type BreachTeamFixture } from "@/server/testing/breach-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import {
  BREACH_SWEEP_LOCK_KEY,
  postgresLockSession,
  sharedLockSession,
  whileHoldingLock,
  type LockSession,
} from "./advisory-lock";
import { settleBackgroundWork } from "./background";
import { scheduleBreachSweep } from "./sweep-schedule";
import type { SweepReport } from "./sweep-breaches";
import { local } from "@/server/testing/work-log-fixtures";

let database: Database;
let fx: BreachTeamFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeBreachTeam(database.db);
  await toilDays(database.db, fx.erika, fx.team.id, ["2025-03-03", "2025-03-04", "2025-03-05"]);
});
afterAll(async () => {
  await settleBackgroundWork();
  await database?.close();
});

/** A session as the app would open it on this engine (tests on PostgreSQL share the server, so the lock is real). */
function openSession(): Promise<LockSession> {
  const url = process.env.TEST_DATABASE_URL;
  return testEngine === "postgres" && url ? postgresLockSession(url) : Promise.resolve(sharedLockSession(database.db));
}

describe(`the sweep's advisory lock on ${testEngine}`, () => {
  test("the work runs under the lock, which is let go afterwards, also when the work fails", async () => {
    expect(await whileHoldingLock(await openSession(), BREACH_SWEEP_LOCK_KEY, async () => "swept")).toEqual({
      ran: true,
      result: "swept",
    });
    await expect(
      whileHoldingLock(await openSession(), BREACH_SWEEP_LOCK_KEY, () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    expect(await whileHoldingLock(await openSession(), BREACH_SWEEP_LOCK_KEY, async () => "again")).toEqual({
      ran: true,
      result: "again",
    });
  });

  test("the schedule sweeps every team, again and again, until stopped", async () => {
    const reports: Array<SweepReport | null> = [];
    const schedule = scheduleBreachSweep({
      db: database.db,
      openLockSession: openSession,
      intervalMs: 50,
      now: () => local("2025-03-05T17:00", BERLIN),
      onSweep: (report) => reports.push(report),
    });
    try {
      await expect.poll(() => reports.length, { timeout: 20_000, interval: 50 }).toBeGreaterThanOrEqual(2);
    } finally {
      schedule.stop();
    }
    expect(reports[0]).toMatchObject({ failedTeams: 0, detected: 1 });
    expect(reports[1]).toMatchObject({ failedTeams: 0, detected: 0 });
    expect((await breachesOf(database.db, fx.team.id)).map((b) => [b.personId, b.kind])).toEqual([
      [fx.erika.id, "toil"],
    ]);
  });
});
