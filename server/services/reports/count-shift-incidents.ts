import "server-only";
import { and, eq, gte, isNull, lt } from "drizzle-orm";
import { DateTime, Duration } from "luxon";
import type { Db } from "@/db/client";
import { interrupt, rotation } from "@/db/schema";
import {
  INCIDENT_WINDOW_MS,
  INCIDENTS_PER_SHIFT_LIMIT,
  incidentsPerShiftWindow,
  ON_CALL_ROLES,
} from "@/server/domain/accounting";
import type { Interval } from "@/server/domain/time";
import { MAX_SHIFT_COUNT } from "@/server/schemas/rotations";
import { shiftsInWindow, type ScheduledShift } from "../rotations/window-shifts";

export interface IncidentWindow {
  from: Date;
  to: Date;
  incidents: number;
  overLimit: boolean;
}

/** One on-call shift of the team's rotations with the incidents of each of its 12-hour windows (rule 8). */
export interface ShiftLoad {
  rotationId: string;
  rotationName: string;
  role: "primary" | "secondary";
  personId: string;
  from: Date;
  to: Date;
  incidents: number;
  /** The most incidents in one 12-hour window of it. */
  busiestWindow: number;
  /** Some window had more than the limit. */
  overLimit: boolean;
  windows: IncidentWindow[];
}

export const INCIDENT_LIMIT = {
  incidents: INCIDENTS_PER_SHIFT_LIMIT,
  windowHours: Duration.fromMillis(INCIDENT_WINDOW_MS).as("hours"),
} as const;

/**
 * The on-call shifts of the team's rotations (removed ones included, for their history) overlapping `window`,
 * each counted against the team's pages marked as incidents over the whole shift, so a shift that began before
 * the period is judged whole. Ordered by start.
 */
export async function countShiftIncidents(db: Db, teamId: string, window: Interval, now: Date): Promise<ShiftLoad[]> {
  const rows = await db.select().from(rotation).where(eq(rotation.teamId, teamId));
  const names = new Map(rows.map((row) => [row.id, row.name]));
  // Expanded shifts are cut at the window's start: look back one longest shift so a running one is seen whole.
  const lookBack = DateTime.fromMillis(window.start, { zone: "utc" })
    .minus({ weeks: MAX_SHIFT_COUNT.weeks, days: 1 })
    .toMillis();
  const shifts = (await shiftsInWindow(db, rows, { start: lookBack, end: window.end })).filter(
    (s): s is ScheduledShift & { role: "primary" | "secondary" } =>
      ON_CALL_ROLES.has(s.role) && s.start < window.end && s.end > window.start,
  );
  if (shifts.length === 0) return [];
  const from = Math.min(...shifts.map((s) => s.start));
  const to = Math.min(Math.max(...shifts.map((s) => s.end)), now.getTime());
  const incidents = await db
    .select({ openedAt: interrupt.openedAt })
    .from(interrupt)
    .where(
      and(
        eq(interrupt.teamId, teamId),
        eq(interrupt.kind, "page"),
        eq(interrupt.isIncident, true),
        isNull(interrupt.deletedAt),
        gte(interrupt.openedAt, new Date(from)),
        lt(interrupt.openedAt, new Date(to)),
      ),
    );
  const loads = incidentsPerShiftWindow(
    shifts,
    incidents.map((i) => i.openedAt.getTime()),
  );
  return shifts.map((shift) => {
    const windows = loads
      .filter((load) => load.shift === shift)
      .map((load) => ({
        from: new Date(load.window.start),
        to: new Date(load.window.end),
        incidents: load.incidents,
        overLimit: load.overLimit,
      }));
    return {
      rotationId: shift.rotationId,
      rotationName: names.get(shift.rotationId) ?? "",
      role: shift.role,
      personId: shift.personId,
      from: new Date(shift.start),
      to: new Date(shift.end),
      incidents: windows.reduce((sum, w) => sum + w.incidents, 0),
      busiestWindow: Math.max(0, ...windows.map((w) => w.incidents)),
      overLimit: windows.some((w) => w.overLimit),
      windows,
    };
  });
}
