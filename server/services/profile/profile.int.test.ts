import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { absence, auditLog, person } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { refusal } from "@/server/testing/work-log-fixtures";

const NOW = new Date("2025-03-12T15:00:00Z");
const now = () => NOW;

let database: Database;
let ids: { alice: string; bob: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = await makeOrganisation(db);
  const team = await makeTeam(db, org.id, "Alpha SRE");
  const teams = [{ teamId: team.id, roles: ["engineer" as const] }];
  ids = {
    alice: (await makePerson(db, org.id, { name: "Alice", timeZone: "Europe/Berlin", teams })).id,
    bob: (await makePerson(db, org.id, { name: "Bob", teams })).id,
  };
});
afterAll(async () => database?.close());

async function absenceCount(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(absence);
  return row?.n ?? -1;
}

const pattern = { timeZone: "America/New_York", workDays: [4, 1, 2, 3, 1], workStartMinute: 480, workEndMinute: 960 };
const leave = {
  kind: "leave" as const,
  startsAt: new Date("2025-04-14T00:00:00Z"),
  endsAt: new Date("2025-04-19T00:00:00Z"),
  note: "Easter",
};

describe(`the profile on ${testEngine}`, () => {
  test("get shows the caller's own time zone and work pattern, with the defaults", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    expect(await alice.profile.get()).toMatchObject({
      name: "Alice",
      timeZone: "Europe/Berlin",
      workDays: [1, 2, 3, 4, 5],
      workStartMinute: 540,
      workEndMinute: 1020,
    });
  });

  test("update changes only the caller's row, keeps the name when none is given, and is audited", async () => {
    const { db } = database;
    const alice = await callerAs(db, ids.alice, now);
    const updated = await alice.profile.update(pattern);
    expect(updated).toMatchObject({
      name: "Alice",
      timeZone: "America/New_York",
      workDays: [1, 2, 3, 4],
      workStartMinute: 480,
      workEndMinute: 960,
    });
    const [bob] = await db.select().from(person).where(eq(person.id, ids.bob));
    expect(bob).toMatchObject({ timeZone: "Europe/Berlin", workDays: [1, 2, 3, 4, 5] });
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "profile.update"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entityId: ids.alice,
      before: { timeZone: "Europe/Berlin" },
      after: { timeZone: "America/New_York" },
    });
    // The week view follows the new zone at once.
    expect((await (await callerAs(db, ids.alice, now)).workLog.week({})).timeZone).toBe("America/New_York");
  });

  test.each([
    [{ ...pattern, timeZone: "Mars/Olympus" }, "timeZone"],
    [{ ...pattern, workDays: [] }, "workDays"],
    [{ ...pattern, workDays: [0, 8] }, "workDays.0"],
    [{ ...pattern, workEndMinute: 420 }, "workEndMinute"],
    [{ ...pattern, workStartMinute: 540.5 }, "workStartMinute"],
  ])("a bad profile is refused at its field and changes nothing: %o", async (input, field) => {
    const { db } = database;
    const [before] = await db.select().from(person).where(eq(person.id, ids.bob));
    const bob = await callerAs(db, ids.bob, now);
    const refused = await refusal(bob.profile.update(input as never));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.fields).toContain(field);
    const [after] = await db.select().from(person).where(eq(person.id, ids.bob));
    expect(after).toEqual(before);
  });

  test("absences: add, list, soft delete and undo, each audited", async () => {
    const { db } = database;
    const alice = await callerAs(db, ids.alice, now);
    const added = await alice.profile.addAbsence(leave);
    expect(added).toMatchObject(leave);
    expect(await alice.profile.absences()).toEqual([added]);
    expect(await alice.profile.removeAbsence({ id: added.id })).toEqual({ id: added.id });
    expect(await alice.profile.absences()).toEqual([]);
    const [row] = await db.select().from(absence).where(eq(absence.id, added.id));
    expect(row?.deletedAt).toEqual(NOW);
    expect(await alice.profile.restoreAbsence({ id: added.id })).toEqual(added);
    expect(await alice.profile.absences()).toEqual([added]);
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, added.id));
    expect(actions.map((a) => a.action)).toEqual(["absence.add", "absence.remove", "absence.restore"]);
  });

  test("an absence ending before it starts is refused at endsAt and nothing is saved", async () => {
    const before = await absenceCount();
    const alice = await callerAs(database.db, ids.alice, now);
    const backwards = { ...leave, startsAt: leave.endsAt, endsAt: leave.startsAt };
    expect(await refusal(alice.profile.addAbsence(backwards))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["endsAt"],
    });
    expect(await refusal(alice.profile.addAbsence({ ...leave, kind: "sabbatical" } as never))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["kind"],
    });
    expect(await absenceCount()).toBe(before);
  });

  test("nobody sees, deletes or restores another person's absence", async () => {
    const { db } = database;
    const alice = await callerAs(db, ids.alice, now);
    const bob = await callerAs(db, ids.bob, now);
    const mine = await alice.profile.addAbsence({ ...leave, note: "Alice only" });
    expect((await bob.profile.absences()).map((a) => a.id)).not.toContain(mine.id);
    expect(await refusal(bob.profile.removeAbsence({ id: mine.id }))).toMatchObject({ code: "FORBIDDEN" });
    await alice.profile.removeAbsence({ id: mine.id });
    const [deleted] = await db.select().from(absence).where(eq(absence.id, mine.id));
    expect(await refusal(bob.profile.restoreAbsence({ id: mine.id }))).toMatchObject({ code: "FORBIDDEN" });
    const [still] = await db.select().from(absence).where(eq(absence.id, mine.id));
    expect(still).toEqual(deleted);
  });
});
