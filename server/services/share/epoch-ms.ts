import { sql, type AnyColumn } from "drizzle-orm";

/** A timestamp column as epoch milliseconds, computed by the database: a year of rows would otherwise cost a Date each. */
export function epochMs(column: AnyColumn) {
  return sql<number>`floor(extract(epoch from ${column}) * 1000)::float8`;
}
