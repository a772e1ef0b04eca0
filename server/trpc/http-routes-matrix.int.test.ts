import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/db/client";
import { useDatabase } from "@/server/db/runtime";
import { callerAs } from "@/server/testing/fixtures";
import {
  buildAuthorizationWorld,
  MATRIX_NOW,
  PERSONAS,
  type AuthorizationWorld,
  type Persona,
} from "@/server/testing/authorization-world";
import { createTestDatabase } from "@/server/testing/test-db";

/**
 * The authorization matrix for the HTTP routes outside tRPC: every `app/api/**\/route.ts` and every
 * method it exports must have a row, called by each persona. Bearer routes get the persona's personal API
 * token; secret-in-path routes (webhooks, calendar feeds) are called with a wrong secret by everyone, since
 * the secret, not a person, is their credential (their right secrets are tested beside them).
 */

const APP_API = path.join(process.cwd(), "app", "api");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

interface RouteCall {
  /** The URL path with its dynamic segments filled in. */
  url: (world: AuthorizationWorld) => string;
  params: (world: AuthorizationWorld) => Record<string, string | string[]>;
  body?: string;
  /** The status each persona gets. */
  expect: Record<Persona, number>;
}

const statuses = (
  anonymous: number,
  engineerA: number,
  engineerB: number,
  managerA: number,
  plannerA: number,
  admin: number,
) => ({
  anonymous,
  engineerA,
  engineerB,
  managerA,
  plannerA,
  admin,
});
const EVERYONE = (status: number) => statuses(status, status, status, status, status, status);
const WRONG_SECRET = "A".repeat(43);

/** Keyed by the route's folder under app/api and the method. */
const ROUTE_MATRIX: Record<string, RouteCall> = {
  "auth/[...all] GET": { url: () => "/api/auth/ok", params: () => ({ all: ["ok"] }), expect: EVERYONE(200) },
  // A sign-in with a wrong password: refused alike for everyone (bearer tokens mean nothing to it).
  "auth/[...all] POST": {
    url: () => "/api/auth/sign-in/email",
    params: () => ({ all: ["sign-in", "email"] }),
    body: JSON.stringify({ email: "nobody@example.test", password: "wrong-password" }),
    expect: EVERYONE(401),
  },
  "calendar/[token] GET": {
    url: () => `/api/calendar/${WRONG_SECRET}.ics`,
    params: () => ({ token: `${WRONG_SECRET}.ics` }),
    expect: EVERYONE(404),
  },
  "integrations/alertmanager/[secret] POST": {
    url: () => `/api/integrations/alertmanager/${WRONG_SECRET}`,
    params: () => ({ secret: WRONG_SECRET }),
    body: JSON.stringify({ version: "4", status: "firing", groupKey: "{}:{}", alerts: [] }),
    expect: EVERYONE(404),
  },
  // The secret as a bearer header: an API token or no header is no integration's secret.
  "integrations/alertmanager POST": {
    url: () => "/api/integrations/alertmanager",
    params: () => ({}),
    body: JSON.stringify({ version: "4", status: "firing", groupKey: "{}:{}", alerts: [] }),
    expect: EVERYONE(404),
  },
  "integrations/pagerduty/[secret] POST": {
    url: () => `/api/integrations/pagerduty/${WRONG_SECRET}`,
    params: () => ({ secret: WRONG_SECRET }),
    body: JSON.stringify({ event: { id: "01ABC", event_type: "incident.triggered", data: {} } }),
    expect: EVERYONE(404),
  },
  "integrations/tickets/[secret] POST": {
    url: () => `/api/integrations/tickets/${WRONG_SECRET}`,
    params: () => ({ secret: WRONG_SECRET }),
    body: JSON.stringify({ id: "OPS-1", opened: "2026-11-18T09:00:00Z", summary: "Quota" }),
    expect: EVERYONE(404),
  },
  // Metrics name every engineer: admins and team managers only.
  "metrics GET": { url: () => "/api/metrics", params: () => ({}), expect: statuses(401, 403, 403, 200, 403, 200) },
  // Every member of the team may read its report (engineers see their own row); another team may not.
  "v1/reports/toil GET": {
    url: (w) => `/api/v1/reports/toil?team=${w.teamA.id}&from=2026-11-01&to=2026-11-18`,
    params: () => ({}),
    expect: statuses(401, 200, 403, 200, 200, 200),
  },
  "v1/reports/on-call-hours GET": {
    url: (w) => `/api/v1/reports/on-call-hours?team=${w.teamA.id}&from=2026-11-01&to=2026-11-18`,
    params: () => ({}),
    expect: statuses(401, 200, 403, 200, 200, 200),
  },
  // tRPC over HTTP: bearer tokens are not sessions, so a protected procedure is refused for all of them.
  "trpc/[trpc] GET": { url: () => "/api/trpc/viewer.me", params: () => ({ trpc: "viewer.me" }), expect: EVERYONE(401) },
  "trpc/[trpc] POST": {
    url: () => "/api/trpc/workLog.create",
    params: () => ({ trpc: "workLog.create" }),
    body: JSON.stringify({ json: { summary: "x", duration: "5m", category: "toil" } }),
    expect: EVERYONE(401),
  },
};

