import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import { joinTeam } from "@/server/services/people/membership";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";

/** What a manager does in the team's settings: roles, caps, zone; each change audited, a team never without a manager. */
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 180_000);
afterAll(async () => database?.close());

async function teamWithManager() {
  const { db } = database;
  const org = await makeOrganisation(db);
  const team = await makeTeam(db, org.id, "Payments SRE");
  const manager = await makePerson(db, org.id, { teams: [{ teamId: team.id, roles: ["engineer", "manager"] }] });
  const engineer = await makePerson(db, org.id, { teams: [{ teamId: team.id, roles: ["engineer"] }] });
  const admin = await makePerson(db, org.id, { isAdmin: true });
  return { team, manager, engineer, admin };
}

async function auditOf(teamId: string, action: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.teamId, teamId), eq(auditLog.action, action)));
}

describe(`team settings on ${testEngine}`, () => {
  test("members come with the moment their membership began", async () => {
    const { team, manager } = await teamWithManager();
    const { db } = database;
    const joinedAt = new Date("2026-11-02T08:00:00Z");
    const newcomer = await makePerson(db, team.organisationId);
    await joinTeam(db, team.id, newcomer.id, ["engineer", "planner"], joinedAt);
    const members = await (await callerAs(db, manager.id)).teams.members({ teamId: team.id });
    expect(members.find((m) => m.personId === newcomer.id)).toMatchObject({
      memberSince: joinedAt,
      roles: expect.arrayContaining(["engineer", "planner"]),
    });
  });

  test("whoever creates a team is its manager from that moment", async () => {
    const { team, admin } = await teamWithManager();
    const createdAt = new Date("2026-11-03T09:30:00Z");
    const asAdmin = await callerAs(database.db, admin.id, () => createdAt);
    const created = await asAdmin.teams.create({ name: `Zeta ${team.id.slice(0, 8)}` });
    const members = await asAdmin.teams.members({ teamId: created.id });
    expect(members).toEqual([
      expect.objectContaining({ personId: admin.id, roles: ["manager"], memberSince: createdAt }),
    ]);
  });

  test("a manager changes an engineer's roles; the change and its undo are both in the audit log", async () => {
    const { team, manager, engineer } = await teamWithManager();
    const asManager = await callerAs(database.db, manager.id);
    await asManager.teams.setRoles({ teamId: team.id, personId: engineer.id, roles: ["engineer", "planner"] });
    const changed = await asManager.teams.members({ teamId: team.id });
    expect(changed.find((m) => m.personId === engineer.id)?.roles.sort()).toEqual(["engineer", "planner"]);
    await asManager.teams.setRoles({ teamId: team.id, personId: engineer.id, roles: ["engineer"] });
    const rows = await auditOf(team.id, "team.set-roles");
    expect(rows.map((r) => [r.actorPersonId, r.entityId, r.after])).toEqual([
      [manager.id, engineer.id, ["engineer", "planner"]],
      [manager.id, engineer.id, ["engineer"]],
    ]);
  });

  test("the last manager cannot drop the role (BAD_REQUEST naming roles); with a second manager they can", async () => {
    const { team, manager, engineer, admin } = await teamWithManager();
    const asManager = await callerAs(database.db, manager.id);
    await expect(
      asManager.teams.setRoles({ teamId: team.id, personId: manager.id, roles: ["engineer"] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/at least one manager/),
    });
    const asAdmin = await callerAs(database.db, admin.id);
    await expect(
      asAdmin.teams.setRoles({ teamId: team.id, personId: manager.id, roles: ["planner"] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await asManager.teams.setRoles({ teamId: team.id, personId: engineer.id, roles: ["engineer", "manager"] });
    await asManager.teams.setRoles({ teamId: team.id, personId: manager.id, roles: ["engineer"] });
    const members = await asAdmin.teams.members({ teamId: team.id });
    expect(members.find((m) => m.personId === manager.id)?.roles).toEqual(["engineer"]);
  });

  test("caps and zone changes are audited with before and after, and the team list shows the new caps", async () => {
    const { team, manager } = await teamWithManager();
    const asManager = await callerAs(database.db, manager.id);
    await asManager.teams.updateCaps({ teamId: team.id, toilCap: 0.4, onCallCap: 0.2 });
    await asManager.teams.updateTimeZone({ teamId: team.id, timeZone: "America/New_York" });
    const listed = (await asManager.teams.list()).find((t) => t.id === team.id);
    expect(listed).toMatchObject({ toilCap: 0.4, onCallCap: 0.2, timeZone: "America/New_York" });
    const [caps] = await auditOf(team.id, "team.caps");
    expect(caps).toMatchObject({
      actorPersonId: manager.id,
      before: { toilCap: 0.5, onCallCap: 0.25 },
      after: { toilCap: 0.4, onCallCap: 0.2 },
    });
    const [zone] = await auditOf(team.id, "team.time-zone");
    expect(zone).toMatchObject({ before: { timeZone: "Europe/Berlin" }, after: { timeZone: "America/New_York" } });
  });

  test("caps outside 5%..100% are refused naming the field", async () => {
    const { team, manager } = await teamWithManager();
    const asManager = await callerAs(database.db, manager.id);
    await expect(asManager.teams.updateCaps({ teamId: team.id, toilCap: 0, onCallCap: 0.2 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/At least 5%/),
    });
    await expect(asManager.teams.updateCaps({ teamId: team.id, toilCap: 0.5, onCallCap: 1.5 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/At most 100%/),
    });
  });
});
