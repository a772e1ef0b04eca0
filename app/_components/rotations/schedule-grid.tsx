"use client";

import { Fragment, type KeyboardEvent, useRef, useState } from "react";
import { chipsOf, chipWords, type GridCell, type GridColumn, type GridScale } from "./grid-model";
import { RoleChip } from "./role-chip";
import type { ScheduleData } from "./types";

export interface GridRow {
  personId: string;
  name: string;
}

interface Position {
  row: number;
  col: number;
}

const MOVES: Record<string, (at: Position, last: Position) => Position> = {
  ArrowRight: (at, last) => ({ row: at.row, col: Math.min(last.col, at.col + 1) }),
  ArrowLeft: (at) => ({ row: at.row, col: Math.max(0, at.col - 1) }),
  ArrowDown: (at, last) => ({ row: Math.min(last.row, at.row + 1), col: at.col }),
  ArrowUp: (at) => ({ row: Math.max(0, at.row - 1), col: at.col }),
  Home: (at) => ({ row: at.row, col: 0 }),
  End: (at, last) => ({ row: at.row, col: last.col }),
};

/**
 * People by weeks or days as an ARIA grid: one tab stop, arrow keys move between cells (Home and End along a
 * row), and a cell with an action (add a cover, ask for a swap) holds a button that Enter or a click opens.
 */
export function ScheduleGrid({
  schedule,
  columns,
  scale,
  zone,
  now,
  rows,
  rotationId,
  viewerId,
  caption,
  actionFor,
  onActivate,
}: {
  schedule: ScheduleData;
  columns: GridColumn[];
  scale: GridScale;
  zone: string;
  now: Date;
  rows: GridRow[];
  rotationId?: string;
  viewerId: string;
  caption: string;
  actionFor: (cell: GridCell) => string | null;
  onActivate: (cell: GridCell) => void;
}) {
  const tableRef = useRef<HTMLTableElement>(null);
  const viewerRow = Math.max(
    0,
    rows.findIndex((row) => row.personId === viewerId),
  );
  const currentCol = Math.max(
    0,
    columns.findIndex((column) => column.isCurrent),
  );
  const [active, setActive] = useState<Position>({ row: viewerRow, col: currentCol });
  const last = { row: Math.max(0, rows.length - 1), col: Math.max(0, columns.length - 1) };
  const at = { row: Math.min(active.row, last.row), col: Math.min(active.col, last.col) };

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(at, last);
    setActive(next);
    tableRef.current?.querySelector<HTMLElement>(`[data-cell="${next.row}:${next.col}"]`)?.focus();
  }

  return (
    <div className="schedule-scroll">
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the schedule is an ARIA grid, moved through by arrow keys */}
      <table role="grid" className={`schedule-grid scale-${scale}`} ref={tableRef} onKeyDown={onKeyDown}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="person-col">
              Person
            </th>
            {columns.map((column) => (
              <th
                scope="col"
                key={column.key}
                className={
                  [column.isCurrent ? "is-now" : "", column.isWeekend ? "is-weekend" : ""].filter(Boolean).join(" ") ||
                  undefined
                }
                aria-label={`${column.spoken}${column.isCurrent ? " (now)" : ""}`}
              >
                <span className="col-label">{column.label}</span>
                <span className="col-sub">{column.sublabel}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.personId} className={row.personId === viewerId ? "is-viewer" : undefined}>
              <th scope="row" className="person-col">
                {row.name}
                {row.personId === viewerId && <span className="badge subtle">you</span>}
              </th>
              {columns.map((column, c) => {
                const cell: GridCell = {
                  personId: row.personId,
                  personName: row.name,
                  column,
                  chips: chipsOf(schedule, row.personId, column, now, rotationId),
                };
                const action = actionFor(cell);
                const focus = {
                  tabIndex: at.row === r && at.col === c ? 0 : -1,
                  "data-cell": `${r}:${c}`,
                  onFocus: () => setActive({ row: r, col: c }),
                };
                const words = cell.chips.map((chip) => chipWords(chip, column, scale, zone));
                const described = words.map((w) => w.sentence).join("; ") || "no duty";
                // Each chip speaks its own sentence; the separators are heard, not seen.
                const chips = cell.chips.map((chip, index) => (
                  <Fragment key={chip.rotationId}>
                    {index > 0 && <span className="visually-hidden">; </span>}
                    <RoleChip
                      role={chip.role}
                      when={words[index]?.short ?? ""}
                      cover={chip.cover}
                      onLeave={chip.onLeave}
                      past={chip.past}
                      spoken={words[index]?.sentence ?? ""}
                    />
                  </Fragment>
                ));
                const classes = ["cell", column.isCurrent ? "is-now" : "", column.isWeekend ? "is-weekend" : ""]
                  .filter(Boolean)
                  .join(" ");
                if (action) {
                  return (
                    <td key={column.key} className={classes}>
                      <button
                        type="button"
                        className="cell-button"
                        aria-haspopup="dialog"
                        onClick={() => onActivate(cell)}
                        {...focus}
                      >
                        {/* One sentence for the name, so hidden pieces never get joined with stray spaces. */}
                        <span className="visually-hidden">{`${row.name}, ${column.spoken}: ${described}. ${action}`}</span>
                        <span className="cell-chips" aria-hidden="true">
                          {chips}
                        </span>
                      </button>
                    </td>
                  );
                }
                return (
                  <td key={column.key} className={classes} {...focus}>
                    {chips.length > 0 ? chips : <span className="visually-hidden">no duty</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
