import { and, gt, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotation, rotationOverride, rotationParticipant, shiftRecord } from "@/db/schema";
import type { Interval } from "@/server/domain/time";
import { shiftsInWindow, type ScheduledShift } from "../rotations/window-shifts";

/**
 * The shifts these people held in `window`, from every rotation of any team they are or were on, as the
 * schedule shows them: recorded history, and after it each rotation expanded from its settings (so the shift
 * in progress counts before it is recorded). Grouped by person, sorted by start.
 */
export async function shiftsOfPeople(
  db: Db,
  personIds: readonly string[],
  window: Interval,
  now: Date,
): Promise<Map<string, ScheduledShift[]>> {
  const ids = [...new Set(personIds)];
  const byPerson = new Map<string, ScheduledShift[]>(ids.map((id) => [id, []]));
  if (ids.length === 0 || window.end <= window.start) return byPerson;
  const rows = await rotationsOf(db, ids, window);
  for (const shift of await shiftsInWindow(db, rows, window, now)) byPerson.get(shift.personId)?.push(shift);
  return byPerson;
}

/** Rotations that can hold a shift of these people in the window: history of theirs, turns or covers. */
async function rotationsOf(db: Db, personIds: string[], window: Interval) {
  const [from, to] = [new Date(window.start), new Date(window.end)];
  const recorded = await db
    .selectDistinct({ id: shiftRecord.rotationId })
    .from(shiftRecord)
    .where(and(inArray(shiftRecord.personId, personIds), lt(shiftRecord.startsAt, to), gt(shiftRecord.endsAt, from)));
  const turns = await db
    .selectDistinct({ id: rotationParticipant.rotationId })
    .from(rotationParticipant)
    .where(inArray(rotationParticipant.personId, personIds));
  const covers = await db
    .selectDistinct({ id: rotationOverride.rotationId })
    .from(rotationOverride)
    .where(
      and(
        inArray(rotationOverride.personId, personIds),
        isNull(rotationOverride.deletedAt),
        lt(rotationOverride.startsAt, to),
        gt(rotationOverride.endsAt, from),
      ),
    );
  const ids = [...new Set([...recorded, ...turns, ...covers].map((row) => row.id))];
  if (ids.length === 0) return [];
  // shiftsInWindow expands only rotations that are not removed; removed ones contribute their records.
  return db.select().from(rotation).where(inArray(rotation.id, ids));
}
