import { TRPCError } from "@trpc/server";
import { settleBackgroundWork } from "@/server/services/breaches/background";
import { TransactionRollbackError } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database, Db } from "@/db/client";
import { callerAs } from "@/server/testing/fixtures";
import { PROCEDURE_MATRIX, type Outcome } from "@/server/testing/authorization-matrix";
import {
  buildAuthorizationWorld,
  PERSONAS,
  type AuthorizationWorld,
  type Persona,
} from "@/server/testing/authorization-world";
import { createTestDatabase } from "@/server/testing/test-db";
import { appRouter } from "./root";

/**
 * The authorization matrix: every procedure of the root router, called by each persona (anonymous, an
 * engineer of team A, an engineer of team B, a manager and a planner of team A, an admin) with valid input
 * naming team A's data. Each call runs in a transaction that is rolled back, so every persona meets the same
 * world and a mutation allowed for one does not change what the next one sees.
 */

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

class Rollback extends Error {}

function procedureOf(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  let target: unknown = caller;
  for (const key of path.split(".")) {
    if ((typeof target !== "object" && typeof target !== "function") || target === null) break;
    target = Reflect.get(target, key);
  }
  if (typeof target !== "function") throw new Error(`no procedure ${path} on the caller`);
  const call = target;
  return (input: unknown) => Promise.resolve(Reflect.apply(call, undefined, [input]));
}

let database: Database;
let world: AuthorizationWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildAuthorizationWorld(database.db);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

async function outcomeOf(db: Db, persona: Persona, path: string, input: unknown): Promise<Outcome | string> {
  let outcome: Outcome | string = "not run";
  try {
    await db.transaction(async (tx) => {
      const caller = await callerAs(tx, persona === "anonymous" ? null : world.personIds[persona], world.now);
      try {
        await procedureOf(caller, path)(input);
        outcome = "OK";
      } catch (error) {
        outcome =
          error instanceof TRPCError ? error.code : `threw ${error instanceof Error ? error.message : String(error)}`;
      }
      // A share-moving call queues a breach check on this transaction: let it finish before the rollback hands the
      // connection to the next caller, or its queries would land in that caller's transaction.
      await settleBackgroundWork();
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback) && !(error instanceof TransactionRollbackError)) throw error;
  }
  return outcome;
}

test("every procedure of the router has a row in the matrix, and every row names a procedure", () => {
  expect(procedurePaths.filter((path) => !(path in PROCEDURE_MATRIX))).toEqual([]);
  expect(Object.keys(PROCEDURE_MATRIX).filter((path) => !procedurePaths.includes(path))).toEqual([]);
});

test("anonymous callers are refused by every procedure that is not public", () => {
  const publicOnes = Object.entries(PROCEDURE_MATRIX)
    .filter(([, row]) => row.expect.anonymous === "OK")
    .map(([path]) => path);
  // invitations.preview and passwordReset.* need the link's secret token: holding it is the authorization.
  expect(publicOnes.sort()).toEqual([
    "instance.status",
    "invitations.preview",
    "passwordReset.preview",
    "passwordReset.use",
    "viewer.current",
  ]);
});

describe.each(procedurePaths)("%s", (path) => {
  test("each persona gets the outcome in the matrix", async () => {
    const row = PROCEDURE_MATRIX[path];
    if (!row) throw new Error(`${path} is missing from the matrix`);
    const input = row.input(world);
    const actual: Record<string, Outcome | string> = {};
    for (const persona of PERSONAS) actual[persona] = await outcomeOf(database.db, persona, path, input);
    expect(actual).toEqual(row.expect);
  });
});
