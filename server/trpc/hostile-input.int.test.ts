import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import type { Database, Db } from "@/db/client";
import { loadViewerByPersonId } from "@/server/auth/viewer";
import { PROCEDURE_MATRIX } from "@/server/testing/authorization-matrix";
import {
  buildAuthorizationWorld,
  PERSONAS,
  type AuthorizationWorld,
  type Persona,
} from "@/server/testing/authorization-world";
import { callerAs } from "@/server/testing/fixtures";
import {
  breakInput,
  hostileMutation,
  isUnsafeText,
  leafPaths,
  UNSAFE_TEXT,
  type InputPath,
  type Mutation,
} from "@/server/testing/hostile-values";
import { createTestDatabase } from "@/server/testing/test-db";
import { appRouter } from "./root";

/**
 * Hostile input: for every procedure that takes input, fast-check mutates its valid input (from the
 * authorization matrix) into inputs that break the schema — wrong types, huge strings, negative and NaN numbers,
 * dates out of range, unknown keys, SQL and HTML metacharacters in ids — and calls it as someone allowed to.
 * Each call must be refused with BAD_REQUEST naming the broken field, and must write nothing: inside the call's
 * transaction no transaction id may have been assigned (PostgreSQL assigns one at the first write). Mutations the
 * schema happens to accept (metacharacters in free text) must still never end in an internal error.
 */

const RUNS = Number(process.env.HOSTILE_RUNS ?? 12);

interface ProcedureDef {
  _def: { inputs: unknown[]; type: string };
}

// tRPC types the record by each procedure's own signature; only the input parsers matter here.
const procedures: Record<string, ProcedureDef | undefined> = Object.fromEntries(
  Object.entries(appRouter._def.procedures as Record<string, unknown>).map(([path, procedure]) => [
    path,
    procedure as ProcedureDef,
  ]),
);
const withInput = Object.keys(procedures)
  .filter((path) => (procedures[path]?._def.inputs.length ?? 0) > 0)
  .sort();

let database: Database;
let world: AuthorizationWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildAuthorizationWorld(database.db);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

class Rollback extends Error {}

/** A persona the matrix lets past the role checks (whatever the data then says), so a refusal can only come from the input. */
function allowedPersona(path: string): Exclude<Persona, "anonymous"> {
  const row = PROCEDURE_MATRIX[path];
  const passes = (p: Persona) => row !== undefined && !["UNAUTHORIZED", "FORBIDDEN"].includes(row.expect[p]);
  const persona =
    PERSONAS.find((p) => p !== "anonymous" && row?.expect[p] === "OK") ??
    PERSONAS.find((p) => p !== "anonymous" && passes(p));
  if (!persona || persona === "anonymous") throw new Error(`${path}: nobody may call it in the matrix`);
  return persona;
}

/** Whether every input parser of the procedure accepts this input (tRPC merges them). */
function schemaAccepts(path: string, input: unknown): boolean {
  const parsers = procedures[path]?._def.inputs ?? [];
  return parsers.every((parser) => (parser instanceof z.ZodType ? parser.safeParse(input).success : true));
}

interface CallResult {
  code: string;
  issuePaths: string[];
  wrote: boolean;
}

