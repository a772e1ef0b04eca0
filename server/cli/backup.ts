/**
 * `npm run backup -- FILE`: a consistent snapshot of the whole instance, every table read in one
 * `repeatable read, read only` transaction, written to FILE atomically in a form `npm run restore` reads into
 * either engine (README: "Backup and restore"). Opens the configured database: DATABASE_URL (servers may keep
 * running), else the embedded data directory (stop the server first: it holds the directory's lock).
 */
import { parseArgs } from "node:util";
import { BackupRefusedError, backupDatabase } from "@/server/backup/take-backup";
import { describeTarget, openForCommand, Refusal } from "@/server/backup/open-for-cli";

const USAGE = "Usage: npm run backup -- FILE";

function parse(): string {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: {} });
  } catch (error) {
    throw new Refusal(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || file === "-" || extra.length > 0) throw new Refusal(USAGE);
  return file;
}

async function main(): Promise<number> {
  try {
    const file = parse();
    const database = await openForCommand("backup", { mustExist: true });
    try {
      const started = performance.now();
      const header = await backupDatabase(database, file);
      const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
      const megabytes = (header.body.bytes / 1_000_000).toFixed(1);
      console.info(
        `Backed up ${describeTarget()} to ${file}: ${header.tables.length} tables, ${rows} rows, ${megabytes} MB, ` +
          `schema level ${header.migrations.count}, sha256 ${header.body.sha256.slice(0, 12)}… (${Math.round(performance.now() - started)} ms).`,
      );
    } finally {
      await database.close();
    }
    return 0;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      error instanceof Refusal || error instanceof BackupRefusedError ? reason : `Cannot back up: ${reason}`,
    );
    return 1;
  }
}

process.exitCode = await main();
