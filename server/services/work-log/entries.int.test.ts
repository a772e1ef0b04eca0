import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, workEntry } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { makeInterrupt, makeService, makeTemplate, NO_TRAITS, refusal } from "@/server/testing/work-log-fixtures";

// A Wednesday afternoon in Berlin.
const NOW = new Date("2025-03-12T15:00:00Z");
const now = () => NOW;
const MINUTE = 60_000;

let database: Database;
let ids: {
  teamA: string;
  teamB: string;
  alice: string;
  bob: string;
  carol: string;
  payments: string;
  search: string;
  certTemplate: string;
  otherTeamTemplate: string;
  otherTeamInterrupt: string;
};

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = await makeOrganisation(db);
  // "Alpha" sorts before "Beta", so Alpha is the first team of anyone in both.
  const teamA = await makeTeam(db, org.id, "Alpha SRE");
  const teamB = await makeTeam(db, org.id, "Beta SRE");
  const alice = await makePerson(db, org.id, { teams: [{ teamId: teamA.id, roles: ["engineer"] }] });
  const bob = await makePerson(db, org.id, { teams: [{ teamId: teamA.id, roles: ["engineer"] }] });
  const carol = await makePerson(db, org.id, { teams: [{ teamId: teamB.id, roles: ["engineer"] }] });
  const payments = await makeService(db, teamA.id, "payments-api", { manual: true, repetitive: true });
  const search = await makeService(db, teamB.id, "search");
  const certTemplate = await makeTemplate(db, teamA.id, {
    name: "Rotate certificates",
    defaultMinutes: 30,
    traits: { automatable: true, noEnduringValue: true },
  });
  const otherTeamTemplate = await makeTemplate(db, teamB.id, { name: "Reindex", defaultMinutes: 20 });
  const otherTeamInterrupt = await makeInterrupt(db, teamB.id, { summary: "Search down", openedAt: NOW });
  ids = {
    teamA: teamA.id,
    teamB: teamB.id,
    alice: alice.id,
    bob: bob.id,
    carol: carol.id,
    payments: payments.id,
    search: search.id,
    certTemplate: certTemplate.id,
    otherTeamTemplate: otherTeamTemplate.id,
    otherTeamInterrupt: otherTeamInterrupt.id,
  };
});
afterAll(async () => database?.close());

async function entryCount(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(workEntry);
  return row?.n ?? -1;
}

async function rowOf(id: string) {
  const [row] = await database.db.select().from(workEntry).where(eq(workEntry.id, id));
  return row;
}

const quick = { summary: "Restarted stuck batch job", duration: "25m", category: "toil" as const };

