import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { GET as calendarGet } from "@/app/api/calendar/[token]/route";
import { POST as alertmanagerPost } from "@/app/api/integrations/alertmanager/[secret]/route";
import { GET as toilApiGet } from "@/app/api/v1/reports/toil/route";
import { useDatabase } from "@/server/db/runtime";
import { createTestDatabase, testEngine } from "@/server/testing/test-db";
import { at, callerAt, makeRotationTeam, weeklyDraft } from "@/server/testing/rotation-fixtures";

/**
 * A database read must never yield a working credential: after API tokens, webhook integrations, calendar feeds
 * and a password-reset link are created (and used once each, so "last used" and request counters are written too), no text or JSON
 * column of any table holds a secret; only SHA-256 digests are there.
 */
const NOW = at("2026-03-04T12:00");

let database: Database;
const secrets = new Map<string, string>();

interface TextColumn {
  table_name: string;
  column_name: string;
}

/** Both drivers answer a raw query with `{ rows }`; drizzle types it loosely across engines. */
function rowsOf<Row>(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}

async function textColumns(): Promise<TextColumn[]> {
  const result = await database.db.execute(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
    order by table_name, column_name`);
  return rowsOf<TextColumn>(result);
}

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Every table and column whose text contains `needle`. */
async function columnsContaining(needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const { table_name, column_name } of await textColumns()) {
    const result = await database.db.execute(
      sql`select count(*)::int as n from ${sql.raw(quoted(table_name))} where strpos(${sql.raw(quoted(column_name))}::text, ${needle}) > 0`,
    );
    if ((rowsOf<{ n: number }>(result)[0]?.n ?? 0) > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const fx = await makeRotationTeam(database.db);
  const engineer = fx.engineers[0];
  if (!engineer) throw new Error("no engineer");
  const planner = await callerAt(database.db, fx.planner.id, NOW);
  const rotation = await planner.rotations.create({
    teamId: fx.team.id,
    ...weeklyDraft(fx.engineers.map((e) => e.id)),
  });

  // Made on the real date: the API route checks the token's expiry against the server's clock, not NOW.
  const manager = await callerAt(database.db, fx.manager.id, new Date());
  secrets.set("API token", (await manager.apiTokens.create({ name: "prometheus" })).secret);
  secrets.set(
    "Alertmanager secret",
    (await planner.integrations.create({ teamId: fx.team.id, name: "Prometheus prod", rotationId: rotation.id }))
      .secret,
  );
  secrets.set(
    "ticket webhook secret",
    (await planner.integrations.create({ teamId: fx.team.id, kind: "ticket-webhook", name: "Jira" })).secret,
  );
  const engineerCaller = await callerAt(database.db, engineer.id, NOW);
  const tokenOf = (path: string) => path.split("/").at(-1) ?? "";
  secrets.set(
    "rotation calendar token",
    tokenOf((await engineerCaller.rotations.resetCalendarLink({ teamId: fx.team.id, rotationId: rotation.id })).path),
  );
  secrets.set(
    "personal calendar token",
    tokenOf((await engineerCaller.rotations.resetCalendarLink({ teamId: fx.team.id })).path),
  );
  const resetLink = await (await callerAt(database.db, fx.admin.id, NOW)).access.issuePasswordReset({
    personId: engineer.id,
  });
  secrets.set("password-reset token", new URL(resetLink.path, "http://localhost").searchParams.get("token") ?? "");

  // Use each once: whatever the routes record about a use must not be the secret either.
  const api = await toilApiGet(
    new Request(`http://localhost/api/v1/reports/toil?team=${fx.team.id}&from=2026-03-02&to=2026-03-09`, {
      headers: { authorization: `Bearer ${secrets.get("API token")}` },
    }),
  );
  expect(api.status).toBe(200);
  const alertSecret = secrets.get("Alertmanager secret") ?? "";
  const webhook = await alertmanagerPost(
    new Request(`http://localhost/api/integrations/alertmanager/${alertSecret}`, {
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
    }),
    { params: Promise.resolve({ secret: alertSecret }) },
  );
  expect(webhook.status).toBe(400);
  const calendarToken = secrets.get("rotation calendar token") ?? "";
  const feed = await calendarGet(new Request(`http://localhost/api/calendar/${calendarToken}`), {
    params: Promise.resolve({ token: calendarToken }),
  });
  expect(feed.status).toBe(200);
});
afterAll(async () => database?.close());

describe(`secrets are stored hashed on ${testEngine}`, () => {
  test("the scan reads every table: it finds each secret's SHA-256 digest", async () => {
    const columns = await textColumns();
    expect(columns.map((c) => c.table_name)).toEqual(
      expect.arrayContaining(["api_token", "integration", "audit_log", "person", "rotation"]),
    );
    for (const [what, secret] of secrets) {
      expect(secret, what).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(await columnsContaining(sha256(secret)), what).not.toEqual([]);
    }
  });

  test.each([
    "API token",
    "Alertmanager secret",
    "ticket webhook secret",
    "rotation calendar token",
    "personal calendar token",
    "password-reset token",
  ])("no column holds the %s, nor its secret part after the shown prefix", async (what) => {
    const secret = secrets.get(what) ?? "";
    expect(await columnsContaining(secret)).toEqual([]);
    // Lists show the first few characters; everything after them must be nowhere.
    expect(await columnsContaining(secret.slice(10))).toEqual([]);
  });
});
