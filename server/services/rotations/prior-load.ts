import "server-only";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { weightedHours } from "@/server/domain/rotations";
import type { RotationRow } from "./rotation-rows";
import { shiftsInWindow } from "./window-shifts";

/** A quarter: the SRE caps are averaged over a few quarters, so older imbalance has been evened out. */
export const PRIOR_LOAD_WEEKS = 13;

/**
 * Weighted hours each participant held in this rotation over the last quarter, covers and swaps included, less
 * the lightest participant's, so only the imbalance is carried forward into a fair fill.
 */
export async function priorLoadOf(
  db: Db,
  rotation: RotationRow | null,
  participants: readonly string[],
  now: Date,
): Promise<Record<string, number>> {
  if (!rotation || participants.length === 0) return {};
  const since = DateTime.fromJSDate(now, { zone: rotation.timeZone }).minus({ weeks: PRIOR_LOAD_WEEKS }).toMillis();
  // Recorded history and the shifts since it was last recorded: a preview reads, it never records.
  const held = await shiftsInWindow(db, [rotation], { start: since, end: now.getTime() });
  const load: Record<string, number> = Object.fromEntries(participants.map((person) => [person, 0]));
  for (const shift of held) {
    if (!(shift.personId in load)) continue;
    const span = { start: Math.max(shift.start, since), end: Math.min(shift.end, now.getTime()) };
    load[shift.personId] = (load[shift.personId] ?? 0) + weightedHours(span, rotation.timeZone);
  }
  const lightest = Math.min(...Object.values(load));
  return Object.fromEntries(Object.entries(load).map(([person, hours]) => [person, hours - lightest]));
}
