import "server-only";
import type { Db } from "@/db/client";
import { turnAt, turnHolders, type RotationRole } from "@/server/domain/rotations";
import { DomainError } from "../errors";
import { peopleByIds, nameOf } from "./rotation-facts";
import { dutyWindowsOf, findRotation, participantsOf, specOfRow } from "./rotation-rows";

/** The longest rotation name the schema takes. */
const NAME_MAX = 80;
/** A second on-call role backs up the first; a second ticket duty shares the queue. */
const SECOND_ROLE: Record<Exclude<RotationRole, "shadow">, "secondary" | "ticket"> = {
  primary: "secondary",
  secondary: "secondary",
  ticket: "ticket",
};

/**
 * A second duty role for a rotation flagged as more than one person can take (docs/duty-load.md): the same
 * settings and people, each turn held by the person after the first rotation's holder in its order, so nobody
 * holds both at once. Only a proposal: nothing is saved until the planner creates it in the editor.
 */
export async function proposeSecondRotation(db: Db, input: { teamId: string; rotationId: string }, now: Date) {
  const row = await findRotation(db, input.teamId, input.rotationId);
  if (row.role === "shadow")
    throw new DomainError("invalid", "A shadow rotation holds no duty to share.", "rotationId");
  const order = (await participantsOf(db, [row.id])).get(row.id) ?? [];
  if (new Set(order).size < 2)
    throw new DomainError("invalid", "A second duty role needs at least two people in the rotation.", "rotationId");
  const spec = specOfRow(row, order);
  // The turn in progress, or the first one when the rotation has not started yet.
  const turn = Math.max(0, turnAt(spec, now.getTime()));
  const holder = turnHolders(spec)(turn);
  const after = holder === undefined ? order[1] : order[(order.indexOf(holder) + 1) % order.length];
  const people = await peopleByIds(db, order);
  const suffix = " (second)";
  return {
    source: { id: row.id, name: row.name, role: row.role },
    draft: {
      name: `${row.name.slice(0, NAME_MAX - suffix.length)}${suffix}`,
      role: SECOND_ROLE[row.role],
      timeZone: row.timeZone,
      shiftUnit: row.shiftUnit,
      shiftCount: row.shiftCount,
      handoffWeekday: row.handoffWeekday,
      handoffMinute: row.handoffMinute,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      dutyWindows: dutyWindowsOf(row),
      participants: order.map((personId, position) => ({ position, personId, name: nameOf(people, personId) })),
      /** Whoever follows the first rotation's holder takes the second role's turn, and so on round the order. */
      onDutyNow: after ?? null,
    },
  };
}
