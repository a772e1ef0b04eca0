import type { ReactNode } from "react";

/**
 * A report table's header row: the text columns first (the row's name, dates), then the number columns, which
 * align right like their cells (`num`).
 */
export function ColumnHeads({ text, numbers }: { text: readonly ReactNode[]; numbers: readonly ReactNode[] }) {
  return (
    <thead>
      <tr>
        {text.map((label, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed header row, never reordered
          <th key={`text-${index}`} scope="col">
            {label}
          </th>
        ))}
        {numbers.map((label, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed header row, never reordered
          <th key={`num-${index}`} scope="col" className="num">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
