import "server-only";
import type { Db } from "@/db/client";
import { heldLength, heldTwice, type HeldDuty } from "@/server/domain/duty-load";
import {
  expandShifts,
  reanchor,
  turnAt,
  turnHolders,
  type RotationRole,
  type RotationSpec,
} from "@/server/domain/rotations";
import { DomainError } from "../errors";
import { horizonWindow } from "./draft-context";
import { peopleByIds, nameOf } from "./rotation-facts";
import { DRAFT_ROTATION_ID, dutyWindowsOf, findRotation, participantsOf, specOfRow } from "./rotation-rows";
import { shiftsInWindow } from "./window-shifts";

/** The longest rotation name the schema takes. */
const NAME_MAX = 80;
/** How far ahead the proposal looks for covers: the longest horizon the editor's preview offers. */
export const PROPOSAL_WEEKS = 26;
/** A second on-call role backs up the first; a second ticket duty shares the queue. */
const SECOND_ROLE: Record<Exclude<RotationRole, "shadow">, "secondary" | "ticket"> = {
  primary: "secondary",
  secondary: "secondary",
  ticket: "ticket",
};

/** The second role's shifts when `onDutyNow` holds its turn in progress, anchored as creating it would anchor it. */
function secondShifts(first: RotationSpec, onDutyNow: string, now: Date, window: { start: number; end: number }) {
  const unanchored: RotationSpec = { ...first, id: DRAFT_ROTATION_ID, anchor: null };
  const spec = { ...unanchored, ...reanchor(unanchored, unanchored, now.getTime(), { onDutyNow }) };
  return expandShifts(spec, [], [], window);
}

/**
 * Who takes the second role's turn in progress: the person `step` places after the first rotation's holder, for
 * the first step (1, 2, …) whose second role nobody would hold at the same time as the first, counting the first
 * rotation's covers over the proposal window. When every step leaves someone on both, the one leaving the least.
 */
function offsetAroundCovers(
  first: RotationSpec,
  firstHeld: readonly HeldDuty[],
  holder: string | undefined,
  now: Date,
  window: { start: number; end: number },
) {
  const order = first.participants;
  const from = holder === undefined ? 0 : order.indexOf(holder);
  let best: { onDutyNow: string; clashes: HeldDuty[] } | undefined;
  for (let step = 1; step < order.length; step += 1) {
    const onDutyNow = order[(from + step) % order.length];
    if (onDutyNow === undefined || onDutyNow === holder) continue;
    const clashes = heldTwice(firstHeld, secondShifts(first, onDutyNow, now, window), window);
    if (!best || heldLength(clashes) < heldLength(best.clashes)) best = { onDutyNow, clashes };
    if (clashes.length === 0) break;
  }
  return best;
}

/**
 * A second duty role for a rotation flagged as more than one person can take (docs/duty-load.md): the same
 * settings and people, each turn held by someone after the first rotation's holder in its order, offset so that
 * nobody holds both at once, covers on the first rotation included. Only a proposal: nothing is saved until the
 * planner creates it in the editor.
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
  const holder = turnHolders(spec)(Math.max(0, turnAt(spec, now.getTime())));
  const window = horizonWindow({ from: now, weeks: PROPOSAL_WEEKS }, row.timeZone);
  // Who actually holds the first rotation: its turns as covers change them.
  const firstHeld = await shiftsInWindow(db, [row], window);
  const offset = offsetAroundCovers(spec, firstHeld, holder, now, window);
  const people = await peopleByIds(db, [...order, ...(offset?.clashes.map((c) => c.personId) ?? [])]);
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
      /** Who takes the second role's turn now; both then move on one person per turn round the same order. */
      onDutyNow: offset?.onDutyNow ?? null,
    },
    /**
     * Where a cover on the first rotation still puts someone on both, whichever offset is taken (two people, say):
     * the planner resolves these with a cover on the second role once it is saved.
     */
    heldTwice: (offset?.clashes ?? []).map((clash) => ({
      personId: clash.personId,
      name: nameOf(people, clash.personId),
      startsAt: new Date(clash.start),
      endsAt: new Date(clash.end),
    })),
  };
}
