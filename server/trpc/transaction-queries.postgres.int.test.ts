import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import pg from "pg";
import type { Database, Db } from "@/db/client";
import { person, rotation } from "@/db/schema";
import { loadViewerByPersonId } from "@/server/auth/viewer";
import { emailOf } from "@/server/services/demo/roster";
import { seedDemo } from "@/server/services/demo/seed-demo";
import { rotationDutyLoad } from "@/server/services/rotations/duty-load";
import { recordOverloads } from "@/server/services/rotations/record-overloads";
import { contextFor } from "@/server/testing/fixtures";
import { createTestDatabase } from "@/server/testing/test-db";
import { createCaller } from "./root";

/**
 * A transaction holds one connection, and one connection runs one query at a time: node-postgres queues a second
 * query sent before the first is answered and warns ("Calling client.query() when the client is already executing
 * a query"), and pg 9 will throw. Every client here counts its queries in flight, so a service that reads with
 * Promise.all on a transaction fails this test.
 */
const overlaps: string[] = [];
const inFlight = new WeakMap<pg.Client, number>();
const query = pg.Client.prototype.query;
type Settle = (...args: unknown[]) => void;

function watchedQuery(this: pg.Client, ...args: unknown[]): unknown {
  const running = inFlight.get(this) ?? 0;
  if (running > 0) {
    const [first] = args;
    const text = typeof first === "string" ? first : (first as { text?: string } | undefined)?.text;
    overlaps.push(String(text).slice(0, 120));
  }
  inFlight.set(this, running + 1);
  const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
  const last = args[args.length - 1];
  if (typeof last === "function") {
    const settle = last as Settle;
    args[args.length - 1] = (...results: unknown[]) => {
      done();
      settle(...results);
    };
    return Reflect.apply(query, this, args);
  }
  const result: unknown = Reflect.apply(query, this, args);
  if (result instanceof Promise) return result.finally(done);
  done();
  return result;
}

// A Wednesday afternoon of the demo's twelve weeks.
const NOW = new Date("2025-05-07T15:00:00Z");

let database: Database;
let platformTeamId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  platformTeamId = (await seedDemo(database.db, { now: NOW })).teamId;
  pg.Client.prototype.query = watchedQuery as typeof query;
});
afterEach(() => {
  overlaps.length = 0;
});
afterAll(async () => {
  pg.Client.prototype.query = query;
  await database?.close();
});

async function callerFor(db: Db, key: string) {
  const [row] = await db
    .select({ id: person.id })
    .from(person)
    .where(eq(person.email, emailOf(key)));
  const viewer = row ? await loadViewerByPersonId(db, row.id) : null;
  if (!viewer) throw new Error(`no demo viewer ${key}`);
  return createCaller(contextFor(db, viewer, () => NOW));
}

describe("a transaction's connection is sent one query at a time (PostgreSQL)", () => {
  test("the watch sees queries sent at once on one client", async () => {
    const { db } = database;
    await db.transaction(async (tx) => {
      await Promise.all([tx.execute("select 1"), tx.execute("select 2")]);
    });
    expect(overlaps).toHaveLength(1);
  });

  test.each(["erik", "maria", "priya", "admin"])("My work for %s, in its read-only transaction", async (key) => {
    const caller = await callerFor(database.db, key);
    const home = await caller.home.myWork({ teamId: key === "admin" ? platformTeamId : null });
    expect(home).toBeDefined();
    // Its team sections too: the manager's standing, the planner's outlook, the overload flags.
    await caller.home.myWork({ teamId: platformTeamId });
    expect(overlaps).toEqual([]);
  });

  test("the duty load of each rotation and recording the overloads, each in a transaction", async () => {
    const { db } = database;
    const rows = await db
      .select({ id: rotation.id })
      .from(rotation)
      .where(and(eq(rotation.teamId, platformTeamId), isNull(rotation.deletedAt)));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      await db.transaction((tx) => rotationDutyLoad(tx, { teamId: platformTeamId, rotationId: row.id }, NOW));
    await db.transaction((tx) => recordOverloads(tx, platformTeamId, NOW));
    expect(overlaps).toEqual([]);
  });
});
