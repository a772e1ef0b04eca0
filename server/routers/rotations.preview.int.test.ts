import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { workEntry } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { addLeave, at, callerAt, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let erik: string;
let ana: string;
// Monday 2 March 2026, 09:00 Berlin: the first hand-off of the draft, and far from any DST change.
const now = at("2026-03-02T09:00");
const horizon = { from: now, weeks: 2 };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  fx = await makeRotationTeam(db, 2);
  [erik, ana] = fx.engineers.map((e) => e.id) as [string, string];
  // Erik's last four weeks: 8 h of toil on a Tuesday, inside his 40 h week, and 2 h on a Saturday.
  const toil = { teamId: fx.team.id, category: "toil" as const, summary: "Rotate certificates" };
  await db.insert(workEntry).values([
    { ...toil, personId: erik, startsAt: at("2026-02-10T09:00"), minutes: 480 },
    { ...toil, personId: erik, startsAt: at("2026-02-14T10:00"), minutes: 120 },
  ]);
  // Ana also carries ticket duty every week in another rotation of the team.
  const planner = await callerAt(db, fx.planner.id, now);
  await planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft([ana], { name: "Tickets", role: "ticket" }) });
});
afterAll(async () => database?.close());

describe(`the what-if preview on ${testEngine}`, () => {
  test("projects each person's shares by docs/accounting.md's rules, worked out by hand", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const preview = await planner.rotations.preview({ teamId: fx.team.id, draft: weeklyDraft([erik, ana]), horizon });

    expect(preview.shifts.map((s) => [s.name, s.startsAt, s.endsAt])).toEqual([
      ["Erik Lindqvist", at("2026-03-02T09:00"), at("2026-03-09T09:00")],
      ["Ana Ruiz", at("2026-03-09T09:00"), at("2026-03-16T09:00")],
    ]);
    const byName = Object.fromEntries(preview.people.map((p) => [p.name, p]));
    // Erik: scheduled 2 x 40 h = 4800 min, week one all primary duty (2400). His recent logged toil was
    // 8 h of 160 h outside duty = 5%, so week two projects 5% of 2400 = 120 min; after-hours 2 h / 4 weeks
    // = 30 min a week, 60 over two. Operational 2400 + 120 + 60 = 2580 of worked 4800 + 60 = 4860.
    expect(byName["Erik Lindqvist"]?.minutes).toMatchObject({
      scheduled: 4800,
      duty: 2400,
      onCallDuty: 2400,
      logged: 120,
      afterHours: 60,
      operational: 2580,
      worked: 4860,
    });
    expect(byName["Erik Lindqvist"]?.toilShare).toBeCloseTo(2580 / 4860, 9);
    expect(byName["Erik Lindqvist"]?.onCallShare).toBeCloseTo(2400 / 4860, 9);
    // Ana: ticket duty both weeks and primary in week two: all 4800 min are duty, 2400 of them on call.
    expect(byName["Ana Ruiz"]?.minutes).toMatchObject({
      scheduled: 4800,
      duty: 4800,
      onCallDuty: 2400,
      logged: 0,
      afterHours: 0,
    });
    expect(byName["Ana Ruiz"]?.toilShare).toBe(1);
    expect(byName["Ana Ruiz"]?.onCallShare).toBe(0.5);
    expect(preview.caps).toEqual({ toilCap: 0.5, onCallCap: 0.25 });
  });

  test("warns about size, the caps, and leave, naming people and the rotation", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const preview = await planner.rotations.preview({ teamId: fx.team.id, draft: weeklyDraft([erik, ana]), horizon });
    const kinds = preview.warnings.map((w) => `${w.kind}:${w.personId ?? "-"}`);
    expect(kinds).toEqual([
      "too-small:-",
      `over-on-call-cap:${erik}`,
      `over-toil-cap:${erik}`,
      `over-on-call-cap:${ana}`,
      `over-toil-cap:${ana}`,
    ]);
    expect(preview.warnings[0]?.message).toMatch(
      /^"Pager primary" has 2 members on one site; an on-call rotation needs at least 8/,
    );
    expect(preview.warnings[2]?.message).toBe(
      "Erik Lindqvist is projected at 53.1% toil over the next 2 weeks, above the 50% cap.",
    );
    // Complete and even, yet four projected shares over their caps: the score says so (5 points each).
    expect(preview.quality).toMatchObject({ coverage: 1, balance: 1, warningPenalty: 20, score: 80 });
  });

  test("flags shifts during leave and gaps with nobody on duty", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    await addLeave(database.db, ana, at("2026-03-10T00:00"), at("2026-03-12T00:00"));
    // Starting on a Tuesday, the first hand-off is the next Monday: nobody holds the first week.
    const preview = await planner.rotations.preview({
      teamId: fx.team.id,
      draft: weeklyDraft([ana, erik], { startsOn: "2026-03-03" }),
      horizon,
    });
    const leave = preview.warnings.find((w) => w.kind === "on-leave");
    expect(leave?.message).toMatch(/^Ana Ruiz is on primary duty during their leave/);
    expect(preview.shifts.find((s) => s.personId === ana)?.onLeave).toBe(true);
    expect(preview.gaps).toEqual([{ startsAt: at("2026-03-03T09:00"), endsAt: at("2026-03-09T09:00") }]);
    expect(preview.warnings.find((w) => w.kind === "gap")?.message).toMatch(/^Nobody is on primary duty Tue 3 Mar/);
    // 144 of the 312 owed hours have nobody: coverage and score fall with them.
    expect(preview.quality.coverage).toBeCloseTo(1 - 144 / 312, 9);
    expect(preview.quality.score).toBeLessThan(60);
    const empty = await planner.rotations.preview({ teamId: fx.team.id, draft: weeklyDraft([]), horizon });
    const gap = empty.warnings.find((w) => w.kind === "gap");
    expect([gap?.startsAt, gap?.endsAt]).toEqual([at("2026-03-02T09:00"), at("2026-03-16T09:00")]);
    expect(empty.quality).toMatchObject({ coverage: 0, score: 0 });
  });
});
