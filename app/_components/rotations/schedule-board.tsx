"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { DateTime } from "luxon";
import dynamic from "next/dynamic";
import { useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import type { CoverDefaults } from "./cover-dialog";
import { firstColumnOf, gridColumns, type GridCell, type GridScale, scheduleRange, shiftAnchor } from "./grid-model";
import { GridLegend } from "./role-chip";
import { type GridRow, ScheduleGrid } from "./schedule-grid";
import type { SwapDefaults } from "./swap-dialog";
import type { RotationSummary, ScheduleData, TeamMember } from "./types";

// The dialogs open on demand: their code loads after the grid is interactive, keeping the page's JavaScript small.
const CoverDialog = dynamic(() => import("./cover-dialog").then((m) => m.CoverDialog), { ssr: false });
const SwapDialog = dynamic(() => import("./swap-dialog").then((m) => m.SwapDialog), { ssr: false });

export interface BoardStart {
  scale: GridScale;
  anchor: string;
  schedule: ScheduleData;
  /** When the server rendered it: the grid's "now" column and which shifts are past. */
  now: Date;
}

/** The people a one-rotation grid lists: its turn order, then anyone else holding its duty (covers). */
function rowsOf(schedule: ScheduleData, rotations: RotationSummary[], rotationId: string | undefined): GridRow[] {
  if (!rotationId) return schedule.people.map((p) => ({ personId: p.personId, name: p.name }));
  const order = rotations.find((r) => r.id === rotationId)?.participants ?? [];
  const listed = new Set(order.map((p) => p.personId));
  const covers = schedule.people.filter(
    (p) =>
      !listed.has(p.personId) && schedule.shifts.some((s) => s.rotationId === rotationId && s.personId === p.personId),
  );
  return [...order, ...covers.map((p) => ({ personId: p.personId, name: p.name }))];
}

/**
 * The team's duty schedule as a grid with its controls. Planners and managers add a cover from any cell that is
 * not over, and ask for swaps of their own shifts or on someone's behalf from the toolbar; everyone else may ask to
 * swap a shift of their own, and otherwise reads.
 */
export function ScheduleBoard({
  teamId,
  viewerId,
  zone,
  mayPlan,
  start,
  rotations,
  members,
  rotationId,
}: {
  teamId: string;
  viewerId: string;
  zone: string;
  mayPlan: boolean;
  start: BoardStart;
  rotations: RotationSummary[];
  members: TeamMember[];
  rotationId?: string;
}) {
  const trpc = useTRPC();
  const [scale, setScale] = useState<GridScale>(start.scale);
  const [anchor, setAnchor] = useState(start.anchor);
  const [cover, setCover] = useState<CoverDefaults | null>(null);
  const [swap, setSwap] = useState<SwapDefaults | null>(null);
  const now = start.now;
  const range = scheduleRange(scale, anchor, zone);
  const isStart = scale === start.scale && anchor === start.anchor;
  const query = useQuery(
    trpc.rotations.schedule.queryOptions(
      { teamId, ...range },
      { initialData: () => (isStart ? start.schedule : undefined), placeholderData: keepPreviousData },
    ),
  );
  const schedule = query.data ?? start.schedule;
  const columns = gridColumns(scale, anchor, zone, now);
  const first = columns[0];
  const last = columns[columns.length - 1];
  const rows = rowsOf(schedule, rotations, rotationId);
  const coverRotations = schedule.rotations.filter((r) => !r.removed && (!rotationId || r.id === rotationId));

  function actionFor(cell: GridCell): string | null {
    if (cell.column.end <= now) return null;
    if (mayPlan) return coverRotations.length > 0 ? "Add a cover" : null;
    const own = cell.personId === viewerId && cell.chips.some((chip) => chip.shifts.some((s) => s.endsAt > now));
    return own ? "Ask for a swap" : null;
  }

  function onActivate(cell: GridCell) {
    if (mayPlan) {
      const chip = cell.chips.find((c) => !c.past && (!rotationId || c.rotationId === rotationId));
      const startsAt = (from: Date) => new Date(Math.max(from.getTime(), now.getTime()));
      const fallback = coverRotations[0];
      if (chip) {
        // A week cell offers the whole turn (the usual cover); a day cell just that day's part of it.
        const whole = scale === "weeks";
        const from = whole ? new Date(Math.min(...chip.shifts.map((s) => s.startsAt.getTime()))) : chip.start;
        const to = whole ? new Date(Math.max(...chip.shifts.map((s) => s.endsAt.getTime()))) : chip.end;
        setCover({
          rotationId: chip.rotationId,
          personId: "",
          replacesPersonId: cell.personId,
          startsAt: startsAt(from),
          endsAt: to,
        });
      } else if (fallback) {
        setCover({
          rotationId: fallback.id,
          personId: cell.personId,
          replacesPersonId: "",
          startsAt: startsAt(cell.column.start),
          endsAt: cell.column.end,
        });
      }
      return;
    }
    const shifts = cell.chips.flatMap((chip) => chip.shifts).filter((s) => s.endsAt > now);
    if (shifts.length > 0) setSwap({ requesterId: viewerId, onBehalf: false, shift: shifts[0] });
  }

  const today = firstColumnOf(scale, now, zone);
  const shown =
    first && last
      ? `${DateTime.fromJSDate(first.start, { zone }).toFormat("d LLL")} – ${DateTime.fromJSDate(new Date(last.end.getTime() - 1), { zone }).toFormat("d LLL yyyy")}`
      : "";
  return (
    <div className="schedule-board">
      <div className="board-toolbar">
        <fieldset className="segmented">
          <legend className="visually-hidden">Columns</legend>
          {(["weeks", "days"] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name={`scale-${rotationId ?? "team"}`}
                value={option}
                checked={scale === option}
                onChange={() => {
                  setScale(option);
                  setAnchor(firstColumnOf(option, now, zone));
                }}
              />
              <span>{option === "weeks" ? "Weeks" : "Days"}</span>
            </label>
          ))}
        </fieldset>
        {mayPlan && (
          <button
            type="button"
            className="button secondary small"
            aria-haspopup="dialog"
            onClick={() => setSwap({ requesterId: viewerId, onBehalf: true })}
          >
            Ask for a swap
          </button>
        )}
        <div className="board-nav">
          <button
            type="button"
            className="button secondary small"
            onClick={() => setAnchor(shiftAnchor(scale, anchor, zone, -1))}
          >
            ← Earlier
          </button>
          <button
            type="button"
            className="button secondary small"
            onClick={() => setAnchor(today)}
            disabled={anchor === today}
          >
            Today
          </button>
          <button
            type="button"
            className="button secondary small"
            onClick={() => setAnchor(shiftAnchor(scale, anchor, zone, 1))}
          >
            Later →
          </button>
        </div>
        <p className="board-range" aria-live="polite">
          {shown} <span className="stat-note">· times in {zone}</span>
          {query.isFetching && <span className="stat-note"> · updating…</span>}
        </p>
      </div>
      {rows.length === 0 ? (
        <p className="stat-note board-empty">Nobody takes part yet, so there is no one to show.</p>
      ) : (
        <ScheduleGrid
          schedule={schedule}
          columns={columns}
          scale={scale}
          zone={zone}
          now={now}
          rows={rows}
          rotationId={rotationId}
          viewerId={viewerId}
          caption={`Duty by person and ${scale === "weeks" ? "week" : "day"}, ${shown}, times in ${zone}`}
          actionFor={actionFor}
          onActivate={onActivate}
        />
      )}
      <div className="board-foot">
        <GridLegend />
        <p className="stat-note">
          {mayPlan
            ? "Choose a cell (arrow keys, then Enter) to add a cover."
            : "Choose one of your own shifts (arrow keys, then Enter) to ask for a swap."}
        </p>
      </div>
      <CoverDialog
        teamId={teamId}
        zone={zone}
        members={members}
        rotations={coverRotations}
        defaults={cover}
        onClose={() => setCover(null)}
      />
      <SwapDialog
        teamId={teamId}
        zone={zone}
        viewerId={viewerId}
        rotations={rotations}
        schedule={schedule}
        rotationId={rotationId}
        defaults={swap}
        onClose={() => setSwap(null)}
      />
    </div>
  );
}
