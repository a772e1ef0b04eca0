import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { rotation } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { at, callerAt, codeOf, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let rotationId: string;
const now = at("2026-03-01T12:00");
const week = { from: at("2026-03-02T09:00"), weeks: 2 };

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db);
  const planner = await callerAt(database.db, fx.planner.id, now);
  rotationId = (await planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft(fx.engineers.map((e) => e.id)) }))
    .id;
});
afterAll(async () => database?.close());

const engineerId = () => fx.engineers[0]?.id ?? "";

describe(`who may do what with rotations on ${testEngine}`, () => {
  test("engineers cannot create, update, remove, preview or add covers: FORBIDDEN, and nothing changes", async () => {
    const db = database.db;
    const before = await db.select().from(rotation);
    const engineer = await callerAt(db, engineerId(), now);
    const teamId = fx.team.id;
    const draft = weeklyDraft(fx.engineers.map((e) => e.id));
    expect(await codeOf(engineer.rotations.create({ teamId, ...draft }))).toBe("FORBIDDEN");
    expect(await codeOf(engineer.rotations.update({ teamId, rotationId, version: 1, ...draft }))).toBe("FORBIDDEN");
    expect(await codeOf(engineer.rotations.remove({ teamId, rotationId }))).toBe("FORBIDDEN");
    expect(await codeOf(engineer.rotations.preview({ teamId, draft, horizon: week }))).toBe("FORBIDDEN");
    expect(await codeOf(engineer.rotations.fairFill({ teamId, draft, horizon: week }))).toBe("FORBIDDEN");
    const cover = {
      teamId,
      rotationId,
      personId: engineerId(),
      startsAt: at("2026-03-03T09:00"),
      endsAt: at("2026-03-04T09:00"),
    };
    expect(await codeOf(engineer.rotations.addOverride(cover))).toBe("FORBIDDEN");
    expect(await db.select().from(rotation)).toEqual(before);
  });

  test("engineers read their team's rotations and schedule", async () => {
    const engineer = await callerAt(database.db, engineerId(), now);
    expect(await codeOf(engineer.rotations.get({ teamId: fx.team.id, rotationId }))).toBe("OK");
    expect(
      await codeOf(engineer.rotations.schedule({ teamId: fx.team.id, from: week.from, to: at("2026-03-09T09:00") })),
    ).toBe("OK");
    expect(await codeOf(engineer.rotations.onCallNow({ teamId: fx.team.id }))).toBe("OK");
  });

  test("another team's planner is FORBIDDEN here, even naming this team's rotation from their own team", async () => {
    const outsider = await callerAt(database.db, fx.outsider.id, now);
    const draft = weeklyDraft([fx.outsider.id]);
    expect(await codeOf(outsider.rotations.update({ teamId: fx.team.id, rotationId, version: 1, ...draft }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(outsider.rotations.get({ teamId: fx.team.id, rotationId }))).toBe("FORBIDDEN");
    expect(
      await codeOf(outsider.rotations.schedule({ teamId: fx.team.id, from: week.from, to: at("2026-03-09T09:00") })),
    ).toBe("FORBIDDEN");
    // Their own team passes the role check, but the rotation is not theirs to touch.
    expect(await codeOf(outsider.rotations.update({ teamId: fx.otherTeam.id, rotationId, version: 1, ...draft }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(outsider.rotations.remove({ teamId: fx.otherTeam.id, rotationId }))).toBe("NOT_FOUND");
  });

  test("anonymous callers get UNAUTHORIZED", async () => {
    const anonymous = await callerAt(database.db, null, now);
    expect(await codeOf(anonymous.rotations.list({ teamId: fx.team.id }))).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.rotations.create({ teamId: fx.team.id, ...weeklyDraft([]) }))).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.rotations.myNextShifts({ limit: 3 }))).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.rotations.calendarFeeds({ teamId: fx.team.id }))).toBe("UNAUTHORIZED");
  });

  test("managers and admins may plan as well as planners", async () => {
    const teamId = fx.team.id;
    const manager = await callerAt(database.db, fx.manager.id, now);
    const admin = await callerAt(database.db, fx.admin.id, now);
    expect(await codeOf(manager.rotations.create({ teamId, ...weeklyDraft([], { name: "By manager" }) }))).toBe("OK");
    expect(await codeOf(admin.rotations.create({ teamId, ...weeklyDraft([], { name: "By admin" }) }))).toBe("OK");
  });
});
