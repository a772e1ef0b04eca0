import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database } from "@/db/client";
import { interrupt, person, runningTimer } from "@/db/schema";
import { callerAs, makePerson } from "@/server/testing/fixtures";
import { BERLIN, breachesOf, makeBreachTeam, toilDays, type BreachTeamFixture } from "@/server/testing/breach-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { startWebhookReceiver, type WebhookReceiver } from "@/server/testing/webhook-receiver";
import { ALLOW_HOSTS_ENV } from "@/server/integrations/breach-webhook/destination";
import { local } from "@/server/testing/work-log-fixtures";
import { settleBackgroundWork } from "./background";

/** The writes that move shares check for breaches once they have committed, and never fail because of it. */

const at = (isoLocal: string) => local(isoLocal, BERLIN);
// Friday 6 March 2026, 17:00 in Berlin: 5 working days so far this month (2-6 March), 2400 minutes.
const NOW = at("2026-03-06T17:00");
const now = () => NOW;

let database: Database;
let receiver: WebhookReceiver;
let fx: BreachTeamFixture;

beforeAll(async () => {
  // The receiver listens on loopback, which only an allow-listed host may reach.
  vi.stubEnv(ALLOW_HOSTS_ENV, "127.0.0.1");
  database = await createTestDatabase();
  receiver = await startWebhookReceiver();
  fx = await makeBreachTeam(database.db, { webhookUrl: receiver.url });
});
afterAll(async () => {
  await settleBackgroundWork();
  vi.unstubAllEnvs();
  await receiver?.close();
  await database?.close();
});

async function newEngineer(name: string) {
  return makePerson(database.db, fx.org.id, {
    name,
    timeZone: BERLIN,
    teams: [{ teamId: fx.team.id, roles: ["engineer"] }],
  });
}

describe(`breach checks after writes, on ${testEngine}`, () => {
  test("logging toil that takes an engineer over the cap stores the breach and sends it once", async () => {
    const engineer = await newEngineer("Lena Logger");
    await toilDays(database.db, engineer, fx.team.id, ["2026-03-02", "2026-03-03"]);
    const caller = await callerAs(database.db, engineer.id, now);
    // 960 of 2400 so far is 40%: under the cap, nothing stored.
    await caller.workLog.create({
      summary: "Rotating certificates",
      duration: "30m",
      category: "toil",
      endsAt: at("2026-03-04T10:00"),
    });
    expect(await breachesOf(database.db, fx.team.id, engineer.id)).toEqual([]);
    // Another full day: 1440 + 30 of 2400, over 50%.
    const entry = await caller.workLog.create({
      summary: "Restarting the fleet by hand",
      duration: "8h",
      category: "toil",
      endsAt: at("2026-03-05T17:00"),
    });
    expect(entry.summary).toBe("Restarting the fleet by hand");
    // The check runs behind the answer.
    await settleBackgroundWork();
    const [breach] = await breachesOf(database.db, fx.team.id, engineer.id);
    expect(breach).toMatchObject({ kind: "toil", projected: false });
    expect(breach?.share).toBeCloseTo((1440 + 30) / 2400, 4);
    expect(receiver.requests.filter((r) => (r.body as { id: string }).id === breach?.id)).toHaveLength(1);
    // Editing and deleting entries checks again, but the breach of this month is stored once.
    await caller.workLog.update({ id: entry.id, summary: "Restarting the fleet", duration: "7h", category: "toil" });
    await caller.workLog.remove({ id: entry.id });
    await caller.workLog.restore({ id: entry.id });
    await settleBackgroundWork();
    expect(await breachesOf(database.db, fx.team.id, engineer.id)).toHaveLength(1);
    expect(receiver.requests.filter((r) => (r.body as { id: string }).id === breach?.id)).toHaveLength(1);
  });

  test("stopping a timer checks the engineer", async () => {
    const engineer = await newEngineer("Tara Timer");
    await toilDays(database.db, engineer, fx.team.id, ["2026-03-02", "2026-03-03"]);
    await database.db.insert(runningTimer).values({
      personId: engineer.id,
      teamId: fx.team.id,
      summary: "Failover drill",
      startedAt: at("2026-03-04T09:00"),
    });
    const caller = await callerAs(database.db, engineer.id, () => at("2026-03-04T17:00"));
    await caller.timer.stop();
    await settleBackgroundWork();
    expect((await breachesOf(database.db, fx.team.id, engineer.id)).map((b) => b.kind)).toEqual(["toil"]);
  });

  test("a manager confirming a captured page checks the engineer credited, not the manager", async () => {
    const engineer = await newEngineer("Paul Pager");
    await toilDays(database.db, engineer, fx.team.id, ["2026-03-02", "2026-03-03"]);
    const [page] = await database.db
      .insert(interrupt)
      .values({
        teamId: fx.team.id,
        kind: "page",
        summary: "Disk full on db-3",
        openedAt: at("2026-03-04T09:00"),
        assigneeId: engineer.id,
        captureStatus: "captured",
        source: "alertmanager",
      })
      .returning();
    if (!page) throw new Error("no page");
    const manager = await callerAs(database.db, fx.manager.id, now);
    await manager.capture.confirm({ interruptId: page.id, minutes: 480 });
    await settleBackgroundWork();
    expect((await breachesOf(database.db, fx.team.id, engineer.id)).map((b) => b.kind)).toEqual(["toil"]);
    expect(await breachesOf(database.db, fx.team.id, fx.manager.id)).toEqual([]);
  });

  test("saving a rotation checks every engineer of the team against the projection", async () => {
    const a = await newEngineer("Rosa Rotation");
    const b = await newEngineer("Rudi Rotation");
    const manager = await callerAs(database.db, fx.manager.id, now);
    const monday = DateTime.fromJSDate(NOW, { zone: BERLIN }).plus({ weeks: 1 }).startOf("week").toISODate() ?? "";
    await manager.rotations.create({
      teamId: fx.team.id,
      name: "Pager",
      role: "primary",
      timeZone: BERLIN,
      shiftUnit: "weeks",
      shiftCount: 1,
      handoffWeekday: 1,
      handoffMinute: 9 * 60,
      startsOn: monday,
      workingHoursOnly: false,
      participants: [a.id, b.id],
    });
    await settleBackgroundWork();
    // Each is on call two of the remaining weeks: over the 25% on-call cap by the month's end, so far nothing.
    for (const engineer of [a, b]) {
      const rows = await breachesOf(database.db, fx.team.id, engineer.id);
      expect(rows.map((r) => [r.kind, r.projected])).toContainEqual(["on-call", true]);
    }
  });

  test("a check that fails is logged and the write still succeeds", async () => {
    const engineer = await newEngineer("Zed Zone");
    const caller = await callerAs(database.db, engineer.id, now);
    // A zone the accounting cannot read makes the check throw (the profile form would never save one).
    await database.db.update(person).set({ timeZone: "Mars/Olympus_Mons" }).where(eq(person.id, engineer.id));
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const entry = await caller.workLog.create({
        summary: "Still saved",
        duration: "25m",
        category: "toil",
        endsAt: at("2026-03-04T10:00"),
      });
      expect(entry.summary).toBe("Still saved");
      await settleBackgroundWork();
      expect(logged.mock.calls.flat().join(" ")).toMatch(/cap-breach check failed: .*Mars\/Olympus_Mons/);
    } finally {
      logged.mockRestore();
    }
  });
});
