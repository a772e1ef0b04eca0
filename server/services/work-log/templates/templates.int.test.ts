import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, toilTemplate, workEntry } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { makeService, makeTemplate, NO_TRAITS, refusal } from "@/server/testing/work-log-fixtures";

const NOW = new Date("2025-03-12T15:00:00Z");
const now = () => NOW;
const CERT_TRAITS = { ...NO_TRAITS, manual: true, repetitive: true, automatable: true };

let database: Database;
let ids: {
  teamA: string;
  teamB: string;
  alice: string;
  bob: string;
  manager: string;
  carol: string;
  payments: string;
  search: string;
};

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = await makeOrganisation(db);
  const teamA = await makeTeam(db, org.id, "Alpha SRE");
  const teamB = await makeTeam(db, org.id, "Beta SRE");
  const inA = [{ teamId: teamA.id, roles: ["engineer" as const] }];
  ids = {
    teamA: teamA.id,
    teamB: teamB.id,
    alice: (await makePerson(db, org.id, { teams: inA })).id,
    bob: (await makePerson(db, org.id, { teams: inA })).id,
    manager: (await makePerson(db, org.id, { teams: [{ teamId: teamA.id, roles: ["manager"] }] })).id,
    carol: (await makePerson(db, org.id, { teams: [{ teamId: teamB.id, roles: ["engineer"] }] })).id,
    payments: (await makeService(db, teamA.id, "payments-api", { tactical: true })).id,
    search: (await makeService(db, teamB.id, "search")).id,
  };
});
afterAll(async () => database?.close());

async function count(table: typeof workEntry | typeof toilTemplate): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row?.n ?? -1;
}

const certificates = (teamId: string) => ({
  teamId,
  name: "Rotate certificates",
  serviceId: null,
  duration: "40m",
  traits: CERT_TRAITS,
});

describe(`services and templates on ${testEngine}`, () => {
  test("catalog.services lists the team's services with their traits, for members only", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    expect(await alice.catalog.services({ teamId: ids.teamA })).toEqual([
      { id: ids.payments, name: "payments-api", traits: { ...NO_TRAITS, tactical: true } },
    ]);
    expect(await refusal(alice.catalog.services({ teamId: ids.teamB }))).toMatchObject({ code: "FORBIDDEN" });
  });

  test("a member creates a template in their team; another team's template or service is refused", async () => {
    const before = await count(toilTemplate);
    const alice = await callerAs(database.db, ids.alice, now);
    const created = await alice.templates.create({ ...certificates(ids.teamA), serviceId: ids.payments });
    expect(created).toMatchObject({
      teamId: ids.teamA,
      name: "Rotate certificates",
      defaultMinutes: 40,
      category: "toil",
      serviceName: "payments-api",
      traits: CERT_TRAITS,
      createdById: ids.alice,
    });
    expect((await alice.templates.list({ teamId: ids.teamA })).map((t) => t.id)).toContain(created.id);
    expect(await refusal(alice.templates.create(certificates(ids.teamB)))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(alice.templates.create({ ...certificates(ids.teamA), serviceId: ids.search }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["serviceId"],
    });
    expect(await refusal(alice.templates.create({ ...certificates(ids.teamA), duration: "forever" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["duration"],
    });
    expect(await refusal(alice.templates.list({ teamId: ids.teamB }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await count(toilTemplate)).toBe(before + 1);
  });

  test("logFromTemplate logs the template's work, ending now, in one action", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const template = await alice.templates.create({
      ...certificates(ids.teamA),
      name: "Restart stuck batch job",
      serviceId: ids.payments,
    });
    const entry = await alice.workLog.create({ summary: "placeholder", duration: "5m", category: "toil" });
    const logged = await alice.templates.logFromTemplate({ templateId: template.id });
    expect(logged).toMatchObject({
      personId: ids.alice,
      teamId: ids.teamA,
      summary: "Restart stuck batch job",
      minutes: 40,
      category: "toil",
      source: "template",
      templateId: template.id,
      templateName: "Restart stuck batch job",
      serviceName: "payments-api",
      traits: CERT_TRAITS,
    });
    expect(logged.endsAt).toEqual(NOW);
    expect(logged.id).not.toBe(entry.id);
    const shorter = await alice.templates.logFromTemplate({
      templateId: template.id,
      duration: "15m",
      endsAt: new Date("2025-03-12T10:00:00Z"),
    });
    expect(shorter).toMatchObject({ minutes: 15 });
    expect(shorter.startsAt).toEqual(new Date("2025-03-12T09:45:00Z"));
  });

  test("logging from an unknown or another team's template changes nothing", async () => {
    const before = await count(workEntry);
    const carol = await callerAs(database.db, ids.carol, now);
    const alice = await callerAs(database.db, ids.alice, now);
    const template = await alice.templates.create(certificates(ids.teamA));
    expect(await refusal(carol.templates.logFromTemplate({ templateId: template.id }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await refusal(alice.templates.logFromTemplate({ templateId: crypto.randomUUID() }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["templateId"],
    });
    expect(await refusal(alice.templates.logFromTemplate({ templateId: template.id, duration: "25h" }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["duration"],
    });
    expect(await count(workEntry)).toBe(before);
  });

  test("createFromEntry copies the entry's service, minutes and traits; only for the entry's owner", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const bob = await callerAs(database.db, ids.bob, now);
    const entry = await alice.workLog.create({
      summary: "Updated DNS records for a campaign",
      duration: "1h15",
      category: "toil",
      serviceId: ids.payments,
      traits: { ...NO_TRAITS, manual: true, scalesLinearly: true },
    });
    const before = await count(toilTemplate);
    expect(await refusal(bob.templates.createFromEntry({ entryId: entry.id, name: "Stolen" }))).toMatchObject({
      code: "FORBIDDEN",
      fields: ["entryId"],
    });
    expect(await count(toilTemplate)).toBe(before);
    const template = await alice.templates.createFromEntry({ entryId: entry.id, name: "Update campaign DNS" });
    expect(template).toMatchObject({
      teamId: ids.teamA,
      name: "Update campaign DNS",
      serviceId: ids.payments,
      defaultMinutes: 75,
      category: "toil",
      traits: { ...NO_TRAITS, manual: true, scalesLinearly: true },
    });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, template.id));
    expect(audit.map((a) => a.action)).toEqual(["template.create"]);
  });

  test("a template is soft-deleted by its creator or a manager, not by another engineer", async () => {
    const { db } = database;
    const alice = await callerAs(db, ids.alice, now);
    const bob = await callerAs(db, ids.bob, now);
    const manager = await callerAs(db, ids.manager, now);
    const mine = await alice.templates.create({ ...certificates(ids.teamA), name: "Alice's" });
    const seeded = await makeTemplate(db, ids.teamA, { name: "Seeded", defaultMinutes: 10 });
    expect(await refusal(bob.templates.remove({ id: mine.id }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(alice.templates.remove({ id: seeded.id }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await alice.templates.remove({ id: mine.id })).toEqual({ id: mine.id });
    expect(await manager.templates.remove({ id: seeded.id })).toEqual({ id: seeded.id });
    const [row] = await db.select().from(toilTemplate).where(eq(toilTemplate.id, mine.id));
    expect(row?.deletedAt).toEqual(NOW);
    const listed = (await alice.templates.list({ teamId: ids.teamA })).map((t) => t.id);
    expect(listed).not.toContain(mine.id);
    expect(listed).not.toContain(seeded.id);
    expect(await refusal(alice.templates.remove({ id: mine.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(alice.templates.logFromTemplate({ templateId: mine.id }))).toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
