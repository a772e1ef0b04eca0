import "server-only";
import { Duration } from "luxon";
import type { Db } from "@/db/client";
import { handoffMoment, turnsOf, type HandoffMoment, type Turn } from "@/server/domain/review/handoff-turns";
import { aroundNow } from "../rotations/current-window";
import { activeRotations, type RotationRow } from "../rotations/rotation-rows";
import { shiftsInWindow } from "../rotations/window-shifts";

/**
 * How long after a shift ends its holder may still write its hand-off note: a weekend lies between two
 * working-hours ticket-duty shifts.
 */
export const JUST_ENDED = Duration.fromObject({ hours: 72 });

/** Far enough ahead to see where the next turn starts after the longest shift in progress (8 weeks). */
const AHEAD = { weeks: 9 } as const;

export interface RotationTurns {
  rotation: RotationRow;
  turns: Turn[];
  moment: HandoffMoment;
}

/** The team's duty rotations (on-call and ticket duty: shadows hand nothing off), each as turns around now. */
export async function dutyTurns(db: Db, teamId: string, now: Date): Promise<RotationTurns[]> {
  const rows = (await activeRotations(db, [teamId])).filter((row) => row.role !== "shadow");
  const shifts = await shiftsInWindow(db, rows, aroundNow(now, AHEAD));
  return rows.map((row) => {
    const turns = turnsOf(shifts.filter((shift) => shift.rotationId === row.id));
    return { rotation: row, turns, moment: handoffMoment(turns, now.getTime(), JUST_ENDED.toMillis()) };
  });
}

/** The turn at a position, if any. */
export function turnAt(turns: readonly Turn[], index: number | null): Turn | null {
  return index === null ? null : (turns[index] ?? null);
}
