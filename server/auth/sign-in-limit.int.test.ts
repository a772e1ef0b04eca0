import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Database, openPostgres } from "@/db/client";
import { person, rateLimit } from "@/db/schema";
import { callerAs, makeTeam } from "@/server/testing/fixtures";
import { tokenOf } from "@/server/testing/sign-up-requests";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { type Auth, createAuth } from "./auth";
import { CLIENT_ADDRESS_HEADER } from "@/server/security/client-address";
import { accountThrottleKey } from "./account-throttle";

/**
 * Two app servers on one database: two better-auth instances, each with its own database handle (on PostgreSQL
 * its own connection pool; PGlite is one connection by nature), taking sign-in attempts in turn. The limit is
 * counted in the database, so it holds across them: 10 a minute, the 11th refused with 429. The client's address
 * is the header our HTTP server writes from the socket (serve.ts); X-Forwarded-For, which clients write, is noise.
 */
let database: Database;
let secondDatabase: Database | null = null;
let servers: [Auth, Auth];

async function sameDatabaseAgain(): Promise<Database | null> {
  if (testEngine !== "postgres") return null;
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is needed on PostgreSQL");
  const result = (await database.db.execute(sql`select current_database() as name`)) as unknown as {
    rows: Array<{ name: string }>;
  };
  const url = new URL(adminUrl);
  url.pathname = `/${result.rows[0]?.name ?? ""}`;
  return openPostgres(url.toString());
}

const SECRET = "a-test-secret-that-is-long-enough-for-better-auth";
const PASSWORD = "correct horse battery";
const HOST = "toilcap.test";

beforeAll(async () => {
  database = await createTestDatabase();
  secondDatabase = await sameDatabaseAgain();
  servers = [
    createAuth(database.db, SECRET, { secureCookies: false }),
    createAuth((secondDatabase ?? database).db, SECRET, { secureCookies: false }),
  ];
  // The accounts the attempts are made against (the first one is the instance's admin).
  let invitation: string | undefined;
  for (const email of ["target@example.test", "bystander@example.test"]) {
    const response = await servers[0].handler(signUp(email, `203.0.113.${email.length}`, invitation));
    if (response.status !== 200)
      throw new Error(`sign-up of ${email} failed: ${response.status} ${await response.text()}`);
    if (email === "target@example.test") invitation = await invite("bystander@example.test");
  }
});
afterAll(async () => {
  await secondDatabase?.close();
  await database?.close();
});

/** After the first admin, sign-up is by invitation link: the admin invites the second account to a team. */
async function invite(email: string): Promise<string> {
  const [admin] = await database.db.select().from(person).where(eq(person.isAdmin, true));
  if (!admin) throw new Error("no admin");
  const team = await makeTeam(database.db, admin.organisationId, "Payments SRE");
  const result = await (await callerAs(database.db, admin.id)).teams.invite({
    teamId: team.id,
    name: "Bystander",
    email,
    timeZone: "Europe/Berlin",
    roles: ["engineer"],
  });
  if (result.outcome !== "link") throw new Error(`expected a link, got ${result.outcome}`);
  return tokenOf(result.path);
}

function post(path: string, body: unknown, ip: string, forwardedFor = "203.0.113.250"): Request {
  return new Request(`http://${HOST}/api/auth${path}`, {
    method: "POST",
    headers: {
      host: HOST,
      origin: `http://${HOST}`,
      "content-type": "application/json",
      [CLIENT_ADDRESS_HEADER]: ip,
      "x-forwarded-for": forwardedFor,
    },
    body: JSON.stringify(body),
  });
}

function signUp(email: string, ip: string, invitation?: string): Request {
  return post("/sign-up/email", { email, password: PASSWORD, name: email.split("@")[0], invitation }, ip);
}

function signIn(email: string, password: string, ip: string, forwardedFor?: string): Request {
  return post("/sign-in/email", { email, password }, ip, forwardedFor);
}

