import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openPglite, openPostgres } from "@/db/client";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/** A digest of the committed migrations, so a cached template is rebuilt whenever they change. */
function migrationsDigest(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  walk(MIGRATIONS);
  return hash.digest("hex").slice(0, 16);
}

/**
 * A PGlite data directory with every migration applied, dumped once to the temp folder and shared by all
 * test files: migrating from scratch costs seconds per file on a 2-core machine. It is built by the real
 * migrations (never `push`), and written to a temp name then renamed so parallel workers never read half a file.
 */
async function migratedPgliteTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `toilcap-pglite-template-${migrationsDigest()}.tar`);
  if (!fs.existsSync(file)) {
    const database = await openPglite();
    await database.migrate();
    const dump = await database.dumpDataDir();
    await database.close();
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
  }
  return new Blob([fs.readFileSync(file)]);
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// Any fixed number: it only keeps two test workers from building the same template at once.
const TEMPLATE_LOCK = 727_274;

/**
 * A new database copied from the PostgreSQL counterpart of the PGlite template: a database migrated once by the
 * real migrations (`create database ... template`, a file copy, instead of running every migration again). The
 * template is built under another name and renamed when complete, so a run killed halfway leaves no half-migrated
 * template; templates of other migration sets are dropped. All of it under one lock, so checkouts testing
 * different migrations on one server never drop a template another is copying.
 */
async function createFromPostgresTemplate(admin: pg.Client, adminUrl: string, name: string): Promise<void> {
  const template = `toilcap_template_${migrationsDigest()}`;
  await admin.query("select pg_advisory_lock($1)", [TEMPLATE_LOCK]);
  try {
    const found = await admin.query("select 1 from pg_database where datname = $1", [template]);
    if (found.rowCount === 0) {
      const stale = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like 'toilcap\\_template\\_%'",
      );
      for (const { datname } of stale.rows) await admin.query(`drop database if exists "${datname}" with (force)`);
      const building = `${template}_${randomBytes(4).toString("hex")}`;
      await admin.query(`create database ${building}`);
      const database = await openPostgres(databaseUrl(adminUrl, building));
      await database.migrate();
      await database.close();
      await admin.query(`alter database ${building} rename to ${template}`);
    }
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.query("select pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
  }
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server in TEST_DATABASE_URL when TEST_ENGINE=postgres. Real migrations, never `push`.
 */
export async function createTestDatabase(): Promise<Database> {
  if (process.env.TEST_ENGINE !== "postgres") {
    const database = await openPglite(undefined, await migratedPgliteTemplate());
    // A no-op on the template, but it proves the migration journal matches what the app will run.
    await database.migrate();
    return database;
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error(
      "TEST_ENGINE=postgres needs TEST_DATABASE_URL (for example postgres://postgres@127.0.0.1:5432/test)",
    );
  const name = `toilcap_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await createFromPostgresTemplate(admin, adminUrl, name);
  } finally {
    await admin.end();
  }
  const database = await openPostgres(databaseUrl(adminUrl, name));
  // A no-op on the copy, but it proves the migration journal matches what the app will run.
  await database.migrate();
  return {
    ...database,
    async close() {
      // Every connection is closed before the drop, so `force` only guards against a leaked one.
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export const testEngine = process.env.TEST_ENGINE === "postgres" ? "postgres" : "pglite";
