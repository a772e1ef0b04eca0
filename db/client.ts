import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { acquireDataDirLock } from "./lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Either engine's drizzle database, or a transaction on it: services take this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Engine = "pglite" | "postgres";

export interface Database {
  db: Db;
  engine: Engine;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** The embedded engine can also dump its data directory (the tests copy a migrated template). */
export interface PgliteDatabase extends Database {
  dumpDataDir(): Promise<Blob>;
}

export class DatabaseConfigError extends Error {}

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
// Any fixed number: every app server takes the same advisory lock so only one migrates at a time.
const MIGRATION_LOCK_KEY = 7_320_451;

export function defaultDataDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.TOILCAP_DATA_DIR ?? path.join(process.cwd(), "data", "pglite"),
  );
}

export async function openPostgres(url: string): Promise<Database> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseConfigError(
      "DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database).",
    );
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new DatabaseConfigError(`DATABASE_URL must start with postgres:// (got ${parsed.protocol}//).`);
  }
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.TOILCAP_DB_POOL_SIZE ?? 10) });
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseConfigError(`Cannot reach PostgreSQL at ${parsed.host}${parsed.pathname}: ${reason}`);
  }
  // An idle connection the server closes (restart, admin termination) must not crash the app server;
  // the pool replaces it on the next query.
  pool.on("error", (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
  const db = drizzleNodePg(pool, { schema, casing: "snake_case" });
  return {
    db,
    engine: "postgres",
    async migrate() {
      const lockClient = await pool.connect();
      try {
        await lockClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        await migrateNodePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await lockClient.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
        lockClient.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * dataDir undefined opens an in-memory database (tests); `from` starts it from a dumped data directory
 * (the tests' migrated template), which is much faster than migrating again.
 */
export async function openPglite(dataDir?: string, from?: Blob): Promise<PgliteDatabase> {
  let release: () => void = () => {};
  if (dataDir) {
    // PGlite creates only the last folder of its path.
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    release = acquireDataDirLock(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir, loadDataDir: from });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client, { schema, casing: "snake_case" });
  return {
    db,
    engine: "pglite",
    dumpDataDir: () => client.dumpDataDir("none"),
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    async close() {
      await client.close();
      release();
    },
  };
}

/** DATABASE_URL selects PostgreSQL; otherwise the embedded PGlite data directory. */
export function openConfiguredDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url !== undefined && url.trim() !== "") return openPostgres(url.trim());
  return openPglite(defaultDataDir());
}