async function clearLimits() {
  await database.db.delete(rateLimit).where(sql`true`);
}

describe(`sign-in rate limit across two app servers on ${testEngine}`, { timeout: 120_000 }, () => {
  test("10 attempts from one address spread over both servers pass; the 11th, on either, is refused with 429", async () => {
    await clearLimits();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      // Different accounts, so only the per-address limit is at work.
      const email = attempt % 2 === 0 ? "target@example.test" : "bystander@example.test";
      const server = servers[attempt % 2 === 0 ? 0 : 1];
      statuses.push((await server.handler(signIn(email, "wrong password", "192.0.2.10"))).status);
    }
    expect(statuses).toEqual(Array.from({ length: 10 }, () => 401));
    for (const server of servers) {
      const refused = await server.handler(signIn("target@example.test", PASSWORD, "192.0.2.10"));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("x-retry-after"))).toBeGreaterThan(0);
    }
    // Another address is not held up by this one.
    expect((await servers[1].handler(signIn("bystander@example.test", PASSWORD, "192.0.2.99"))).status).toBe(200);
  });

  test("a new X-Forwarded-For per attempt does not evade the per-address limit (password spraying)", async () => {
    await clearLimits();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const email = attempt % 2 === 0 ? "target@example.test" : "bystander@example.test";
      statuses.push(
        (
          await servers[attempt % 2 === 0 ? 0 : 1].handler(
            signIn(email, "wrong password", "192.0.2.20", `198.51.100.${attempt + 1}`),
          )
        ).status,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  test("an account's failures from one address hold that address back, not the owner signing in from elsewhere", async () => {
    await clearLimits();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      statuses.push(
        (
          await servers[attempt % 2 === 0 ? 0 : 1].handler(
            signIn("target@example.test", "wrong password", "198.51.100.7"),
          )
        ).status,
      );
    }
    expect(statuses).toEqual(Array.from({ length: 10 }, () => 401));
    // Even the right password waits there: the guesser cannot tell a hit from the refusal.
    const refused = await servers[1].handler(signIn("Target@Example.test ", PASSWORD, "198.51.100.7"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect((await servers[0].handler(signIn("target@example.test", PASSWORD, "203.0.113.44"))).status).toBe(200);
    // The table keeps a hash, never the account or the address.
    const keys = (await database.db.select({ key: rateLimit.key }).from(rateLimit)).map((row) => row.key);
    expect(keys).toContain(accountThrottleKey({ email: "target@example.test", address: "198.51.100.7" }));
    expect(keys.join("\n")).not.toContain("target@example.test");
  });

  test("attempts older than ten windows are deleted by the next attempt", async () => {
    await clearLimits();
    const old = Date.now() - 11 * 60_000;
    await database.db
      .insert(rateLimit)
      .values({ id: crypto.randomUUID(), key: "198.51.100.99|/sign-in/email", count: 3, lastRequest: old });
    await servers[0].handler(signIn("target@example.test", "wrong password", "198.51.100.8"));
    const keys = (await database.db.select({ key: rateLimit.key }).from(rateLimit)).map((row) => row.key);
    expect(keys).not.toContain("198.51.100.99|/sign-in/email");
  });

  test("attempts racing on both servers at once still stop at the limit", async () => {
    await clearLimits();
    const attempts = Array.from({ length: 16 }, (_, i) =>
      servers[i % 2 === 0 ? 0 : 1].handler(signIn("target@example.test", "wrong password", "192.0.2.100")),
    );
    const statuses = (await Promise.all(attempts)).map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
  });

  test("starting single sign-on is counted like sign-in, 10 a minute, not better-auth's 3 in 10 seconds", async () => {
    await clearLimits();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const response = await servers[attempt % 2 === 0 ? 0 : 1].handler(
        post("/sign-in/social", { provider: "oidc", callbackURL: "/" }, "192.0.2.120"),
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).filter((status) => status === 429)).toEqual([]);
    expect(statuses[10]).toBe(429);
  });
});
