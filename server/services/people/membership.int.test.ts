import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, person, teamMember } from "@/db/schema";
import { callerAs, makePerson } from "@/server/testing/fixtures";
import { logEntry, makeReportTeam, type ReportTeamFixture } from "@/server/testing/report-fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { local, refusal } from "@/server/testing/work-log-fixtures";

/**
 * Membership with consent and history: a person with an account joins another team only by accepting; a member
 * removed from a date counts in the team's figures before it and not after; people invited who never signed up and
 * have nothing recorded do not count at all.
 */
const ZONE = "Europe/Berlin";
const NOW = local("2026-03-20T12:00", ZONE);
const now = () => NOW;

let database: Database;
let fx: ReportTeamFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await makeReportTeam(database.db);
}, 180_000);
afterAll(async () => database?.close());

async function actionsOn(entityId: string): Promise<string[]> {
  return (await database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId))).map((row) => row.action);
}

/** One full working day of toil each weekday of March 2-13 (two weeks). */
async function fullDaysOfToil(personId: string) {
  for (const day of ["02", "03", "04", "05", "06", "09", "10", "11", "12", "13"]) {
    await logEntry(database.db, {
      person: { id: personId },
      teamId: fx.team.id,
      startsAt: local(`2026-03-${day}T09:00`, ZONE),
      minutes: 480,
    });
  }
}

const week = (monday: string) => ({ teamId: fx.team.id, period: "week" as const, at: local(`${monday}T12:00`, ZONE) });

