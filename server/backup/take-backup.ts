import { sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { type BackupHeader, type BackupSequence, BackupWriter } from "./backup-file";
import { type CatalogSequence, readCatalog, readMigrationLevel } from "./catalog";
import { dumpTable } from "./dump-table";
import { PORTABLE_TEXT_SETTINGS, queryRows } from "./sql-rows";
import { restoreOrder } from "./table-order";

/** The database cannot be backed up as it is: the message says why. */
export class BackupRefusedError extends Error {}

async function readSequences(db: Db, sequences: readonly CatalogSequence[]): Promise<BackupSequence[]> {
  const out: BackupSequence[] = [];
  for (const s of sequences) {
    const [state] = await queryRows<{ lastValue: string; isCalled: boolean }>(
      db,
      sql`select last_value::text as "lastValue", is_called as "isCalled" from ${sql.identifier(s.sequence)}`,
    );
    if (state) out.push({ table: s.table, column: s.column, lastValue: state.lastValue, isCalled: state.isCalled });
  }
  return out;
}

/**
 * Writes every table of the instance to `file` from ONE `repeatable read, read only` transaction: a
 * consistent snapshot even while app servers keep writing (PostgreSQL), in an engine-neutral text form that
 * restores into either engine. The file appears only when complete (see BackupWriter).
 */
export async function backupDatabase(database: Database, file: string, now: Date = new Date()): Promise<BackupHeader> {
  const writer = new BackupWriter(file);
  try {
    const snapshot = await database.db.transaction(
      async (tx) => {
        for (const setting of PORTABLE_TEXT_SETTINGS) await tx.execute(sql.raw(setting));
        const migrations = await readMigrationLevel(tx);
        if (migrations.count === 0)
          throw new BackupRefusedError(
            "This database has no Toilcap schema (no migrations were ever applied): there is nothing to back up.",
          );
        const catalog = await readCatalog(tx);
        const byName = new Map(catalog.tables.map((t) => [t.name, t]));
        for (const name of restoreOrder([...byName.keys()], catalog.foreignKeys)) {
          const table = byName.get(name);
          if (!table) continue;
          writer.startTable(table.name, table.columns);
          await dumpTable(tx, table, (values) => writer.writeRow(values));
        }
        return { migrations, sequences: await readSequences(tx, catalog.sequences) };
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    return await writer.finish({ createdAt: now.toISOString(), engine: database.engine, ...snapshot });
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
