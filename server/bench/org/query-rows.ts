import type { SQL } from "drizzle-orm";
import type { Db } from "@/db/client";

/** The rows of a raw statement on either engine (both drivers answer `{ rows }`), untyped: callers read fields. */
export async function queryRows(db: Db, query: SQL): Promise<Array<Record<string, unknown>>> {
  const result: unknown = await db.execute(query);
  const rows = typeof result === "object" && result !== null && "rows" in result ? result.rows : [];
  return Array.isArray(rows) ? rows : [];
}
