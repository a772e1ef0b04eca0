import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { addLeave, at, callerAt, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let rotationId: string;
let a: string;
let b: string;
let c: string;
const now = at("2026-03-02T09:00");
const draft = () => weeklyDraft([a, b, c], { startsOn: "2026-01-05" });

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  fx = await makeRotationTeam(db, 3);
  [a, b, c] = fx.engineers.map((e) => e.id) as [string, string, string];
  // History: a alone from 5 January, then a, b, c from 2 February. Turn 4 of 2 February falls to b, so by
  // 2 March a held 5 weeks (4 alone, then 16-23 February), b 2 and c 1.
  const january = await callerAt(db, fx.planner.id, at("2026-01-05T08:00"));
  rotationId = (await january.rotations.create({ teamId: fx.team.id, ...weeklyDraft([a], { startsOn: "2026-01-05" }) }))
    .id;
  const february = await callerAt(db, fx.planner.id, at("2026-02-02T08:00"));
  await february.rotations.update({ teamId: fx.team.id, rotationId, version: 1, ...draft() });
});
afterAll(async () => database?.close());

describe(`fair fill on ${testEngine}`, () => {
  test("carries the recorded imbalance forward and improves the quality score", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const result = await planner.rotations.fairFill({
      teamId: fx.team.id,
      rotationId,
      draft: draft(),
      horizon: { from: now, weeks: 3 },
    });
    // Plain order would give c, a, b; a already carries four weeks more than c, so a gets none.
    expect(result.assignments.map((x) => x.personId)).not.toContain(a);
    expect(new Set(result.assignments.map((x) => x.personId))).toEqual(new Set([b, c]));
    const week = result.priorLoad[b] ?? 0;
    expect(week).toBeGreaterThan(100);
    expect(result.priorLoad[a]).toBeCloseTo(4 * week, 6);
    expect(result.priorLoad[c]).toBe(0);
    // Before: a 5 weeks, b 2, c 1 -> spread 4 less one turn over 5 -> balance 0.4 -> 70.
    // After: a 4, b 2, c 2 -> spread 2 less one over 4 -> balance 0.75 -> 87.5.
    expect(result.before.score + result.before.warningPenalty).toBeCloseTo(70, 6);
    expect(result.after.score + result.after.warningPenalty).toBeCloseTo(87.5, 6);
    // Three weekly turns among three people keep three projected shares over a cap either way: 5 points each.
    expect([result.before.warningPenalty, result.after.warningPenalty]).toEqual([15, 15]);
    expect(result.gapCovers).toEqual([]);
  });

  test("proposes a cover for the days before the first hand-off, and scores the gap", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    // A new draft from Thursday 5 March with Monday hand-offs: nobody holds Thursday 09:00 to Monday 09:00.
    const thursday = weeklyDraft([a, b, c], { name: "Pager from Thursday", startsOn: "2026-03-05" });
    const result = await planner.rotations.fairFill({
      teamId: fx.team.id,
      draft: thursday,
      horizon: { from: at("2026-03-05T00:00"), weeks: 2 },
    });
    expect(result.gapCovers.map((cover) => [cover.startsAt, cover.endsAt])).toEqual([
      [at("2026-03-05T09:00"), at("2026-03-09T09:00")],
    ]);
    // Owed from Thursday 09:00 to the horizon's end two weeks after midnight: 327 h, of which 96 h uncovered.
    expect(result.before.coverage).toBeCloseTo(1 - 96 / 327, 9);
    expect(result.after.coverage).toBe(1);
    expect(result.after.score).toBeGreaterThan(result.before.score);
  });

  test("never proposes someone on leave", async () => {
    await addLeave(database.db, c, at("2026-03-03T00:00"), at("2026-03-04T00:00"));
    const planner = await callerAt(database.db, fx.planner.id, now);
    const result = await planner.rotations.fairFill({
      teamId: fx.team.id,
      rotationId,
      draft: draft(),
      horizon: { from: now, weeks: 1 },
    });
    expect(result.assignments.map((x) => x.personId)).toEqual([b]);
  });
});
