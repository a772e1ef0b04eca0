import "server-only";
import { and, eq, gt, lt } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { shiftRecord } from "@/db/schema";
import { weightedHours } from "@/server/domain/rotations";

/** A quarter: the SRE caps are averaged over a few quarters, so older imbalance has been evened out. */
export const PRIOR_LOAD_WEEKS = 13;

/**
 * Weighted hours each participant held in this rotation over the last quarter, covers and swaps included, less
 * the lightest participant's, so only the imbalance is carried forward into a fair fill.
 */
export async function priorLoadOf(
  db: Db,
  rotation: { id: string; timeZone: string } | null,
  participants: readonly string[],
  now: Date,
): Promise<Record<string, number>> {
  if (!rotation || participants.length === 0) return {};
  const since = DateTime.fromJSDate(now, { zone: rotation.timeZone }).minus({ weeks: PRIOR_LOAD_WEEKS }).toMillis();
  const records = await db
    .select({ personId: shiftRecord.personId, startsAt: shiftRecord.startsAt, endsAt: shiftRecord.endsAt })
    .from(shiftRecord)
    .where(
      and(
        eq(shiftRecord.rotationId, rotation.id),
        lt(shiftRecord.startsAt, now),
        gt(shiftRecord.endsAt, new Date(since)),
      ),
    );
  const load: Record<string, number> = Object.fromEntries(participants.map((person) => [person, 0]));
  for (const record of records) {
    if (!(record.personId in load)) continue;
    const span = {
      start: Math.max(record.startsAt.getTime(), since),
      end: Math.min(record.endsAt.getTime(), now.getTime()),
    };
    load[record.personId] = (load[record.personId] ?? 0) + weightedHours(span, rotation.timeZone);
  }
  const lightest = Math.min(...Object.values(load));
  return Object.fromEntries(Object.entries(load).map(([person, hours]) => [person, hours - lightest]));
}
