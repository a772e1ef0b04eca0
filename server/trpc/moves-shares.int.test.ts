import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { BERLIN, breachesOf, makeBreachTeam, toilDays, type BreachTeamFixture } from "@/server/testing/breach-fixtures";
import { callerAs } from "@/server/testing/fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { local } from "@/server/testing/work-log-fixtures";
import { settleBackgroundWork } from "@/server/services/breaches/background";
import { checkCapBreaches } from "@/server/services/breaches/check-cap-breaches";

// Thursday 12 March 2026, 17:00 in Berlin: 9 working days (72 h) so far this month.
const NOW = local("2026-03-12T17:00", BERLIN);
const FOUR_DAYS = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"];

let database: Database;
let fx: BreachTeamFixture;

const as = (personId: string) => callerAs(database.db, personId, () => NOW);

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeBreachTeam(database.db);
  // Four days of toil of nine worked: 44%, under the 50% cap, so nobody has breached yet.
  await toilDays(database.db, fx.erika, fx.team.id, FOUR_DAYS);
  await toilDays(database.db, fx.jonas, fx.team.id, FOUR_DAYS);
  await checkCapBreaches(database.db, fx.team.id, "all", NOW);
});
afterAll(async () => {
  await settleBackgroundWork();
  await database?.close();
});

describe(`profile and absence writes queue the cap-breach check, on ${testEngine}`, () => {
  test("an absence shortens the scheduled time: the toil share passes the cap and the breach is recorded", async () => {
    expect(await breachesOf(database.db, fx.team.id, fx.erika.id)).toEqual([]);
    // Two days of leave: 32 h of toil in 56 h worked, 57%.
    await (await as(fx.erika.id)).profile.addAbsence({
      kind: "leave",
      startsAt: local("2026-03-09T00:00", BERLIN),
      endsAt: local("2026-03-11T00:00", BERLIN),
    });
    await settleBackgroundWork();
    expect((await breachesOf(database.db, fx.team.id, fx.erika.id)).map((b) => b.kind)).toEqual(["toil"]);
  });

  test("a shorter work pattern does the same", async () => {
    expect(await breachesOf(database.db, fx.team.id, fx.jonas.id)).toEqual([]);
    // Working 09:00-13:00: half of each toil day falls after hours, 32 h operational of 52 h worked, 62%.
    await (await as(fx.jonas.id)).profile.update({
      timeZone: BERLIN,
      workDays: [1, 2, 3, 4, 5],
      workStartMinute: 9 * 60,
      workEndMinute: 13 * 60,
    });
    await settleBackgroundWork();
    expect((await breachesOf(database.db, fx.team.id, fx.jonas.id)).map((b) => b.kind)).toEqual(["toil"]);
  });
});
