import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { callerAt, failureOf, makeRotationTeam } from "@/server/testing/rotation-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { matchExternalUsers } from "@/server/services/capture/external-people";

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
    const link = {
      teamId: fx.team.id,
      system: "jira" as const,
      externalUserId: "557058:erik",
      externalName: "Erik L.",
    };
    await planner.integrations.linkUser({ ...link, personId: erik.id });
    expect(await planner.integrations.linkUser({ ...link, personId: ana.id })).toMatchObject({
      personId: ana.id,
      personName: "Ana Ruiz",
    });
    expect(
      (await planner.integrations.userLinks({ teamId: fx.team.id })).map((row) => [
        row.system,
        row.externalUserId,
        row.personName,
      ]),
    ).toEqual([["jira", "557058:erik", "Ana Ruiz"]]);
    expect(await failureOf(planner.integrations.linkUser({ ...link, personId: fx.outsider.id }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "personId",
    });
    const broken = await failureOf(
      planner.integrations.linkUser({ ...link, externalName: "Erik\r\nL.", personId: erik.id }),
    );
    expect(broken).toMatchObject({ code: "BAD_REQUEST" });
    expect(broken.message).toMatch(/^externalName: /);
  });

  test("removing a link says the user is nobody here: no name or email match credits them, and undo brings the link back", async () => {
    const planner = await callerAt(database.db, fx.planner.id, NOW);
    const chen = fx.engineers[3];
    if (!chen) throw new Error("no fourth engineer");
    const key = { teamId: fx.team.id, system: "pagerduty" as const, externalUserId: "PCHEN01" };
    const user = { id: key.externalUserId, name: chen.name, email: null };
    await planner.integrations.linkUser({ ...key, externalName: chen.name, personId: chen.id });
    expect((await matchExternalUsers(database.db, fx.team.id, "pagerduty", [user])).get(user.id)).toMatchObject({
      personId: chen.id,
      by: "link",
    });

    expect(await planner.integrations.removeUserLink(key)).toMatchObject({ personId: chen.id, removedAt: NOW });
    // The name alone would match Chen; the removal holds against it.
    expect((await matchExternalUsers(database.db, fx.team.id, "pagerduty", [user])).get(user.id)).toBeUndefined();
    expect(
      (await planner.integrations.userLinks({ teamId: fx.team.id })).find((row) => row.externalUserId === user.id),
    ).toMatchObject({ removedAt: NOW });

    expect(await planner.integrations.restoreUserLink(key)).toMatchObject({ personId: chen.id, removedAt: null });
    expect((await matchExternalUsers(database.db, fx.team.id, "pagerduty", [user])).get(user.id)).toMatchObject({
      personId: chen.id,
      by: "link",
    });

    expect(await failureOf(planner.integrations.removeUserLink({ ...key, externalUserId: "PNOBODY" }))).toMatchObject({
      code: "NOT_FOUND",
      field: "externalUserId",
    });
    expect(await failureOf(planner.integrations.removeUserLink({ ...key, system: "opsgenie" as never }))).toMatchObject(
      { code: "BAD_REQUEST" },
    );
    const outsider = await callerAt(database.db, fx.outsider.id, NOW);
    expect(await failureOf(outsider.integrations.removeUserLink(key))).toMatchObject({ code: "FORBIDDEN" });
  });
});
