/** The rows of a raw `db.execute` on either engine (node-postgres and PGlite both answer `{ rows }`), untyped. */
export function rowsOf(result: unknown): Array<Record<string, unknown>> {
  const rows = typeof result === "object" && result !== null && "rows" in result ? result.rows : [];
  return Array.isArray(rows) ? rows : [];
}
