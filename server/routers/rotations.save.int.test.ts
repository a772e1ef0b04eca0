import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, rotation } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { at, callerAt, failureOf, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;
const now = at("2026-03-01T12:00");

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db);
});
afterAll(async () => database?.close());

const people = () => fx.engineers.map((e) => e.id);

describe(`saving rotations on ${testEngine}`, () => {
  test("a planner creates a rotation; members read it back with participants in order and version 1", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const created = await planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft(people()) });
    expect(created.version).toBe(1);
    const engineer = await callerAt(database.db, fx.engineers[0]?.id ?? null, now);
    const got = await engineer.rotations.get({ teamId: fx.team.id, rotationId: created.id });
    expect(got.participants.map((p) => p.name)).toEqual(["Erik Lindqvist", "Ana Ruiz", "Ben Okafor", "Chen Wei"]);
    expect(got).toMatchObject({
      name: "Pager primary",
      role: "primary",
      timeZone: "Europe/Berlin",
      handoffMinute: 540,
      overrides: [],
    });
    expect((await engineer.rotations.list({ teamId: fx.team.id })).map((r) => r.id)).toContain(created.id);
  });

  test("two saves of the same version: the second gets CONFLICT and the first one's data stands", async () => {
    const db = database.db;
    const planner = await callerAt(db, fx.planner.id, now);
    const manager = await callerAt(db, fx.manager.id, now);
    const created = await planner.rotations.create({
      teamId: fx.team.id,
      ...weeklyDraft(people(), { name: "Ticket duty" }),
    });
    const first = await planner.rotations.update({
      teamId: fx.team.id,
      rotationId: created.id,
      version: 1,
      ...weeklyDraft(people().reverse(), { name: "Ticket duty A" }),
    });
    expect(first.version).toBe(2);
    const second = await failureOf(
      manager.rotations.update({
        teamId: fx.team.id,
        rotationId: created.id,
        version: 1,
        ...weeklyDraft(people(), { name: "Ticket duty B" }),
      }),
    );
    expect(second).toMatchObject({ code: "CONFLICT", field: "version" });
    expect(second.message).toMatch(/Someone else saved this rotation since you opened it; reload to see their changes/);
    const stored = await planner.rotations.get({ teamId: fx.team.id, rotationId: created.id });
    expect(stored.name).toBe("Ticket duty A");
    expect(stored.version).toBe(2);
    expect(stored.participants.map((p) => p.personId)).toEqual(people().reverse());
  });

  test("simultaneous saves of one version: exactly one wins", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const created = await planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft(people(), { name: "Race" }) });
    const save = (name: string) =>
      planner.rotations.update({
        teamId: fx.team.id,
        rotationId: created.id,
        version: 1,
        ...weeklyDraft(people(), { name }),
      });
    const results = await Promise.allSettled([save("Race A"), save("Race B")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [row] = await database.db.select().from(rotation).where(eq(rotation.id, created.id));
    expect(row?.version).toBe(2);
  });

  test("every change lands in the audit log with who and what, before and after", async () => {
    const db = database.db;
    const planner = await callerAt(db, fx.planner.id, now);
    const created = await planner.rotations.create({
      teamId: fx.team.id,
      ...weeklyDraft(people(), { name: "Audited" }),
    });
    await planner.rotations.update({
      teamId: fx.team.id,
      rotationId: created.id,
      version: 1,
      ...weeklyDraft(people(), { name: "Audited 2", handoffMinute: 600 }),
    });
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "rotation"), eq(auditLog.entityId, created.id)));
    expect(entries.map((e) => e.action)).toEqual(["rotation.create", "rotation.update"]);
    const update = entries[1];
    expect(update?.actorPersonId).toBe(fx.planner.id);
    expect(update?.before).toMatchObject({ name: "Audited", handoffMinute: 540, version: 1 });
    expect(update?.after).toMatchObject({ name: "Audited 2", handoffMinute: 600, version: 2 });
  });

  test("validation errors name the field: time zone, shift length, participants outside the team", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const badZone = await failureOf(
      planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft(people(), { timeZone: "Mars/Olympus" }) }),
    );
    expect(badZone).toMatchObject({ code: "BAD_REQUEST" });
    expect(badZone.message).toMatch(/^timeZone: /);
    const zeroLength = await failureOf(
      planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft(people(), { shiftCount: 0 }) }),
    );
    expect(zeroLength.message).toMatch(/shiftCount: Shift length must be at least 1/);
    const outsider = await failureOf(
      planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft([...people(), fx.outsider.id]) }),
    );
    expect(outsider).toMatchObject({
      code: "BAD_REQUEST",
      field: "participants",
      message: "Participant #5 is not a member of this team.",
    });
    const restricted = await failureOf(
      planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft(people(), { workingHoursOnly: true }) }),
    );
    expect(restricted.message).toMatch(/workingDays: Pick the working days/);
  });

  test("a rotation name with a line break is refused naming the field, so it cannot inject calendar events", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    for (const name of ["Primary\r\nBEGIN:VEVENT", "Primary\nSUMMARY:x", "Primary\u2028x"]) {
      const refused = await failureOf(
        planner.rotations.create({ teamId: fx.team.id, ...weeklyDraft(people(), { name }) }),
      );
      expect(refused).toMatchObject({ code: "BAD_REQUEST" });
      expect(refused.message).toMatch(/^name: A rotation name must be one line/);
    }
  });

  test("remove hides a rotation and restore brings it back with a new version", async () => {
    const planner = await callerAt(database.db, fx.planner.id, now);
    const created = await planner.rotations.create({
      teamId: fx.team.id,
      ...weeklyDraft(people(), { name: "Short-lived" }),
    });
    await planner.rotations.remove({ teamId: fx.team.id, rotationId: created.id });
    expect((await planner.rotations.list({ teamId: fx.team.id })).map((r) => r.id)).not.toContain(created.id);
    expect((await failureOf(planner.rotations.get({ teamId: fx.team.id, rotationId: created.id }))).code).toBe(
      "NOT_FOUND",
    );
    const restored = await planner.rotations.restore({ teamId: fx.team.id, rotationId: created.id });
    expect(restored.version).toBe(2);
    expect((await planner.rotations.list({ teamId: fx.team.id })).map((r) => r.id)).toContain(created.id);
  });
});
