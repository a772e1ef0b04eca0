import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { addLeave, at, callerAt, failureOf, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
let rotationId: string;
let erik: string;
let ana: string;
let ben: string;
const now = at("2026-03-01T12:00");
const firstWeek = { from: at("2026-03-02T09:00"), to: at("2026-03-09T09:00") };

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db);
  [erik, ana, ben] = fx.engineers.map((e) => e.id) as [string, string, string];
  const planner = await callerAt(database.db, fx.planner.id, now);
  rotationId = (await planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft(fx.engineers.map((e) => e.id)) }))
    .id;
});
afterAll(async () => database?.close());

async function firstWeekHolders(caller: Awaited<ReturnType<typeof callerAt>>) {
  const schedule = await caller.rotations.schedule({ teamId: fx.team.id, ...firstWeek });
  const names = new Map(schedule.people.map((p) => [p.personId, p.name]));
  return schedule.shifts.map((s) => `${names.get(s.personId)} ${s.startsAt.toISOString()} ${s.source}`);
}

describe(`covers on ${testEngine}`, () => {
  test("a planner adds a cover: the covered part of the turn goes to the cover; removing it gives it back", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const added = await planner.rotations.addOverride({
      teamId: fx.team.id,
      rotationId,
      personId: ana,
      replacesPersonId: erik,
      startsAt: at("2026-03-04T09:00"),
      endsAt: at("2026-03-06T09:00"),
      note: "Erik at a conference",
    });
    expect(added.warnings).toEqual([]);
    expect(await firstWeekHolders(planner)).toEqual([
      `Erik Lindqvist ${at("2026-03-02T09:00").toISOString()} rotation`,
      `Ana Ruiz ${at("2026-03-04T09:00").toISOString()} override`,
      `Erik Lindqvist ${at("2026-03-06T09:00").toISOString()} rotation`,
    ]);
    const got = await planner.rotations.get({ teamId: fx.team.id, rotationId });
    expect(got.overrides).toMatchObject([
      { personName: "Ana Ruiz", replacesName: "Erik Lindqvist", note: "Erik at a conference" },
    ]);

    await planner.rotations.removeOverride({ teamId: fx.team.id, overrideId: added.override.id });
    expect(await firstWeekHolders(planner)).toEqual([
      `Erik Lindqvist ${at("2026-03-02T09:00").toISOString()} rotation`,
    ]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, added.override.id));
    expect(audit.map((a) => a.action)).toEqual(["rotation.override.add", "rotation.override.remove"]);
  });

  test("the cover must be a member of the team", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const failure = await failureOf(
      planner.rotations.addOverride({
        teamId: fx.team.id,
        rotationId,
        personId: fx.outsider.id,
        startsAt: at("2026-03-04T09:00"),
        endsAt: at("2026-03-05T09:00"),
      }),
    );
    expect(failure).toMatchObject({
      code: "BAD_REQUEST",
      field: "personId",
      message: "The cover must be a member of this team.",
    });
  });

  test("a cover on leave is saved with a warning", async () => {
    await addLeave(database.db, ben, at("2026-03-05T00:00"), at("2026-03-07T00:00"));
    const planner = await callerAt(database.db, fx.planner.id, now);
    const added = await planner.rotations.addOverride({
      teamId: fx.team.id,
      rotationId,
      personId: ben,
      startsAt: at("2026-03-04T09:00"),
      endsAt: at("2026-03-06T09:00"),
    });
    expect(added.warnings).toMatchObject([
      { kind: "on-leave", personId: ben, startsAt: at("2026-03-05T00:00"), endsAt: at("2026-03-06T09:00") },
    ]);
    expect(added.warnings[0]?.message).toMatch(/^Ben Okafor is on leave during this cover/);
    await planner.rotations.removeOverride({ teamId: fx.team.id, overrideId: added.override.id });
  });

  test("covers change only the future: one starting earlier takes effect from now; one already over is refused", async () => {
    const later = at("2026-03-03T12:00");
    const planner = await callerAt(database.db, fx.planner.id, later);
    const added = await planner.rotations.addOverride({
      teamId: fx.team.id,
      rotationId,
      personId: ana,
      startsAt: at("2026-03-02T09:00"),
      endsAt: at("2026-03-04T09:00"),
    });
    expect(added.override.startsAt).toEqual(later);
    const over = await failureOf(
      planner.rotations.addOverride({
        teamId: fx.team.id,
        rotationId,
        personId: ana,
        startsAt: at("2026-03-02T09:00"),
        endsAt: at("2026-03-03T09:00"),
      }),
    );
    expect(over).toMatchObject({ code: "BAD_REQUEST", field: "endsAt" });
  });

  test("another team's planner cannot remove this team's cover through their own team", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const added = await planner.rotations.addOverride({
      teamId: fx.team.id,
      rotationId,
      personId: ana,
      startsAt: at("2026-03-10T09:00"),
      endsAt: at("2026-03-11T09:00"),
    });
    const outsider = await callerAt(database.db, fx.outsider.id, now);
    expect(
      (await failureOf(outsider.rotations.removeOverride({ teamId: fx.otherTeam.id, overrideId: added.override.id })))
        .code,
    ).toBe("NOT_FOUND");
    expect(
      (await failureOf(outsider.rotations.removeOverride({ teamId: fx.team.id, overrideId: added.override.id }))).code,
    ).toBe("FORBIDDEN");
  });

  test("several covers at once are saved together, or, when one of them cannot be, none is", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const overridesNow = async () =>
      (await planner.rotations.get({ teamId: fx.team.id, rotationId })).overrides.map((o) => o.id).sort();
    const before = await overridesNow();
    const refused = await failureOf(
      planner.rotations.addOverrides({
        teamId: fx.team.id,
        rotationId,
        note: "Fair fill",
        covers: [
          { personId: ana, startsAt: at("2026-03-16T09:00"), endsAt: at("2026-03-17T09:00") },
          { personId: fx.outsider.id, startsAt: at("2026-03-17T09:00"), endsAt: at("2026-03-18T09:00") },
        ],
      }),
    );
    expect(refused).toMatchObject({
      code: "BAD_REQUEST",
      field: "covers.1.personId",
      message: "Cover 2: The cover must be a member of this team.",
    });
    expect(await overridesNow()).toEqual(before);

    const added = await planner.rotations.addOverrides({
      teamId: fx.team.id,
      rotationId,
      note: "Fair fill",
      covers: [
        { personId: ana, startsAt: at("2026-03-16T09:00"), endsAt: at("2026-03-17T09:00") },
        { personId: ben, replacesPersonId: erik, startsAt: at("2026-03-17T09:00"), endsAt: at("2026-03-18T09:00") },
      ],
    });
    expect(added.overrides.map((o) => [o.personId, o.note])).toEqual([
      [ana, "Fair fill"],
      [ben, "Fair fill"],
    ]);
    expect(await overridesNow()).toEqual([...before, ...added.overrides.map((o) => o.id)].sort());
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, added.overrides[1]?.id ?? ""));
    expect(audit.map((a) => a.action)).toEqual(["rotation.override.add"]);

    const empty = await failureOf(planner.rotations.addOverrides({ teamId: fx.team.id, rotationId, covers: [] }));
    expect(empty).toMatchObject({ code: "BAD_REQUEST", field: "covers" });
  });

  test("undo of a removal brings the same cover back; one that had started resumes from now; twice is NOT_FOUND", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const added = await planner.rotations.addOverride({
      teamId: fx.team.id,
      rotationId,
      personId: ana,
      replacesPersonId: erik,
      startsAt: at("2026-03-23T09:00"),
      endsAt: at("2026-03-25T09:00"),
      note: "swap of days",
    });
    await planner.rotations.removeOverride({ teamId: fx.team.id, overrideId: added.override.id });
    const restored = await planner.rotations.restoreOverride({ teamId: fx.team.id, overrideId: added.override.id });
    expect(restored.override).toMatchObject({
      id: added.override.id,
      personId: ana,
      replacesPersonId: erik,
      note: "swap of days",
      startsAt: at("2026-03-23T09:00"),
      deletedAt: null,
    });
    const again = await failureOf(
      planner.rotations.restoreOverride({ teamId: fx.team.id, overrideId: added.override.id }),
    );
    expect(again).toMatchObject({ code: "NOT_FOUND", field: "overrideId" });

    const midway = at("2026-03-24T09:00");
    const later = await callerAt(database.db, fx.planner.id, midway);
    await later.rotations.removeOverride({ teamId: fx.team.id, overrideId: added.override.id });
    const resumed = await later.rotations.restoreOverride({ teamId: fx.team.id, overrideId: added.override.id });
    expect(resumed.override.startsAt).toEqual(midway);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, added.override.id))
      .orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual([
      "rotation.override.add",
      "rotation.override.remove",
      "rotation.override.restore",
      "rotation.override.remove",
      "rotation.override.restore",
    ]);

    const over = await callerAt(database.db, fx.planner.id, at("2026-03-26T09:00"));
    await later.rotations.removeOverride({ teamId: fx.team.id, overrideId: added.override.id });
    expect(
      await failureOf(over.rotations.restoreOverride({ teamId: fx.team.id, overrideId: added.override.id })),
    ).toMatchObject({ code: "BAD_REQUEST", field: "overrideId" });
  });
});
