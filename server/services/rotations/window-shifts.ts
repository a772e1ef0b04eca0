import "server-only";
import type { Db } from "@/db/client";
import { expandShifts, type Interval, type RotationRole } from "@/server/domain/rotations";
import { specOfRow, type RotationRow } from "./rotation-rows";
import { readWindowFacts } from "./window-facts";
import { recordedSoFar } from "./record-shifts";

/** A shift as the schedule shows it: frozen history ("record") or expanded from the current settings. */
export interface ScheduledShift {
  rotationId: string;
  role: RotationRole;
  personId: string;
  start: number;
  end: number;
  source: "record" | "rotation" | "override";
  onLeave: boolean;
}

function overlapsAny(shift: Interval, spans: readonly Interval[]): boolean {
  return spans.some((span) => span.start < shift.end && shift.start < span.end);
}

/**
 * The shifts of `rows` overlapping `window`: recorded history up to each rotation's recorded-until instant, and
 * the current settings expanded after it (removed rotations have history only). Expanded shifts are clipped to
 * the window; records are whole. Sorted by start, then rotation.
 *
 * Read-only: it records nothing (no row locks, no writes), so every page and report that shows shifts is a pure
 * read. The answer is the same as after recording: recording freezes exactly what expanding the current settings
 * gives, and every edit of a rotation or cover records the past before it changes anything (see recordShifts;
 * the periodic sweep records the rest, which only keeps the expanded stretch short).
 */
export async function shiftsInWindow(
  db: Db,
  rows: readonly RotationRow[],
  window: Interval,
): Promise<ScheduledShift[]> {
  if (rows.length === 0 || window.end <= window.start) return [];
  const active = rows.filter((row) => row.deletedAt === null);
  const recordedUntil = await recordedSoFar(db, active);
  const { records, participants, overrides, absences } = await readWindowFacts(
    db,
    rows.map((row) => row.id),
    active.map((row) => row.id),
    window,
  );

  const recorded: ScheduledShift[] = records.map((record) => {
    const own = absences.filter((absence) => absence.personId === record.personId);
    return { ...record, source: "record", onLeave: overlapsAny(record, own) };
  });
  const expanded: ScheduledShift[] = active.flatMap((row) => {
    const from = Math.max(window.start, recordedUntil.get(row.id) ?? window.start);
    if (from >= window.end) return [];
    const spec = specOfRow(row, participants.get(row.id) ?? []);
    return expandShifts(spec, overrides.get(row.id) ?? [], absences, { start: from, end: window.end }).map((shift) => ({
      rotationId: shift.rotationId,
      role: shift.role,
      personId: shift.personId,
      start: shift.start,
      end: shift.end,
      source: shift.source,
      onLeave: shift.onLeave,
    }));
  });
  return [...recorded, ...expanded].sort(
    (a, b) => a.start - b.start || (a.rotationId < b.rotationId ? -1 : a.rotationId > b.rotationId ? 1 : 0),
  );
}

/** The API's form of a shift: instants as Date. */
export function shiftView(shift: ScheduledShift) {
  return {
    rotationId: shift.rotationId,
    role: shift.role,
    personId: shift.personId,
    startsAt: new Date(shift.start),
    endsAt: new Date(shift.end),
    source: shift.source,
    onLeave: shift.onLeave,
  };
}
