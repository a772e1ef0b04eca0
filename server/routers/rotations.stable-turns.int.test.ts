import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { at, callerAt, failureOf, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
// Weekly Monday 09:00 from 2 March 2026 with Erik, Ana, Ben, Chen: on Wednesday 18 March Ben holds turn 2.
const created = at("2026-03-01T12:00");
const editedAt = at("2026-03-18T12:00");
const weekOfEdit = { from: at("2026-03-16T09:00"), to: at("2026-04-13T09:00") };

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db);
});
afterAll(async () => database?.close());

const ids = () => fx.engineers.map((e) => e.id) as [string, string, string, string];

async function holders(rotationId: string, now: Date): Promise<string[]> {
  const planner = await callerAt(database.db, fx.planner.id, now);
  const schedule = await planner.rotations.schedule({ teamId: fx.team.id, ...weekOfEdit });
  const names = new Map(schedule.people.map((p) => [p.personId, p.name.split(" ")[0]]));
  return schedule.shifts
    .filter((s) => s.rotationId === rotationId)
    .map((s) => `${names.get(s.personId)} ${s.startsAt.toISOString()}`);
}

async function newRotation(name: string): Promise<string> {
  const planner = await callerAt(database.db, fx.planner.id, created);
  return (await planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft(ids(), { name }) })).id;
}

describe(`editing participants keeps the shift in progress, on ${testEngine}`, () => {
  test("removing someone not on duty: Ben keeps this week; the turns after follow the new list", async () => {
    const [erik, ana, ben, chen] = ids();
    const rotationId = await newRotation("Remove Ana");
    expect((await holders(rotationId, editedAt))[0]).toMatch(/^Ben /);
    const planner = await callerAt(database.db, fx.planner.id, editedAt);
    const preview = await planner.rotations.preview({
      teamId: fx.team.id,
      rotationId,
      draft: weeklyDraft([erik, ben, chen], { name: "Remove Ana" }),
      horizon: { from: weekOfEdit.from, weeks: 4 },
    });
    expect(preview.turns.before.slice(0, 4).map((t) => t.name.split(" ")[0])).toEqual(["Ben", "Chen", "Erik", "Ana"]);
    expect(preview.turns.after.slice(0, 4).map((t) => t.name.split(" ")[0])).toEqual(["Ben", "Chen", "Erik", "Ben"]);
    expect(preview.shifts[0]?.personId).toBe(ben);

    await planner.rotations.update({
      teamId: fx.team.id,
      rotationId,
      version: 1,
      ...weeklyDraft([erik, ben, chen], { name: "Remove Ana" }),
    });
    // The elapsed part of Ben's shift was recorded before the edit; the rest of it is still his.
    expect(await holders(rotationId, editedAt)).toEqual([
      `Ben ${at("2026-03-16T09:00").toISOString()}`,
      `Ben ${editedAt.toISOString()}`,
      `Chen ${at("2026-03-23T09:00").toISOString()}`,
      `Erik ${at("2026-03-30T09:00").toISOString()}`,
      `Ben ${at("2026-04-06T09:00").toISOString()}`,
    ]);
    expect(ana).toBeDefined();
  });

  test("adding someone at the end changes neither the shift in progress nor who is next", async () => {
    const [erik, ana, ben, chen] = ids();
    const rotationId = await newRotation("Add Dana");
    const before = await holders(rotationId, editedAt);
    const planner = await callerAt(database.db, fx.planner.id, editedAt);
    await planner.rotations.update({
      teamId: fx.team.id,
      rotationId,
      version: 1,
      ...weeklyDraft([erik, ana, ben, chen, fx.planner.id], { name: "Add Dana" }),
    });
    const after = await holders(rotationId, editedAt);
    expect(before.slice(0, 2)).toEqual([
      `Ben ${at("2026-03-16T09:00").toISOString()}`,
      `Chen ${at("2026-03-23T09:00").toISOString()}`,
    ]);
    expect(after.slice(0, 3)).toEqual([before[0], `Ben ${editedAt.toISOString()}`, before[1]]);
  });

  test("the past stays as recorded and the planner can choose who is on duty now and who is next", async () => {
    const [erik, ana, ben, chen] = ids();
    const rotationId = await newRotation("Choose");
    const planner = await callerAt(database.db, fx.planner.id, editedAt);
    await planner.rotations.update({
      teamId: fx.team.id,
      rotationId,
      version: 1,
      ...weeklyDraft([erik, ana, ben, chen], { name: "Choose", onDutyNow: chen, nextUp: erik }),
    });
    const got = await planner.rotations.get({ teamId: fx.team.id, rotationId });
    expect(got.participants.map((p) => p.personId)).toEqual([ana, ben, chen, erik]);
    const shifts = await holders(rotationId, editedAt);
    expect(shifts.slice(0, 4)).toEqual([
      `Ben ${at("2026-03-16T09:00").toISOString()}`,
      `Chen ${editedAt.toISOString()}`,
      `Erik ${at("2026-03-23T09:00").toISOString()}`,
      `Ana ${at("2026-03-30T09:00").toISOString()}`,
    ]);
  });

  test("a choice outside the participants is a 400 naming the field, and changes nothing", async () => {
    const [erik, ana] = ids();
    const rotationId = await newRotation("Bad choice");
    const planner = await callerAt(database.db, fx.planner.id, editedAt);
    const failure = await failureOf(
      planner.rotations.update({
        teamId: fx.team.id,
        rotationId,
        version: 1,
        ...weeklyDraft([erik, ana], { name: "Bad choice", nextUp: fx.planner.id }),
      }),
    );
    expect(failure).toMatchObject({ code: "BAD_REQUEST" });
    expect(failure.message).toMatch(/nextUp: Pick one of the participants/);
    expect((await planner.rotations.get({ teamId: fx.team.id, rotationId })).version).toBe(1);
  });
});
