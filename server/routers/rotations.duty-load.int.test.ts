import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { interrupt, workEntry } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { at, callerAt, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

let database: Database;
// Wednesday 4 March 2026, noon in Berlin. Weekly ticket duty of Erik and Ana from Monday 2 February:
// Erik 2-9 Feb, Ana 9-16, Erik 16-23, Ana 23 Feb-2 Mar (the four ended turns), Erik from 2 March (in progress).
const now = at("2026-03-04T12:00");

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

/** A team of its own per test, so one test's interrupts never load another's rotation. */
async function ticketDuty() {
  const fx = await makeRotationTeam(database.db, 2);
  const [erik, ana] = fx.engineers.map((e) => e.id) as [string, string];
  const planner = await callerAt(database.db, fx.planner.id, at("2026-02-01T12:00"));
  const { id: rotationId } = await planner.rotations.create({
    teamId: fx.team.id,
    ...weeklyDraft([erik, ana], { name: "Tickets", role: "ticket", startsOn: "2026-02-02" }),
  });
  const load = async () =>
    (await callerAt(database.db, fx.planner.id, now)).rotations.dutyLoad({ teamId: fx.team.id, rotationId });
  const addInterrupt = async (
    kind: "page" | "ticket",
    openedAt: string,
    extra: { resolvedAt?: string; isIncident?: boolean } = {},
  ) => {
    const [row] = await database.db
      .insert(interrupt)
      .values({
        teamId: fx.team.id,
        kind,
        summary: `${kind} at ${openedAt}`,
        openedAt: at(openedAt),
        resolvedAt: extra.resolvedAt ? at(extra.resolvedAt) : null,
        isIncident: extra.isIncident ?? false,
      })
      .returning();
    if (!row) throw new Error("no interrupt");
    return row.id;
  };
  const logOn = async (personId: string, interruptId: string, startsAt: string, minutes: number) => {
    await database.db.insert(workEntry).values({
      personId,
      teamId: fx.team.id,
      startsAt: at(startsAt),
      minutes,
      category: "toil",
      summary: "Work the queue",
      interruptId,
    });
  };
  return { fx, erik, ana, load, addInterrupt, logOn };
}

describe(`duty load per turn and the overload signal on ${testEngine}`, () => {
  test("a calm rotation: eight turns at most, the one in progress last, no flag", async () => {
    const { erik, ana, load, addInterrupt, logOn } = await ticketDuty();
    const ticket = await addInterrupt("ticket", "2026-02-10T10:00", { resolvedAt: "2026-02-10T15:00" });
    await logOn(ana, ticket, "2026-02-10T10:00", 90);
    await logOn(ana, ticket, "2026-02-14T10:00", 30); // Saturday: after hours
    const result = await load();
    expect(result.turns.map((t) => [t.personId, t.startsAt, t.inProgress])).toEqual([
      [erik, at("2026-02-02T09:00"), false],
      [ana, at("2026-02-09T09:00"), false],
      [erik, at("2026-02-16T09:00"), false],
      [ana, at("2026-02-23T09:00"), false],
      [erik, at("2026-03-02T09:00"), true],
    ]);
    expect(result.turns[1]).toMatchObject({
      received: { page: 0, ticket: 1, request: 0 },
      loggedMinutes: 120,
      dutyMinutes: 2400,
      afterHoursMinutes: 30,
      openAtHandoff: 0,
    });
    // The turn in progress counts Monday and Tuesday whole and Wednesday to noon: 8 + 8 + 3 hours.
    expect(result.turns[4]?.dutyMinutes).toBe(19 * 60);
    expect(result.overload).toEqual([]);
  });

  test("interrupt time over the duty time two turns in a row flags the rotation, naming those turns", async () => {
    const { erik, ana, load, addInterrupt, logOn } = await ticketDuty();
    const first = await addInterrupt("ticket", "2026-02-16T09:30", { resolvedAt: "2026-02-20T17:00" });
    const second = await addInterrupt("ticket", "2026-02-23T09:30", { resolvedAt: "2026-02-27T17:00" });
    await logOn(erik, first, "2026-02-16T10:00", 2500);
    await logOn(ana, second, "2026-02-23T10:00", 2401);
    const result = await load();
    expect(result.turns.slice(2, 4).map((t) => t.loggedMinutes)).toEqual([2500, 2401]);
    expect(result.overload).toEqual([{ reason: "logged-over-duty", turns: [2, 3] }]);
  });

  test("a ticket queue growing at each hand-off flags the rotation; carried-over tickets are counted", async () => {
    const { load, addInterrupt } = await ticketDuty();
    await addInterrupt("ticket", "2026-02-10T10:00");
    await addInterrupt("ticket", "2026-02-17T10:00");
    await addInterrupt("ticket", "2026-02-24T10:00");
    const result = await load();
    expect(result.turns.slice(0, 4).map((t) => [t.openAtHandoff, t.carriedOver])).toEqual([
      [0, 0],
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
    expect(result.overload).toEqual([{ reason: "queue-growing", turns: [2, 3] }]);
  });

  test("more than two incidents in a 12-hour window two turns in a row flags the rotation", async () => {
    const { load, addInterrupt } = await ticketDuty();
    for (const time of [
      "2026-02-17T10:00",
      "2026-02-17T11:00",
      "2026-02-17T12:00",
      "2026-02-24T01:00",
      "2026-02-24T02:00",
      "2026-02-24T03:00",
    ]) {
      await addInterrupt("page", time, { resolvedAt: time, isIncident: true });
    }
    const result = await load();
    expect(result.turns.slice(0, 4).map((t) => t.peakIncidents)).toEqual([0, 0, 3, 3]);
    expect(result.overload).toEqual([{ reason: "incident-limit", turns: [2, 3] }]);
  });

  test("engineers may not read their colleagues' logged time", async () => {
    const { fx, erik } = await ticketDuty();
    const engineer = await callerAt(database.db, erik, now);
    await expect(
      engineer.rotations.dutyLoad({ teamId: fx.team.id, rotationId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