describe(`membership on ${testEngine}`, () => {
  test("a manager inviting a member of another team sends a request; nothing changes until they accept it", async () => {
    const manager = await callerAs(database.db, fx.manager.id, now);
    const result = await manager.teams.invite({
      teamId: fx.team.id,
      name: "Otto",
      email: fx.outsider.email,
      timeZone: ZONE,
      roles: ["engineer"],
    });
    expect(result.outcome).toBe("requested");
    expect((await manager.teams.members({ teamId: fx.team.id })).map((m) => m.personId)).not.toContain(fx.outsider.id);
    expect(
      await refusal((await callerAs(database.db, fx.outsider.id, now)).teams.members({ teamId: fx.team.id })),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect((await manager.teams.invitations({ teamId: fx.team.id })).map((i) => [i.email, i.kind])).toEqual([
      [fx.outsider.email, "join-request"],
    ]);

    const otto = await callerAs(database.db, fx.outsider.id, now);
    const [request] = await otto.invitations.mine();
    expect(request).toMatchObject({ teamName: "Platform SRE", roles: ["engineer"], invitedBy: "Mona Manager" });
    // Someone else cannot answer it for them.
    expect(
      await refusal(
        (await callerAs(database.db, fx.erika.id, now)).invitations.respond({
          invitationId: request?.id ?? "",
          accept: true,
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    await otto.invitations.respond({ invitationId: request?.id ?? "", accept: true });
    const member = await callerAs(database.db, fx.outsider.id, now);
    expect((await member.teams.members({ teamId: fx.team.id })).map((m) => m.personId)).toContain(fx.outsider.id);
    expect(await member.invitations.mine()).toEqual([]);
    expect(await actionsOn(request?.id ?? "")).toEqual(["team.join-request", "invitation.accept"]);
  });

  test("a declined request adds nobody; an admin may add a person with an account directly", async () => {
    const manager = await callerAs(database.db, fx.manager.id, now);
    const outsider = await makePerson(database.db, fx.org.id, {
      name: "Olga Other",
      teams: [{ teamId: fx.otherTeam.id, roles: ["engineer"] }],
    });
    const asked = await manager.teams.invite({
      teamId: fx.team.id,
      name: "Olga",
      email: outsider.email,
      timeZone: ZONE,
      roles: ["engineer"],
    });
    const olga = await callerAs(database.db, outsider.id, now);
    await olga.invitations.respond({
      invitationId: asked.outcome === "requested" ? asked.invitationId : "",
      accept: false,
    });
    expect(
      await database.db
        .select()
        .from(teamMember)
        .where(and(eq(teamMember.teamId, fx.team.id), eq(teamMember.personId, outsider.id))),
    ).toEqual([]);

    const admin = await callerAs(database.db, fx.admin.id, now);
    expect(
      await admin.teams.invite({
        teamId: fx.team.id,
        name: "Olga",
        email: outsider.email,
        timeZone: ZONE,
        roles: ["planner"],
      }),
    ).toEqual({ outcome: "added", personId: outsider.id });
    const roles = await database.db
      .select()
      .from(teamMember)
      .where(and(eq(teamMember.teamId, fx.team.id), eq(teamMember.personId, outsider.id)));
    expect(roles.map((r) => [r.role, r.memberSince?.toISOString()])).toEqual([["planner", NOW.toISOString()]]);
    // Removed on the day they joined: allowed, and the membership ends where it began.
    expect(await manager.teams.removeMember({ teamId: fx.team.id, personId: outsider.id, from: "2026-03-20" })).toEqual(
      { personId: outsider.id, removedFrom: NOW },
    );
  });

  test("a member removed from a date counts before it and not after; access ends at once; undo restores both", async () => {
    const jonas = await makePerson(database.db, fx.org.id, {
      name: "Jonas Leaving",
      teams: [{ teamId: fx.team.id, roles: ["engineer"] }],
    });
    await fullDaysOfToil(jonas.id);
    const manager = await callerAs(database.db, fx.manager.id, now);
    const engineersIn = async (monday: string) =>
      (await manager.reports.teamToil(week(monday))).members.map((m) => m.name);
    expect(await engineersIn("2026-03-09")).toContain("Jonas Leaving");

    // Removed from Wednesday March 11: the week of March 2 is whole; the week of March 9 counts Monday and Tuesday.
    await manager.teams.removeMember({ teamId: fx.team.id, personId: jonas.id, from: "2026-03-11" });
    const first = (await manager.reports.teamToil(week("2026-03-02"))).members.find((m) => m.name === "Jonas Leaving");
    expect(first?.accounting).toMatchObject({ scheduled: 5 * 480, logged: 5 * 480, toilShare: 1 });
    const second = (await manager.reports.teamToil(week("2026-03-09"))).members.find((m) => m.name === "Jonas Leaving");
    expect(second?.accounting).toMatchObject({ scheduled: 2 * 480, logged: 2 * 480, afterHours: 0 });
    expect(await engineersIn("2026-03-16")).not.toContain("Jonas Leaving");
    expect((await manager.teams.members({ teamId: fx.team.id })).map((m) => m.personId)).not.toContain(jonas.id);
    expect(
      await refusal((await callerAs(database.db, jonas.id, now)).teams.members({ teamId: fx.team.id })),
    ).toMatchObject({ code: "FORBIDDEN" });

    await manager.teams.restoreMember({ teamId: fx.team.id, personId: jonas.id });
    const restored = (await manager.reports.teamToil(week("2026-03-09"))).members.find(
      (m) => m.name === "Jonas Leaving",
    );
    expect(restored?.accounting).toMatchObject({ scheduled: 5 * 480, logged: 5 * 480 });
    expect(await actionsOn(jonas.id)).toEqual(["team.remove-member", "team.restore-member"]);
  });

  test("a member removed and invited back keeps the earlier window as history", async () => {
    const lea = await makePerson(database.db, fx.org.id, {
      name: "Lea Returning",
      teams: [{ teamId: fx.team.id, roles: ["engineer"] }],
    });
    await fullDaysOfToil(lea.id);
    const manager = await callerAs(database.db, fx.manager.id, now);
    await manager.teams.removeMember({ teamId: fx.team.id, personId: lea.id, from: "2026-03-04" });
    const admin = await callerAs(database.db, fx.admin.id, now);
    await admin.teams.invite({
      teamId: fx.team.id,
      name: "Lea",
      email: lea.email,
      timeZone: ZONE,
      roles: ["engineer"],
    });
    const row = (await manager.reports.teamToil(week("2026-03-02"))).members.find((m) => m.name === "Lea Returning");
    expect(row?.accounting).toMatchObject({ scheduled: 2 * 480, logged: 2 * 480 });
    expect((await manager.reports.teamToil(week("2026-03-09"))).members.map((m) => m.name)).not.toContain(
      "Lea Returning",
    );
  });

  test("removal dates are checked: not in the future, a real date, not before they joined", async () => {
    const manager = await callerAs(database.db, fx.manager.id, now);
    expect(
      await refusal(manager.teams.removeMember({ teamId: fx.team.id, personId: fx.erika.id, from: "2026-03-21" })),
    ).toMatchObject({ code: "BAD_REQUEST", fields: ["from"] });
    expect(
      await refusal(manager.teams.removeMember({ teamId: fx.team.id, personId: fx.erika.id, from: "2026-02-30" })),
    ).toMatchObject({ code: "BAD_REQUEST", fields: ["from"] });
    expect(
      await refusal(manager.teams.removeMember({ teamId: fx.team.id, personId: fx.outsider.id, from: "2026-03-01" })),
    ).toMatchObject({ code: "BAD_REQUEST", fields: ["from"] });
    expect(await refusal(manager.teams.restoreMember({ teamId: fx.team.id, personId: fx.erika.id }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  test("someone invited long ago who never signed up and has nothing recorded is not in the figures; with logged time they are", async () => {
    const [ghost] = await database.db
      .insert(person)
      .values({ organisationId: fx.org.id, name: "Gus Ghost", email: "gus@example.test" })
      .returning();
    const [imported] = await database.db
      .insert(person)
      .values({ organisationId: fx.org.id, name: "Ivy Imported", email: "ivy@example.test" })
      .returning();
    if (!ghost || !imported) throw new Error("no people");
    await database.db.insert(teamMember).values([
      { teamId: fx.team.id, personId: ghost.id, role: "engineer" },
      { teamId: fx.team.id, personId: imported.id, role: "engineer" },
    ]);
    await logEntry(database.db, {
      person: imported,
      teamId: fx.team.id,
      startsAt: local("2026-03-03T10:00", ZONE),
      minutes: 60,
    });
    const manager = await callerAs(database.db, fx.manager.id, now);
    const names = (await manager.reports.teamToil(week("2026-03-02"))).members.map((m) => m.name);
    expect(names).not.toContain("Gus Ghost");
    expect(names).toContain("Ivy Imported");
  });
});
