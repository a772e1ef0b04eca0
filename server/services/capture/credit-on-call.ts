import "server-only";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { rotation } from "@/db/schema";
import { shiftsInWindow, type ScheduledShift } from "../rotations/window-shifts";

/**
 * How far from now an alert's start may be and still be credited. Expanding a rotation over decades (an alert
 * with a broken clock) would stall the webhook; such alerts are stored without an engineer instead.
 */
const CREDIT_HORIZON = { past: { years: 2 }, future: { days: 1 } } as const;

/** The shift holding the rotation at `at`: someone not on leave when several overlap (an override and its gap). */
function holderAt(shifts: readonly ScheduledShift[], at: number): string | null {
  const holding = shifts.filter((shift) => shift.start <= at && at < shift.end);
  return (holding.find((shift) => !shift.onLeave) ?? holding[0])?.personId ?? null;
}

/**
 * Who was on call in the rotation at each instant (epoch ms), or null when nobody was, the rotation is unknown or
 * the instant is outside the credit horizon. Uses the rotations' own schedule: frozen history, covers and leave.
 */
export async function creditOnCall(
  db: Db,
  rotationId: string | null,
  instants: readonly number[],
  now: Date,
): Promise<Map<number, string | null>> {
  const credited = new Map<number, string | null>(instants.map((at) => [at, null]));
  if (!rotationId || instants.length === 0) return credited;
  const [row] = await db.select().from(rotation).where(eq(rotation.id, rotationId));
  if (!row) return credited;
  const clock = DateTime.fromJSDate(now, { zone: "utc" });
  const earliest = clock.minus(CREDIT_HORIZON.past).toMillis();
  const latest = clock.plus(CREDIT_HORIZON.future).toMillis();
  const inHorizon = instants.filter((at) => at >= earliest && at <= latest);
  if (inHorizon.length === 0) return credited;
  const window = { start: Math.min(...inHorizon), end: Math.max(...inHorizon) + 1 };
  const shifts = await shiftsInWindow(db, [row], window);
  for (const at of inHorizon) credited.set(at, holderAt(shifts, at));
  return credited;
}
