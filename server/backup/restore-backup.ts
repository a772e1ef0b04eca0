import { DrizzleQueryError, type SQL, sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import {
  type BackupHeader,
  type BackupRow,
  type BackupSequence,
  type BackupTable,
  backupRows,
  BackupFileError,
  readBackupHeader,
  verifyBackup,
} from "./backup-file";
import { type Catalog, type CatalogTable, readCatalog, readMigrationLevel } from "./catalog";
import { digestTable } from "./dump-table";
import { PORTABLE_TEXT_SETTINGS, queryRows } from "./sql-rows";
import { type ForeignKey, parentsFirst } from "./table-order";

/** The target cannot take this backup: nothing was written, the message says why. */
export class RestoreRefusedError extends Error {}

/** The restore started but the database refused it; the transaction was rolled back. */
export class RestoreFailedError extends Error {}

/** The database's own words: drizzle wraps them in the whole failed statement, thousands of parameters long. */
function reasonOf(error: unknown): string {
  const inner = error instanceof DrizzleQueryError && error.cause instanceof Error ? error.cause : error;
  return inner instanceof Error ? inner.message : String(error);
}

export interface RestoreSummary {
  header: BackupHeader;
  tables: number;
  rows: number;
}

// Well under the 65,535 bind parameters of one statement.
const PARAMETERS_PER_INSERT = 20_000;

/** The target's tables must be the backup's, column for column; its migrations, the same ones. */
function checkSameSchema(catalog: Catalog, header: BackupHeader): void {
  const target = new Map(catalog.tables.map((t) => [t.name, t]));
  const inBackup = new Set(header.tables.map((t) => t.name));
  const differences: string[] = [];
  for (const table of header.tables) {
    const here = target.get(table.name);
    if (!here) {
      differences.push(`table ${table.name} is missing here`);
      continue;
    }
    const types = new Map(here.columns.map((c) => [c.name, c.type]));
    for (const column of table.columns) {
      const type = types.get(column.name);
      if (type !== column.type)
        differences.push(`${table.name}.${column.name} is ${type ?? "missing"} here, ${column.type} in the backup`);
    }
    if (here.columns.length !== table.columns.length)
      differences.push(`${table.name} has ${here.columns.length} columns here, ${table.columns.length} in the backup`);
  }
  for (const name of target.keys()) if (!inBackup.has(name)) differences.push(`table ${name} is not in the backup`);
  if (differences.length > 0)
    throw new RestoreRefusedError(
      `The backup's tables differ from this database's: ${differences.slice(0, 5).join("; ")}.`,
    );

  // Parents before children: the backup writes them so, and a restore inserts in file order.
  const position = new Map(header.tables.map((t, i) => [t.name, i]));
  for (const fk of catalog.foreignKeys) {
    const child = position.get(fk.table);
    const parent = position.get(fk.references);
    if (child !== undefined && parent !== undefined && parent > child) {
      throw new BackupFileError(
        `The backup lists ${fk.table} before ${fk.references}, which it references: it was not written by Toilcap.`,
      );
    }
  }
}

/** Refuses unless every table is empty: before reading the file, and again inside the transaction once the tables are locked. */
async function refuseUnlessEmpty(db: Db, catalog: Catalog): Promise<void> {
  const holding: string[] = [];
  for (const table of catalog.tables) {
    const [row] = await queryRows<{ present: boolean }>(
      db,
      sql`select exists (select 1 from ${sql.identifier(table.name)}) as "present"`,
    );
    if (row?.present) holding.push(table.name);
  }
  if (holding.length > 0) {
    throw new RestoreRefusedError(
      `This database is not empty (${holding.slice(0, 6).join(", ")}${holding.length > 6 ? ", …" : ""} hold rows). ` +
        "Restore only into an empty instance: a new PostgreSQL database (DATABASE_URL) or a new TOILCAP_DATA_DIR.",
    );
  }
}

function insertStatement(table: CatalogTable, backup: BackupTable, rows: readonly BackupRow[]): SQL {
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  // Every value travels as text and is cast by the server: its input functions read PostgreSQL's text output.
  const casts = backup.columns.map((c) => sql.raw(types.get(c.name) ?? "text"));
  const columns = sql.join(
    backup.columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const tuples = rows.map(
    (row) =>
      sql`(${sql.join(
        row.map((value, i) => sql`${value}::text::${casts[i] ?? sql.raw("text")}`),
        sql`, `,
      )})`,
  );
  const overriding = table.identityAlways ? sql` overriding system value` : sql``;
  return sql`insert into ${sql.identifier(table.name)} (${columns})${overriding} values ${sql.join(tuples, sql`, `)}`;
}

const rowsPerInsert = (backup: BackupTable) => Math.max(1, Math.floor(PARAMETERS_PER_INSERT / backup.columns.length));

async function insertRows(db: Db, table: CatalogTable, backup: BackupTable, rows: readonly BackupRow[]): Promise<void> {
  const perInsert = rowsPerInsert(backup);
  for (let from = 0; from < rows.length; from += perInsert)
    await db.execute(insertStatement(table, backup, rows.slice(from, from + perInsert)));
}

/**
 * The file's rows in batches of one table, streamed; a table referencing itself comes whole (its rows are
 * reordered parents first, which needs all of them).
 */
async function* tableChunks(
  file: string,
  header: BackupHeader,
  whole: (table: string) => boolean,
): AsyncGenerator<{ backup: BackupTable; rows: BackupRow[] }> {
  let current: BackupTable | undefined;
  let rows: BackupRow[] = [];
  for await (const { table, values } of backupRows(file, header)) {
    if (table !== current) {
      if (current && rows.length > 0) yield { backup: current, rows };
      current = table;
      rows = [];
    }
    rows.push(values);
    if (!whole(table.name) && rows.length >= rowsPerInsert(table)) {
      yield { backup: table, rows };
      rows = [];
    }
  }
  if (current && rows.length > 0) yield { backup: current, rows };
}

/** Sequences continue after the restored rows: the backup's position, or past the highest value, whichever is later. */
async function restoreSequences(db: Db, catalog: Catalog, sequences: readonly BackupSequence[]): Promise<void> {
  for (const saved of sequences) {
    const target = catalog.sequences.find((s) => s.table === saved.table && s.column === saved.column);
    if (!target) continue;
    const [row] = await queryRows<{ max: string | null }>(
      db,
      sql`select max(${sql.identifier(saved.column)})::text as "max" from ${sql.identifier(saved.table)}`,
    );
    const used = saved.isCalled ? BigInt(saved.lastValue) : BigInt(saved.lastValue) - 1n;
    const highest = row?.max ? BigInt(row.max) : 0n;
    const last = used > highest ? used : highest;
    const sequence = `"public"."${target.sequence.replace(/"/g, '""')}"`;
    if (last >= 1n)
      await db.execute(sql`select setval(${sequence}::text::regclass, ${last.toString()}::text::bigint, true)`);
    else await db.execute(sql`select setval(${sequence}::text::regclass, 1, false)`);
  }
}

/** After the inserts, inside the same transaction: every table as the backup counted and hashed it. */
async function verifyRestored(db: Db, catalog: Catalog, header: BackupHeader): Promise<void> {
  const byName = new Map(catalog.tables.map((t) => [t.name, t]));
  for (const saved of header.tables) {
    const table = byName.get(saved.name);
    if (!table) continue;
    const restored = await digestTable(db, table);
    if (restored.rows !== saved.rows || restored.sha256 !== saved.sha256) {
      throw new Error(
        `${saved.name} reads back ${restored.rows} rows${restored.rows === saved.rows ? " with other contents" : ""}, the backup has ${saved.rows}: nothing was restored.`,
      );
    }
  }
}

/** Inside the restore's transaction: refuses a non-empty target, inserts every row, moves the sequences, verifies. */
async function fillTables(tx: Db, file: string, header: BackupHeader, catalog: Catalog): Promise<number> {
  const byName = new Map(catalog.tables.map((t) => [t.name, t]));
  const selfKeys = (name: string): ForeignKey[] =>
    catalog.foreignKeys.filter((fk) => fk.table === name && fk.references === name);
  for (const setting of PORTABLE_TEXT_SETTINGS) await tx.execute(sql.raw(setting));
  // Nobody writes while the restore checks emptiness and fills the tables (readers may still read).
  await tx.execute(
    sql`lock table ${sql.join(
      catalog.tables.map((t) => sql.identifier(t.name)),
      sql`, `,
    )} in exclusive mode`,
  );
  await refuseUnlessEmpty(tx, catalog);

  let restored = 0;
  for await (const chunk of tableChunks(file, header, (name) => selfKeys(name).length > 0)) {
    const table = byName.get(chunk.backup.name);
    if (!table) throw new Error(`table ${chunk.backup.name} vanished during the restore`);
    await insertRows(
      tx,
      table,
      chunk.backup,
      parentsFirst(
        chunk.rows,
        chunk.backup.columns.map((c) => c.name),
        selfKeys(table.name),
      ),
    );
    restored += chunk.rows.length;
  }
  await restoreSequences(tx, catalog, header.sequences);
  await verifyRestored(tx, catalog, header);
  return restored;
}

/**
 * Restores a backup into an empty, migrated instance of either engine, in one transaction: the file is
 * checked whole first, the target's migrations and tables must be the backup's, every table must be empty;
 * rows go in parents first (the foreign keys are not deferrable), sequences are moved past the restored rows,
 * and every table's row count and checksum are compared with the backup's before the commit.
 */
export async function restoreDatabase(database: Database, file: string): Promise<RestoreSummary> {
  // The quick refusals first (header, schema level, a non-empty target); then the whole file is read and checked.
  const header = await readBackupHeader(file);
  const { db } = database;
  const level = await readMigrationLevel(db);
  if (level.count !== header.migrations.count || level.last !== header.migrations.last) {
    const advice =
      header.migrations.count < level.count
        ? "Restore it with the Toilcap version that took it, then upgrade: the newer version migrates the data when it starts."
        : header.migrations.count > level.count
          ? "It comes from a newer Toilcap: upgrade this one first."
          : "Its migrations are not this Toilcap's.";
    throw new RestoreRefusedError(
      `The backup was taken at schema level ${header.migrations.count}; this database is at level ${level.count}. ${advice}`,
    );
  }
  const catalog = await readCatalog(db);
  checkSameSchema(catalog, header);
  await refuseUnlessEmpty(db, catalog);
  const verified = await verifyBackup(file);
  let rows: number;
  try {
    rows = await db.transaction((tx) => fillTables(tx, file, verified, catalog));
  } catch (error) {
    if (error instanceof RestoreRefusedError || error instanceof BackupFileError) throw error;
    throw new RestoreFailedError(`The restore was rolled back and nothing was written: ${reasonOf(error)}`);
  }
  return { header: verified, tables: verified.tables.length, rows };
}
