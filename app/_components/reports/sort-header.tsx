"use client";

import type { SortDirection } from "./use-sorted";

/** A column header whose button sorts the table; aria-sort tells which column sorts it and which way. */
export function SortHeader({
  label,
  sort,
  onSort,
  numeric,
}: {
  label: string;
  sort: SortDirection | undefined;
  onSort: () => void;
  numeric?: boolean;
}) {
  const arrow = sort === "ascending" ? "▲" : sort === "descending" ? "▼" : "↕";
  return (
    <th scope="col" className={numeric ? "num" : undefined} aria-sort={sort ?? "none"}>
      <button type="button" className="sort-button" onClick={onSort}>
        {label}
        <span aria-hidden="true" className="sort-arrow">
          {arrow}
        </span>
      </button>
    </th>
  );
}
