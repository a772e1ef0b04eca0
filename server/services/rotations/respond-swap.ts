import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotation, rotationOverride, swapRequest } from "@/db/schema";
import { mayActInTeam, type Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { coverLeaveWarnings } from "./cover-warnings";
import type { PlanWarning } from "./named-warnings";
import type { RotationRow } from "./rotation-rows";
import { holdsThroughout, swapView, type SwapRow, type SwapView } from "./swap-view";
import { shiftsInWindow } from "./window-shifts";

export type SwapDecision = "accept" | "decline" | "cancel";

const STATUS_OF = { accept: "accepted", decline: "declined", cancel: "cancelled" } as const;

/** The covers an accepted swap creates, from now on: the past part of a shift in progress stays as it was. */
async function applySwap(db: Db, row: RotationRow, swap: SwapRow, viewer: Viewer, now: Date): Promise<PlanWarning[]> {
  const nowMs = now.getTime();
  const future = (start: Date, end: Date) => ({ start: Math.max(start.getTime(), nowMs), end: end.getTime() });
  const shift = future(swap.shiftStartsAt, swap.shiftEndsAt);
  const inReturn = swap.returnStartsAt && swap.returnEndsAt ? future(swap.returnStartsAt, swap.returnEndsAt) : null;
  if (shift.end <= shift.start || (inReturn && inReturn.end <= inReturn.start)) {
    throw new DomainError("conflict", "That shift is already over, so it can no longer be swapped.", "swapId");
  }
  const span = {
    start: Math.min(shift.start, inReturn?.start ?? shift.start),
    end: Math.max(shift.end, inReturn?.end ?? shift.end),
  };
  const shifts = await shiftsInWindow(db, [row], span);
  const stillHeld =
    holdsThroughout(shifts, swap.requesterId, shift) &&
    (!inReturn || holdsThroughout(shifts, swap.counterpartId, inReturn));
  if (!stillHeld)
    throw new DomainError("conflict", "The schedule changed since this swap was asked for; ask again.", "swapId");

  const covers = [
    { personId: swap.counterpartId, replacesPersonId: swap.requesterId, ...shift },
    ...(inReturn ? [{ personId: swap.requesterId, replacesPersonId: swap.counterpartId, ...inReturn }] : []),
  ];
  await db.insert(rotationOverride).values(
    covers.map((cover) => ({
      rotationId: row.id,
      personId: cover.personId,
      replacesPersonId: cover.replacesPersonId,
      startsAt: new Date(cover.start),
      endsAt: new Date(cover.end),
      note: swap.note ? `Swap: ${swap.note}` : "Swap",
      createdById: viewer.personId,
      createdAt: now,
    })),
  );
  // One after the other: this runs in the answer's transaction, whose connection takes one query at a time.
  const warnings: PlanWarning[] = [];
  for (const cover of covers) warnings.push(...(await coverLeaveWarnings(db, cover, row.timeZone)));
  return warnings;
}

/**
 * Accept or decline (the person asked, or a planner or manager acting for them who did not make the request), or
 * withdraw (the person who asked, or a planner or manager). Accepting creates both covers in the same transaction as the answer.
 */
export async function respondSwap(
  db: Db,
  viewer: Viewer,
  input: { teamId: string; swapId: string; decision: SwapDecision },
  now: Date,
): Promise<{ swap: SwapView; warnings: PlanWarning[] }> {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ swap: swapRequest, rotation })
      .from(swapRequest)
      .innerJoin(rotation, eq(rotation.id, swapRequest.rotationId))
      .where(and(eq(swapRequest.id, input.swapId), eq(rotation.teamId, input.teamId), isNull(rotation.deletedAt)));
    if (!found) throw new DomainError("not-found", "No such swap request in this team.", "swapId");
    const { swap } = found;
    const actsForOthers = mayActInTeam(viewer, input.teamId, ["planner", "manager"]);
    const answersOwn =
      input.decision === "cancel" ? viewer.personId === swap.requesterId : viewer.personId === swap.counterpartId;
    if (!answersOwn && !actsForOthers) {
      const message =
        input.decision === "cancel"
          ? "Only the person who asked, or a planner or manager, may withdraw this request."
          : "Only the person asked, or a planner or manager, may answer this request.";
      throw new DomainError("forbidden", message, "swapId");
    }
    // A request stays a question to the person asked: neither whoever asked nor the person it was asked for may
    // answer it in their place, even as a planner or manager.
    const askingSide = [swap.requesterId, swap.askedById ?? swap.requesterId];
    if (input.decision !== "cancel" && askingSide.includes(viewer.personId)) {
      throw new DomainError(
        "forbidden",
        "You asked for this swap, so the person asked answers it (or another planner or manager); you may withdraw it.",
        "swapId",
      );
    }
    if (swap.status !== "pending")
      throw new DomainError("conflict", `This swap request was already ${swap.status}.`, "swapId");
    // Claiming the request first makes a second, simultaneous answer find it decided.
    const [claimed] = await tx
      .update(swapRequest)
      .set({ status: STATUS_OF[input.decision], decidedById: viewer.personId, decidedAt: now })
      .where(and(eq(swapRequest.id, swap.id), eq(swapRequest.status, "pending")))
      .returning();
    if (!claimed)
      throw new DomainError(
        "conflict",
        "Someone answered this swap request a moment ago; reload to see the answer.",
        "swapId",
      );
    const warnings = input.decision === "accept" ? await applySwap(tx, found.rotation, swap, viewer, now) : [];
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: `rotation.swap.${input.decision}`,
      entityType: "swap_request",
      entityId: swap.id,
      before: { status: swap.status },
      after: { status: claimed.status },
    });
    return { swap: await swapView(tx, input.teamId, swap.id), warnings };
  });
}
