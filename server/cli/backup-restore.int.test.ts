import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Database, type Engine, openPglite, openPostgres } from "@/db/client";
import { readBackupHeader, verifyBackup } from "@/server/backup/backup-file";
import { backupDatabase } from "@/server/backup/take-backup";
import { createPostgresDatabase, createScratchDir, postgresAdminUrl, type ScratchDir, type ScratchPostgres } from "@/server/reliability/scratch-database";
import { seedDemo } from "@/server/services/demo/seed-demo";
import { testEngine } from "@/server/testing/test-db";

const NOW = new Date("2025-05-07T15:00:00Z");
const other: Engine = testEngine === "pglite" ? "postgres" : "pglite";
const crossEngine = testEngine === "postgres" || postgresAdminUrl() !== undefined;
// Each command is a Node process of its own, migrating a fresh data directory: seconds, more on a busy machine.
const COMMAND_TIMEOUT = { timeout: 120_000 };

/** Runs `npm run <command> -- args` as the operator would, on one engine's configured database. */
function cli(command: "backup" | "restore", args: string[], where: { dataDir?: string; url?: string }) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `server/cli/${command}.ts`, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: where.url ?? "", TOILCAP_DATA_DIR: where.dataDir ?? "" },
    timeout: 110_000,
  });
  return { status: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

interface Instance {
  where: { dataDir?: string; url?: string };
  open(): Promise<Database>;
  drop(): Promise<void>;
}

async function instanceOn(engine: Engine, dir: ScratchDir, name: string): Promise<Instance> {
  if (engine === "pglite") {
    const dataDir = path.join(dir.root, name);
    return { where: { dataDir }, open: () => openPglite(dataDir), drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const scratch: ScratchPostgres = await createPostgresDatabase();
  return { where: { url: scratch.url }, open: () => openPostgres(scratch.url), drop: () => scratch.drop() };
}

let dir: ScratchDir;
let source: Instance;
const instances: Instance[] = [];
const restored = new Map<Engine, Instance>();

beforeAll(async () => {
  dir = createScratchDir("toilcap-backup-cli");
  source = await instanceOn(testEngine, dir, "source");
  instances.push(source);
  const database = await source.open();
  await database.migrate();
  await seedDemo(database.db, { now: NOW });
  await database.close();
}, COMMAND_TIMEOUT.timeout);
afterAll(async () => {
  for (const instance of instances) await instance.drop().catch(() => undefined);
  dir?.remove();
});

describe(`npm run backup and npm run restore on ${testEngine}`, COMMAND_TIMEOUT, () => {
  const file = () => path.join(dir.root, "instance.backup");

  test("backup writes a verified file and says what it wrote", async () => {
    const run = cli("backup", [file()], source.where);
    expect(run.err).toBe("");
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/^Backed up .+ to .+instance\.backup: \d+ tables, \d+ rows, [\d.]+ MB, schema level \d+, sha256 [0-9a-f]{12}…/);
    const header = await verifyBackup(file());
    expect(header.engine).toBe(testEngine);
  });

  test.each<Engine>(crossEngine ? [testEngine, other] : [testEngine])("restore into an empty %s instance gives the same tables", async (engine) => {
    const target = await instanceOn(engine, dir, `target-${engine}`);
    instances.push(target);
    const run = cli("restore", [file()], target.where);
    expect(run.err).toBe("");
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/^Restored .+ \(taken .+ on (pglite|postgres)\) into .+: \d+ tables, \d+ rows, every table checked against the backup/);
    const database = await target.open();
    try {
      const copy = await backupDatabase(database, path.join(dir.root, `copy-${engine}.backup`));
      expect(copy.tables).toEqual((await readBackupHeader(file())).tables);
    } finally {
      await database.close();
    }
    restored.set(engine, target);
  });

  test("restoring into the restored instance again is refused in a sentence, with exit status 1", () => {
    const target = restored.get(testEngine);
    if (!target) throw new Error("the restore test did not run");
    const again = cli("restore", [file()], target.where);
    expect(again.status).toBe(1);
    expect(again.err).toMatch(/^This database is not empty \(.+ hold rows\)\. Restore only into an empty instance/);
  });

  test("a file that is not a backup is refused before any database is opened", () => {
    const notBackup = path.join(dir.root, "notes.txt");
    fs.writeFileSync(notBackup, "hello\n");
    const dataDir = path.join(dir.root, "never-created");
    const run = cli("restore", [notBackup], { dataDir });
    expect(run.status).toBe(1);
    expect(run.err).toBe(`${notBackup} is not a Toilcap backup (its first line is not a JSON header).`);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  test("a second argument prints the usage", () => {
    const run = cli("restore", ["a.backup", "b.backup"], source.where);
    expect(run.status).toBe(1);
    expect(run.err).toBe("Usage: npm run restore -- FILE");
  });
});

describe.runIf(testEngine === "pglite")("the embedded database while a server holds it", COMMAND_TIMEOUT, () => {
  test("backup refuses, naming the server's PID and what to do, and writes no file", async () => {
    const dataDir = source.where.dataDir ?? "";
    // A live process standing in for the server: the lock file names its PID.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      fs.writeFileSync(`${dataDir}.lock`, String(holder.pid));
      const out = path.join(dir.root, "locked.backup");
      const run = cli("backup", [out], { dataDir });
      expect(run.status).toBe(1);
      expect(run.err).toBe(
        `The embedded database ${dataDir} is in use by a running Toilcap server (PID ${holder.pid}). ` +
          "PGlite serves one process at a time: stop the server, run npm run backup, then start it again. (On PostgreSQL, backups run while the servers do.)",
      );
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      holder.kill("SIGKILL");
      fs.rmSync(`${dataDir}.lock`, { force: true });
    }
  });

  test("backup of a data directory that does not exist refuses rather than creating one", () => {
    const dataDir = path.join(dir.root, "missing");
    const run = cli("backup", [path.join(dir.root, "missing.backup")], { dataDir });
    expect(run.status).toBe(1);
    expect(run.err).toBe(`There is no embedded database at ${dataDir}: set TOILCAP_DATA_DIR to its directory, or DATABASE_URL for PostgreSQL.`);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
