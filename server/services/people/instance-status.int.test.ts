import { afterAll, beforeAll, expect, test, vi } from "vitest";
import type { Database } from "@/db/client";
import { useDatabase } from "@/server/db/runtime";
import { setSetting } from "@/server/db/instance";
import { createTestDatabase } from "@/server/testing/test-db";
import { makeOrganisation, makePerson } from "@/server/testing/fixtures";
import { instanceStatus } from "./instance-status";
import { GET } from "@/app/api/trpc/[trpc]/route";

/**
 * The demo loaded into PostgreSQL (TOILCAP_SEED=demo with DATABASE_URL): anonymous `instance.status` names the
 * demo accounts but never their password, which only the embedded try-out shows.
 */
let database: Database;

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", "postgres://toilcap@db.internal/toilcap");
  vi.stubEnv("BETTER_AUTH_URL", "http://localhost:3000");
  database = await createTestDatabase();
  useDatabase(database);
  await setSetting(
    database.db,
    "demo_accounts",
    JSON.stringify([{ email: "admin@northwind.test", password: "toilcap-demo", name: "Ada", roles: "admin" }]),
  );
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await database?.close();
});

test("anonymous instance.status on a PostgreSQL demo carries no password", async () => {
  const response = await GET(new Request("http://localhost:3000/api/trpc/instance.status"));
  expect(response.status).toBe(200);
  const body = await response.text();
  expect(body).toContain("admin@northwind.test");
  expect(body).not.toContain("toilcap-demo");
});

test("the status, read in one statement: a first admin is needed until someone administers, and the demo is named", async () => {
  const { db } = database;
  const before = await instanceStatus(db, { embedded: true });
  expect(before).toEqual({
    needsFirstAdmin: true,
    demo: {
      accounts: [{ email: "admin@northwind.test", name: "Ada", roles: "admin" }],
      password: "toilcap-demo",
    },
  });
  const org = await makeOrganisation(db);
  await makePerson(db, org.id);
  expect((await instanceStatus(db, { embedded: true })).needsFirstAdmin).toBe(true);
  await makePerson(db, org.id, { isAdmin: true });
  expect(await instanceStatus(db, { embedded: false })).toMatchObject({
    needsFirstAdmin: false,
    demo: { password: null },
  });
});
