/** A foreign key: `table(columns)` references `references(refColumns)`. */
export interface ForeignKey {
  table: string;
  references: string;
  columns: string[];
  refColumns: string[];
}

export class BackupOrderError extends Error {}

/**
 * Tables ordered so every table comes after the tables it references (a restore inserts in this order, as the
 * foreign keys are not deferrable). A table's references to itself are ordered row by row instead
 * (`parentsFirst`). Ties go alphabetically, so the order, and with it the backup file, is deterministic.
 */
export function restoreOrder(tables: readonly string[], foreignKeys: readonly ForeignKey[]): string[] {
  const known = new Set(tables);
  const needs = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const fk of foreignKeys) {
    if (fk.table === fk.references || !known.has(fk.table) || !known.has(fk.references)) continue;
    needs.get(fk.table)?.add(fk.references);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = [...needs.entries()]
      .filter(([table, refs]) => !placed.has(table) && [...refs].every((ref) => placed.has(ref)))
      .map(([table]) => table)
      .sort();
    if (ready.length === 0) {
      const stuck = tables.filter((t) => !placed.has(t)).sort();
      throw new BackupOrderError(
        `The foreign keys of ${stuck.join(", ")} form a cycle: no insert order satisfies them.`,
      );
    }
    for (const table of ready) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}

/**
 * A self-referencing table's rows (values in `columns` order) reordered so a row referenced by another comes
 * first; otherwise the original order is kept. A row referencing itself is fine (the check runs after the
 * insert). Rows referencing each other in a longer cycle cannot be inserted one after the other: refused.
 */
export function parentsFirst<Row extends ReadonlyArray<string | null>>(
  rows: readonly Row[],
  columns: readonly string[],
  selfKeys: readonly ForeignKey[],
): Row[] {
  if (selfKeys.length === 0) return [...rows];
  const index = (name: string) => {
    const at = columns.indexOf(name);
    if (at < 0) throw new BackupOrderError(`Column ${name} is not in the backup of this table.`);
    return at;
  };
  const keyOf = (row: Row, positions: number[]): string | null => {
    const values = positions.map((p) => row[p] ?? null);
    return values.some((v) => v === null) ? null : JSON.stringify(values);
  };
  // For each row, the rows it references (by position in `rows`).
  const parents: number[][] = rows.map(() => []);
  for (const fk of selfKeys) {
    const own = fk.columns.map(index);
    const referenced = fk.refColumns.map(index);
    const byKey = new Map<string, number>();
    rows.forEach((row, i) => {
      const key = keyOf(row, referenced);
      if (key !== null) byKey.set(key, i);
    });
    rows.forEach((row, i) => {
      const key = keyOf(row, own);
      const parent = key === null ? undefined : byKey.get(key);
      if (parent !== undefined && parent !== i) parents[i]?.push(parent);
    });
  }
  const state = new Uint8Array(rows.length); // 0 new, 1 on the path, 2 placed
  const out: Row[] = [];
  for (let start = 0; start < rows.length; start++) {
    if (state[start] === 2) continue;
    // Iterative depth-first walk: a long chain of references must not overflow the stack.
    const stack: Array<{ row: number; next: number }> = [{ row: start, next: 0 }];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const refs = parents[top.row] ?? [];
      const parent = refs[top.next];
      if (parent === undefined) {
        state[top.row] = 2;
        const row = rows[top.row];
        if (row) out.push(row);
        stack.pop();
        continue;
      }
      top.next += 1;
      if (state[parent] === 2) continue;
      if (state[parent] === 1)
        throw new BackupOrderError(
          "Rows of one table reference each other in a cycle: no insert order satisfies them.",
        );
      state[parent] = 1;
      stack.push({ row: parent, next: 0 });
    }
  }
  return out;
}
