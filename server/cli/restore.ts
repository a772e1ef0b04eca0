/**
 * `npm run restore -- FILE`: loads a backup (from either engine) into an empty instance: the configured
 * database, DATABASE_URL or the embedded data directory (created when missing; stop any server using it).
 * It migrates the empty instance, refuses one holding any row, writes everything in one transaction and
 * compares every table's row count and checksum with the backup's before committing (README: "Backup and restore").
 */
import { parseArgs } from "node:util";
import { BackupFileError, readBackupHeader } from "@/server/backup/backup-file";
import { describeTarget, openForCommand, Refusal } from "@/server/backup/open-for-cli";
import { RestoreFailedError, RestoreRefusedError, restoreDatabase } from "@/server/backup/restore-backup";

const USAGE = "Usage: npm run restore -- FILE";

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

const EXPLAINED = [Refusal, BackupFileError, RestoreRefusedError, RestoreFailedError];

async function main(): Promise<number> {
  try {
    const file = parse();
    // A file that is not a backup is refused before any database is opened (or created).
    await readBackupHeader(file);
    const database = await openForCommand("restore", { mustExist: false });
    try {
      await database.migrate();
      const started = performance.now();
      const done = await restoreDatabase(database, file);
      console.info(
        `Restored ${file} (taken ${done.header.createdAt} on ${done.header.engine}) into ${describeTarget()}: ` +
          `${done.tables} tables, ${done.rows} rows, every table checked against the backup (${Math.round(performance.now() - started)} ms).`,
      );
    } finally {
      await database.close();
    }
    return 0;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(EXPLAINED.some((kind) => error instanceof kind) ? reason : `Cannot restore: ${reason}`);
    return 1;
  }
}

process.exitCode = await main();
