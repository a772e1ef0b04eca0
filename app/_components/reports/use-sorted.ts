"use client";

import { useMemo, useState } from "react";

export type SortDirection = "ascending" | "descending";

/** Rows sorted by one column; pressing the same column again flips the direction. */
export function useSorted<Row, Key extends string>(
  rows: readonly Row[],
  valueFor: (row: Row, key: Key) => string | number,
  initial: { key: Key; direction: SortDirection },
) {
  const [sort, setSort] = useState(initial);
  const sorted = useMemo(() => {
    const factor = sort.direction === "ascending" ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = valueFor(a, sort.key);
      const y = valueFor(b, sort.key);
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return order * factor;
    });
  }, [rows, sort, valueFor]);
  const flip = (direction: SortDirection): SortDirection => (direction === "ascending" ? "descending" : "ascending");
  /** A new column sorts `first` (names A to Z, numbers largest first); the same column again flips. */
  const toggle = (key: Key, first: SortDirection = "descending") =>
    setSort((current) => ({ key, direction: current.key === key ? flip(current.direction) : first }));
  const ariaSort = (key: Key): SortDirection | undefined => (sort.key === key ? sort.direction : undefined);
  return { sorted, toggle, ariaSort };
}
