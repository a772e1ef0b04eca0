import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { shiftRecord } from "@/db/schema";
import { sweepCapBreaches } from "@/server/services/breaches/sweep-breaches";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { at, callerAt, hours, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let rotationId: string;
let erik: string;
let ana: string;
let ben: string;
const created = at("2026-03-01T12:00");
// Wednesday of the third week, while Ben holds the pager.
const midTurn = at("2026-03-18T12:00");
const march = { from: at("2026-03-02T09:00"), to: at("2026-03-30T09:00") };

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db, 3);
  [erik, ana, ben] = fx.engineers.map((e) => e.id) as [string, string, string];
  const planner = await callerAt(database.db, fx.planner.id, created);
  rotationId = (await planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft([erik, ana, ben]) })).id;
});
afterAll(async () => database?.close());

async function recordsOfRotation() {
  return database.db.select().from(shiftRecord).where(eq(shiftRecord.rotationId, rotationId));
}

async function scheduleAt(now: Date) {
  const caller = await callerAt(database.db, erik, now);
  const schedule = await caller.rotations.schedule({ teamId: fx.team.id, ...march });
  const names = new Map(schedule.people.map((p) => [p.personId, p.name.split(" ")[0]]));
  return schedule.shifts.map((s) => ({ who: names.get(s.personId), from: s.startsAt, to: s.endsAt, source: s.source }));
}

describe(`history and the schedule on ${testEngine}`, () => {
  test("reading the schedule records nothing; the sweep records ended shifts, and the schedule reads the same", async () => {
    const unrecorded = await scheduleAt(midTurn);
    expect(await recordsOfRotation()).toHaveLength(0);
    expect(unrecorded.every((s) => s.source === "rotation")).toBe(true);
    await sweepCapBreaches(database.db, midTurn);
    const before = await scheduleAt(midTurn);
    expect(before.map(({ source: _, ...shift }) => shift)).toEqual(unrecorded.map(({ source: _, ...shift }) => shift));
    expect(before).toEqual([
      { who: "Erik", from: at("2026-03-02T09:00"), to: at("2026-03-09T09:00"), source: "record" },
      { who: "Ana", from: at("2026-03-09T09:00"), to: at("2026-03-16T09:00"), source: "record" },
      { who: "Ben", from: at("2026-03-16T09:00"), to: at("2026-03-23T09:00"), source: "rotation" },
      { who: "Erik", from: at("2026-03-23T09:00"), to: at("2026-03-30T09:00"), source: "rotation" },
    ]);
  });

  test("editing the rotation mid-turn never rewrites recorded shifts", async () => {
    const before = (await scheduleAt(midTurn)).slice(0, 2);
    expect(before.every((s) => s.source === "record")).toBe(true);
    const planner = await callerAt(database.db, fx.planner.id, midTurn);
    await planner.rotations.update({ teamId: fx.team.id, rotationId, version: 1, ...weeklyDraft([ben, ana, erik]) });
    const after = await scheduleAt(midTurn);
    expect(after).toEqual([
      ...before.slice(0, 2),
      // The elapsed part is recorded; Ben keeps the rest of his turn, and the new order goes on from him.
      { who: "Ben", from: at("2026-03-16T09:00"), to: midTurn, source: "record" },
      { who: "Ben", from: midTurn, to: at("2026-03-23T09:00"), source: "rotation" },
      { who: "Ana", from: at("2026-03-23T09:00"), to: at("2026-03-30T09:00"), source: "rotation" },
    ]);
  });

  test("recording is idempotent, and a recorded DST week keeps its 167 hours", async () => {
    const april = at("2026-04-01T12:00");
    const unrecorded = await scheduleAt(april);
    await sweepCapBreaches(database.db, april);
    const first = await scheduleAt(april);
    const count = (await recordsOfRotation()).length;
    await sweepCapBreaches(database.db, april);
    expect(await scheduleAt(april)).toEqual(first);
    expect(await recordsOfRotation()).toHaveLength(count);
    expect(first.every((s) => s.source === "record")).toBe(true);
    expect(first.map((s) => [s.who, s.from, s.to])).toEqual(unrecorded.map((s) => [s.who, s.from, s.to]));
    const dstWeek = first.at(-1);
    expect(dstWeek && hours(dstWeek.from, dstWeek.to)).toBe(167);
  });

  test("who is on call now, and my next shifts", async () => {
    const now = at("2026-04-01T12:00");
    const onCall = await (await callerAt(database.db, ana, now)).rotations.onCallNow({ teamId: fx.team.id });
    // Order ben, ana, erik going on from Ben's turn 2 (16 March): turn 4 (30 March) is Erik's.
    expect(onCall).toMatchObject([
      {
        rotationId,
        role: "primary",
        onCall: { personId: erik, startsAt: at("2026-03-30T09:00"), endsAt: at("2026-04-06T09:00") },
      },
    ]);
    const mine = await (await callerAt(database.db, ana, now)).rotations.myNextShifts({ limit: 2 });
    expect(mine.map((s) => [s.startsAt, s.endsAt, s.teamName])).toEqual([
      [at("2026-04-13T09:00"), at("2026-04-20T09:00"), "Platform SRE"],
      [at("2026-05-04T09:00"), at("2026-05-11T09:00"), "Platform SRE"],
    ]);
  });

  test("a removed rotation keeps its history in the schedule and plans nothing more", async () => {
    const now = at("2026-04-01T12:00");
    const planner = await callerAt(database.db, fx.planner.id, now);
    await planner.rotations.remove({ teamId: fx.team.id, rotationId });
    const schedule = await (await callerAt(database.db, erik, now)).rotations.schedule({
      teamId: fx.team.id,
      from: march.from,
      to: at("2026-04-13T09:00"),
    });
    expect(schedule.rotations).toMatchObject([{ id: rotationId, removed: true }]);
    expect(schedule.shifts.every((s) => s.source === "record")).toBe(true);
    expect(schedule.shifts.at(-1)?.endsAt).toEqual(now);
  });
});
