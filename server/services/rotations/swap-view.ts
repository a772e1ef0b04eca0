import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rotation, swapRequest } from "@/db/schema";
import type { Interval } from "@/server/domain/rotations";
import { nameOf, peopleByIds } from "./rotation-facts";
import type { ScheduledShift } from "./window-shifts";

export type SwapRow = typeof swapRequest.$inferSelect;

/** True when `personId` holds all of the rotation's duty inside `window`, and there is some. */
export function holdsThroughout(shifts: readonly ScheduledShift[], personId: string, window: Interval): boolean {
  const inside = shifts.filter((shift) => shift.start < window.end && window.start < shift.end);
  return inside.length > 0 && inside.every((shift) => shift.personId === personId);
}

/** Swap requests of the team, newest first, with names; `swapIds` narrows to those. */
export async function swapViews(db: Db, teamId: string, swapIds?: readonly string[]) {
  const rows = await db
    .select({ swap: swapRequest, rotationName: rotation.name, role: rotation.role })
    .from(swapRequest)
    .innerJoin(rotation, eq(rotation.id, swapRequest.rotationId))
    .where(and(eq(rotation.teamId, teamId), swapIds ? inArray(swapRequest.id, [...swapIds]) : undefined))
    .orderBy(desc(swapRequest.createdAt), desc(swapRequest.id));
  const people = await peopleByIds(
    db,
    rows.flatMap(({ swap }) => [swap.requesterId, swap.counterpartId]),
  );
  return rows.map(({ swap, rotationName, role }) => ({
    id: swap.id,
    rotationId: swap.rotationId,
    rotationName,
    role,
    requesterId: swap.requesterId,
    requesterName: nameOf(people, swap.requesterId),
    counterpartId: swap.counterpartId,
    counterpartName: nameOf(people, swap.counterpartId),
    shiftStartsAt: swap.shiftStartsAt,
    shiftEndsAt: swap.shiftEndsAt,
    returnStartsAt: swap.returnStartsAt,
    returnEndsAt: swap.returnEndsAt,
    note: swap.note,
    askedById: swap.askedById ?? swap.requesterId,
    status: swap.status,
    decidedById: swap.decidedById,
    decidedAt: swap.decidedAt,
    createdAt: swap.createdAt,
  }));
}
export type SwapView = Awaited<ReturnType<typeof swapViews>>[number];

export async function swapView(db: Db, teamId: string, swapId: string): Promise<SwapView> {
  const [view] = await swapViews(db, teamId, [swapId]);
  if (!view) throw new Error(`swap ${swapId} vanished`);
  return view;
}
