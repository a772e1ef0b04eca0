import type { SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/server/services/share/raw-rows";

/** The rows of a raw statement on either engine, untyped: callers read fields. */
export async function queryRows(db: Db, query: SQL): Promise<Array<Record<string, unknown>>> {
  return rowsOf(await db.execute(query));
}
