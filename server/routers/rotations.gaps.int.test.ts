import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { at, callerAt, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let people: string[];
// Wednesday 4 March 2026 in Berlin: the planner sets up a rotation whose first day is the next day, a Thursday.
const now = at("2026-03-04T10:00");
const thursday = () => weeklyDraft(people, { name: "Tickets from Thursday", role: "ticket", startsOn: "2026-03-05" });

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db, 3);
  people = fx.engineers.map((e) => e.id);
});
afterAll(async () => database?.close());

describe(`coverage gaps on ${testEngine}`, () => {
  test("a weekly rotation from a Thursday with Monday hand-offs leaves Thursday to Monday with nobody: listed, scored, filled", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const horizon = { from: now, weeks: 4 };
    const preview = await planner.rotations.preview({ teamId: fx.team.id, draft: thursday(), horizon });
    const early = { startsAt: at("2026-03-05T09:00"), endsAt: at("2026-03-09T09:00") };
    expect(preview.gaps).toEqual([early]);
    expect(preview.timeZone).toBe("Europe/Berlin");
    expect(preview.quality.coverage).toBeLessThan(1);

    const { id: rotationId } = await planner.rotations.create({ teamId: fx.team.id, ...thursday() });
    // Any team member sees the gap on the rotation's page.
    const engineer = await callerAt(database.db, people[0] ?? "", now);
    expect((await engineer.rotations.gaps({ teamId: fx.team.id, rotationId })).gaps).toEqual([early]);

    const fill = await planner.rotations.fairFill({ teamId: fx.team.id, rotationId, draft: thursday(), horizon });
    expect(fill.gapCovers.map((cover) => ({ startsAt: cover.startsAt, endsAt: cover.endsAt }))).toEqual([early]);
    expect(fill.after.coverage).toBe(1);
    expect(fill.after.score).toBeGreaterThan(fill.before.score);

    const [cover] = fill.gapCovers;
    if (!cover) throw new Error("no cover proposed");
    await planner.rotations.addOverrides({
      teamId: fx.team.id,
      rotationId,
      covers: [{ personId: cover.personId, replacesPersonId: null, startsAt: cover.startsAt, endsAt: cover.endsAt }],
      note: "Fair fill",
    });
    // The applied cover holds the early days: no gap left, and the cover's holder is on duty then.
    expect((await engineer.rotations.gaps({ teamId: fx.team.id, rotationId })).gaps).toEqual([]);
    const schedule = await engineer.rotations.schedule({
      teamId: fx.team.id,
      from: at("2026-03-05T00:00"),
      to: at("2026-03-10T00:00"),
    });
    const held = schedule.shifts
      .filter((s) => s.rotationId === rotationId)
      .map((s) => [s.personId, s.startsAt, s.endsAt, s.source]);
    expect(held[0]).toEqual([cover.personId, early.startsAt, early.endsAt, "override"]);
  });

  test("a rotation that starts on its hand-off weekday has no gaps", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const { id: rotationId } = await planner.rotations.create({
      teamId: fx.team.id,
      ...weeklyDraft(people, { name: "Pager", startsOn: "2026-03-09" }),
    });
    expect((await planner.rotations.gaps({ teamId: fx.team.id, rotationId })).gaps).toEqual([]);
  });
});
