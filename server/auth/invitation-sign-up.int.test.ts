import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { person, teamMember, user } from "@/db/schema";
import { callerAs, makePerson, makeTeam } from "@/server/testing/fixtures";
import { signUpOverHttp, TEST_AUTH_SECRET, tokenOf } from "@/server/testing/sign-up-requests";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { type Auth, createAuth } from "./auth";

/**
 * Sign-up over HTTP (better-auth's handler, as the browser calls it): the first account of an empty instance
 * becomes admin; every later one needs an invitation link, used once, before it expires, for its own email.
 */
let database: Database;
let auth: Auth;
let teamId: string;
let adminId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  auth = createAuth(database.db, TEST_AUTH_SECRET, { secureCookies: false });
}, 180_000);
afterAll(async () => database?.close());

async function accountsWithoutPerson(): Promise<number> {
  const rows = await database.db.execute(
    sql`select count(*)::int as n from ${user} u where not exists (select 1 from ${person} p where p.user_id = u.id)`,
  );
  return Number((rows as unknown as { rows: Array<{ n: number }> }).rows[0]?.n);
}

async function invite(email: string, roles: Array<"engineer" | "manager">, now = new Date()) {
  const admin = await callerAs(database.db, adminId, () => now);
  const result = await admin.teams.invite({ teamId, name: "Invitee", email, timeZone: "Europe/Berlin", roles });
  if (result.outcome !== "link") throw new Error(`expected a link, got ${result.outcome}`);
  return { token: tokenOf(result.path), invitationId: result.invitationId };
}

describe(`sign-up by invitation over HTTP on ${testEngine}`, () => {
  test("simultaneous first sign-ups on an empty instance make exactly one admin and leave no account without a person", async () => {
    const attempts = await Promise.all(
      ["first", "second", "third", "fourth"].map((name) => signUpOverHttp(auth, { email: `${name}@example.test` })),
    );
    expect(attempts.map((a) => a.status).sort()).toEqual([200, 403, 403, 403]);
    const admins = await database.db.select().from(person).where(eq(person.isAdmin, true));
    expect(admins).toHaveLength(1);
    expect(await database.db.select().from(user)).toHaveLength(1);
    expect(await accountsWithoutPerson()).toBe(0);
    const [admin] = admins;
    if (!admin) throw new Error("no admin");
    adminId = admin.id;
    teamId = (await makeTeam(database.db, admin.organisationId, "Payments SRE")).id;
  });

  test("an engineer who knows a pending manager invitee's email cannot sign up as them; the invitee's link still works", async () => {
    const [admin] = await database.db.select().from(person).where(eq(person.id, adminId));
    if (!admin) throw new Error("no admin");
    const engineer = await makePerson(database.db, admin.organisationId, { teams: [{ teamId, roles: ["engineer"] }] });
    const { token } = await invite("mia.manager@example.test", ["manager"]);
    // What an engineer of the team sees lists no pending invitee, and the invitations list is not theirs to read.
    const asEngineer = await callerAs(database.db, engineer.id);
    expect((await asEngineer.teams.members({ teamId })).map((m) => m.email)).not.toContain("mia.manager@example.test");
    await expect(asEngineer.teams.invitations({ teamId })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const squat = await signUpOverHttp(auth, { email: "mia.manager@example.test", name: "Not Mia" });
    expect(squat.status).toBe(403);
    expect(squat.message).toMatch(/invitation/i);
    expect(await database.db.select().from(user).where(eq(user.email, "mia.manager@example.test"))).toHaveLength(0);

    const real = await signUpOverHttp(auth, { email: "mia.manager@example.test", name: "Mia", invitation: token });
    expect(real.status).toBe(200);
    const [mia] = await database.db.select().from(person).where(eq(person.email, "mia.manager@example.test"));
    const roles = await database.db
      .select()
      .from(teamMember)
      .where(eq(teamMember.personId, mia?.id ?? ""));
    expect(roles.map((r) => r.role)).toEqual(["manager"]);
  });

  test("a link works once: a second sign-up with it is refused and creates nothing", async () => {
    const { token } = await invite("once@example.test", ["engineer"]);
    expect((await signUpOverHttp(auth, { email: "once@example.test", invitation: token })).status).toBe(200);
    const usersBefore = (await database.db.select().from(user)).length;
    const again = await signUpOverHttp(auth, { email: "someone.else@example.test", invitation: token });
    expect(again.status).toBe(403);
    expect(again.message).toMatch(/not valid/);
    expect(await database.db.select().from(user)).toHaveLength(usersBefore);
    expect(await accountsWithoutPerson()).toBe(0);
  });

  test.each([
    {
      what: "an expired link",
      prepare: async () =>
        (await invite("late@example.test", ["engineer"], new Date(Date.now() - 8 * 24 * 3600 * 1000))).token,
      email: "late@example.test",
    },
    {
      what: "a revoked link",
      prepare: async () => {
        const { token, invitationId } = await invite("revoked@example.test", ["engineer"]);
        await (await callerAs(database.db, adminId)).teams.revokeInvitation({ teamId, invitationId });
        return token;
      },
      email: "revoked@example.test",
    },
    {
      what: "a link re-issued since (the old one)",
      prepare: async () => {
        const { token, invitationId } = await invite("reissued@example.test", ["engineer"]);
        await (await callerAs(database.db, adminId)).teams.reissueInvitation({ teamId, invitationId });
        return token;
      },
      email: "reissued@example.test",
    },
    {
      what: "a link for another email",
      prepare: async () => (await invite("owner@example.test", ["engineer"])).token,
      email: "thief@example.test",
    },
    { what: "a made-up token", prepare: async () => "A".repeat(43), email: "guess@example.test" },
    { what: "no token at all", prepare: async () => undefined, email: "nobody@example.test" },
  ])("$what is refused with 403 and creates no account", async ({ prepare, email }) => {
    const token = await prepare();
    const usersBefore = (await database.db.select().from(user)).length;
    const attempt = await signUpOverHttp(auth, { email, invitation: token });
    expect(attempt.status).toBe(403);
    expect(await database.db.select().from(user)).toHaveLength(usersBefore);
    expect(await accountsWithoutPerson()).toBe(0);
  });

  test("the re-issued link works, for the same invitation", async () => {
    const { invitationId } = await invite("second.try@example.test", ["engineer"]);
    const reissued = await (await callerAs(database.db, adminId)).teams.reissueInvitation({ teamId, invitationId });
    if (reissued.outcome !== "link") throw new Error("expected a link");
    expect(
      (await signUpOverHttp(auth, { email: "second.try@example.test", invitation: tokenOf(reissued.path) })).status,
    ).toBe(200);
  });

  test("two simultaneous sign-ups with one link: one account, the other refused, no orphan", async () => {
    const { token } = await invite("race@example.test", ["engineer"]);
    const attempts = await Promise.all([
      signUpOverHttp(auth, { email: "race@example.test", invitation: token }),
      signUpOverHttp(auth, { email: "race@example.test", invitation: token }),
    ]);
    expect(attempts.map((a) => a.status).sort()).toEqual([200, expect.any(Number)]);
    expect(attempts.filter((a) => a.status === 200)).toHaveLength(1);
    expect(await database.db.select().from(user).where(eq(user.email, "race@example.test"))).toHaveLength(1);
    expect(await accountsWithoutPerson()).toBe(0);
  });
});
