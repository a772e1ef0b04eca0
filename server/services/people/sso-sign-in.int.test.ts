import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { person, teamMember } from "@/db/schema";
import { makeOrganisation, makePerson, makeTeam } from "@/server/testing/fixtures";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { ssoSignInVerdict } from "./sso-sign-in";

let database: Database;
let emails: { invited: string; member: string; admin: string; removed: string; teamless: string; deactivated: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = await makeOrganisation(db, "Northwind");
  const home = await makeTeam(db, org.id, "Platform SRE");
  const [invited] = await db
    .insert(person)
    .values({ organisationId: org.id, name: "Ines Invited", email: "Ines@Northwind.Example" })
    .returning();
  if (!invited) throw new Error("no person");
  await db.insert(teamMember).values({ teamId: home.id, personId: invited.id, role: "engineer" });
  const member = await makePerson(db, org.id, { teams: [{ teamId: home.id, roles: ["engineer"] }] });
  const admin = await makePerson(db, org.id, { isAdmin: true });
  const removed = await makePerson(db, org.id, { teams: [{ teamId: home.id, roles: ["engineer"] }] });
  await db
    .update(person)
    .set({ deletedAt: new Date("2026-01-01T00:00:00Z") })
    .where(eq(person.id, removed.id));
  const teamless = await makePerson(db, org.id);
  const deactivated = await makePerson(db, org.id, { teams: [{ teamId: home.id, roles: ["engineer"] }] });
  await db
    .update(person)
    .set({ deactivatedAt: new Date("2026-01-01T00:00:00Z") })
    .where(eq(person.id, deactivated.id));
  emails = {
    invited: "ines@northwind.example",
    member: member.email,
    admin: admin.email,
    removed: removed.email,
    teamless: teamless.email,
    deactivated: deactivated.email,
  };
});
afterAll(async () => database?.close());

describe(`who may sign in by single sign-on, on ${testEngine}`, () => {
  test.each([
    {
      who: "an invited person who has no account yet (email in any case)",
      email: () => emails.invited.toUpperCase(),
      verified: true,
      domains: ["northwind.example"],
      verdict: "allowed",
    },
    { who: "a member with an account", email: () => emails.member, verified: true, domains: [], verdict: "allowed" },
    { who: "an admin outside every team", email: () => emails.admin, verified: true, domains: [], verdict: "allowed" },
    {
      who: "an invited person whose provider has not verified the email",
      email: () => emails.invited,
      verified: false,
      domains: [],
      verdict: "email_not_verified",
    },
    {
      who: "an invited person of a domain not allowed",
      email: () => emails.invited,
      verified: true,
      domains: ["example.com"],
      verdict: "domain_not_allowed",
    },
    {
      who: "someone nobody invited",
      email: () => "nick@northwind.example",
      verified: true,
      domains: ["northwind.example"],
      verdict: "not_invited",
    },
    { who: "a removed person", email: () => emails.removed, verified: true, domains: [], verdict: "not_invited" },
    {
      who: "a member an admin deactivated",
      email: () => emails.deactivated.toUpperCase(),
      verified: true,
      domains: [],
      verdict: "account_deactivated",
    },
    {
      who: "a person who belongs to no team any more",
      email: () => emails.teamless,
      verified: true,
      domains: [],
      verdict: "not_invited",
    },
    {
      who: "not an email address",
      email: () => "northwind.example",
      verified: true,
      domains: [],
      verdict: "domain_not_allowed",
    },
  ])("$who: $verdict", async ({ email, verified, domains, verdict }) => {
    const answer = await ssoSignInVerdict(database.db, { email: email(), emailVerified: verified }, domains);
    expect(answer.allowed ? "allowed" : answer.error).toBe(verdict);
  });
});
