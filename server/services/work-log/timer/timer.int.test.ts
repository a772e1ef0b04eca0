import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, runningTimer, service, workEntry } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { makeService, NO_TRAITS, refusal } from "@/server/testing/work-log-fixtures";

const START = new Date("2025-03-12T09:00:00Z");
const after =
  (minutes: number, seconds = 0) =>
  () =>
    new Date(START.getTime() + minutes * 60_000 + seconds * 1000);

let database: Database;
let ids: { teamA: string; teamB: string; alice: string; bob: string; payments: string; search: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = await makeOrganisation(db);
  const teamA = await makeTeam(db, org.id, "Alpha SRE");
  const teamB = await makeTeam(db, org.id, "Beta SRE");
  const inA = [{ teamId: teamA.id, roles: ["engineer" as const] }];
  ids = {
    teamA: teamA.id,
    teamB: teamB.id,
    alice: (await makePerson(db, org.id, { teams: inA })).id,
    bob: (await makePerson(db, org.id, { teams: inA })).id,
    payments: (await makeService(db, teamA.id, "payments-api", { manual: true, tactical: true })).id,
    search: (await makeService(db, teamB.id, "search")).id,
  };
});
afterAll(async () => database?.close());

async function entriesOf(personId: string) {
  return database.db.select().from(workEntry).where(eq(workEntry.personId, personId));
}
async function timerCount(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(runningTimer);
  return row?.n ?? -1;
}

describe(`the timer on ${testEngine}`, () => {
  test("start, see it running, stop: the entry has the measured minutes and the timer is gone", async () => {
    const { db } = database;
    const atStart = await callerAs(db, ids.alice, () => START);
    expect(await atStart.timer.current()).toBeNull();
    const started = await atStart.timer.start({ summary: "Draining a stuck queue", serviceId: ids.payments });
    expect(started).toMatchObject({
      teamId: ids.teamA,
      startedAt: START,
      elapsedSeconds: 0,
      serviceName: "payments-api",
    });

    const later = await callerAs(db, ids.alice, after(37, 20));
    expect(await later.timer.current()).toMatchObject({
      summary: "Draining a stuck queue",
      startedAt: START,
      elapsedSeconds: 37 * 60 + 20,
    });
    const stopped = await later.timer.stop();
    expect(stopped.capped).toBe(false);
    expect(stopped.entry).toMatchObject({
      personId: ids.alice,
      summary: "Draining a stuck queue",
      minutes: 37,
      category: "toil",
      source: "timer",
      serviceId: ids.payments,
      traits: { ...NO_TRAITS, manual: true, tactical: true },
    });
    expect(stopped.entry.startsAt).toEqual(START);
    expect(await later.timer.current()).toBeNull();
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, ids.alice));
    expect(actions.map((a) => a.action)).toEqual(["timer.start", "timer.stop"]);
  });

  test("a second start while one runs is a CONFLICT and keeps the first", async () => {
    const alice = await callerAs(database.db, ids.alice, () => START);
    await alice.timer.start({ summary: "First" });
    expect(await refusal(alice.timer.start({ summary: "Second" }))).toMatchObject({ code: "CONFLICT" });
    expect(await alice.timer.current()).toMatchObject({ summary: "First" });
    expect(await alice.timer.discard()).toEqual({ discarded: true });
  });

  test("stopping after a few seconds logs one minute; after more than a day, 24 h and says it capped", async () => {
    const { db } = database;
    await (await callerAs(db, ids.bob, () => START)).timer.start({ summary: "Quick look" });
    const quick = await (await callerAs(db, ids.bob, after(0, 10))).timer.stop();
    expect(quick).toMatchObject({ capped: false, entry: { minutes: 1 } });

    await (await callerAs(db, ids.bob, () => START)).timer.start({ summary: "Forgot to stop" });
    const forgotten = await (await callerAs(db, ids.bob, after(30 * 60))).timer.stop();
    expect(forgotten).toMatchObject({ capped: true, entry: { minutes: 1440 } });
    expect(forgotten.entry.startsAt).toEqual(START);
  });

  test("discard throws the timer away without an entry; stop with no timer is NOT_FOUND", async () => {
    const { db } = database;
    const alice = await callerAs(db, ids.alice, () => START);
    const before = (await entriesOf(ids.alice)).length;
    await alice.timer.start({ summary: "Never mind" });
    expect(await alice.timer.discard()).toEqual({ discarded: true });
    expect(await alice.timer.current()).toBeNull();
    expect(await alice.timer.discard()).toEqual({ discarded: false });
    expect(await refusal(alice.timer.stop())).toMatchObject({ code: "NOT_FOUND" });
    expect((await entriesOf(ids.alice)).length).toBe(before);
  });

  test("stop is one transaction: when the entry cannot be written, the timer keeps running", async () => {
    const { db } = database;
    const doomed = await makeService(db, ids.teamA, "doomed-service");
    const alice = await callerAs(db, ids.alice, () => START);
    await alice.timer.start({ summary: "On a service about to go", serviceId: doomed.id });
    await db.update(service).set({ deletedAt: START }).where(eq(service.id, doomed.id));
    const before = (await entriesOf(ids.alice)).length;
    expect(await refusal((await callerAs(db, ids.alice, after(20))).timer.stop())).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["serviceId"],
    });
    expect(await alice.timer.current()).toMatchObject({ summary: "On a service about to go" });
    expect((await entriesOf(ids.alice)).length).toBe(before);
    await alice.timer.discard();
  });

  test("each person sees and stops only their own timer", async () => {
    const { db } = database;
    const alice = await callerAs(db, ids.alice, () => START);
    const bob = await callerAs(db, ids.bob, after(5));
    await alice.timer.start({ summary: "Alice's" });
    expect(await bob.timer.current()).toBeNull();
    expect(await refusal(bob.timer.stop())).toMatchObject({ code: "NOT_FOUND" });
    expect(await bob.timer.discard()).toEqual({ discarded: false });
    expect(await alice.timer.current()).toMatchObject({ summary: "Alice's" });
    await alice.timer.discard();
  });

  test("bad input starts nothing: another team, another team's service, an empty summary", async () => {
    const alice = await callerAs(database.db, ids.alice, () => START);
    expect(await refusal(alice.timer.start({ summary: "x", teamId: ids.teamB }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(alice.timer.start({ summary: "x", serviceId: ids.search }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["serviceId"],
    });
    expect(await refusal(alice.timer.start({ summary: "  " }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["summary"],
    });
    expect(await timerCount()).toBe(0);
  });
});
