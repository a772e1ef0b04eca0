import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, person } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { callerAs, makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";

let database: Database;
let ids: { teamA: string; teamB: string; engineerA: string; engineerB: string; managerA: string; admin: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = await makeOrganisation(db);
  const teamA = await makeTeam(db, org.id, "Payments SRE");
  const teamB = await makeTeam(db, org.id, "Search SRE");
  ids = {
    teamA: teamA.id,
    teamB: teamB.id,
    engineerA: (await makePerson(db, org.id, { teams: [{ teamId: teamA.id, roles: ["engineer"] }] })).id,
    engineerB: (await makePerson(db, org.id, { teams: [{ teamId: teamB.id, roles: ["engineer"] }] })).id,
    managerA: (await makePerson(db, org.id, { teams: [{ teamId: teamA.id, roles: ["engineer", "manager"] }] })).id,
    admin: (await makePerson(db, org.id, { isAdmin: true })).id,
  };
});
afterAll(async () => database?.close());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

const invite = (teamId: string) => ({
  teamId,
  name: "Nadia Okafor",
  email: `nadia-${Math.random().toString(36).slice(2, 7)}@example.test`,
  timeZone: "America/New_York",
  roles: ["engineer" as const],
});

describe(`team procedures on ${testEngine}`, () => {
  test("an engineer calling a manager-only procedure is refused with FORBIDDEN and nothing changes", async () => {
    const { db } = database;
    const before = await db.select().from(person);
    const caller = await callerAs(db, ids.engineerA);
    expect(await codeOf(caller.teams.invite(invite(ids.teamA)))).toBe("FORBIDDEN");
    expect(await db.select().from(person)).toHaveLength(before.length);
  });

  test("anonymous callers get UNAUTHORIZED, not FORBIDDEN", async () => {
    const caller = await callerAs(database.db, null);
    expect(await codeOf(caller.teams.list())).toBe("UNAUTHORIZED");
    expect(await codeOf(caller.teams.invite(invite(ids.teamA)))).toBe("UNAUTHORIZED");
  });

  test("a manager of team A cannot invite into team B; an admin can invite anywhere", async () => {
    const manager = await callerAs(database.db, ids.managerA);
    expect(await codeOf(manager.teams.invite(invite(ids.teamB)))).toBe("FORBIDDEN");
    expect(await codeOf(manager.teams.invite(invite(ids.teamA)))).toBe("OK");
    const admin = await callerAs(database.db, ids.admin);
    expect(await codeOf(admin.teams.invite(invite(ids.teamB)))).toBe("OK");
  });

  test("members see their own team's members only", async () => {
    const engineerB = await callerAs(database.db, ids.engineerB);
    expect(await codeOf(engineerB.teams.members({ teamId: ids.teamA }))).toBe("FORBIDDEN");
    const members = await engineerB.teams.members({ teamId: ids.teamB });
    expect(members.map((m) => m.personId)).toContain(ids.engineerB);
    const teams = await engineerB.teams.list();
    expect(teams.map((t) => t.id)).toEqual([ids.teamB]);
  });

  test("an invitation is a secret link shown once: nobody joins the team until it is used; an audit entry", async () => {
    const { db } = database;
    const manager = await callerAs(db, ids.managerA);
    const input = { ...invite(ids.teamA), roles: ["engineer" as const, "planner" as const] };
    const result = await manager.teams.invite(input);
    if (result.outcome !== "link") throw new Error(`expected a link, got ${result.outcome}`);
    expect(result.path).toMatch(/^\/sign-up\?invitation=[A-Za-z0-9_-]{43}$/);
    expect(await db.select().from(person).where(eq(person.email, input.email))).toHaveLength(0);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, result.invitationId));
    expect(audit.map((a) => a.action)).toContain("person.invite");
    expect(JSON.stringify(audit)).not.toContain(result.path.split("=")[1]);
  });

  test("bad input names the field and changes nothing", async () => {
    const { db } = database;
    const before = (await db.select().from(person)).length;
    const manager = await callerAs(db, ids.managerA);
    const bad = { ...invite(ids.teamA), email: "not-an-email", timeZone: "Mars/Olympus" };
    await expect(manager.teams.invite(bad)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    try {
      await manager.teams.invite(bad);
    } catch (error) {
      const issues = (error as TRPCError).cause;
      expect(String(issues)).toMatch(/email/);
      expect(String(issues)).toMatch(/timeZone|time zone/);
    }
    expect(await codeOf(manager.teams.invite({ ...invite(ids.teamA), extra: 1 } as never))).toBe("BAD_REQUEST");
    expect((await db.select().from(person)).length).toBe(before);
  });
});
