import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { person, user } from "@/db/schema";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { linkAccountToPerson, signUpPolicy } from "./link-account";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

async function newUser(email: string) {
  const id = crypto.randomUUID();
  await database.db.insert(user).values({ id, name: email.split("@")[0] ?? email, email });
  return { id, email, name: email };
}

describe(`sign-up on ${testEngine}`, () => {
  test("on an empty instance two simultaneous first sign-ups make exactly one admin", async () => {
    const { db } = database;
    expect(await signUpPolicy(db, "first@example.test")).toBe("first-admin");
    const [a, b] = await Promise.all([newUser("first@example.test"), newUser("second@example.test")]);
    const results = await Promise.all([linkAccountToPerson(db, a), linkAccountToPerson(db, b)]);
    expect(results.map((r) => r.policy).sort()).toEqual(["first-admin", "refused"]);
    const admins = await db.select().from(person).where(eq(person.isAdmin, true));
    expect(admins).toHaveLength(1);
  });

  test("afterwards only invited emails may sign up, and the account attaches to the invited person", async () => {
    const { db } = database;
    expect(await signUpPolicy(db, "stranger@example.test")).toBe("refused");
    const [admin] = await db.select().from(person).where(eq(person.isAdmin, true));
    if (!admin) throw new Error("no admin");
    const [invited] = await db
      .insert(person)
      .values({ organisationId: admin.organisationId, name: "Invited One", email: "Invited@Example.test" })
      .returning();
    expect(await signUpPolicy(db, "invited@example.test")).toBe("invited");
    const account = await newUser("invited@example.test");
    const linked = await linkAccountToPerson(db, account);
    expect(linked).toEqual({ personId: invited?.id, policy: "invited" });
    const [row] = await db.select().from(person).where(eq(person.userId, account.id));
    expect(row?.isAdmin).toBe(false);
    expect(await signUpPolicy(db, "invited@example.test")).toBe("refused");
  });
});
