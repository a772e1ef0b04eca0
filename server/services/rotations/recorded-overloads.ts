import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotationOverload } from "@/db/schema";
import type { OverloadReason } from "@/server/domain/duty-load";

/** Recorded flags shown with the rotation's load: the latest first. */
const RECORDED_SHOWN = 10;
const REASONS: readonly OverloadReason[] = ["logged-over-duty", "queue-growing", "incident-limit"];

/** The flags recorded for one rotation, for review: when, which turn completed the run, and why. */
export async function recordedOverloads(db: Db, input: { teamId: string; rotationId: string }) {
  const rows = await db
    .select()
    .from(rotationOverload)
    .where(and(eq(rotationOverload.teamId, input.teamId), eq(rotationOverload.rotationId, input.rotationId)))
    .orderBy(desc(rotationOverload.turnStartsAt))
    .limit(RECORDED_SHOWN);
  return rows.map((row) => ({
    turnStartsAt: row.turnStartsAt,
    turnEndsAt: row.turnEndsAt,
    recordedAt: row.recordedAt,
    reasons: REASONS.filter((reason) => row.reasons.includes(reason)),
    turnsInARow: row.turns.length,
  }));
}
