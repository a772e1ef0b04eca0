import { and, asc, eq, inArray, isNull, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotation, shiftRecord } from "@/db/schema";
import { expandShifts, type Shift } from "@/server/domain/rotations";
import { overridesOf } from "./rotation-facts";
import { participantsOf, specOfRow, type RotationRow } from "./rotation-rows";

/**
 * How far to freeze: "ended" stops before a shift still in progress, so it is recorded whole once it ends;
 * "now" also freezes the elapsed part of the current shift, before an edit that would change who holds it.
 */
export type FreezeUntil = "ended" | "now";

export type RotationScope = { teamId: string } | { rotationIds: readonly string[] };

export interface RecordedShifts {
  /** How many shift records this call wrote. */
  recorded: number;
  /** Per rotation in scope: shifts before this instant (epoch ms) are records, later ones are expanded. */
  recordedUntil: Map<string, number>;
}

/**
 * How far each rotation is recorded (epoch ms). Rows seeded before `recorded_until` existed (the demo) continue
 * from their last record, else from creation.
 */
export async function recordedSoFar(db: Db, rows: readonly RotationRow[]): Promise<Map<string, number>> {
  const unknown = rows.filter((row) => row.recordedUntil === null).map((row) => row.id);
  const lastEnds =
    unknown.length === 0
      ? []
      : await db
          .select({ rotationId: shiftRecord.rotationId, lastEnd: max(shiftRecord.endsAt) })
          .from(shiftRecord)
          .where(inArray(shiftRecord.rotationId, unknown))
          .groupBy(shiftRecord.rotationId);
  const lastEndOf = new Map(lastEnds.map((row) => [row.rotationId, row.lastEnd]));
  return new Map(rows.map((row) => [row.id, (row.recordedUntil ?? lastEndOf.get(row.id) ?? row.createdAt).getTime()]));
}

/** The instant up to which shifts are frozen, and the pieces frozen. */
function freezePlan(
  shifts: readonly Shift[],
  from: number,
  now: number,
  freeze: FreezeUntil,
): { until: number; frozen: Shift[] } {
  const inProgress = shifts.find((shift) => shift.start <= now && now < shift.end);
  const until = freeze === "now" || inProgress === undefined ? now : inProgress.start;
  const frozen = shifts.flatMap((shift) => {
    const start = Math.max(shift.start, from);
    const end = Math.min(shift.end, until);
    return start < end ? [{ ...shift, start, end }] : [];
  });
  return { until, frozen };
}

/**
 * Freezes the shifts of the rotations in scope that happened since they were last recorded into shift_record,
 * so later edits of a rotation never rewrite the past. Idempotent: each rotation remembers how far it is
 * recorded, and its row is locked meanwhile so two callers cannot record the same shift twice.
 * Removed rotations are left alone: they were frozen when they were removed.
 */
export async function recordShifts(
  db: Db,
  scope: RotationScope,
  now: Date,
  freeze: FreezeUntil = "ended",
): Promise<RecordedShifts> {
  const inScope = "teamId" in scope ? eq(rotation.teamId, scope.teamId) : inArray(rotation.id, [...scope.rotationIds]);
  if ("rotationIds" in scope && scope.rotationIds.length === 0) return { recorded: 0, recordedUntil: new Map() };
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(rotation)
      .where(and(inScope, isNull(rotation.deletedAt)))
      .orderBy(asc(rotation.id))
      .for("update");
    const recordedUntil = await recordedSoFar(tx, rows);
    const nowMs = now.getTime();
    const stale = rows.filter((row) => (recordedUntil.get(row.id) ?? nowMs) < nowMs);
    const participants = await participantsOf(
      tx,
      stale.map((row) => row.id),
    );
    const overrides = await overridesOf(
      tx,
      stale.map((row) => row.id),
    );
    let recorded = 0;
    for (const row of stale) {
      const from = recordedUntil.get(row.id) ?? nowMs;
      // One millisecond past now shows whether a shift is still in progress rather than ending exactly now.
      const shifts = expandShifts(specOfRow(row, participants.get(row.id) ?? []), overrides.get(row.id) ?? [], [], {
        start: from,
        end: nowMs + 1,
      });
      const { until, frozen } = freezePlan(shifts, from, nowMs, freeze);
      if (until <= from) continue;
      if (frozen.length > 0) {
        await tx.insert(shiftRecord).values(
          frozen.map((shift) => ({
            rotationId: row.id,
            teamId: row.teamId,
            personId: shift.personId,
            role: row.role,
            startsAt: new Date(shift.start),
            endsAt: new Date(shift.end),
          })),
        );
        recorded += frozen.length;
      }
      await tx
        .update(rotation)
        .set({ recordedUntil: new Date(until) })
        .where(eq(rotation.id, row.id));
      recordedUntil.set(row.id, until);
    }
    return { recorded, recordedUntil };
  });
}
