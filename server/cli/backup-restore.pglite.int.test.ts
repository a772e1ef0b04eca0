import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openPglite } from "@/db/client";
import { type BackupHeader, verifyBackup } from "@/server/backup/backup-file";
import {
  createPostgresDatabase,
  createScratchDir,
  postgresAdminUrl,
  type ScratchDir,
  type ScratchPostgres,
} from "@/server/reliability/scratch-database";
import { seedDemo } from "@/server/services/demo/seed-demo";

/**
 * The commands as an operator runs them, each a process of its own. Once, in the PGlite run (the pglite-only
 * project): the embedded instance is backed up, restored into PGlite and into PostgreSQL (when TEST_DATABASE_URL is
 * set), and the PostgreSQL copy backed up again, so both engines go through both commands.
 */

const NOW = new Date("2025-05-07T15:00:00Z");
// A command migrates a fresh data directory in seconds; more on a busy machine.
const COMMAND_TIMEOUT = { timeout: 120_000 };

interface Where {
  dataDir?: string;
  url?: string;
}

function cli(command: "backup" | "restore", args: string[], where: Where) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `server/cli/${command}.ts`, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: where.url ?? "", TOILCAP_DATA_DIR: where.dataDir ?? "" },
    timeout: 110_000,
  });
  return { status: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

let dir: ScratchDir;
let source: Where;
let postgres: ScratchPostgres | undefined;
const file = (name: string) => path.join(dir.root, name);
const BACKED_UP =
  /^Backed up .+ to .+\.backup: \d+ tables, \d+ rows, [\d.]+ MB, schema level \d+, sha256 [0-9a-f]{12}…/;
const RESTORED =
  /^Restored .+ \(taken .+ on (pglite|postgres)\) into .+: \d+ tables, \d+ rows, every table checked against the backup/;

/** Backs `where` up with the command and returns the file's header, verified. */
async function backupWithCommand(where: Where, name: string): Promise<BackupHeader> {
  const run = cli("backup", [file(name)], where);
  expect(run.err).toBe("");
  expect(run.status).toBe(0);
  expect(run.out).toMatch(BACKED_UP);
  return verifyBackup(file(name));
}

describe("npm run backup and npm run restore", COMMAND_TIMEOUT, () => {
  let original: BackupHeader;

  beforeAll(async () => {
    dir = createScratchDir("toilcap-backup-cli");
    source = { dataDir: path.join(dir.root, "source") };
    const database = await openPglite(source.dataDir);
    await database.migrate();
    await seedDemo(database.db, { now: NOW });
    await database.close();
    if (postgresAdminUrl()) postgres = await createPostgresDatabase();
  }, COMMAND_TIMEOUT.timeout);
  afterAll(async () => {
    await postgres?.drop();
    dir?.remove();
  });

  test("backup of the embedded database writes a verified file and says what it wrote", async () => {
    original = await backupWithCommand(source, "instance.backup");
    expect(original.engine).toBe("pglite");
  });

  test("restore into an empty data directory gives the same tables; restoring there again is refused", async () => {
    const target = { dataDir: path.join(dir.root, "target") };
    const run = cli("restore", [file("instance.backup")], target);
    expect(run.err).toBe("");
    expect(run.status).toBe(0);
    expect(run.out).toMatch(RESTORED);
    expect((await backupWithCommand(target, "target.backup")).tables).toEqual(original.tables);

    const again = cli("restore", [file("instance.backup")], target);
    expect(again.status).toBe(1);
    expect(again.err).toMatch(/^This database is not empty \(.+ hold rows\)\. Restore only into an empty instance/);
  });

  test.skipIf(!postgresAdminUrl())(
    "restore into an empty PostgreSQL database, and a backup of it, give the same tables",
    async () => {
      const target = { url: postgres?.url };
      const run = cli("restore", [file("instance.backup")], target);
      expect(run.err).toBe("");
      expect(run.status).toBe(0);
      expect(run.out).toMatch(RESTORED);
      const copy = await backupWithCommand(target, "postgres.backup");
      expect(copy.engine).toBe("postgres");
      expect(copy.tables).toEqual(original.tables);
      expect(copy.body).toEqual(original.body);
    },
  );

  test("a file that is not a backup is refused before any database is opened", () => {
    fs.writeFileSync(file("notes.txt"), "hello\n");
    const dataDir = path.join(dir.root, "never-created");
    const run = cli("restore", [file("notes.txt")], { dataDir });
    expect(run.status).toBe(1);
    expect(run.err).toBe(`${file("notes.txt")} is not a Toilcap backup (its first line is not a JSON header).`);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  test("a second argument prints the usage", () => {
    const run = cli("restore", ["a.backup", "b.backup"], source);
    expect(run.status).toBe(1);
    expect(run.err).toBe("Usage: npm run restore -- FILE");
  });

  test("backup refuses while a server holds the embedded database, naming its PID and what to do, and writes no file", () => {
    const dataDir = source.dataDir ?? "";
    // A live process standing in for the server: the lock file names its PID.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      fs.writeFileSync(`${dataDir}.lock`, String(holder.pid));
      const run = cli("backup", [file("locked.backup")], { dataDir });
      expect(run.status).toBe(1);
      expect(run.err).toBe(
        `The embedded database ${dataDir} is in use by a running Toilcap server (PID ${holder.pid}). ` +
          "PGlite serves one process at a time: stop the server, run npm run backup, then start it again. (On PostgreSQL, backups run while the servers do.)",
      );
      expect(fs.existsSync(file("locked.backup"))).toBe(false);
    } finally {
      holder.kill("SIGKILL");
      fs.rmSync(`${dataDir}.lock`, { force: true });
    }
  });

  test("backup of a data directory that does not exist refuses rather than creating one", () => {
    const dataDir = path.join(dir.root, "missing");
    const run = cli("backup", [file("missing.backup")], { dataDir });
    expect(run.status).toBe(1);
    expect(run.err).toBe(
      `There is no embedded database at ${dataDir}: set TOILCAP_DATA_DIR to its directory, or DATABASE_URL for PostgreSQL.`,
    );
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
