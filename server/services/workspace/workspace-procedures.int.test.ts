import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, team, workEntry } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { NO_TRAITS, refusal } from "@/server/testing/work-log-fixtures";

const NOW = new Date("2025-03-12T14:00:00Z");
const now = () => NOW;

let database: Database;
let ids: { team: string; admin: string; manager: string; strangerAdmin: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = await makeOrganisation(db, "Acme");
  const elsewhere = await makeOrganisation(db, "Elsewhere");
  const home = await makeTeam(db, org.id, "Payments SRE");
  const manager = await makePerson(db, org.id, {
    name: "Mona",
    teams: [{ teamId: home.id, roles: ["manager", "engineer"] }],
  });
  await db.insert(workEntry).values({
    personId: manager.id,
    teamId: home.id,
    // Ended before the clock's now: no entry may end in the future, imported ones included.
    startsAt: new Date(NOW.getTime() - 60 * 60_000),
    minutes: 30,
    category: "toil",
    summary: "Rotated keys",
    ...NO_TRAITS,
  });
  ids = {
    team: home.id,
    manager: manager.id,
    admin: (await makePerson(db, org.id, { name: "Ada", isAdmin: true })).id,
    strangerAdmin: (await makePerson(db, elsewhere.id, { name: "Sam", isAdmin: true })).id,
  };
});
afterAll(async () => database?.close());

describe(`workspace procedures on ${testEngine}`, () => {
  test("only an administrator of the team's organisation may export or import", async () => {
    const { db } = database;
    const manager = await callerAs(db, ids.manager, now);
    expect(await refusal(manager.workspace.export({ teamId: ids.team }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(manager.workspace.import({ file: {} }))).toMatchObject({ code: "FORBIDDEN" });
    const stranger = await callerAs(db, ids.strangerAdmin, now);
    expect(await refusal(stranger.workspace.export({ teamId: ids.team }))).toMatchObject({
      code: "NOT_FOUND",
      fields: ["teamId"],
    });
    const anonymous = await callerAs(db, null, now);
    expect(await refusal(anonymous.workspace.export({ teamId: ids.team }))).toMatchObject({ code: "UNAUTHORIZED" });
  });

  test("an admin exports a team and imports it as a copy; both are audited", async () => {
    const { db } = database;
    const admin = await callerAs(db, ids.admin, now);
    const file = await admin.workspace.export({ teamId: ids.team });
    expect(file.people).toHaveLength(1);
    const copy = await admin.workspace.import({
      file: JSON.parse(JSON.stringify(file)),
      teamName: "Payments SRE copy",
    });
    expect(copy).toMatchObject({ teamName: "Payments SRE copy", peopleCreated: 0, peopleMatched: 1, entries: 1 });
    const [created] = await db.select().from(team).where(eq(team.id, copy.teamId));
    expect(created?.name).toBe("Payments SRE copy");
    const actions = await db
      .select({ action: auditLog.action, actor: auditLog.actorPersonId })
      .from(auditLog)
      .where(sql`${auditLog.action} like 'workspace.%'`);
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "workspace.export", actor: ids.admin },
        { action: "workspace.import", actor: ids.admin },
      ]),
    );
  });

  test("a bad file is refused as BAD_REQUEST at the field file, listing its problems", async () => {
    const admin = await callerAs(database.db, ids.admin, now);
    const refused = await refusal(
      admin.workspace.import({ file: { format: "toilcap-workspace", version: 1, team: { name: "" } } }),
    );
    expect(refused).toMatchObject({ code: "BAD_REQUEST", fields: ["file"] });
    expect(refused.message).toContain("team.name: Must not be empty");
    expect(await refusal(admin.workspace.import({ file: {}, teamName: "x".repeat(81) }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: ["teamName"],
    });
  });
});