async function callOnce(
  db: Db,
  path: string,
  persona: Exclude<Persona, "anonymous">,
  input: unknown,
): Promise<CallResult> {
  let result: CallResult = { code: "not run", issuePaths: [], wrote: false };
  try {
    await db.transaction(async (tx) => {
      const caller = await callerAs(tx, world.personIds[persona], world.now);
      let target: unknown = caller;
      for (const key of path.split("."))
        target =
          typeof target === "object" || typeof target === "function" ? Reflect.get(target ?? {}, key) : undefined;
      if (typeof target !== "function") throw new Error(`no procedure ${path}`);
      try {
        await Reflect.apply(target, undefined, [input]);
        result = { code: "OK", issuePaths: [], wrote: false };
      } catch (error) {
        if (!(error instanceof TRPCError)) throw error;
        const issues = error.cause instanceof z.ZodError ? error.cause.issues : [];
        const issuePaths = issues.flatMap((issue) => {
          const at = issue.path.map(String).join(".");
          return issue.code === "unrecognized_keys" ? issue.keys.map((key) => (at ? `${at}.${key}` : key)) : [at];
        });
        result = { code: error.code, issuePaths, wrote: false };
      }
      const assigned = firstRow(await tx.execute(sql`select pg_current_xact_id_if_assigned()::text as xid`));
      result.wrote = (assigned?.xid ?? null) !== null;
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result;
}

/** The first row of a raw query on either driver (both answer `{ rows }`). */
function firstRow(result: unknown): Record<string, unknown> | undefined {
  if (typeof result !== "object" || result === null || !("rows" in result) || !Array.isArray(result.rows))
    return undefined;
  const [row]: unknown[] = result.rows;
  return typeof row === "object" && row !== null ? Object.fromEntries(Object.entries(row)) : undefined;
}

/** A refusal names the field: the broken path, a parent of it (an object or array that failed whole), or a child. */
function namesField(issuePaths: string[], mutation: Mutation): boolean {
  const broken = mutation.path.join(".");
  return issuePaths.some(
    (p) => p === broken || broken.startsWith(`${p}.`) || p.startsWith(`${broken}.`) || p === "" || broken === "",
  );
}

test("every procedure that takes input is in the matrix, with a persona allowed to call it", () => {
  for (const path of withInput) expect(() => allowedPersona(path), path).not.toThrow();
});

describe.each(withInput)("%s", (path) => {
  test("inputs that break its schema are refused with BAD_REQUEST naming the field, and write nothing", async () => {
    const row = PROCEDURE_MATRIX[path];
    if (!row) throw new Error(`${path} is missing from the matrix`);
    const valid = row.input(world);
    const persona = allowedPersona(path);
    const paths = leafPaths(valid);
    await fc.assert(
      fc.asyncProperty(hostileMutation(paths, valid), async (mutation) => {
        const input = breakInput(valid, mutation);
        // NUL and broken surrogates are refused in every text field, whatever the field's own schema says.
        const accepted = schemaAccepts(path, input) && !isUnsafeText(mutation.value);
        const result = await callOnce(database.db, path, persona, input);
        if (accepted) {
          // Still a hostile value (metacharacters in a summary): stored or refused, never a crash.
          expect(result.code, `${path} with ${mutation.describe}`).not.toBe("INTERNAL_SERVER_ERROR");
          return;
        }
        expect(result.code, `${path} with ${mutation.describe}`).toBe("BAD_REQUEST");
        expect(result.wrote, `${path} wrote with ${mutation.describe}`).toBe(false);
        expect(
          namesField(result.issuePaths, mutation),
          `${path}: ${result.issuePaths.join(", ")} for ${mutation.describe}`,
        ).toBe(true);
      }),
      { numRuns: RUNS, seed: Number(process.env.HOSTILE_SEED ?? 20261203) },
    );
  }, 120_000);
});

describe("over HTTP", () => {
  /** The real fetch adapter and error formatter, with the persona's context (sessions are tested with auth). */
  async function post(path: string, persona: Exclude<Persona, "anonymous">, input: unknown): Promise<Response> {
    const viewer = await loadViewerByPersonId(database.db, world.personIds[persona]);
    const request = new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize(input)),
    });
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request,
      router: appRouter,
      createContext: () => ({ db: database.db, viewer, now: world.now }),
    });
  }

  test("a refused input answers 400 with a message naming the field and the field's errors, never 500", async () => {
    const response = await post("workLog.create", "engineerA", { summary: "", duration: "-5", category: "toil" });
    expect(response.status).toBe(400);
    const body: unknown = await response.json();
    expect(body).toMatchObject({
      error: {
        json: {
          message: expect.stringContaining("summary: Say what you did"),
          data: {
            code: "BAD_REQUEST",
            httpStatus: 400,
            fieldErrors: { summary: ["Say what you did"], duration: [expect.any(String)] },
          },
        },
      },
    });
  });

  /** A query over GET, as the client sends it; a mutation over POST. */
  async function send(path: string, persona: Exclude<Persona, "anonymous">, input: unknown): Promise<Response> {
    if (procedures[path]?._def.type === "mutation") return post(path, persona, input);
    const viewer = await loadViewerByPersonId(database.db, world.personIds[persona]);
    const query = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
    const request = new Request(`http://localhost/api/trpc/${path}?input=${query}`);
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request,
      router: appRouter,
      createContext: () => ({ db: database.db, viewer, now: world.now }),
    });
  }

  function stringPaths(value: unknown, paths: InputPath[]): InputPath[] {
    return paths.filter(
      (at) =>
        typeof at.reduce<unknown>(
          (target, key) => (typeof target === "object" && target !== null ? Reflect.get(target, key) : undefined),
          value,
        ) === "string",
    );
  }

  test.each(UNSAFE_TEXT.map((text) => [JSON.stringify(text), text]))(
    "%s in any text field of any procedure answers 400 naming the field, never 500",
    async (_name, text) => {
      for (const path of withInput) {
        const row = PROCEDURE_MATRIX[path];
        if (!row) throw new Error(`${path} is missing from the matrix`);
        const valid = row.input(world);
        for (const at of stringPaths(valid, leafPaths(valid))) {
          const input = breakInput(valid, { path: at, kind: "replace", value: text, describe: "" });
          const response = await send(path, allowedPersona(path), input);
          const field = at.join(".");
          expect(response.status, `${path} with ${JSON.stringify(text)} in ${field}`).toBe(400);
          const body: unknown = await response.json();
          expect(JSON.stringify(body), `${path}: ${field} named`).toContain(field ? `${field}: ` : "NUL");
        }
      }
    },
    120_000,
  );

  test("hostile inputs to mutations answer 4xx over HTTP, never 5xx", async () => {
    const mutations = withInput.filter((path) => procedures[path]?._def.type === "mutation");
    for (const path of mutations) {
      const row = PROCEDURE_MATRIX[path];
      if (!row) throw new Error(`${path} is missing from the matrix`);
      const valid = row.input(world);
      const [mutation] = fc.sample(hostileMutation(leafPaths(valid), valid), { numRuns: 1, seed: path.length });
      if (!mutation) continue;
      const input = breakInput(valid, mutation);
      if (schemaAccepts(path, input)) continue;
      const response = await post(path, allowedPersona(path), input);
      expect(response.status, `${path} with ${mutation.describe}`).toBe(400);
    }
  });
});
