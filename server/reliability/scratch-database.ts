import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, type Engine, openPglite, openPostgres } from "@/db/client";

/**
 * Test support for the reliability and backup tests: databases and data directories of either engine, whatever
 * TEST_ENGINE says, each with its own name, removed by `drop()`/`close()` even after a failure.
 */

/** The PostgreSQL server the tests may create databases on (TEST_DATABASE_URL), if any. */
export function postgresAdminUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL?.trim();
  return url ? url : undefined;
}

export interface ScratchPostgres {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database `toilcap_rel_<random>` on the test server (not migrated). */
export async function createPostgresDatabase(prefix = "toilcap_rel"): Promise<ScratchPostgres> {
  const adminUrl = postgresAdminUrl();
  if (!adminUrl)
    throw new Error("PostgreSQL tests need TEST_DATABASE_URL (for example postgres://postgres@127.0.0.1:5432/test)");
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

export interface ScratchDir {
  /** The data directory (not yet created: PGlite makes it). */
  dataDir: string;
  /** The folder holding it and its lock file. */
  root: string;
  remove(): void;
}

export function createScratchDir(label = "toilcap-rel"): ScratchDir {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
  return { root, dataDir: path.join(root, "pglite"), remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** A migrated database of `engine`, empty; closing it also deletes it. PGlite runs in memory. */
export async function scratchDatabase(engine: Engine): Promise<Database> {
  if (engine === "pglite") {
    const database = await openPglite();
    await database.migrate();
    return database;
  }
  const scratch = await createPostgresDatabase();
  const database = await openPostgres(scratch.url);
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}
