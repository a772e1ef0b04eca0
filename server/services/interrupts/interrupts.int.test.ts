import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, interrupt, workEntry } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { makeService, NO_TRAITS, refusal } from "@/server/testing/work-log-fixtures";

const NOW = new Date("2025-03-12T15:00:00Z");
const now = () => NOW;

let database: Database;
let ids: { teamA: string; teamB: string; alice: string; bob: string; carol: string; payments: string };

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
    carol: (await makePerson(db, org.id, { teams: [{ teamId: teamB.id, roles: ["engineer"] }] })).id,
    payments: (await makeService(db, teamA.id, "payments-api")).id,
  };
});
afterAll(async () => database?.close());

async function count(table: typeof interrupt | typeof workEntry): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row?.n ?? -1;
}

const page = {
  kind: "page" as const,
  service: "payments-api",
  severity: "critical" as const,
  summary: "payments-api 5xx ratio 7.2%",
  isIncident: true,
  actionable: true,
  openedAt: new Date("2025-03-12T13:02:00Z"),
  resolvedAt: new Date("2025-03-12T14:10:00Z"),
};

describe(`interrupts on ${testEngine}`, () => {
  test("an engineer logs a page; it is assigned to them in their first team, with an audit row", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const created = await alice.interrupts.create(page);
    expect(created).toMatchObject({
      ...page,
      teamId: ids.teamA,
      assigneeId: ids.alice,
      source: "manual",
      loggedMinutes: 0,
    });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(["interrupt.create"]);
    const ticket = await alice.interrupts.create({ kind: "ticket", summary: "Grant bucket access", openedAt: NOW });
    expect(ticket).toMatchObject({
      kind: "ticket",
      severity: "medium",
      isIncident: false,
      actionable: null,
      resolvedAt: null,
    });
  });

  test("bad interrupts are refused at their field and nothing is saved", async () => {
    const before = await count(interrupt);
    const alice = await callerAs(database.db, ids.alice, now);
    const cases = [
      [{ ...page, resolvedAt: new Date("2025-03-12T12:00:00Z") }, "resolvedAt"],
      [{ ...page, kind: "email" }, "kind"],
      [{ ...page, summary: "" }, "summary"],
      [{ ...page, openedAt: "yesterday" }, "openedAt"],
    ] as const;
    for (const [input, field] of cases) {
      expect(await refusal(alice.interrupts.create(input as never)), field).toMatchObject({
        code: "BAD_REQUEST",
        fields: [field],
      });
    }
    expect(await refusal(alice.interrupts.create({ ...page, teamId: ids.teamB }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await count(interrupt)).toBe(before);
  });

  test("the same external event is recorded once", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const fromPager = { ...page, source: "pagerduty", externalId: "PD-4711" };
    await alice.interrupts.create(fromPager);
    expect(await refusal(alice.interrupts.create(fromPager))).toMatchObject({
      code: "CONFLICT",
      fields: ["externalId"],
    });
  });

  test("logTime records toil linked to the interrupt: manual and tactical, its summary, its service", async () => {
    const alice = await callerAs(database.db, ids.alice, now);
    const bob = await callerAs(database.db, ids.bob, now);
    const created = await alice.interrupts.create(page);
    const entry = await alice.interrupts.logTime({ interruptId: created.id, duration: "1h10" });
    expect(entry).toMatchObject({
      personId: ids.alice,
      teamId: ids.teamA,
      minutes: 70,
      category: "toil",
      summary: page.summary,
      interruptId: created.id,
      interruptSummary: page.summary,
      serviceId: ids.payments,
      traits: { ...NO_TRAITS, manual: true, tactical: true },
    });
    expect(entry.endsAt).toEqual(NOW);
    // A teammate who helped logs their own time on it.
    const helped = await bob.interrupts.logTime({
      interruptId: created.id,
      duration: "20m",
      endsAt: new Date("2025-03-12T14:00:00Z"),
      traits: { ...NO_TRAITS, tactical: true },
    });
    expect(helped).toMatchObject({ personId: ids.bob, minutes: 20, traits: { ...NO_TRAITS, tactical: true } });
  });

  test("logTime refuses another team's or an unknown interrupt and a bad duration, saving nothing", async () => {
    const before = await count(workEntry);
    const alice = await callerAs(database.db, ids.alice, now);
    const carol = await callerAs(database.db, ids.carol, now);
    const created = await alice.interrupts.create(page);
    expect(await refusal(carol.interrupts.logTime({ interruptId: created.id, duration: "10m" }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(
      await refusal(alice.interrupts.logTime({ interruptId: crypto.randomUUID(), duration: "10m" })),
    ).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["interruptId"],
    });
    for (const duration of ["abc", "-5m", "25h", "0"]) {
      expect(await refusal(alice.interrupts.logTime({ interruptId: created.id, duration }))).toMatchObject({
        code: "BAD_REQUEST",
        fields: ["duration"],
      });
    }
    expect(await count(workEntry)).toBe(before);
  });
});
