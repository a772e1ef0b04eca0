/**
 * Column names for an export with one column per person beside fixed ones: a person named like a fixed column
 * ("team") or like another person gets " (2)", " (3)"... so no column overwrites another and nobody disappears.
 */
export function distinctColumns(fixed: readonly string[], names: readonly string[]): string[] {
  const taken = new Set(fixed);
  return names.map((name) => {
    let column = name;
    for (let n = 2; taken.has(column); n += 1) column = `${name} (${n})`;
    taken.add(column);
    return column;
  });
}