describe(`logging entries on ${testEngine}`, () => {
  test("a quick log ends now in the caller's first team, with the service's traits and name", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const entry = await alice.workLog.create({ ...quick, serviceId: ids.payments });
    expect(entry).toMatchObject({
      personId: ids.alice,
      teamId: ids.teamA,
      minutes: 25,
      source: "manual",
      serviceName: "payments-api",
      traits: { ...NO_TRAITS, manual: true, repetitive: true },
    });
    expect(entry.endsAt).toEqual(NOW);
    expect(entry.startsAt).toEqual(new Date(NOW.getTime() - 25 * MINUTE));
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, entry.id));
    expect(audit.map((a) => a.action)).toEqual(["work-entry.create"]);
  });

  test("durations are read the way people type them, and the start is the end minus the duration", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const endsAt = new Date("2025-03-11T10:00:00Z");
    for (const [typed, minutes] of [
      ["1h30", 90],
      ["1.5h", 90],
      ["90", 90],
      ["25m", 25],
    ] as const) {
      const entry = await alice.workLog.create({ ...quick, duration: typed, endsAt });
      expect(entry.minutes).toBe(minutes);
      expect(entry.startsAt).toEqual(new Date(endsAt.getTime() - minutes * MINUTE));
    }
  });

  test("traits come from the input, else the template, else the service; overhead has none", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const given = { ...NO_TRAITS, tactical: true };
    expect((await alice.workLog.create({ ...quick, serviceId: ids.payments, traits: given })).traits).toEqual(given);
    const fromTemplate = await alice.workLog.create({
      ...quick,
      serviceId: ids.payments,
      templateId: ids.certTemplate,
    });
    expect(fromTemplate).toMatchObject({
      source: "template",
      templateName: "Rotate certificates",
      traits: { ...NO_TRAITS, automatable: true, noEnduringValue: true },
    });
    expect((await alice.workLog.create({ ...quick })).traits).toEqual(NO_TRAITS);
    const meeting = await alice.workLog.create({
      ...quick,
      category: "overhead",
      serviceId: ids.payments,
      traits: given,
    });
    expect(meeting.traits).toEqual(NO_TRAITS);
  });

  test.each([
    ["abc", "duration"],
    ["-5m", "duration"],
    ["25h", "duration"],
    ["0", "duration"],
  ])("duration %s is refused with BAD_REQUEST at the %s field, and nothing is saved", async (typed, field) => {
    const before = await entryCount();
    const alice = await callerAs(database.db, ids.alice, now);
    const refused = await refusal(alice.workLog.create({ ...quick, duration: typed }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", fields: [field] });
    expect(await entryCount()).toBe(before);
  });

  test.each(["ftp://files.example/x", "javascript:alert(1)", "not a link"])(
    "link %s is refused at the link field",
    async (link) => {
      const before = await entryCount();
      const alice = await callerAs(database.db, ids.alice, now);
      expect(await refusal(alice.workLog.create({ ...quick, link }))).toMatchObject({
        code: "BAD_REQUEST",
        fields: ["link"],
      });
      expect(await entryCount()).toBe(before);
      expect((await alice.workLog.create({ ...quick, link: "https://runbooks.example/batch" })).link).toBe(
        "https://runbooks.example/batch",
      );
    },
  );

  test("an unknown service, template or interrupt, or another team's, is refused at its field and nothing is saved", async () => {
    const before = await entryCount();
    const alice = await callerAs(database.db, ids.alice, now);
    const unknown = crypto.randomUUID();
    const cases = [
      [{ serviceId: unknown }, "serviceId"],
      [{ serviceId: ids.search }, "serviceId"],
      [{ templateId: unknown }, "templateId"],
      [{ templateId: ids.otherTeamTemplate }, "templateId"],
      [{ interruptId: ids.otherTeamInterrupt }, "interruptId"],
      [{ serviceId: "payments" }, "serviceId"],
    ] as const;
    for (const [refs, field] of cases) {
      const refused = await refusal(alice.workLog.create({ ...quick, ...refs }));
      expect(refused, JSON.stringify(refs)).toMatchObject({ code: "BAD_REQUEST", fields: [field] });
    }
    expect(await entryCount()).toBe(before);
  });

  test("logging into a team one is not a member of is FORBIDDEN", async () => {
    const before = await entryCount();
    const alice = await callerAs(database.db, ids.alice, now);
    expect(await refusal(alice.workLog.create({ ...quick, teamId: ids.teamB }))).toMatchObject({
      code: "FORBIDDEN",
      fields: ["teamId"],
    });
    expect(await refusal((await callerAs(database.db, null, now)).workLog.create(quick))).toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await entryCount()).toBe(before);
  });

  test("the owner edits an entry: a new duration keeps its end, and the audit keeps before and after", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const entry = await alice.workLog.create({ ...quick, serviceId: ids.payments });
    const edited = await alice.workLog.update({
      id: entry.id,
      summary: "Restarted two stuck jobs",
      duration: "1h",
      category: "toil",
    });
    expect(edited).toMatchObject({
      summary: "Restarted two stuck jobs",
      minutes: 60,
      serviceId: ids.payments,
      traits: entry.traits,
    });
    expect(edited.endsAt).toEqual(entry.endsAt);
    expect(edited.startsAt).toEqual(new Date(entry.endsAt.getTime() - 60 * MINUTE));
    const cleared = await alice.workLog.update({
      id: entry.id,
      ...quick,
      serviceId: null,
      endsAt: new Date("2025-03-12T09:00:00Z"),
    });
    expect(cleared).toMatchObject({ serviceId: null, serviceName: null, minutes: 25 });
    expect(cleared.startsAt).toEqual(new Date("2025-03-12T08:35:00Z"));
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, entry.id), eq(auditLog.action, "work-entry.update")))
      .limit(1);
    expect(audit?.before).toMatchObject({ summary: "Restarted stuck batch job", minutes: 25 });
    expect(audit?.after).toMatchObject({ summary: "Restarted two stuck jobs", minutes: 60 });
  });

  test("a bad edit is refused at its field and changes nothing", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const entry = await alice.workLog.create(quick);
    const before = await rowOf(entry.id);
    expect(await refusal(alice.workLog.update({ id: entry.id, ...quick, duration: "25h" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["duration"],
    });
    expect(await refusal(alice.workLog.update({ id: entry.id, ...quick, serviceId: ids.search }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["serviceId"],
    });
    expect(await rowOf(entry.id)).toEqual(before);
  });

  test("engineer B cannot edit, delete or restore A's entry: FORBIDDEN, and the row is unchanged", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const bob = await callerAs(database.db, ids.bob, now);
    const carol = await callerAs(database.db, ids.carol, now);
    const entry = await alice.workLog.create(quick);
    const before = await rowOf(entry.id);
    for (const other of [bob, carol]) {
      expect(await refusal(other.workLog.update({ id: entry.id, ...quick, summary: "mine now" }))).toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await refusal(other.workLog.remove({ id: entry.id }))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await rowOf(entry.id)).toEqual(before);
    await alice.workLog.remove({ id: entry.id });
    const deleted = await rowOf(entry.id);
    expect(await refusal(bob.workLog.restore({ id: entry.id }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rowOf(entry.id)).toEqual(deleted);
  });

  test("delete is soft and undo brings the same entry back", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const entry = await alice.workLog.create({ ...quick, summary: "To be undone" });
    expect(await alice.workLog.remove({ id: entry.id })).toEqual({ id: entry.id });
    expect((await rowOf(entry.id))?.deletedAt).toEqual(NOW);
    expect((await alice.workLog.recent({ limit: 100 })).map((e) => e.id)).not.toContain(entry.id);
    expect(await refusal(alice.workLog.update({ id: entry.id, ...quick }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(alice.workLog.remove({ id: entry.id }))).toMatchObject({ code: "NOT_FOUND" });

    const restored = await alice.workLog.restore({ id: entry.id });
    expect(restored).toMatchObject({ id: entry.id, summary: "To be undone", minutes: 25 });
    expect((await rowOf(entry.id))?.deletedAt).toBeNull();
    expect(await alice.workLog.restore({ id: entry.id })).toMatchObject({ id: entry.id });
    const actions = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, entry.id));
    expect(actions.map((a) => a.action)).toEqual(["work-entry.create", "work-entry.remove", "work-entry.restore"]);
    expect(await refusal(alice.workLog.restore({ id: crypto.randomUUID() }))).toMatchObject({ code: "NOT_FOUND" });
  });
});
