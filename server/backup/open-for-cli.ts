import fs from "node:fs";
import { type Database, defaultDataDir, openConfiguredDatabase } from "@/db/client";
import { DataDirLockedError } from "@/db/lock";

/** A refusal the command line explains in a sentence, without a stack. */
export class Refusal extends Error {}

export function usingPostgres(): boolean {
  return (process.env.DATABASE_URL ?? "").trim() !== "";
}

/** Where the command reads or writes, in words: "PostgreSQL (DATABASE_URL)" or the data directory. */
export function describeTarget(): string {
  return usingPostgres() ? "PostgreSQL (DATABASE_URL)" : `the embedded database at ${defaultDataDir()}`;
}

function lockHolder(dataDir: string): string {
  try {
    return fs.readFileSync(`${dataDir}.lock`, "utf8").trim();
  } catch {
    return "unknown";
  }
}

/**
 * Opens the configured database for `npm run backup` / `npm run restore`. The embedded engine is one process:
 * while a server holds its directory the command refuses (PostgreSQL needs no such pause). `mustExist` refuses
 * a data directory that is not there rather than creating an empty one.
 */
export async function openForCommand(command: "backup" | "restore", opts: { mustExist: boolean }): Promise<Database> {
  const dataDir = defaultDataDir();
  if (!usingPostgres() && opts.mustExist && !fs.existsSync(dataDir)) {
    throw new Refusal(
      `There is no embedded database at ${dataDir}: set TOILCAP_DATA_DIR to its directory, or DATABASE_URL for PostgreSQL.`,
    );
  }
  try {
    return await openConfiguredDatabase();
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new Refusal(
        `The embedded database ${dataDir} is in use by a running Toilcap server (PID ${lockHolder(dataDir)}). ` +
          `PGlite serves one process at a time: stop the server, run npm run ${command}, then start it again. ` +
          "(On PostgreSQL, backups run while the servers do.)",
      );
    }
    throw error;
  }
}
