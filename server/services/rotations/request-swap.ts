import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { swapRequest } from "@/db/schema";
import { mayActInTeam, type Viewer } from "@/server/auth/permissions";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { assertMember, nameOf, peopleByIds } from "./rotation-facts";
import { findRotation, participantsOf } from "./rotation-rows";
import { holdsThroughout, swapView, type SwapView } from "./swap-view";
import { shiftsInWindow } from "./window-shifts";
import { assertReturned } from "@/server/services/returned-row";

export interface RequestSwapInput {
  teamId: string;
  rotationId: string;
  counterpartId: string;
  shiftStartsAt: Date;
  shiftEndsAt: Date;
  returnStartsAt?: Date | null | undefined;
  returnEndsAt?: Date | null | undefined;
  requesterId?: string | undefined;
  note?: string | null | undefined;
}

/**
 * Asks another participant to take a shift the requester holds, optionally taking one of theirs in return.
 * Engineers ask for their own shifts only; a planner or manager may ask on someone's behalf.
 */
export async function requestSwap(db: Db, viewer: Viewer, input: RequestSwapInput, now: Date): Promise<SwapView> {
  const row = await findRotation(db, input.teamId, input.rotationId);
  const requesterId = input.requesterId ?? viewer.personId;
  const onBehalf = requesterId !== viewer.personId;
  if (onBehalf) {
    if (!mayActInTeam(viewer, input.teamId, ["planner", "manager"])) {
      throw new DomainError("forbidden", "You may ask to swap your own shifts only.", "requesterId");
    }
    await assertMember(db, input.teamId, requesterId, "requesterId", "person asking");
  }
  const participants = (await participantsOf(db, [row.id])).get(row.id) ?? [];
  if (input.counterpartId === requesterId)
    throw new DomainError("invalid", "Pick someone else to swap with.", "counterpartId");
  if (!participants.includes(input.counterpartId)) {
    throw new DomainError("invalid", "The person asked must take part in this rotation.", "counterpartId");
  }
  if (input.shiftEndsAt <= now) throw new DomainError("invalid", "That shift is already over.", "shiftEndsAt");
  const shift = { start: input.shiftStartsAt.getTime(), end: input.shiftEndsAt.getTime() };
  const inReturn =
    input.returnStartsAt && input.returnEndsAt
      ? { start: input.returnStartsAt.getTime(), end: input.returnEndsAt.getTime() }
      : null;
  if (inReturn && inReturn.end <= now.getTime())
    throw new DomainError("invalid", "The shift in return is already over.", "returnEndsAt");

  const span = {
    start: Math.min(shift.start, inReturn?.start ?? shift.start),
    end: Math.max(shift.end, inReturn?.end ?? shift.end),
  };
  const shifts = await shiftsInWindow(db, [row], span);
  if (!holdsThroughout(shifts, requesterId, shift)) {
    const message = onBehalf ? "That person does not hold this shift." : "You can only ask to swap a shift you hold.";
    throw new DomainError(onBehalf ? "invalid" : "forbidden", message, "shiftStartsAt");
  }
  if (inReturn && !holdsThroughout(shifts, input.counterpartId, inReturn)) {
    const name = nameOf(await peopleByIds(db, [input.counterpartId]), input.counterpartId);
    throw new DomainError("invalid", `${name} does not hold that shift.`, "returnStartsAt");
  }

  return db.transaction(async (tx) => {
    const [pending] = await tx
      .select({ id: swapRequest.id })
      .from(swapRequest)
      .where(
        and(
          eq(swapRequest.rotationId, row.id),
          eq(swapRequest.requesterId, requesterId),
          eq(swapRequest.shiftStartsAt, input.shiftStartsAt),
          eq(swapRequest.status, "pending"),
        ),
      );
    if (pending)
      throw new DomainError("conflict", "A swap of this shift is already waiting for an answer.", "shiftStartsAt");
    const [created] = await tx
      .insert(swapRequest)
      .values({
        rotationId: row.id,
        requesterId,
        counterpartId: input.counterpartId,
        shiftStartsAt: input.shiftStartsAt,
        shiftEndsAt: input.shiftEndsAt,
        returnStartsAt: input.returnStartsAt ?? null,
        returnEndsAt: input.returnEndsAt ?? null,
        note: input.note ?? null,
        askedById: viewer.personId,
        createdAt: now,
      })
      .returning();
    assertReturned(created, "swap insert");
    await recordAudit(tx, {
      actorPersonId: viewer.personId,
      teamId: input.teamId,
      action: "rotation.swap.request",
      entityType: "swap_request",
      entityId: created.id,
      after: created,
    });
    return swapView(tx, input.teamId, created.id);
  });
}
