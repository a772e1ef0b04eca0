import type { SQL } from "drizzle-orm";
import type { Db } from "@/db/client";

/** Rows of a raw query on either engine: node-postgres and PGlite both answer `{ rows: [...] }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  const rows = typeof result === "object" && result !== null && "rows" in result ? result.rows : undefined;
  if (!Array.isArray(rows)) throw new Error("the database answered a query without rows");
  return rows as T[];
}

/**
 * Text output that reads back identically on PostgreSQL 15 and PGlite's 18: instants in UTC, ISO dates,
 * shortest exact floats. Set on every backup and restore transaction, so neither depends on server defaults.
 */
export const PORTABLE_TEXT_SETTINGS = [
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  "set local extra_float_digits = 1",
  "set local bytea_output = 'hex'",
];