let database: Database;
let world: AuthorizationWorld;
const tokens = new Map<Persona, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  world = await buildAuthorizationWorld(database.db);
  for (const persona of PERSONAS) {
    if (persona === "anonymous") continue;
    const caller = await callerAs(database.db, world.personIds[persona], () => MATRIX_NOW);
    tokens.set(persona, (await caller.apiTokens.create({ name: "route matrix" })).secret);
  }
}, 120_000);

afterAll(async () => {
  await database?.close();
});

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

async function handlersOf(file: string): Promise<Partial<Record<Method, Handler>>> {
  const loaded: Record<string, unknown> = await import(file);
  const handlers: Partial<Record<Method, Handler>> = {};
  for (const method of METHODS) {
    const exported = loaded[method];
    if (typeof exported === "function")
      handlers[method] = (request, context) => Promise.resolve(Reflect.apply(exported, undefined, [request, context]));
  }
  return handlers;
}

const files = routeFiles(APP_API).sort();
const routeKey = (file: string) => path.relative(APP_API, path.dirname(file)).split(path.sep).join("/");

test("every method of every route file has a row, and every row names one", async () => {
  const keys: string[] = [];
  for (const file of files) {
    for (const method of Object.keys(await handlersOf(file))) keys.push(`${routeKey(file)} ${method}`);
  }
  expect(keys.filter((key) => !(key in ROUTE_MATRIX))).toEqual([]);
  expect(Object.keys(ROUTE_MATRIX).filter((key) => !keys.includes(key))).toEqual([]);
});

describe.each(Object.keys(ROUTE_MATRIX).sort())("%s", (key) => {
  test("each persona gets the status in the matrix", async () => {
    const row = ROUTE_MATRIX[key];
    const [folder, method] = key.split(" ");
    const file = files.find((f) => routeKey(f) === folder);
    if (!row || !file || !method) throw new Error(`no route for ${key}`);
    const handler = (await handlersOf(file))[method as Method];
    if (!handler) throw new Error(`${folder} exports no ${method}`);
    const actual: Record<string, number> = {};
    for (const persona of PERSONAS) {
      const headers = new Headers({ "content-type": "application/json" });
      const token = tokens.get(persona);
      if (token) headers.set("authorization", `Bearer ${token}`);
      const request = new Request(`http://localhost:3000${row.url(world)}`, { method, headers, body: row.body });
      const response = await handler(request, { params: Promise.resolve(row.params(world)) });
      actual[persona] = response.status;
    }
    expect(actual).toEqual(row.expect);
  });
});
