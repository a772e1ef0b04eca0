import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { BackupRow } from "./backup-file";
import type { CatalogTable } from "./catalog";
import { queryRows } from "./sql-rows";

const FETCH_ROWS = 1000;

/**
 * Streams a table's rows as text, through a cursor so a big table never sits in memory. Rows are sorted by
 * the primary key's text in the "C" collation: the same order on both engines, whatever their collations,
 * so the same data always gives the same file and checksums.
 */
export async function dumpTable(
  db: Db,
  table: CatalogTable,
  onRow: (values: BackupRow) => Promise<void> | void,
): Promise<void> {
  const select = sql.join(
    table.columns.map((column, i) => sql`${sql.identifier(column.name)}::text as ${sql.identifier(`c${i}`)}`),
    sql`, `,
  );
  const orderBy = sql.join(
    table.orderBy.map((column) => sql`${sql.identifier(column)}::text collate "C"`),
    sql`, `,
  );
  await db.execute(
    sql`declare toilcap_dump no scroll cursor for select ${select} from ${sql.identifier(table.name)} order by ${orderBy}`,
  );
  for (;;) {
    const rows = await queryRows<Record<string, string | null>>(
      db,
      sql.raw(`fetch forward ${FETCH_ROWS} from toilcap_dump`),
    );
    for (const row of rows) await onRow(table.columns.map((_, i) => row[`c${i}`] ?? null));
    if (rows.length < FETCH_ROWS) break;
  }
  await db.execute(sql`close toilcap_dump`);
}

/** A table's row count and the SHA-256 of its rows as a backup writes them: equal digests mean equal contents. */
export async function digestTable(db: Db, table: CatalogTable): Promise<{ rows: number; sha256: string }> {
  const hash = createHash("sha256");
  let rows = 0;
  await dumpTable(db, table, (values) => {
    hash.update(`${JSON.stringify(values)}\n`);
    rows += 1;
  });
  return { rows, sha256: hash.digest("hex") };
}
