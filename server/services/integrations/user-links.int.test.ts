import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { callerAt, failureOf, makeRotationTeam } from "@/server/testing/rotation-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";

const NOW = new Date("2026-03-20T12:00:00Z");

let database: Database;
let fx: Awaited<ReturnType<typeof makeRotationTeam>>;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeRotationTeam(database.db);
});
afterAll(async () => database?.close());

describe(`links from PagerDuty and Jira users to people on ${testEngine}`, () => {
  test("a planner links, relinks and lists; a non-member or a name with a line break is refused naming the field", async () => {
    const planner = await callerAt(database.db, fx.planner.id, NOW);
    const [erik, ana] = fx.engineers;
    if (!erik || !ana) throw new Error("no engineers");
    const link = { teamId: fx.team.id, system: "jira" as const, externalUserId: "557058:erik", externalName: "Erik L." };
    await planner.integrations.linkUser({ ...link, personId: erik.id });
    expect(await planner.integrations.linkUser({ ...link, personId: ana.id })).toMatchObject({ personId: ana.id, personName: "Ana Ruiz" });
    expect((await planner.integrations.userLinks({ teamId: fx.team.id })).map((row) => [row.system, row.externalUserId, row.personName])).toEqual([["jira", "557058:erik", "Ana Ruiz"]]);
    expect(await failureOf(planner.integrations.linkUser({ ...link, personId: fx.outsider.id }))).toMatchObject({ code: "BAD_REQUEST", field: "personId" });
    const broken = await failureOf(planner.integrations.linkUser({ ...link, externalName: "Erik\r\nL.", personId: erik.id }));
    expect(broken).toMatchObject({ code: "BAD_REQUEST" });
    expect(broken.message).toMatch(/^externalName: /);
  });
});
