import type { Db } from "@/db/client";
import { coverageGaps, expandShifts } from "@/server/domain/rotations";
import { horizonWindow } from "./draft-context";
import { overridesOf } from "./rotation-facts";
import { findRotation, participantsOf, specOfRow } from "./rotation-rows";

/** How far ahead the rotation page looks for stretches with nobody on duty. */
export const GAP_HORIZON_WEEKS = 8;

/** The stretches from `now` over the planning horizon in which the saved rotation's duty has nobody, covers counted. */
export async function rotationGaps(db: Db, input: { teamId: string; rotationId: string }, now: Date) {
  const row = await findRotation(db, input.teamId, input.rotationId);
  const spec = specOfRow(row, (await participantsOf(db, [row.id])).get(row.id) ?? []);
  const window = horizonWindow({ from: now, weeks: GAP_HORIZON_WEEKS }, spec.timeZone);
  const shifts = expandShifts(spec, (await overridesOf(db, [row.id])).get(row.id) ?? [], [], window);
  return {
    weeks: GAP_HORIZON_WEEKS,
    window: { from: new Date(window.start), to: new Date(window.end) },
    timeZone: spec.timeZone,
    gaps: coverageGaps(spec, shifts, window).map((gap) => ({
      startsAt: new Date(gap.start),
      endsAt: new Date(gap.end),
    })),
  };
}
